// The body fields only OpenRouter reads: `models` (native fallbacks) and `provider` (provider
// routing preferences), written exactly as OpenRouter documents them (snake_case).
import type { OpenRouterProviderPreferences, RoutingPolicy } from '../../../shared/records';

export interface OpenRouterWireProvider {
  order?: string[];
  allow_fallbacks?: boolean;
  require_parameters?: boolean;
  data_collection?: 'allow' | 'deny';
  only?: string[];
  ignore?: string[];
  quantizations?: string[];
  sort?: string;
  max_price?: { prompt?: number; completion?: number; request?: number; image?: number };
  zdr?: boolean;
}

export function openRouterProviderField(preferences: OpenRouterProviderPreferences): OpenRouterWireProvider {
  const wire: OpenRouterWireProvider = {};
  if (preferences.order) wire.order = preferences.order;
  if (preferences.allowFallbacks !== undefined) wire.allow_fallbacks = preferences.allowFallbacks;
  if (preferences.requireParameters !== undefined) wire.require_parameters = preferences.requireParameters;
  if (preferences.dataCollection) wire.data_collection = preferences.dataCollection;
  if (preferences.only) wire.only = preferences.only;
  if (preferences.ignore) wire.ignore = preferences.ignore;
  if (preferences.quantizations) wire.quantizations = preferences.quantizations;
  if (preferences.sort) wire.sort = preferences.sort;
  if (preferences.maxPrice) wire.max_price = { ...preferences.maxPrice };
  if (preferences.zdr !== undefined) wire.zdr = preferences.zdr;
  return wire;
}

/**
 * Extra body fields for one call through OpenRouter. The column's sort (price, latency, throughput)
 * also becomes OpenRouter's provider sort unless the preferences name their own.
 */
export function openRouterRequestFields(model: string, nativeFallbacks: readonly string[], routing: RoutingPolicy | undefined): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (nativeFallbacks.length > 0) fields['models'] = [model, ...nativeFallbacks];
  const preferences: OpenRouterProviderPreferences = { ...(routing?.openrouter?.provider ?? {}) };
  if (preferences.sort === undefined && routing?.sort) preferences.sort = routing.sort;
  const provider = openRouterProviderField(preferences);
  if (Object.keys(provider).length > 0) fields['provider'] = provider;
  return fields;
}
