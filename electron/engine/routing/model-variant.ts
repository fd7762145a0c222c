// OpenRouter's model variants: "anthropic/claude-sonnet-4:nitro" and friends. Only these names count
// as variants, so an Ollama tag such as "llama3.1:8b" stays part of the model id.
import type { RouteSort } from '../../../shared/records';

export const openRouterVariants = ['free', 'nitro', 'floor', 'online', 'thinking', 'extended', 'exacto'] as const;
export type OpenRouterVariant = (typeof openRouterVariants)[number];

export interface ModelVariant {
  /** The id without the variant suffix. */
  baseModel: string;
  variant: OpenRouterVariant | null;
}

const variantNames = new Set<string>(openRouterVariants);

export function parseModelVariant(model: string): ModelVariant {
  const colon = model.lastIndexOf(':');
  if (colon > 0) {
    const suffix = model.slice(colon + 1);
    if (variantNames.has(suffix)) return { baseModel: model.slice(0, colon), variant: suffix as OpenRouterVariant };
  }
  return { baseModel: model, variant: null };
}

/** ":nitro" means "fastest provider first" and ":floor" "cheapest first": the same sorts apply across connections. */
export function sortImpliedBy(variant: OpenRouterVariant | null): RouteSort | undefined {
  if (variant === 'nitro') return 'throughput';
  if (variant === 'floor') return 'price';
  return undefined;
}

/** Variants that name something only OpenRouter offers (a free endpoint, web search, ...): no direct connection serves them. */
export function isOpenRouterOnly(variant: OpenRouterVariant | null): boolean {
  return variant !== null && variant !== 'nitro' && variant !== 'floor';
}
