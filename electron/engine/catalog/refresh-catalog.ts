// A live catalog refresh from one connection's /models. OpenRouter's listing updates and adds whole
// models; a direct provider's listing (ids only, mostly) adds its offers, and new models for
// first-party providers. The listing is fetched in full before anything is merged, so a failure
// (network, auth, garbage) leaves the catalog exactly as it was.
import type { CatalogRefreshResult } from '../../../shared/catalog-records';
import { JuxtaFailure } from '../../../shared/result';
import type { Clock } from '../clock';
import type { Connections } from '../connections/connections';
import { classifyError } from '../provider/classify-error';
import { createClient } from '../provider/create-client';
import { listWireModels, toModelInfos } from '../provider/list-models';
import type { ConnectionModelLists } from './connection-model-lists';
import type { WireOpenRouterModel } from './convert-openrouter-listing';
import { authorOf } from './load-bundled-catalog';
import type { ModelCatalog } from './model-catalog';

const LIST_TIMEOUT_MS = 15_000;

/** Catalog authors of first-party providers: their new models become catalog entries. */
const firstPartyAuthors: Record<string, string> = {
  openai: 'openai',
  anthropic: 'anthropic',
  google: 'google',
  mistral: 'mistralai',
  deepseek: 'deepseek',
  xai: 'x-ai',
};

export interface RefreshDeps {
  catalog: ModelCatalog;
  listings: ConnectionModelLists;
  connections: Connections;
  clock: Clock;
}

export async function fetchListing(deps: RefreshDeps, connectionId: string): Promise<WireOpenRouterModel[]> {
  const connection = await deps.connections.resolve(connectionId);
  try {
    const wires = await listWireModels(createClient(connection, LIST_TIMEOUT_MS));
    deps.listings.set(connectionId, toModelInfos(wires));
    return wires;
  } catch (thrown) {
    throw new JuxtaFailure(classifyError(thrown, { streamStarted: false, nowMs: deps.clock.wallMs() }));
  }
}

export async function refreshCatalog(deps: RefreshDeps, connectionId: string): Promise<CatalogRefreshResult> {
  const { catalog, connections, clock } = deps;
  const wires = await fetchListing(deps, connectionId);
  const row = connections.get(connectionId);
  const preset = row ? connections.presetOf(row) : undefined;
  if (!row || !preset) return { status: catalog.currentStatus(), added: 0, updated: 0 };

  if (preset.id === 'openrouter') {
    const { added, updated } = catalog.mergeOpenRouterListing({ fetchedAt: clock.wallMs(), sourceLabel: row.label, openRouterModels: wires });
    return { status: catalog.currentStatus(), added, updated };
  }

  const provider = preset.catalogProvider;
  let added = 0;
  let updated = 0;
  if (provider) {
    const author = firstPartyAuthors[provider];
    for (const model of toModelInfos(wires)) {
      const knownId = catalog.catalogIdFor(provider, model.id) ?? (author && catalog.get(`${author}/${model.id}`) ? `${author}/${model.id}` : undefined);
      const offer = { provider, providerName: catalog.providerName(provider), nativeId: model.id, pricing: model.pricing, contextLength: model.contextLength };
      if (knownId) {
        if (catalog.addOffer(knownId, offer)) updated += 1;
      } else if (author) {
        const id = `${author}/${model.id.toLowerCase()}`;
        const fields = {
          id,
          name: model.name,
          author: authorOf(id),
          contextLength: model.contextLength,
          maxOutputTokens: null,
          inputModalities: ['text' as const],
          outputModalities: ['text' as const],
          capabilities: { tools: false, structuredOutput: false, reasoning: false },
          pricing: model.pricing,
          releaseDate: null,
          openWeights: false,
          origin: 'refreshed' as const,
        };
        if (catalog.addOffer(id, offer, fields)) added += 1;
      }
    }
  }
  return { status: catalog.currentStatus(), added, updated };
}
