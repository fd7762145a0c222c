// The engine builds OpenRouter's `reasoning: { effort | max_tokens, exclude }`; direct providers name it
// differently. OpenAI (and Gemini, Groq, xAI through their OpenAI compatibility) take `reasoning_effort`
// and have no token budget; Anthropic's OpenAI compatibility takes `thinking: { type, budget_tokens }`;
// DeepSeek's reasoner always reasons and takes neither.
import type { ChatBody } from './request-quirks';

export type ReasoningRequestStyle = 'openrouter' | 'reasoning-effort' | 'anthropic-thinking' | 'none';

interface OpenRouterReasoningField {
  effort?: 'low' | 'medium' | 'high';
  max_tokens?: number;
  exclude?: boolean;
}

// Anthropic has budgets only: an effort becomes the budget OpenRouter documents for it at 32k max tokens
// (high 80%, medium 50%, low 20%), never under Anthropic's 1024 minimum.
const anthropicBudgetByEffort = { low: 6_554, medium: 16_384, high: 26_214 } as const;

export function mapReasoningRequest(body: ChatBody, style: ReasoningRequestStyle): ChatBody {
  const reasoning = body.reasoning as OpenRouterReasoningField | undefined;
  if (reasoning === undefined || style === 'openrouter') return body;
  const { reasoning: _reasoning, ...rest } = body;
  if (style === 'reasoning-effort') return (reasoning.effort ? { ...rest, reasoning_effort: reasoning.effort } : rest) as ChatBody;
  if (style === 'anthropic-thinking') {
    const budget = reasoning.max_tokens ?? (reasoning.effort ? anthropicBudgetByEffort[reasoning.effort] : undefined);
    return (budget === undefined ? rest : { ...rest, thinking: { type: 'enabled', budget_tokens: Math.max(1024, budget) } }) as ChatBody;
  }
  return rest as ChatBody;
}

/** Whether a connection of this style can send a token budget (else reasoning.maxTokens is left out, with a warning). */
export function acceptsReasoningBudget(style: ReasoningRequestStyle): boolean {
  return style === 'openrouter' || style === 'anthropic-thinking';
}
