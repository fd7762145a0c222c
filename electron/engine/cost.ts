// Cost of one call: the provider's exact figure when it sends one (OpenRouter's usage.cost),
// else computed from the model's listed prices and labelled as an estimate, else unknown (never a guessed zero).
import type { Cost, ModelPricing, TokenUsage } from '../../shared/records';

export function estimateCostUsd(usage: TokenUsage, pricing: ModelPricing): number {
  const uncachedPrompt = Math.max(0, usage.promptTokens - usage.cachedTokens - usage.cacheWriteTokens);
  return (
    uncachedPrompt * pricing.prompt +
    usage.cachedTokens * (pricing.cacheRead ?? pricing.prompt) +
    usage.cacheWriteTokens * (pricing.cacheWrite ?? pricing.prompt) +
    // Reasoning tokens are part of completion_tokens in the OpenAI usage shape: not added twice.
    usage.completionTokens * pricing.completion
  );
}

export function resolveCost(usage: TokenUsage | null, providerUsd: number | undefined, pricing: ModelPricing | null): Cost {
  if (providerUsd !== undefined) return { usd: providerUsd, source: 'provider' };
  if (usage && pricing) return { usd: estimateCostUsd(usage, pricing), source: 'catalog' };
  return { usd: null, source: 'unknown' };
}
