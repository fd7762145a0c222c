// Store benchmark: seeds 100k runs (2 responses each) and 1M usage rows in a temp file, then times
// cold opens, the run list, search and getRun against the budgets in DESIGN.md.
// Usage: npx tsx bench/store.ts [--json] [--runs N] [--usage N] [--keep]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '../electron/store/index';
import { closeDatabase, openDatabase } from '../electron/store/database';
import { createRunsRepository } from '../electron/store/runs-repository';
import { createUsageRepository } from '../electron/store/usage-repository';
import type { ResponseRecord, RunRecord } from '../shared/records';

const argumentList = process.argv.slice(2);
const jsonOutput = argumentList.includes('--json');
const keepFiles = argumentList.includes('--keep');
function numberArgument(name: string, fallback: number): number {
  const index = argumentList.indexOf(name);
  const value = index === -1 ? undefined : Number(argumentList[index + 1]);
  return value !== undefined && Number.isFinite(value) ? value : fallback;
}
const runCount = numberArgument('--runs', 100_000);
const usageCount = numberArgument('--usage', 1_000_000);
const batchSize = 5_000;
const searchBudgetMs = 50;
const coldOpenBudgetMs = 300;

// Deterministic pseudo-random numbers (mulberry32) so every bench run seeds the same data.
let randomState = 0x9e3779b9;
function random(): number {
  randomState = (randomState + 0x6d2b79f5) | 0;
  let t = randomState;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));

// A Zipf-distributed vocabulary: real words first (the frequent ones), then made-up ones for the long tail.
const realWords = `the a of to and in is it that for you with as on this be are or your can use function return value data
  model code error type string number list file user query table test time first example output input make should call
  async await promise request response token stream server client database index search result key array object class
  method import export const let variable loop memory thread process cache network latency throughput cost price prompt
  answer question explain write summary compare python rust typescript javascript golang java kotlin swift sql json yaml
  docker kubernetes linux windows macos browser react vue svelte angular node deno bun webpack vite eslint prettier git
  branch merge commit rebase borrow checker ownership lifetime closure iterator generator decorator interface generic
  trait enum struct pointer reference mutex channel goroutine coroutine recursion algorithm sort binary tree graph hash
  vector matrix tensor gradient neural network transformer attention embedding retrieval vector agent tool schema
  validation regex parser compiler interpreter bytecode runtime garbage collector allocation heap stack overflow`
  .split(/\s+/)
  .filter((word) => word.length > 0);
const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'bra', 'dun', 'fel', 'gor', 'hin', 'jul', 'pex', 'qua', 'wis'];
const vocabulary = [...new Set(realWords)];
while (vocabulary.length < 20_000) {
  const syllableCount = between(2, 4);
  let word = '';
  for (let index = 0; index < syllableCount; index += 1) word += syllables[between(0, syllables.length - 1)];
  vocabulary.push(word);
}
const cumulativeWeights: number[] = [];
let weightTotal = 0;
for (let rank = 1; rank <= vocabulary.length; rank += 1) {
  weightTotal += 1 / rank;
  cumulativeWeights.push(weightTotal);
}
function randomWord(): string {
  const target = random() * weightTotal;
  let low = 0;
  let high = cumulativeWeights.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((cumulativeWeights[middle] ?? 0) < target) low = middle + 1;
    else high = middle;
  }
  return vocabulary[low] ?? 'the';
}
function sentence(wordCount: number): string {
  const words: string[] = [];
  for (let index = 0; index < wordCount; index += 1) words.push(randomWord());
  return words.join(' ');
}

const models = ['anthropic/claude-sonnet-4', 'openai/gpt-4o', 'deepseek/deepseek-r1', 'google/gemini-2.5-pro', 'meta-llama/llama-3.3-70b-instruct', 'mistralai/mistral-large'];
const connections = ['conn-openrouter', 'conn-openai', 'conn-local'];
const startOfData = Date.UTC(2024, 0, 1);

function makeResponse(run: RunRecord, targetIndex: number): ResponseRecord {
  const target = run.targets[targetIndex] ?? { connectionId: 'conn-openrouter', model: 'openai/gpt-4o' };
  const failed = random() < 0.03;
  const promptTokens = between(50, 3000);
  const completionTokens = failed ? 0 : between(50, 1500);
  return {
    id: `${run.id}-r${targetIndex}`,
    runId: run.id,
    targetIndex,
    connectionId: target.connectionId,
    modelAsked: target.model,
    modelServed: failed ? null : target.model,
    providerServed: failed ? null : 'Provider',
    status: failed ? 'error' : 'done',
    incomplete: false,
    text: failed ? '' : sentence(between(60, 160)),
    reasoning: '',
    toolCalls: [],
    finishReason: failed ? null : 'stop',
    usage: failed ? null : { promptTokens, completionTokens, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 },
    cost: failed ? { usd: null, source: 'unknown' } : { usd: (promptTokens * 3 + completionTokens * 15) / 1e6, source: 'provider' },
    metrics: { ttftMs: random() * 2000, totalMs: 2000 + random() * 20000, tokensPerSecond: 20 + random() * 150 },
    error: failed ? { kind: 'overloaded', message: 'The provider is overloaded.', status: 529 } : null,
    attempts: [{ connectionId: target.connectionId, model: target.model, startedAt: run.createdAt, error: null }],
  };
}

function seed(path: string): { runsMs: number; usageMs: number } {
  const db = openDatabase(path, { log: () => {} });
  const runs = createRunsRepository(db);
  const usage = createUsageRepository(db);
  let createdAt = startOfData;

  const runsStartedAt = performance.now();
  const insertRunBatch = db.transaction((first: number, count: number) => {
    for (let index = first; index < first + count; index += 1) {
      createdAt += between(1_000, 120_000);
      const run: RunRecord = {
        id: `run-${index.toString().padStart(7, '0')}`,
        prompt: sentence(between(8, 40)),
        systemPrompt: random() < 0.3 ? 'You are a concise assistant.' : null,
        params: { temperature: 0.7 },
        targets: [
          { connectionId: connections[between(0, connections.length - 1)] ?? 'conn-openrouter', model: models[between(0, models.length - 1)] ?? 'openai/gpt-4o' },
          { connectionId: connections[between(0, connections.length - 1)] ?? 'conn-openrouter', model: models[between(0, models.length - 1)] ?? 'openai/gpt-4o' },
        ],
        createdAt,
      };
      // As the engine does: both responses saved pending at start, then each saved when it finishes.
      const responses = [makeResponse(run, 0), makeResponse(run, 1)];
      runs.insertRun(run);
      for (const response of responses) runs.saveResponse({ ...response, status: 'pending', text: '', usage: null });
      for (const response of responses) runs.saveResponse(response);
    }
  });
  for (let first = 0; first < runCount; first += batchSize) insertRunBatch(first, Math.min(batchSize, runCount - first));
  const runsMs = performance.now() - runsStartedAt;

  const usageStartedAt = performance.now();
  const span = Math.max(1, createdAt - startOfData);
  const insertUsageBatch = db.transaction((first: number, count: number) => {
    for (let index = first; index < first + count; index += 1) {
      const failed = random() < 0.04;
      const model = models[between(0, models.length - 1)] ?? 'openai/gpt-4o';
      const promptTokens = between(50, 3000);
      const completionTokens = failed ? 0 : between(50, 1500);
      usage.insertUsage({
        // Rows arrive in time order, as they do in the app.
        createdAt: startOfData + Math.floor((index / usageCount) * span),
        connectionId: connections[between(0, connections.length - 1)] ?? 'conn-openrouter',
        responseId: `run-${between(0, runCount - 1).toString().padStart(7, '0')}-r0`,
        modelAsked: model,
        modelServed: failed ? null : model,
        provider: failed ? null : 'Provider',
        promptTokens,
        completionTokens,
        cachedTokens: 0,
        cacheWriteTokens: 0,
        reasoningTokens: 0,
        costUsd: failed ? null : (promptTokens * 3 + completionTokens * 15) / 1e6,
        costSource: failed ? 'unknown' : 'provider',
        status: failed ? 'error' : 'ok',
        errorKind: failed ? 'rate_limited' : null,
        ttftMs: failed ? null : random() * 2000,
        totalMs: random() * 20000,
      });
    }
  });
  for (let first = 0; first < usageCount; first += 50_000) insertUsageBatch(first, Math.min(50_000, usageCount - first));
  const usageMs = performance.now() - usageStartedAt;
  // Checkpoint so the measured opens start from a settled file, as after a normal quit.
  db.pragma('wal_checkpoint(TRUNCATE)');
  closeDatabase(db);
  return { runsMs, usageMs };
}

interface Distribution {
  p50: number;
  p95: number;
  max: number;
  samples: number;
}
function distribution(samples: number[]): Distribution {
  const sorted = [...samples].sort((left, right) => left - right);
  const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? Number.NaN, samples: sorted.length };
}
function time(operation: () => unknown): number {
  const startedAt = performance.now();
  operation();
  return performance.now() - startedAt;
}
const round = (value: number) => Math.round(value * 100) / 100;

const directory = mkdtempSync(join(tmpdir(), 'juxta-bench-store-'));
try {
  // First open in the process: includes loading the native addon, as at app start.
  const freshPath = join(directory, 'fresh.sqlite');
  let freshStore: ReturnType<typeof openStore> | undefined;
  const coldOpenFreshMs = time(() => {
    freshStore = openStore(freshPath, { log: () => {} });
  });
  freshStore?.close();

  const seededPath = join(directory, 'seeded.sqlite');
  const seedStartedAt = performance.now();
  const seeding = seed(seededPath);
  const seedMs = performance.now() - seedStartedAt;
  const databaseBytes = statSync(seededPath).size;

  // Cold open of the seeded file (the OS page cache may still hold it) plus the first page, as at app start.
  let store = openStore(seededPath, { log: () => {} });
  store.close();
  const coldOpenSeededSamples: number[] = [];
  const coldFirstPageSamples: number[] = [];
  for (let index = 0; index < 10; index += 1) {
    coldOpenSeededSamples.push(time(() => (store = openStore(seededPath, { log: () => {} }))));
    coldFirstPageSamples.push(time(() => store.listRuns({ limit: 50 })));
    store.close();
  }
  store = openStore(seededPath, { log: () => {} });

  const firstPageSamples: number[] = [];
  for (let index = 0; index < 50; index += 1) firstPageSamples.push(time(() => store.listRuns({ limit: 50 })));

  const deepPageSamples: number[] = [];
  const lastCreatedAt = store.listRuns({ limit: 1 })[0]?.createdAt ?? Date.now();
  for (let index = 0; index < 50; index += 1) {
    const before = startOfData + Math.floor(random() * (lastCreatedAt - startOfData));
    deepPageSamples.push(time(() => store.listRuns({ limit: 50, beforeCreatedAt: before })));
  }

  // Varied search terms: very common, mid-frequency and rare words, several words, prefixes, model names,
  // terms that match nothing, and hostile syntax.
  const searchTerms = [
    'the', 'function', 'error', 'borrow checker', 'rust ownership', 'async await', 'docker', 'kubernetes linux',
    'neural network', 'transformer attention', 'garbage collector', 'heap', 'sql query', 'python', 'typ', 'gen',
    'compi', 'ka', 'the a of', 'vector embedding retrieval', 'mutex channel', 'rebase', 'iterator closure',
    vocabulary[300] ?? 'x', vocabulary[1000] ?? 'x', vocabulary[2000] ?? 'x', vocabulary[5000] ?? 'x', vocabulary[9000] ?? 'x',
    vocabulary[15000] ?? 'x', vocabulary[19999] ?? 'x', `${vocabulary[400] ?? 'x'} ${vocabulary[600] ?? 'x'}`,
    `${vocabulary[3000] ?? 'x'} the`, 'zzzzunknown', 'nothing matches this', 'foo" OR *', '-:', 'NEAR(a b)',
    'col:value', 'gpt-4o', 'claude', 'write summary', 'explain compare', 'memory leak', 'cache latency',
    'json schema validation', 'react vue', 'git merge branch', 'binary tree sort', 'hash graph', 'token stream',
  ];
  const searchSamples: number[] = [];
  const searchDetails: { term: string; ms: number; results: number }[] = [];
  for (const term of searchTerms) store.listRuns({ search: term, limit: 50 });
  for (const term of searchTerms) {
    let results = 0;
    const ms = time(() => (results = store.listRuns({ search: term, limit: 50 }).length));
    searchSamples.push(ms);
    searchDetails.push({ term, ms: round(ms), results });
  }

  const getRunSamples: number[] = [];
  for (let index = 0; index < 200; index += 1) {
    const id = `run-${between(0, runCount - 1).toString().padStart(7, '0')}`;
    getRunSamples.push(time(() => store.getRun(id)));
  }
  store.close();

  const search = distribution(searchSamples);
  const coldOpenSeeded = distribution(coldOpenSeededSamples);
  const figures = {
    runs: runCount,
    responses: runCount * 2,
    usageRows: usageCount,
    databaseMB: round(databaseBytes / 1024 / 1024),
    seedSeconds: round(seedMs / 1000),
    seedRunsSeconds: round(seeding.runsMs / 1000),
    seedUsageSeconds: round(seeding.usageMs / 1000),
    coldOpenFreshWithMigrationsMs: round(coldOpenFreshMs),
    coldOpenSeededMs: { p50: round(coldOpenSeeded.p50), max: round(coldOpenSeeded.max) },
    coldFirstPageMs: { p50: round(distribution(coldFirstPageSamples).p50), max: round(distribution(coldFirstPageSamples).max) },
    listRunsFirstPageMs: { p50: round(distribution(firstPageSamples).p50), p95: round(distribution(firstPageSamples).p95) },
    listRunsDeepPageMs: { p50: round(distribution(deepPageSamples).p50), p95: round(distribution(deepPageSamples).p95) },
    searchMs: { p50: round(search.p50), p95: round(search.p95), max: round(search.max), queries: search.samples },
    getRunMs: { p50: round(distribution(getRunSamples).p50), p95: round(distribution(getRunSamples).p95) },
    budgets: {
      searchUnder50ms: search.p95 < searchBudgetMs,
      coldOpenWithMigrationsUnder300ms: coldOpenFreshMs < coldOpenBudgetMs,
    },
  };

  const rows: [string, string][] = [
    ['data', `${figures.runs} runs, ${figures.responses} responses, ${figures.usageRows} usage rows, ${figures.databaseMB} MB`],
    ['seeding', `${figures.seedSeconds} s (runs ${figures.seedRunsSeconds} s, usage ${figures.seedUsageSeconds} s)`],
    ['cold open, fresh DB + migrations', `${figures.coldOpenFreshWithMigrationsMs} ms (budget ${coldOpenBudgetMs} ms)`],
    ['cold open, seeded DB', `p50 ${figures.coldOpenSeededMs.p50} ms, max ${figures.coldOpenSeededMs.max} ms`],
    ['first page after cold open', `p50 ${figures.coldFirstPageMs.p50} ms, max ${figures.coldFirstPageMs.max} ms`],
    ['listRuns first page (50)', `p50 ${figures.listRunsFirstPageMs.p50} ms, p95 ${figures.listRunsFirstPageMs.p95} ms`],
    ['listRuns deep page (50)', `p50 ${figures.listRunsDeepPageMs.p50} ms, p95 ${figures.listRunsDeepPageMs.p95} ms`],
    ['listRuns search (50)', `p50 ${figures.searchMs.p50} ms, p95 ${figures.searchMs.p95} ms, max ${figures.searchMs.max} ms over ${figures.searchMs.queries} queries (budget ${searchBudgetMs} ms)`],
    ['getRun', `p50 ${figures.getRunMs.p50} ms, p95 ${figures.getRunMs.p95} ms`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n'));
  if (argumentList.includes('--verbose')) {
    for (const detail of [...searchDetails].sort((left, right) => right.ms - left.ms)) {
      console.log(`  search ${JSON.stringify(detail.term).padEnd(34)} ${String(detail.ms).padStart(7)} ms  ${detail.results} results`);
    }
  }
  if (jsonOutput) console.log(JSON.stringify(figures));
} finally {
  if (keepFiles) console.error(`kept ${directory}`);
  else rmSync(directory, { recursive: true, force: true });
}
