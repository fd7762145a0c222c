// npm run bench:routing [-- --json]
// Budgets (DESIGN.md / issue 4): catalog load at startup under 150 ms; a routing decision under
// 0.2 ms per call with 5,000 catalog models. The decision is measured as the engine makes it before
// every response: fallback models x every connection, sorted by measured latency, filtered by fit,
// health-ordered, OpenRouter fallbacks merged.
import { performance } from 'node:perf_hooks';
import type { CatalogModel, CatalogOffer } from '../shared/catalog-records';
import type { RunTarget } from '../shared/records';
import { bundledCatalogText } from '../electron/engine/catalog/bundled-catalog.generated';
import { ConnectionModelLists } from '../electron/engine/catalog/connection-model-lists';
import { parseBundledCatalog, type LoadedCatalog } from '../electron/engine/catalog/load-bundled-catalog';
import { ModelCatalog } from '../electron/engine/catalog/model-catalog';
import { ModelOverrides } from '../electron/engine/catalog/model-overrides';
import { queryCatalog } from '../electron/engine/catalog/query-catalog';
import { presetById, presets } from '../electron/engine/connections/connection-presets';
import { planRoute } from '../electron/engine/routing/plan-route';
import type { RouteConnection } from '../electron/engine/routing/resolve-model-on-connection';
import { routeKey, RouteStats } from '../electron/engine/routing/route-stats';
import { percentile, printReport, round, type BenchRow } from './bench-report';

const CATALOG_SIZE = 5_000;
const DECISIONS = 20_000;
const LOAD_SAMPLES = 30;

// A deterministic pseudo-random sequence, so runs compare.
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function measureLoad(): { coldMs: number; medianMs: number; models: number } {
  const coldStart = performance.now();
  const first = parseBundledCatalog(bundledCatalogText);
  const coldMs = performance.now() - coldStart;
  const samples: number[] = [];
  for (let sample = 0; sample < LOAD_SAMPLES; sample += 1) {
    const startedAt = performance.now();
    parseBundledCatalog(bundledCatalogText);
    samples.push(performance.now() - startedAt);
  }
  return { coldMs, medianMs: percentile(samples, 0.5), models: first.models.length };
}

/** The bundled catalog padded with synthetic models to CATALOG_SIZE, each served by several providers. */
function largeCatalog(random: () => number): LoadedCatalog {
  const bundled = parseBundledCatalog(bundledCatalogText);
  const providers = ['openrouter', 'openai', 'anthropic', 'google', 'mistral', 'deepseek', 'groq', 'togetherai', 'xai', 'fireworks-ai'];
  const models: CatalogModel[] = [...bundled.models];
  for (let index = models.length; index < CATALOG_SIZE; index += 1) {
    const id = `synthetic-${index % 40}/model-${index}`;
    const pricing = { prompt: random() * 1e-5, completion: random() * 4e-5 };
    const offers: CatalogOffer[] = providers
      .filter((_, position) => position === 0 || random() < 0.35)
      .map((provider) => ({ provider, providerName: provider, nativeId: provider === 'openrouter' ? id : `model-${index}`, pricing, contextLength: 128_000 }));
    models.push({
      id,
      name: `Synthetic ${index}`,
      author: id.split('/')[0]!,
      contextLength: 128_000,
      maxOutputTokens: 16_384,
      inputModalities: ['text'],
      outputModalities: ['text'],
      capabilities: { tools: true, structuredOutput: false, reasoning: false },
      pricing,
      offers,
      releaseDate: null,
      openWeights: false,
      origin: 'bundled',
    });
  }
  return { ...bundled, models };
}

function main(): void {
  const load = measureLoad();
  const random = seededRandom(42);
  const catalog = new ModelCatalog(() => largeCatalog(random));
  const ids = catalog.all().map((model) => model.id);

  // One connection per remote preset, plus a custom server: the widest pool a sort can draw on.
  const connections: RouteConnection[] = presets
    .filter((preset) => preset.baseUrl !== null && !preset.local)
    .map((preset, index) => ({
      row: { id: `connection-${preset.id}`, kind: preset.kind, label: preset.label, baseUrl: preset.baseUrl!, secretRef: null, keyHint: null, createdAt: index },
      preset,
    }));
  connections.push({
    row: { id: 'connection-custom', kind: 'openai-compatible', label: 'vLLM', baseUrl: 'http://gpu-box:8000/v1', secretRef: null, keyHint: null, createdAt: 99 },
    preset: presetById('custom')!,
  });

  const now = Date.now();
  const stats = new RouteStats({ now: () => now });
  for (const id of ids) {
    for (const connection of connections) {
      if (random() < 0.3) stats.recordSuccess(routeKey(connection.row.id, id), { ttftMs: 100 + random() * 900, tokensPerSecond: 20 + random() * 200 }, now - random() * 3_600_000);
    }
  }
  const sources = { catalog, listings: new ConnectionModelLists(), overrides: new ModelOverrides() };
  const needs = { promptTokens: 1_200, maxOutputTokens: 1_024, tools: false, images: false };
  const sorts = ['latency', 'throughput', 'price'] as const;
  const targets: RunTarget[] = Array.from({ length: 1_000 }, (_, index) => ({
    connectionId: connections[index % connections.length]!.row.id,
    model: ids[Math.floor(random() * ids.length)]!,
    fallbackModels: [ids[Math.floor(random() * ids.length)]!, ids[Math.floor(random() * ids.length)]!],
    routing: { sort: sorts[index % sorts.length]! },
  }));

  // Warm up (JIT), then time each decision.
  for (let call = 0; call < 2_000; call += 1) planRoute({ ...sources, target: targets[call % targets.length]!, connections, stats, needs, now });
  const durations: number[] = [];
  let candidates = 0;
  const startedAt = performance.now();
  for (let call = 0; call < DECISIONS; call += 1) {
    const callStart = performance.now();
    candidates += planRoute({ ...sources, target: targets[call % targets.length]!, connections, stats, needs, now }).length;
    durations.push(performance.now() - callStart);
  }
  const meanMs = (performance.now() - startedAt) / DECISIONS;

  // The first query also builds each model's lower-cased search text; later keystrokes reuse it.
  const query = { search: 'model 12', sort: 'price', limit: 100, offset: 0, capabilities: ['tools'] } as const;
  let queryStart = performance.now();
  const page = queryCatalog(catalog.all(), { ...query, capabilities: [...query.capabilities] });
  const firstQueryMs = performance.now() - queryStart;
  queryStart = performance.now();
  queryCatalog(catalog.all(), { ...query, search: 'model 13', capabilities: [...query.capabilities] });
  const queryMs = performance.now() - queryStart;

  const p50 = percentile(durations, 0.5);
  const p99 = percentile(durations, 0.99);
  const rows: BenchRow[] = [
    { metric: 'catalog load, cold (bundled, first parse)', value: round(load.coldMs), unit: 'ms', budget: '< 150', verdict: load.coldMs < 150 ? 'ok' : 'over' },
    { metric: 'catalog load, warm median', value: round(load.medianMs), unit: 'ms' },
    { metric: 'bundled models', value: load.models, unit: 'models' },
    { metric: `routing decision mean (${CATALOG_SIZE} models, ${connections.length} connections)`, value: round(meanMs, 4), unit: 'ms', budget: '< 0.2', verdict: meanMs < 0.2 ? 'ok' : 'over' },
    { metric: 'routing decision p50', value: round(p50, 4), unit: 'ms' },
    { metric: 'routing decision p99', value: round(p99, 4), unit: 'ms' },
    { metric: 'routes per decision (mean)', value: round(candidates / DECISIONS, 1), unit: 'routes' },
    { metric: `catalog query, first (search + filter + price sort, ${CATALOG_SIZE} models)`, value: round(firstQueryMs, 2), unit: 'ms' },
    { metric: 'catalog query, next keystroke', value: round(queryMs, 2), unit: 'ms' },
  ];
  printReport('Routing and catalog', rows, {
    bench: 'routing',
    catalogLoadColdMs: round(load.coldMs, 3),
    catalogLoadMedianMs: round(load.medianMs, 3),
    bundledModels: load.models,
    catalogSize: CATALOG_SIZE,
    connections: connections.length,
    decisionMeanMs: round(meanMs, 5),
    decisionP50Ms: round(p50, 5),
    decisionP99Ms: round(p99, 5),
    routesPerDecision: round(candidates / DECISIONS, 2),
    catalogFirstQueryMs: round(firstQueryMs, 3),
    catalogQueryMs: round(queryMs, 3),
    catalogQueryMatches: page.total,
  });
}

main();
