// Store benchmark: seeds 100k runs (2 responses each) and 1M usage rows in a temp file, then times
// cold opens, the run list, search and getRun against the budgets in DESIGN.md.
// Usage: npx tsx bench/store.ts [--json] [--verbose] [--runs N] [--usage N] [--keep]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '../electron/store/index';
import { closeDatabase, openDatabase } from '../electron/store/database';
import { createRunsRepository } from '../electron/store/runs-repository';
import { createUsageRepository } from '../electron/store/usage-repository';
import type { ResponseRecord, RunRecord } from '../shared/records';
import { percentile, printReport, round, type BenchRow } from './bench-report';

const argumentList = process.argv.slice(2);
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
    text: failed ? '' : sentence(between(30, 100)),
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

function time(operation: () => unknown): number {
  const startedAt = performance.now();
  operation();
  return performance.now() - startedAt;
}
function timeEach<Item>(items: Item[], operation: (item: Item) => unknown): number[] {
  return items.map((item) => time(() => operation(item)));
}
const p50 = (samples: number[]) => round(percentile(samples, 0.5));
const p95 = (samples: number[]) => round(percentile(samples, 0.95));
const max = (samples: number[]) => round(Math.max(...samples));
const within = (value: number, budget: number): 'ok' | 'over' => (value < budget ? 'ok' : 'over');

// Varied search terms: very common, mid-frequency and rare words, several words, prefixes (from three
// characters), model names, terms that match nothing, and hostile syntax.
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

const directory = mkdtempSync(join(tmpdir(), 'juxta-bench-store-'));
try {
  // First open in the process: includes loading the native addon, as at app start.
  const freshPath = join(directory, 'fresh.sqlite');
  const coldOpenFreshMs = time(() => openStore(freshPath, { log: () => {} }).close());

  const seededPath = join(directory, 'seeded.sqlite');
  const seedStartedAt = performance.now();
  const seedCpuBefore = process.cpuUsage();
  const seeding = seed(seededPath);
  const seedMs = performance.now() - seedStartedAt;
  const seedCpu = process.cpuUsage(seedCpuBefore);
  const databaseBytes = statSync(seededPath).size;

  // Opening the seeded file (the OS page cache may still hold it) and the first page, as at app start.
  openStore(seededPath, { log: () => {} }).close();
  const coldOpenSeeded: number[] = [];
  const coldFirstPage: number[] = [];
  for (let index = 0; index < 10; index += 1) {
    let store: ReturnType<typeof openStore> | undefined;
    coldOpenSeeded.push(time(() => (store = openStore(seededPath, { log: () => {} }))));
    coldFirstPage.push(time(() => store?.listRuns({ limit: 50 })));
    store?.close();
  }

  const store = openStore(seededPath, { log: () => {} });
  const firstPage = timeEach(Array.from({ length: 50 }), () => store.listRuns({ limit: 50 }));
  const newestCreatedAt = store.listRuns({ limit: 1 })[0]?.createdAt ?? Date.now();
  const deepPage = timeEach(
    Array.from({ length: 50 }, () => startOfData + Math.floor(random() * (newestCreatedAt - startOfData))),
    (before) => store.listRuns({ limit: 50, beforeCreatedAt: before }),
  );
  for (const term of searchTerms) store.listRuns({ search: term, limit: 50 });
  const searchResults = new Map<string, number>();
  const search = timeEach(searchTerms, (term) => searchResults.set(term, store.listRuns({ search: term, limit: 50 }).length));
  const getRun = timeEach(
    Array.from({ length: 200 }, () => `run-${between(0, runCount - 1).toString().padStart(7, '0')}`),
    (id) => store.getRun(id),
  );
  store.close();

  const figures = {
    runs: runCount,
    responses: runCount * 2,
    usageRows: usageCount,
    databaseMB: round(databaseBytes / 1024 / 1024),
    seedSeconds: round(seedMs / 1000),
    // CPU time of the seeding: the wall time above also counts waiting for a busy machine.
    seedCpuSeconds: round((seedCpu.user + seedCpu.system) / 1e6),
    seedRunsSeconds: round(seeding.runsMs / 1000),
    seedUsageSeconds: round(seeding.usageMs / 1000),
    coldOpenFreshWithMigrationsMs: round(coldOpenFreshMs),
    coldOpenSeededP50Ms: p50(coldOpenSeeded),
    coldOpenSeededMaxMs: max(coldOpenSeeded),
    coldFirstPageP50Ms: p50(coldFirstPage),
    listRunsFirstPageP50Ms: p50(firstPage),
    listRunsFirstPageP95Ms: p95(firstPage),
    listRunsDeepPageP50Ms: p50(deepPage),
    listRunsDeepPageP95Ms: p95(deepPage),
    searchP50Ms: p50(search),
    searchP95Ms: p95(search),
    searchMaxMs: max(search),
    searchQueries: search.length,
    getRunP50Ms: p50(getRun),
    getRunP95Ms: p95(getRun),
  };

  if (argumentList.includes('--verbose')) {
    const details = searchTerms.map((term, index) => ({ term, ms: search[index] ?? 0 })).sort((left, right) => right.ms - left.ms);
    for (const { term, ms } of details) {
      console.log(`  search ${JSON.stringify(term).padEnd(36)} ${ms.toFixed(2).padStart(7)} ms  ${searchResults.get(term) ?? 0} results`);
    }
  }
  const rows: BenchRow[] = [
    { metric: 'database size', value: figures.databaseMB, unit: 'MB' },
    { metric: `seeding (${runCount} runs, ${runCount * 2} responses, ${usageCount} usage rows)`, value: figures.seedSeconds, unit: 's', budget: '< 60', verdict: within(figures.seedSeconds, 60) },
    { metric: 'seeding, CPU time', value: figures.seedCpuSeconds, unit: 's' },
    { metric: 'cold open, fresh DB + migrations', value: figures.coldOpenFreshWithMigrationsMs, unit: 'ms', budget: `< ${coldOpenBudgetMs}`, verdict: within(figures.coldOpenFreshWithMigrationsMs, coldOpenBudgetMs) },
    { metric: 'cold open, seeded DB, p50', value: figures.coldOpenSeededP50Ms, unit: 'ms', budget: `< ${coldOpenBudgetMs}`, verdict: within(figures.coldOpenSeededMaxMs, coldOpenBudgetMs) },
    { metric: 'first page after open, p50', value: figures.coldFirstPageP50Ms, unit: 'ms' },
    { metric: 'listRuns first page (50), p50', value: figures.listRunsFirstPageP50Ms, unit: 'ms' },
    { metric: 'listRuns first page (50), p95', value: figures.listRunsFirstPageP95Ms, unit: 'ms' },
    { metric: 'listRuns deep page (50), p95', value: figures.listRunsDeepPageP95Ms, unit: 'ms' },
    { metric: `listRuns search (${search.length} terms), p50`, value: figures.searchP50Ms, unit: 'ms' },
    { metric: `listRuns search (${search.length} terms), p95`, value: figures.searchP95Ms, unit: 'ms', budget: `< ${searchBudgetMs}`, verdict: within(figures.searchP95Ms, searchBudgetMs) },
    { metric: 'listRuns search, slowest term', value: figures.searchMaxMs, unit: 'ms' },
    { metric: 'getRun, p50', value: figures.getRunP50Ms, unit: 'ms' },
    { metric: 'getRun, p95', value: figures.getRunP95Ms, unit: 'ms' },
  ];
  printReport(`Store: ${runCount} runs, ${usageCount} usage rows`, rows, figures);
} finally {
  if (keepFiles) console.error(`kept ${directory}`);
  else rmSync(directory, { recursive: true, force: true });
}
