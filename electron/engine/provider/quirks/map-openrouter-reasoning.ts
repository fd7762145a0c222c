// OpenRouter streams reasoning as delta.reasoning (plain text) and delta.reasoning_details (typed
// blocks). Some models fill only the details (summaries), so read them when the text is absent;
// encrypted blocks carry nothing to show.
export interface OpenRouterReasoningDetail {
  type?: string;
  text?: string | null;
  summary?: string | null;
}

export interface OpenRouterDelta {
  reasoning?: string | null;
  reasoning_details?: OpenRouterReasoningDetail[] | null;
}

export function openRouterReasoning(delta: OpenRouterDelta): string | undefined {
  if (typeof delta.reasoning === 'string' && delta.reasoning) return delta.reasoning;
  if (!Array.isArray(delta.reasoning_details)) return undefined;
  const text = delta.reasoning_details
    .map((detail) => (detail.type === 'reasoning.summary' ? detail.summary : detail.type === 'reasoning.text' ? detail.text : undefined))
    .filter((part): part is string => typeof part === 'string')
    .join('');
  return text || undefined;
}
