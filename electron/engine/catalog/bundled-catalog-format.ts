// The shape of the bundled catalog text (written by scripts/build-catalog.mjs). Types only.

/** USD per million tokens, as models.dev writes them. */
export interface BundledPrice {
  input: number;
  output: number;
  cacheRead?: number;
  cacheWrite?: number;
  reasoning?: number;
}

export interface BundledOffer {
  /** models.dev provider id. */
  provider: string;
  /** The provider's own model id. */
  id: string;
  /** Only when it differs from the model's price. */
  price?: BundledPrice;
  /** Only when it differs from the model's context length. */
  context?: number;
}

export interface BundledModel {
  id: string;
  name: string;
  context?: number;
  maxOutput?: number;
  input: string[];
  output: string[];
  tools?: true;
  structured?: true;
  reasoning?: true;
  openWeights?: true;
  released?: string;
  price?: BundledPrice;
  offers: BundledOffer[];
}

export interface BundledCatalog {
  format: 1;
  source: { name: string; repository: string; commit: string; date: string; licence: string };
  /** Provider id -> display name. */
  providers: Record<string, string>;
  models: BundledModel[];
}
