// The catalog browser's form state and how it becomes a listCatalog request.
import type { Capability, CatalogModel, Modality } from '../../../shared/catalog-records';
import type { MethodInput } from '../../../shared/contract';

export type CatalogQuery = MethodInput<'listCatalog'>;

export type SortOption = 'name' | 'price-asc' | 'price-desc' | 'context-desc' | 'released-desc';

export const sortLabels: Record<SortOption, string> = {
  name: 'Name (A–Z)',
  'price-asc': 'Price: cheapest first',
  'price-desc': 'Price: most expensive first',
  'context-desc': 'Context: largest first',
  'released-desc': 'Newest first',
};

export interface CatalogForm {
  search: string;
  provider: string;
  capabilities: Capability[];
  inputModality: Modality | '';
  /** USD per million tokens, as typed ('' = any). */
  maxInputPrice: string;
  maxOutputPrice: string;
  /** Tokens ('' = any). */
  minContext: string;
  sort: SortOption;
}

export const emptyForm: CatalogForm = {
  search: '',
  provider: '',
  capabilities: [],
  inputModality: '',
  maxInputPrice: '',
  maxOutputPrice: '',
  minContext: '',
  sort: 'name',
};

function price(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

export function toQuery(form: CatalogForm, offset: number, limit: number): CatalogQuery {
  const [sort, direction] = (
    {
      name: ['name', 'asc'],
      'price-asc': ['price', 'asc'],
      'price-desc': ['price', 'desc'],
      'context-desc': ['context', 'desc'],
      'released-desc': ['released', 'desc'],
    } as const
  )[form.sort];
  const minContext = form.minContext === '' ? undefined : Number(form.minContext);
  return {
    search: form.search.trim() || undefined,
    providers: form.provider ? [form.provider] : undefined,
    capabilities: form.capabilities.length > 0 ? form.capabilities : undefined,
    inputModalities: form.inputModality ? [form.inputModality] : undefined,
    maxPromptPricePerMillion: price(form.maxInputPrice),
    maxCompletionPricePerMillion: price(form.maxOutputPrice),
    minContextLength: minContext !== undefined && Number.isInteger(minContext) && minContext > 0 ? minContext : undefined,
    sort,
    direction,
    limit,
    offset,
  };
}

export const capabilityLabels: Record<Capability, string> = { tools: 'Tools', structuredOutput: 'Structured output', reasoning: 'Reasoning' };
export const capabilityBadges: Record<Capability, string> = { tools: 'tools', structuredOutput: 'JSON', reasoning: 'reasoning' };

/** "$3" per million tokens; "—" when unknown. */
export function perMillion(perToken: number | undefined): string {
  if (perToken === undefined) return '—';
  const value = perToken * 1_000_000;
  if (value === 0) return '$0';
  if (value >= 100) return `$${Math.round(value)}`;
  return `$${Number(value.toPrecision(3))}`;
}

export function providerSummary(model: CatalogModel): string {
  return model.offers.map((offer) => `${offer.providerName}: ${offer.pricing ? `${perMillion(offer.pricing.prompt)} / ${perMillion(offer.pricing.completion)}` : 'price unknown'}`).join('\n');
}
