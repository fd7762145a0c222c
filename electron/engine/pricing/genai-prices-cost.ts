// @pydantic/genai-prices knows tiered prices, cache-write rates and time-of-day discounts that a
// flat catalog price misses. Its module (with its price data) takes ~80 ms to import, so it is
// imported on the first priced call, or warmed in the background after startup.
import type * as GenaiPricesModule from '@pydantic/genai-prices';
import type { TokenUsage } from '../../../shared/records';

type GenaiPrices = typeof GenaiPricesModule;
let genaiPrices: Promise<GenaiPrices> | undefined;

export function loadGenaiPrices(): Promise<GenaiPrices> {
  genaiPrices ??= import('@pydantic/genai-prices');
  return genaiPrices;
}

export interface GenaiPriceRequest {
  usage: TokenUsage;
  /** genai-prices provider id, e.g. "openai", "anthropic", "x-ai". */
  provider: string;
  /** The id the provider knows the model by. */
  model: string;
  /** Wall time of the call: some prices depend on the date or the time of day. */
  at: number;
}

/** Total USD, or undefined when genai-prices does not know this model at this provider. */
export async function genaiPricesCostUsd(request: GenaiPriceRequest): Promise<number | undefined> {
  const { calcPrice } = await loadGenaiPrices();
  const { usage } = request;
  try {
    const result = calcPrice(
      {
        // genai-prices wants the total input with cache reads and writes as parts of it.
        input_tokens: Math.max(usage.promptTokens, usage.cachedTokens + usage.cacheWriteTokens),
        cache_read_tokens: usage.cachedTokens,
        cache_write_tokens: usage.cacheWriteTokens,
        output_tokens: usage.completionTokens,
      },
      request.model,
      { providerId: request.provider, timestamp: new Date(request.at) },
    );
    return result && Number.isFinite(result.total_price) ? result.total_price : undefined;
  } catch {
    // Its price data can be incomplete for a model (it throws rather than guess): fall back to the catalog.
    return undefined;
  }
}
