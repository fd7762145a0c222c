// Model id mapping: whether a connection serves a model, under which native id, at which listed
// price and context. Order of evidence: the user's override, the connection's own /models listing,
// the catalog's offer for the connection's provider. The column's own connection is trusted with any
// id the user typed (the provider then says if it does not know it).
// Runs for every model x connection of every column: lookups only, the model parsed once per plan.
import type { CatalogModel } from '../../../shared/catalog-records';
import type { ModelPricing } from '../../../shared/records';
import type { ConnectionRow } from '../../store/store-types';
import type { ConnectionModelLists } from '../catalog/connection-model-lists';
import type { ModelCatalog } from '../catalog/model-catalog';
import type { ModelOverrides } from '../catalog/model-overrides';
import type { PresetDefinition } from '../connections/connection-presets';
import { isOpenRouterOnly, parseModelVariant, type OpenRouterVariant } from './model-variant';

export interface RouteConnection {
  row: ConnectionRow;
  preset: PresetDefinition;
}

export interface ModelSources {
  catalog: ModelCatalog;
  listings: ConnectionModelLists;
  overrides: ModelOverrides;
}

/** A model id as a column names it, parsed once per plan. */
export interface ModelAsked {
  model: string;
  baseModel: string;
  variant: OpenRouterVariant | null;
  /** The part after "author/", which local servers often use as their id. */
  slug: string;
  catalogModel: CatalogModel | undefined;
}

export interface ResolvedModel {
  /** The id to send. */
  nativeModel: string;
  /** The catalog entry, when the catalog knows the model (capabilities, context). */
  catalogModel: CatalogModel | undefined;
  pricing: ModelPricing | null;
  contextLength: number | null;
}

const FREE: ModelPricing = { prompt: 0, completion: 0 };

export function isOpenRouterConnection(connection: RouteConnection): boolean {
  return connection.preset.id === 'openrouter';
}

export function describeModelAsked(model: string, catalog: ModelCatalog): ModelAsked {
  const { baseModel, variant } = parseModelVariant(model);
  return { model, baseModel, variant, slug: baseModel.slice(baseModel.indexOf('/') + 1), catalogModel: catalog.get(model) ?? catalog.get(baseModel) };
}

/** undefined: this connection does not serve the model (as far as anything known says). */
export function resolveModelOnConnection(
  connection: RouteConnection,
  asked: ModelAsked,
  isColumnConnection: boolean,
  sources: ModelSources,
): ResolvedModel | undefined {
  const { catalog, listings, overrides } = sources;
  const connectionId = connection.row.id;
  const override = overrides.get(connectionId, asked.model);
  if (override !== undefined) return describe(connection, asked, override, sources);

  // OpenRouter and the demo simulator take OpenRouter ids as they are, variant suffix included.
  if (isOpenRouterConnection(connection) || connection.row.kind === 'demo') {
    const served =
      isColumnConnection ||
      listings.get(connectionId, asked.model) !== undefined ||
      (connection.row.kind !== 'demo' && asked.catalogModel !== undefined && catalog.offerOf(asked.catalogModel, 'openrouter') !== undefined);
    return served ? describe(connection, asked, asked.model, sources) : undefined;
  }

  if (isOpenRouterOnly(asked.variant)) return isColumnConnection ? describe(connection, asked, asked.model, sources) : undefined;
  const provider = connection.preset.catalogProvider;
  const { baseModel, slug } = asked;
  const nativeModel =
    (provider && asked.catalogModel ? catalog.offerOf(asked.catalogModel, provider)?.nativeId : undefined) ??
    (listings.get(connectionId, baseModel) ? baseModel : undefined) ??
    (listings.get(connectionId, slug) ? slug : undefined) ??
    // The user typed the provider's own id ("claude-sonnet-4-20250514" on Anthropic).
    (provider && catalog.catalogIdFor(provider, baseModel) ? baseModel : undefined);
  if (nativeModel !== undefined) return describe(connection, asked, nativeModel, sources);
  return isColumnConnection ? describe(connection, asked, baseModel, sources) : undefined;
}

function describe(connection: RouteConnection, asked: ModelAsked, nativeModel: string, sources: ModelSources): ResolvedModel {
  const { catalog, listings } = sources;
  const provider = connection.preset.catalogProvider;
  const catalogModel = asked.catalogModel ?? (provider ? lookUpNative(catalog, provider, nativeModel) : undefined);
  const offer = provider && catalogModel ? catalog.offerOf(catalogModel, provider) : undefined;
  const listed = listings.get(connection.row.id, nativeModel);
  const pricing = connection.preset.local ? FREE : (listed?.pricing ?? offer?.pricing ?? null);
  const contextLength = listed?.contextLength ?? offer?.contextLength ?? catalogModel?.contextLength ?? null;
  return { nativeModel, catalogModel, pricing, contextLength };
}

function lookUpNative(catalog: ModelCatalog, provider: string, nativeId: string): CatalogModel | undefined {
  const catalogId = catalog.catalogIdFor(provider, nativeId);
  return catalogId === undefined ? undefined : catalog.get(catalogId);
}
