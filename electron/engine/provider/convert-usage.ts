// Usage blocks differ a little per provider; read only the fields we use (vendors add more).
// Provider-specific fields live in quirks/, one file each, and are read here by presence.
import type { TokenUsage } from '../../../shared/records';
import { deepSeekCachedTokens, type DeepSeekUsage } from './quirks/convert-deepseek-usage';
import { openRouterCost, type OpenRouterUsage } from './quirks/convert-openrouter-usage';

export interface WireUsage extends DeepSeekUsage, OpenRouterUsage {
  prompt_tokens?: number | null;
  completion_tokens?: number | null;
  prompt_tokens_details?: { cached_tokens?: number | null; cache_write_tokens?: number | null } | null;
  completion_tokens_details?: { reasoning_tokens?: number | null } | null;
}

const count = (value: number | null | undefined): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

export function convertUsage(usage: WireUsage): TokenUsage {
  return {
    promptTokens: count(usage.prompt_tokens),
    completionTokens: count(usage.completion_tokens),
    cachedTokens: count(usage.prompt_tokens_details?.cached_tokens ?? deepSeekCachedTokens(usage)),
    cacheWriteTokens: count(usage.prompt_tokens_details?.cache_write_tokens),
    reasoningTokens: count(usage.completion_tokens_details?.reasoning_tokens),
  };
}

/** The provider's own cost when it reports one (OpenRouter always does); undefined otherwise. */
export function providerCost(usage: WireUsage): number | undefined {
  return openRouterCost(usage);
}
