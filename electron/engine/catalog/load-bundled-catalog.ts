// Turns the bundled catalog text into CatalogModel objects. Called on first catalog use, not at
// process start: parsing costs a few milliseconds that a window opening should not wait for.
import type { CatalogModel, CatalogOffer, Modality } from '../../../shared/catalog-records';
import type { ModelPricing } from '../../../shared/records';
import { bundledCatalogText } from './bundled-catalog.generated';
import type { BundledCatalog, BundledPrice } from './bundled-catalog-format';

const PER_MILLION = 1_000_000;
const knownModalities = new Set<string>(['text', 'image', 'audio', 'video', 'pdf']);

export interface LoadedCatalog {
  models: CatalogModel[];
  providerNames: Map<string, string>;
  /** e.g. "models.dev f3fc692 (2026-07-02)". */
  sourceLabel: string;
}

/** Per-million prices to per-token ModelPricing (one division each, so 3 -> 3e-6 exactly as a literal would). */
export function pricingFromPerMillion(price: BundledPrice | undefined): ModelPricing | null {
  if (!price) return null;
  const pricing: ModelPricing = { prompt: price.input / PER_MILLION, completion: price.output / PER_MILLION };
  if (price.cacheRead !== undefined) pricing.cacheRead = price.cacheRead / PER_MILLION;
  if (price.cacheWrite !== undefined) pricing.cacheWrite = price.cacheWrite / PER_MILLION;
  if (price.reasoning !== undefined) pricing.reasoning = price.reasoning / PER_MILLION;
  return pricing;
}

export function modalitiesOf(values: readonly string[]): Modality[] {
  return values.filter((value): value is Modality => knownModalities.has(value));
}

export function authorOf(modelId: string): string {
  const slash = modelId.indexOf('/');
  return slash > 0 ? modelId.slice(0, slash).replace(/^~/, '') : '';
}

export function parseBundledCatalog(text: string): LoadedCatalog {
  const bundled = JSON.parse(text) as BundledCatalog;
  const providerNames = new Map(Object.entries(bundled.providers));
  const models = bundled.models.map((model): CatalogModel => {
    const pricing = pricingFromPerMillion(model.price);
    const contextLength = model.context ?? null;
    const offers = model.offers.map(
      (offer): CatalogOffer => ({
        provider: offer.provider,
        providerName: providerNames.get(offer.provider) ?? offer.provider,
        nativeId: offer.id,
        pricing: offer.price ? pricingFromPerMillion(offer.price) : pricing,
        contextLength: offer.context ?? contextLength,
      }),
    );
    return {
      id: model.id,
      name: model.name,
      author: authorOf(model.id),
      contextLength,
      maxOutputTokens: model.maxOutput ?? null,
      inputModalities: modalitiesOf(model.input),
      outputModalities: modalitiesOf(model.output),
      capabilities: { tools: model.tools === true, structuredOutput: model.structured === true, reasoning: model.reasoning === true },
      pricing,
      offers,
      releaseDate: model.released ?? null,
      openWeights: model.openWeights === true,
      origin: 'bundled',
    };
  });
  const { name, commit, date } = bundled.source;
  return { models, providerNames, sourceLabel: `${name} ${commit.slice(0, 7)} (${date})` };
}

export function loadBundledCatalog(): LoadedCatalog {
  return parseBundledCatalog(bundledCatalogText);
}
