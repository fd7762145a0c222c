// Token estimate and exact cost for the usage block OpenRouter sends with every response.
import type { OpenRouterUsage } from './openrouter-shapes';
import { promptText } from './text-source';
import type { ChatRequestBody, SimulatedPricing } from './types';

export interface TokenCounts {
  promptTokens: number;
  cachedPromptTokens: number;
  completionTokens: number;
  reasoningTokens: number;
}

export interface Cost {
  total: number;
  prompt: number;
  completion: number;
}

/** Deterministic stand-in for a tokenizer: ceil(characters / 4) over every message's text. */
export function estimatePromptTokens(request: ChatRequestBody): number {
  return Math.ceil(promptText(request).length / 4);
}

// Prices in whole picodollars (1e-12 USD) per token: sums of integers are exact, and one final division
// gives the double nearest the true decimal cost, so tests can compare with toBe on a hand-computed value.
const PICODOLLARS_PER_DOLLAR = 1e12;

function picodollars(pricePerToken: number): number {
  return Math.round(pricePerToken * PICODOLLARS_PER_DOLLAR);
}

/**
 * cost = (prompt_tokens - cached_tokens) * prompt price
 *      + cached_tokens * cache-read price             (the prompt price when no cache-read price is set)
 *      + completion_tokens * completion price        (completion tokens include reasoning tokens)
 */
export function computeCost(counts: TokenCounts, pricing: SimulatedPricing): Cost {
  const uncachedPrompt = counts.promptTokens - counts.cachedPromptTokens;
  const promptPico =
    uncachedPrompt * picodollars(pricing.prompt) + counts.cachedPromptTokens * picodollars(pricing.inputCacheRead ?? pricing.prompt);
  const completionPico = counts.completionTokens * picodollars(pricing.completion);
  return {
    total: (promptPico + completionPico) / PICODOLLARS_PER_DOLLAR,
    prompt: promptPico / PICODOLLARS_PER_DOLLAR,
    completion: completionPico / PICODOLLARS_PER_DOLLAR,
  };
}

/** OpenRouter's usage block; with `reportsCost` false, the plain OpenAI shape a direct provider sends (no cost fields). */
export function buildUsage(counts: TokenCounts, cost: Cost, reportsCost = true): OpenRouterUsage {
  const usage = openRouterUsage(counts, cost);
  if (reportsCost) return usage;
  const { cost: _cost, is_byok: _isByok, cost_details: _costDetails, ...direct } = usage;
  return direct;
}

function openRouterUsage(counts: TokenCounts, cost: Cost): OpenRouterUsage {
  return {
    prompt_tokens: counts.promptTokens,
    completion_tokens: counts.completionTokens,
    total_tokens: counts.promptTokens + counts.completionTokens,
    cost: cost.total,
    is_byok: false,
    prompt_tokens_details: {
      cached_tokens: counts.cachedPromptTokens,
      cache_write_tokens: 0,
      audio_tokens: 0,
      video_tokens: 0,
    },
    // For non-BYOK traffic OpenRouter reports the upstream cost equal to the charged cost, split by side.
    cost_details: {
      upstream_inference_cost: cost.total,
      upstream_inference_prompt_cost: cost.prompt,
      upstream_inference_completions_cost: cost.completion,
    },
    completion_tokens_details: { reasoning_tokens: counts.reasoningTokens, image_tokens: 0, audio_tokens: 0 },
  };
}
