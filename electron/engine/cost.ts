// Cost of one call from listed prices: token counts x per-token prices, every kind of token at its
// own rate. Which price source wins for a call is decided in pricing/price-call.ts.
import type { Cost, ModelPricing, TokenUsage } from '../../shared/records';

export function estimateCostUsd(usage: TokenUsage, pricing: ModelPricing): number {
  const uncachedPrompt = Math.max(0, usage.promptTokens - usage.cachedTokens - usage.cacheWriteTokens);
  // Reasoning tokens are part of completion_tokens in the OpenAI usage shape: priced apart only
  // when the model has its own reasoning price, and never counted twice.
  const reasoningTokens = pricing.reasoning !== undefined ? Math.min(usage.reasoningTokens, usage.completionTokens) : 0;
  return (
    uncachedPrompt * pricing.prompt +
    usage.cachedTokens * (pricing.cacheRead ?? pricing.prompt) +
    usage.cacheWriteTokens * (pricing.cacheWrite ?? pricing.prompt) +
    (usage.completionTokens - reasoningTokens) * pricing.completion +
    reasoningTokens * (pricing.reasoning ?? pricing.completion)
  );
}

export function resolveCost(usage: TokenUsage | null, providerUsd: number | undefined, pricing: ModelPricing | null): Cost {
  if (providerUsd !== undefined) return { usd: providerUsd, source: 'provider' };
  if (usage && pricing) return { usd: estimateCostUsd(usage, pricing), source: 'catalog' };
  return { usd: null, source: 'unknown' };
}
