// The model catalog in memory: bundled data first (loaded on first use), live refreshes merged over
// it. A refresh only adds or updates; nothing bundled is ever dropped, so a failed or partial
// refresh cannot lose a model the user could pick offline.
import type { CatalogModel, CatalogOffer, CatalogPage, CatalogProviderFacet, CatalogStatus } from '../../../shared/catalog-records';
import { convertOpenRouterModel, type WireOpenRouterModel } from './convert-openrouter-listing';
import { loadBundledCatalog, type LoadedCatalog } from './load-bundled-catalog';
import { queryCatalog, type CatalogQuery } from './query-catalog';

const OPENROUTER = 'openrouter';

/** A refresh worth keeping across restarts (hosts may persist it; see EngineOptions.catalogCache). */
export interface CatalogSnapshot {
  fetchedAt: number;
  sourceLabel: string;
  openRouterModels: WireOpenRouterModel[];
}

export interface CatalogCache {
  load(): CatalogSnapshot | undefined;
  save(snapshot: CatalogSnapshot): void;
}

export class ModelCatalog {
  private models = new Map<string, CatalogModel>();
  /** provider -> native id -> catalog id, to read a provider's own ids back as catalog ids. */
  private byNativeId = new Map<string, Map<string, string>>();
  private providerNames = new Map<string, string>();
  private readonly offersByProvider = new WeakMap<CatalogModel, Map<string, CatalogOffer>>();
  private facets: CatalogProviderFacet[] | null = null;
  private list: CatalogModel[] | null = null;
  private status: CatalogStatus = { bundledSource: '', modelCount: 0, refreshedAt: null, refreshedFrom: null };
  private loaded = false;

  constructor(
    private readonly load: () => LoadedCatalog = loadBundledCatalog,
    private readonly cache?: CatalogCache,
  ) {}

  get(modelId: string): CatalogModel | undefined {
    this.ensureLoaded();
    return this.models.get(modelId);
  }

  /** The offer of one provider for a model, if that provider serves it. */
  offer(modelId: string, provider: string): CatalogOffer | undefined {
    const model = this.get(modelId);
    return model ? this.offerOf(model, provider) : undefined;
  }

  /** Same, for a model already in hand: a map lookup, since routing asks for every connection of every column. */
  offerOf(model: CatalogModel, provider: string): CatalogOffer | undefined {
    let offers = this.offersByProvider.get(model);
    if (!offers) {
      offers = new Map(model.offers.map((offer) => [offer.provider, offer]));
      this.offersByProvider.set(model, offers);
    }
    return offers.get(provider);
  }

  /** A provider's own id read back as a catalog id ("claude-sonnet-4-20250514" on anthropic -> "anthropic/claude-sonnet-4"). */
  catalogIdFor(provider: string, nativeId: string): string | undefined {
    this.ensureLoaded();
    return this.byNativeId.get(provider)?.get(nativeId);
  }

  providerName(provider: string): string {
    this.ensureLoaded();
    return this.providerNames.get(provider) ?? provider;
  }

  all(): readonly CatalogModel[] {
    this.ensureLoaded();
    this.list ??= [...this.models.values()];
    return this.list;
  }

  currentStatus(): CatalogStatus {
    this.ensureLoaded();
    return { ...this.status, modelCount: this.models.size };
  }

  query(query: CatalogQuery): CatalogPage {
    const { models, total } = queryCatalog(this.all(), query);
    return { models, total, status: this.currentStatus(), providers: this.providerFacets() };
  }

  /** Merges OpenRouter's live listing: its models and its own offer (price, context) are updated or added. */
  mergeOpenRouterListing(snapshot: CatalogSnapshot, options: { persist: boolean } = { persist: true }): { added: number; updated: number } {
    this.ensureLoaded();
    let added = 0;
    let updated = 0;
    for (const wire of snapshot.openRouterModels) {
      const fields = convertOpenRouterModel(wire);
      if (!fields) continue;
      const offer: CatalogOffer = {
        provider: OPENROUTER,
        providerName: this.providerName(OPENROUTER),
        nativeId: fields.id,
        pricing: fields.pricing,
        contextLength: fields.contextLength,
      };
      const existing = this.models.get(fields.id);
      if (existing) {
        const offers = [offer, ...existing.offers.filter((candidate) => candidate.provider !== OPENROUTER)];
        // Keep bundled facts the listing lacks (a release date, open weights) rather than blanking them.
        this.put({ ...existing, ...fields, releaseDate: existing.releaseDate ?? fields.releaseDate, offers, origin: 'refreshed' });
        updated += 1;
      } else {
        this.put({ ...fields, offers: [offer], openWeights: false, origin: 'refreshed' });
        added += 1;
      }
    }
    this.status = { ...this.status, refreshedAt: snapshot.fetchedAt, refreshedFrom: snapshot.sourceLabel };
    if (options.persist) this.cache?.save(snapshot);
    return { added, updated };
  }

  /** Adds a provider's offer for a model its connection lists (a direct connection's /models). */
  addOffer(modelId: string, offer: CatalogOffer, fallbackModel?: Omit<CatalogModel, 'offers'>): boolean {
    this.ensureLoaded();
    const existing = this.models.get(modelId);
    if (!existing && !fallbackModel) return false;
    const base = existing ?? { ...fallbackModel!, offers: [] };
    if (base.offers.some((candidate) => candidate.provider === offer.provider && candidate.nativeId === offer.nativeId)) return false;
    const offers = [...base.offers.filter((candidate) => candidate.provider !== offer.provider), offer];
    this.put({ ...base, offers });
    return true;
  }

  private put(model: CatalogModel): void {
    this.models.set(model.id, model);
    for (const offer of model.offers) {
      let natives = this.byNativeId.get(offer.provider);
      if (!natives) this.byNativeId.set(offer.provider, (natives = new Map()));
      if (!natives.has(offer.nativeId)) natives.set(offer.nativeId, model.id);
    }
    this.list = null;
    this.facets = null;
  }

  private providerFacets(): CatalogProviderFacet[] {
    if (!this.facets) {
      const counts = new Map<string, number>();
      for (const model of this.all()) {
        for (const offer of model.offers) counts.set(offer.provider, (counts.get(offer.provider) ?? 0) + 1);
      }
      this.facets = [...counts]
        .map(([id, modelCount]) => ({ id, name: this.providerNames.get(id) ?? id, modelCount }))
        .sort((a, b) => b.modelCount - a.modelCount || a.name.localeCompare(b.name));
    }
    return this.facets;
  }

  private ensureLoaded(): void {
    if (this.loaded) return;
    this.loaded = true;
    const bundled = this.load();
    this.providerNames = bundled.providerNames;
    for (const model of bundled.models) this.put(model);
    this.status = { bundledSource: bundled.sourceLabel, modelCount: this.models.size, refreshedAt: null, refreshedFrom: null };
    // A refresh saved by an earlier session: applied over the bundled data, never instead of it.
    const snapshot = this.cache?.load();
    if (snapshot) this.mergeOpenRouterListing(snapshot, { persist: false });
  }
}
