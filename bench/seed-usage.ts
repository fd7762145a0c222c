// Seeds a usage history for the dashboard bench: 1,000,000 calls across 300 models, 10 keys and 365 days,
// cached in os.tmpdir() (keyed by seed version, mode and size) so later runs reuse it.
// Shape (default 'realistic'): 85% of calls come in eval bursts (one key, 2-6 models, hundreds to
// thousands of calls within minutes to an hour), 15% are interactive compares in working hours; model
// and key popularity are Zipf-like. 'uniform' spreads every call at random over time, models and keys
// (the rollups' worst case). 4% of calls fail, 3% have no known cost.
// Usage: npx tsx bench/seed-usage.ts [--uniform] [--rows N]   (prints the path)
import { existsSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import { closeDatabase, openDatabase } from '../electron/store/database';
import { createConnectionsRepository } from '../electron/store/connections-repository';
import { createUsageRepository } from '../electron/store/usage-repository';
import type { UsageRow } from '../electron/store/index';

// Bump when the generated rows or the schema they are stored in change.
const seedVersion = 5;
export const seedEndMs = Date.UTC(2025, 5, 1); // data ends 2025-06-01T00:00Z
const dayMs = 86_400_000;
export const seedStartMs = seedEndMs - 365 * dayMs;
export const seedModelCount = 300;
export const seedConnectionIds = Array.from({ length: 10 }, (_, index) => `conn-${index}`);
export type SeedMode = 'realistic' | 'uniform';

export interface SeedOptions {
  rows?: number;
  mode?: SeedMode;
  log?: (line: string) => void;
}

// Deterministic pseudo-random numbers (mulberry32).
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function zipfPicker(count: number, exponent: number, random: () => number): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= count; rank += 1) cumulative.push((total += 1 / rank ** exponent));
  return () => {
    const target = random() * total;
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

const vendors = ['openai', 'anthropic', 'google', 'meta-llama', 'mistralai', 'deepseek', 'qwen', 'x-ai', 'cohere', 'nvidia'];
export const seedModels = Array.from({ length: seedModelCount }, (_, index) => `${vendors[index % vendors.length]}/model-${String(index).padStart(3, '0')}`);

export function seedPath(options: SeedOptions = {}): string {
  const rows = options.rows ?? 1_000_000;
  return join(tmpdir(), `juxta-usage-seed-v${seedVersion}-${options.mode ?? 'realistic'}-${rows}.sqlite`);
}

/** Returns the path of a seeded database, making it on first use. */
export function ensureSeededUsage(options: SeedOptions = {}): string {
  const path = seedPath(options);
  if (existsSync(path)) return path;
  const log = options.log ?? ((line: string) => console.error(line));
  const rows = options.rows ?? 1_000_000;
  const partial = `${path}.partial`;
  rmSync(partial, { force: true });
  const startedAt = performance.now();
  const db = openDatabase(partial, { log: () => {} });
  try {
    const connections = createConnectionsRepository(db);
    for (const [index, id] of seedConnectionIds.entries()) {
      connections.insertConnection({ id, kind: 'openrouter', label: `Key ${index + 1}`, baseUrl: 'https://openrouter.ai/api/v1', secretRef: null, keyHint: null, createdAt: seedStartMs });
    }
    const calls = (options.mode ?? 'realistic') === 'uniform' ? uniformCalls(rows) : realisticCalls(rows);
    insertAll(db, calls);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    closeDatabase(db);
  }
  renameSync(partial, path);
  rmSync(`${partial}-wal`, { force: true });
  rmSync(`${partial}-shm`, { force: true });
  log(`[seed] ${rows} usage rows in ${((performance.now() - startedAt) / 1000).toFixed(1)} s -> ${path}`);
  return path;
}

interface Call {
  createdAt: number;
  model: number;
  connection: number;
}

function usageRow(call: Call, random: () => number): UsageRow {
  const model = seedModels[call.model]!;
  const failed = random() < 0.04;
  const unknownCost = !failed && random() < 0.03;
  const promptTokens = 50 + Math.floor(random() * 3000);
  const cachedTokens = random() < 0.3 ? Math.floor(promptTokens * random() * 0.8) : 0;
  const completionTokens = failed ? 0 : 20 + Math.floor(random() * 1500);
  const reasoningTokens = call.model % 7 === 0 && !failed ? Math.floor(completionTokens * 0.6) : 0;
  // Prices vary by model: $0.05 to $15 per million input tokens, output 4x.
  const inputPrice = (0.05 + (call.model % 50) * 0.3) / 1e6;
  const ttftMs = failed ? null : 150 + random() * 300 * (1 + (call.model % 9));
  return {
    createdAt: call.createdAt,
    connectionId: seedConnectionIds[call.connection]!,
    responseId: null,
    modelAsked: model,
    modelServed: failed ? null : model,
    provider: failed ? null : 'Provider',
    promptTokens: failed ? 0 : promptTokens,
    completionTokens,
    cachedTokens: failed ? 0 : cachedTokens,
    cacheWriteTokens: 0,
    reasoningTokens,
    costUsd: failed || unknownCost ? null : (promptTokens - cachedTokens) * inputPrice + cachedTokens * inputPrice * 0.1 + completionTokens * inputPrice * 4,
    costSource: failed || unknownCost ? 'unknown' : 'provider',
    status: failed ? 'error' : 'ok',
    errorKind: failed ? 'rate_limited' : null,
    ttftMs,
    totalMs: failed ? 50 + random() * 500 : ttftMs! + completionTokens * (5 + (call.model % 11) * 2) * (0.8 + random() * 0.4),
  };
}

function uniformCalls(rows: number): Call[] {
  const random = createRandom(0x51ed);
  const calls: Call[] = [];
  for (let index = 0; index < rows; index += 1) {
    calls.push({
      createdAt: seedStartMs + Math.floor(random() * 365 * dayMs),
      model: Math.floor(random() * seedModelCount),
      connection: Math.floor(random() * seedConnectionIds.length),
    });
  }
  return calls;
}

function realisticCalls(rows: number): Call[] {
  const random = createRandom(0x1dea);
  const pickModel = zipfPicker(seedModelCount, 1.0, random);
  const pickConnection = zipfPicker(seedConnectionIds.length, 0.8, random);
  const calls: Call[] = [];
  const interactive = Math.floor(rows * 0.15);
  // Interactive compares: 1-8 models at once, on weekdays' working hours (UTC 08-20).
  while (calls.length < interactive) {
    const day = Math.floor(random() * 365);
    const createdAt = seedStartMs + day * dayMs + Math.floor((8 + random() * 12) * 3_600_000);
    const connection = pickConnection();
    const models = 1 + Math.floor(random() * 8);
    for (let index = 0; index < models && calls.length < interactive; index += 1) {
      calls.push({ createdAt: createdAt + index * 3, model: pickModel(), connection });
    }
  }
  // Eval bursts: a dataset against 2-6 models on one key, 2-20 calls per second.
  while (calls.length < rows) {
    const connection = pickConnection();
    const models = Array.from({ length: 2 + Math.floor(random() * 5) }, pickModel);
    const size = 200 + Math.floor(random() * 2800);
    const intervalMs = 50 + random() * 450;
    let createdAt = seedStartMs + Math.floor(random() * (365 * dayMs - size * intervalMs));
    for (let index = 0; index < size && calls.length < rows; index += 1) {
      calls.push({ createdAt: Math.floor(createdAt), model: models[index % models.length]!, connection });
      createdAt += intervalMs;
    }
  }
  return calls.sort((left, right) => left.createdAt - right.createdAt);
}

function insertAll(db: Database, calls: Call[]): void {
  const random = createRandom(0xc057);
  const usage = createUsageRepository(db);
  // One transaction per batch, as the triggers keep the rollups in the inserting transaction.
  const insertBatch = db.transaction((batch: Call[]) => {
    for (const call of batch) usage.insertUsage(usageRow(call, random));
  });
  for (let first = 0; first < calls.length; first += 20_000) insertBatch(calls.slice(first, first + 20_000));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const argumentList = process.argv.slice(2);
  const rowsIndex = argumentList.indexOf('--rows');
  const rows = rowsIndex === -1 ? undefined : Number(argumentList[rowsIndex + 1]);
  console.log(ensureSeededUsage({ mode: argumentList.includes('--uniform') ? 'uniform' : 'realistic', rows }));
}
