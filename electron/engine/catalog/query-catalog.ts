// The catalog browser's search, filters and sort over the in-memory catalog. A linear pass is
// under a millisecond for thousands of models, so no index beyond a lower-cased search text.
import type { CatalogModel } from '../../../shared/catalog-records';
import type { ParsedInput } from '../../../shared/contract';
import type { ModelPricing } from '../../../shared/records';

export type CatalogQuery = ParsedInput<'listCatalog'>;

const PER_MILLION = 1_000_000;

/** One number to sort prices by: a typical chat mixes about 3 input tokens per output token. */
export function blendedPrice(pricing: ModelPricing | null): number | null {
  return pricing ? (3 * pricing.prompt + pricing.completion) / 4 : null;
}

const searchTexts = new WeakMap<CatalogModel, string>();

function searchTextOf(model: CatalogModel): string {
  let text = searchTexts.get(model);
  if (text === undefined) {
    text = [model.id, model.name, ...model.offers.map((offer) => `${offer.provider} ${offer.nativeId}`)].join(' ').toLowerCase();
    searchTexts.set(model, text);
  }
  return text;
}

function matches(model: CatalogModel, query: CatalogQuery, words: string[]): boolean {
  if (words.length > 0) {
    const text = searchTextOf(model);
    if (!words.every((word) => text.includes(word))) return false;
  }
  if (query.providers?.length && !model.offers.some((offer) => query.providers!.includes(offer.provider))) return false;
  if (query.capabilities?.some((capability) => !model.capabilities[capability])) return false;
  if (query.inputModalities?.some((modality) => !model.inputModalities.includes(modality))) return false;
  if (query.outputModalities?.some((modality) => !model.outputModalities.includes(modality))) return false;
  if (query.maxPromptPricePerMillion !== undefined) {
    if (!model.pricing || model.pricing.prompt * PER_MILLION > query.maxPromptPricePerMillion + 1e-9) return false;
  }
  if (query.maxCompletionPricePerMillion !== undefined) {
    if (!model.pricing || model.pricing.completion * PER_MILLION > query.maxCompletionPricePerMillion + 1e-9) return false;
  }
  if (query.minContextLength !== undefined && (model.contextLength ?? 0) < query.minContextLength) return false;
  return true;
}

/** Sort key; null sorts last whatever the direction (an unknown price is not "cheapest"). */
function sortKey(model: CatalogModel, sort: CatalogQuery['sort']): number | string | null {
  switch (sort) {
    case 'price':
      return blendedPrice(model.pricing);
    case 'context':
      return model.contextLength;
    case 'released':
      return model.releaseDate;
    case 'name':
      return model.name.toLowerCase();
  }
}

function defaultDirection(sort: CatalogQuery['sort']): 'asc' | 'desc' {
  return sort === 'context' || sort === 'released' ? 'desc' : 'asc';
}

export function queryCatalog(models: readonly CatalogModel[], query: CatalogQuery): { models: CatalogModel[]; total: number } {
  const words = (query.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const matched = models.filter((model) => matches(model, query, words));
  const direction = (query.direction ?? defaultDirection(query.sort)) === 'asc' ? 1 : -1;
  const keyed = matched.map((model) => ({ model, key: sortKey(model, query.sort) }));
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) return a.key === b.key ? a.model.id.localeCompare(b.model.id) : a.key === null ? 1 : -1;
    const order = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    return order * direction || a.model.id.localeCompare(b.model.id);
  });
  return { models: keyed.slice(query.offset, query.offset + query.limit).map((entry) => entry.model), total: matched.length };
}
