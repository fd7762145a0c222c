// OpenRouter's GET /api/v1/models entry -> catalog fields. Reads only the fields used (STYLE 4):
// id, name, context_length, architecture modalities, per-token price strings, top_provider,
// supported_parameters, created.
import type { CatalogModel } from '../../../shared/catalog-records';
import type { ModelPricing } from '../../../shared/records';
import { authorOf, modalitiesOf } from './load-bundled-catalog';

export interface WireOpenRouterModel {
  id?: unknown;
  name?: unknown;
  created?: unknown;
  context_length?: unknown;
  architecture?: { input_modalities?: unknown; output_modalities?: unknown } | null;
  pricing?: Record<string, unknown> | null;
  top_provider?: { context_length?: unknown; max_completion_tokens?: unknown } | null;
  supported_parameters?: unknown;
}

function perToken(value: unknown): number | undefined {
  const parsed = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  // "-1" marks router models (openrouter/auto) whose price depends on the model routed to.
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : undefined;
}

function positiveInteger(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function openRouterPricing(pricing: Record<string, unknown> | null | undefined): ModelPricing | null {
  const prompt = perToken(pricing?.['prompt']);
  const completion = perToken(pricing?.['completion']);
  if (prompt === undefined || completion === undefined) return null;
  const result: ModelPricing = { prompt, completion };
  const cacheRead = perToken(pricing?.['input_cache_read']);
  const cacheWrite = perToken(pricing?.['input_cache_write']);
  const reasoning = perToken(pricing?.['internal_reasoning']);
  if (cacheRead !== undefined) result.cacheRead = cacheRead;
  if (cacheWrite !== undefined) result.cacheWrite = cacheWrite;
  // "0" means "billed as completion", not "free reasoning": keep only a real separate price.
  if (reasoning !== undefined && reasoning > 0) result.reasoning = reasoning;
  return result;
}

/** The catalog fields an OpenRouter listing entry gives; undefined for entries that are not text models. */
export function convertOpenRouterModel(wire: WireOpenRouterModel): Omit<CatalogModel, 'offers' | 'origin' | 'openWeights'> | undefined {
  if (typeof wire.id !== 'string' || wire.id === '') return undefined;
  const outputModalities = modalitiesOf(stringList(wire.architecture?.output_modalities));
  if (outputModalities.length > 0 && !outputModalities.includes('text')) return undefined;
  // OpenRouter calls PDFs "file".
  const inputModalities = modalitiesOf(stringList(wire.architecture?.input_modalities).map((value) => (value === 'file' ? 'pdf' : value)));
  const parameters = new Set(stringList(wire.supported_parameters));
  const created = typeof wire.created === 'number' && wire.created > 0 ? new Date(wire.created * 1000).toISOString().slice(0, 10) : null;
  return {
    id: wire.id,
    name: typeof wire.name === 'string' && wire.name ? wire.name : wire.id,
    author: authorOf(wire.id),
    contextLength: positiveInteger(wire.context_length) ?? positiveInteger(wire.top_provider?.context_length),
    maxOutputTokens: positiveInteger(wire.top_provider?.max_completion_tokens),
    inputModalities: inputModalities.length > 0 ? inputModalities : ['text'],
    outputModalities: outputModalities.length > 0 ? outputModalities : ['text'],
    capabilities: {
      tools: parameters.has('tools'),
      structuredOutput: parameters.has('structured_outputs') || parameters.has('response_format'),
      reasoning: parameters.has('reasoning') || parameters.has('include_reasoning'),
    },
    pricing: openRouterPricing(wire.pricing),
    releaseDate: created,
  };
}
