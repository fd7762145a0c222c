// DeepSeek reports cache hits as prompt_cache_hit_tokens / prompt_cache_miss_tokens instead of
// prompt_tokens_details.cached_tokens (prompt_tokens is still the total).
export interface DeepSeekUsage {
  prompt_cache_hit_tokens?: number | null;
}

export function deepSeekCachedTokens(usage: DeepSeekUsage): number | undefined {
  const hits = usage.prompt_cache_hit_tokens;
  return typeof hits === 'number' && Number.isFinite(hits) ? hits : undefined;
}
