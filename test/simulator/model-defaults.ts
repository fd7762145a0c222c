// Fills a SimulatedModel's optional fields once, so the handlers never repeat a default.
import type { ChatRequestBody, Fault, SimulatedModel, SimulatedToolCall } from './types';

export interface ResolvedModel {
  id: string;
  name: string;
  contextLength: number;
  pricing: { prompt: number; completion: number; inputCacheRead: number };
  servedAs: string;
  provider: string;
  firstTokenDelayMs: number;
  /** Milliseconds between tokens; 0 sends everything at the first-token time. */
  tokenIntervalMs: number;
  /** undefined: generated answers use DEFAULT_OUTPUT_TOKENS, explicit text is sent whole. */
  outputTokens: number | undefined;
  text: string | ((request: ChatRequestBody) => string) | undefined;
  reasoningTokens: number;
  reasoningField: 'reasoning' | 'reasoning_content';
  toolCalls: SimulatedToolCall[] | ((request: ChatRequestBody) => SimulatedToolCall[]);
  cachedPromptTokens: number;
  reportsCost: boolean;
  fault: Fault | undefined;
}

export const DEFAULT_OUTPUT_TOKENS = 60;
const DEFAULT_PRICING = { prompt: 0.000001, completion: 0.000002, inputCacheRead: 0.00000025 };

// Display names of the providers OpenRouter reports for common id prefixes (the chunk's "provider" field).
const PROVIDER_BY_PREFIX: Record<string, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  google: 'Google',
  deepseek: 'DeepSeek',
  'meta-llama': 'DeepInfra',
  mistralai: 'Mistral',
  'x-ai': 'xAI',
  qwen: 'Alibaba',
};

export function resolveModel(model: SimulatedModel): ResolvedModel {
  const prefix = model.id.split('/')[0] ?? '';
  const tokensPerSecond = model.tokensPerSecond ?? 200;
  const pricing = model.pricing ?? DEFAULT_PRICING;
  return {
    id: model.id,
    name: model.name ?? model.id,
    contextLength: model.contextLength ?? 128_000,
    pricing: {
      prompt: pricing.prompt,
      completion: pricing.completion,
      inputCacheRead: pricing.inputCacheRead ?? pricing.prompt,
    },
    servedAs: model.servedAs ?? model.id,
    provider: model.provider ?? PROVIDER_BY_PREFIX[prefix] ?? 'Simulator',
    firstTokenDelayMs: Math.max(0, model.firstTokenDelayMs ?? 50),
    tokenIntervalMs: tokensPerSecond > 0 && Number.isFinite(tokensPerSecond) ? 1000 / tokensPerSecond : 0,
    outputTokens: model.outputTokens,
    text: model.text,
    reasoningTokens: Math.max(0, model.reasoningTokens ?? 0),
    reasoningField: model.reasoningField ?? 'reasoning',
    toolCalls: model.toolCalls ?? [],
    cachedPromptTokens: Math.max(0, model.cachedPromptTokens ?? 0),
    reportsCost: model.reportsCost ?? true,
    fault: model.fault,
  };
}
