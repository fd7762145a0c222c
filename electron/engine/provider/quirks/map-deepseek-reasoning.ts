// DeepSeek (and xAI, vLLM, LM Studio) stream reasoning as delta.reasoning_content;
// OpenRouter uses delta.reasoning (see map-openrouter-reasoning.ts).
export interface DeepSeekDelta {
  reasoning_content?: string | null;
}

export function deepSeekReasoning(delta: DeepSeekDelta): string | undefined {
  return typeof delta.reasoning_content === 'string' && delta.reasoning_content ? delta.reasoning_content : undefined;
}
