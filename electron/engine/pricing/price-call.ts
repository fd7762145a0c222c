// Which figure prices a call, best first: the provider's own charge, genai-prices (tiers, cache
// writes, time of day), the connection's or catalog's listed prices; a local model costs nothing;
// else unknown (never a guessed zero).
import type { Cost, ModelPricing, TokenUsage } from '../../../shared/records';
import { estimateCostUsd } from '../cost';
import { genaiPricesCostUsd } from './genai-prices-cost';

export interface PriceCallInput {
  usage: TokenUsage | null;
  /** The provider's own figure (OpenRouter's usage.cost). */
  providerUsd: number | undefined;
  /** A model on this machine (Ollama, LM Studio). */
  local: boolean;
  /** genai-prices provider id of the connection's preset, when it has one. */
  genaiPricesProvider: string | null;
  /** The id sent to the provider. */
  nativeModel: string;
  /** Listed prices: the connection's /models listing, else the catalog's offer for the provider. */
  listedPricing: ModelPricing | null;
  at: number;
}

export async function priceCall(input: PriceCallInput): Promise<Cost> {
  if (input.providerUsd !== undefined) return { usd: input.providerUsd, source: 'provider' };
  if (!input.usage) return { usd: null, source: 'unknown' };
  if (input.local) return { usd: 0, source: 'local' };
  if (input.genaiPricesProvider) {
    const usd = await genaiPricesCostUsd({ usage: input.usage, provider: input.genaiPricesProvider, model: input.nativeModel, at: input.at });
    if (usd !== undefined) return { usd, source: 'genai-prices' };
  }
  if (input.listedPricing) return { usd: estimateCostUsd(input.usage, input.listedPricing), source: 'catalog' };
  return { usd: null, source: 'unknown' };
}
