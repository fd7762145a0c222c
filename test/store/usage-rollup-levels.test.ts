// The multi-level rollups of schema version 3 against the usage rows themselves: every aggregate the
// dashboard asks for, over local days in several zones (half-hour, quarter-hour, DST), must equal the
// sums computed naively from the rows.
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { localDaySpans } from '../../electron/engine/usage/local-days';
import { migrate, migrations } from '../../electron/store/migrations/index';
import { openStore } from '../../electron/store/index';
import { createUsageRepository } from '../../electron/store/usage-repository';
import { splitIntoLevels } from '../../electron/store/usage-rollup-levels';
import type { UsageAggregateQuery, UsageAggregateRow, UsageRow, UsageSegment } from '../../electron/store/store-types';
import { openTempStore, type TempStore } from './store-fixtures';
import { makeUsage } from './usage-fixtures';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const yearStart = Date.UTC(2025, 0, 1);

// Deterministic rows over 2025, half of them in bursts, every field varied; 9 models, 4 connections.
function randomRows(count: number, seed = 11): UsageRow[] {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  let burstAt = yearStart;
  return Array.from({ length: count }, (_, index) => {
    if (index % 50 === 0) burstAt = yearStart + Math.floor(random() * 365 * day);
    const createdAt = index % 2 === 0 ? burstAt + Math.floor(random() * 3 * hour) : yearStart + Math.floor(random() * 365 * day);
    const failed = random() < 0.08;
    const unknown = !failed && random() < 0.1;
    const ttft = failed ? null : Math.round(100 + random() * 2000);
    const model = `model-${Math.floor(random() * random() * 9)}`;
    return makeUsage({
      createdAt,
      connectionId: `conn-${Math.floor(random() * 4)}`,
      modelAsked: model,
      ...(failed ? { status: 'error' as const, errorKind: 'rate_limited' as const, modelServed: null } : { modelServed: model }),
      promptTokens: Math.floor(random() * 1000),
      completionTokens: failed ? 0 : Math.floor(random() * 500),
      cachedTokens: Math.floor(random() * 50),
      cacheWriteTokens: Math.floor(random() * 10),
      reasoningTokens: Math.floor(random() * 20),
      costUsd: failed || unknown ? null : Math.round(random() * 1e6) / 1e8,
      costSource: failed || unknown ? 'unknown' : 'provider',
      ttftMs: ttft,
      totalMs: ttft === null ? 80 : ttft + Math.round(random() * 5000),
    });
  });
}

const modelOf = (row: UsageRow) => row.modelServed ?? row.modelAsked;

/** aggregateUsage computed from the rows, the reference the rollups must match. */
function rawAggregate(rows: UsageRow[], query: UsageAggregateQuery): Map<string, UsageAggregateRow> {
  const result = new Map<string, UsageAggregateRow>();
  const sorted = [...rows].sort((left, right) => left.createdAt - right.createdAt);
  const firstAtOrAfter = (ms: number) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle]!.createdAt < ms) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  for (const segment of query.segments) {
    for (const row of sorted.slice(firstAtOrAfter(segment.startMs), firstAtOrAfter(segment.endMs))) {
      if (query.connectionIds && !query.connectionIds.includes(row.connectionId)) continue;
      if (query.models && !query.models.includes(modelOf(row))) continue;
      const model = query.modelKey === 'each' ? modelOf(row) : query.modelKey === 'top' && query.topModels!.includes(modelOf(row)) ? modelOf(row) : null;
      const connectionId = query.byConnection ? row.connectionId : null;
      const key = `${segment.bucket}|${model}|${connectionId}`;
      let sums = result.get(key);
      if (!sums) {
        sums = { bucket: segment.bucket, model, connectionId, calls: 0, errorCalls: 0, promptTokens: 0, completionTokens: 0, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, costUsd: 0, costCalls: 0, ttftMsSum: 0, ttftCalls: 0, totalMsSum: 0, totalCalls: 0, generationTokens: 0, generationMs: 0 };
        result.set(key, sums);
      }
      const generation = row.status === 'ok' && row.ttftMs !== null && row.totalMs !== null && row.totalMs > row.ttftMs;
      sums.calls += 1;
      sums.errorCalls += row.status === 'error' ? 1 : 0;
      sums.promptTokens += row.promptTokens;
      sums.completionTokens += row.completionTokens;
      sums.cachedTokens += row.cachedTokens;
      sums.cacheWriteTokens += row.cacheWriteTokens;
      sums.reasoningTokens += row.reasoningTokens;
      sums.costUsd += row.costUsd ?? 0;
      sums.costCalls += row.costUsd === null ? 0 : 1;
      sums.ttftMsSum += row.ttftMs ?? 0;
      sums.ttftCalls += row.ttftMs === null ? 0 : 1;
      sums.totalMsSum += row.totalMs ?? 0;
      sums.totalCalls += row.totalMs === null ? 0 : 1;
      sums.generationTokens += generation ? row.completionTokens : 0;
      sums.generationMs += generation ? row.totalMs! - row.ttftMs! : 0;
    }
  }
  return result;
}

const floatSums = ['costUsd', 'ttftMsSum', 'totalMsSum', 'generationMs'] as const;

function expectSameAggregate(actual: UsageAggregateRow[], expected: Map<string, UsageAggregateRow>, label: string) {
  const byKey = new Map(actual.map((row) => [`${row.bucket}|${row.model}|${row.connectionId}`, row]));
  expect([...byKey.keys()].sort(), label).toEqual([...expected.keys()].sort());
  for (const [key, want] of expected) {
    const got = byKey.get(key)!;
    const exact = (row: UsageAggregateRow) => Object.fromEntries(Object.entries(row).filter(([name]) => !(floatSums as readonly string[]).includes(name)));
    expect(exact(got), `${label} ${key}`).toEqual(exact(want));
    // Float sums in another order (and "other" as total minus the models shown): equal far below a cent.
    for (const name of floatSums) expect(Math.abs(got[name] - want[name]), `${label} ${key} ${name}`).toBeLessThan(1e-6);
  }
}

const memoryStore = (): Pick<TempStore, 'store' | 'dispose'> => {
  const store = openStore(':memory:', { log: () => {} });
  return { store, dispose: () => store.close() };
};

describe('usage rollup levels', () => {
  let temp: Pick<TempStore, 'store' | 'dispose'> | undefined;
  afterEach(() => temp?.dispose());

  it('split a span into coarse periods in the middle, finer ones at the edges, and cut parts as rows', () => {
    const start = Date.UTC(2025, 0, 10, 5, 30, 10);
    const end = Date.UTC(2025, 3, 2, 18, 45);
    const spans = splitIntoLevels([{ bucket: 2, startMs: start, endMs: end }], [15, 60, 1440, 10080, 40320]);
    // Every instant counted once: the parts tile [start, end) exactly.
    const pieces = [
      ...spans.periods.map(([, level, first, last]) => [first * level * minute, last * level * minute]),
      ...spans.rows.map(([, from, to]) => [from, to]),
    ].sort((left, right) => left[0]! - right[0]!);
    expect(pieces[0]![0]).toBe(start);
    expect(pieces.at(-1)![1]).toBe(end);
    for (let index = 1; index < pieces.length; index += 1) expect(pieces[index]![0]).toBe(pieces[index - 1]![1]);
    expect(spans.periods.some(([, level]) => level === 40320)).toBe(true);
    expect(spans.rows).toEqual([[2, start, Date.UTC(2025, 0, 10, 5, 45)]]);
    expect(spans.periods.every(([bucket]) => bucket === 2)).toBe(true);
  });

  it.each(['America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'UTC'])(
    'give the sums of the usage rows for every dashboard query over local days in %s',
    (timeZone) => {
      // In memory: 4,000 inserts through the triggers are the slow part of this test.
      temp = memoryStore();
      const rows = randomRows(4000);
      for (const row of rows) temp.store.insertUsage(row);
      // A year of local days (both DST changes), and a range with cut edges.
      const days = localDaySpans('2025-01-01', '2025-12-31', timeZone);
      const daySegments: UsageSegment[] = days.map((span, index) => ({ bucket: index, startMs: span.startMs, endMs: span.endMs }));
      const whole: UsageSegment[] = [{ bucket: 0, startMs: days[0]!.startMs, endMs: days.at(-1)!.endMs }];
      const cut: UsageSegment[] = [{ bucket: 0, startMs: days[40]!.startMs + 7 * minute + 3, endMs: days[300]!.endMs - 20 * minute }];
      const queries: [string, UsageAggregateQuery][] = [
        ['table', { segments: whole, modelKey: 'each', byConnection: true }],
        ['table, cut edges', { segments: cut, modelKey: 'each', byConnection: true }],
        ['days x top', { segments: daySegments, modelKey: 'top', topModels: ['model-0', 'model-3'], byConnection: false }],
        ['days x top, one model', { segments: daySegments, modelKey: 'top', topModels: ['model-2'], models: ['model-2'], byConnection: false }],
        ['days x top, two models, one shown', { segments: daySegments, modelKey: 'top', topModels: ['model-1'], models: ['model-1', 'model-4'], byConnection: false }],
        ['days x top, one key', { segments: daySegments, modelKey: 'top', topModels: ['model-0'], connectionIds: ['conn-1'], byConnection: false }],
        ['days, totals', { segments: daySegments, modelKey: 'none', byConnection: false }],
        ['cut, totals', { segments: cut, modelKey: 'none', byConnection: false }],
        ['budget, one key', { segments: cut, modelKey: 'none', byConnection: false, connectionIds: ['conn-2'] }],
        ['days x top, none shown', { segments: daySegments, modelKey: 'top', topModels: [], byConnection: false }],
      ];
      for (const [label, query] of queries) expectSameAggregate(temp.store.aggregateUsage(query), rawAggregate(rows, query), `${timeZone} ${label}`);
    },
  );

  it('keep latency histograms equal to the answered calls, at every level and cut edge', () => {
    temp = memoryStore();
    const rows = randomRows(3000, 5);
    for (const row of rows) temp.store.insertUsage(row);
    const startMs = Date.UTC(2025, 1, 3, 18, 30);
    const endMs = Date.UTC(2025, 10, 20, 4, 50);
    for (const connectionIds of [undefined, ['conn-0', 'conn-3']]) {
      const histogram = temp.store.usageLatencyHistogram({ segments: [{ bucket: 0, startMs, endMs }], connectionIds, models: ['model-0', 'model-5'] });
      const expected = new Map<string, number>();
      for (const row of rows) {
        if (row.status !== 'ok' || row.createdAt < startMs || row.createdAt >= endMs || !['model-0', 'model-5'].includes(modelOf(row))) continue;
        if (connectionIds && !connectionIds.includes(row.connectionId)) continue;
        for (const metric of ['ttft', 'total'] as const) {
          const value = metric === 'ttft' ? row.ttftMs : row.totalMs;
          if (value === null) continue;
          const key = `${modelOf(row)}|${metric}|${Math.floor(Math.log(Math.max(value, 1)) / Math.log(1.05))}`;
          expected.set(key, (expected.get(key) ?? 0) + 1);
        }
      }
      expect(new Map(histogram.map((row) => [`${row.model}|${row.metric}|${row.bucket}`, row.calls]))).toEqual(expected);
    }
  });

  it('take deleted usage rows out of every level', () => {
    const file = openTempStore();
    temp = file;
    const rows = randomRows(600, 3);
    for (const row of rows) file.store.insertUsage(row);
    const db = new BetterSqlite3(file.path);
    try {
      db.prepare('DELETE FROM usage WHERE id % 3 = 0').run();
      for (const table of ['usage_rollup', 'usage_model_rollup', 'usage_total_rollup']) {
        const perLevel = db.prepare(`SELECT level, sum(calls) AS calls, sum(prompt_tokens) AS prompt FROM ${table} GROUP BY level`).all() as { calls: number; prompt: number }[];
        const remaining = db.prepare('SELECT count(*) AS calls, sum(prompt_tokens) AS prompt FROM usage').get();
        for (const level of perLevel) expect({ calls: level.calls, prompt: level.prompt }).toEqual(remaining);
        expect(db.prepare(`SELECT count(*) FROM ${table} WHERE calls <= 0`).pluck().get()).toBe(0);
      }
      const answered = db.prepare("SELECT count(*) FROM usage WHERE status = 'ok' AND total_ms IS NOT NULL").pluck().get();
      for (const table of ['usage_latency_rollup', 'usage_latency_model_rollup']) {
        for (const level of db.prepare(`SELECT sum(calls) FROM ${table} WHERE metric = 'total' GROUP BY level`).pluck().all()) {
          expect(level).toBe(answered);
        }
        expect(db.prepare(`SELECT count(*) FROM ${table} WHERE calls <= 0`).pluck().get()).toBe(0);
      }
    } finally {
      db.close();
    }
  });

  it('migration 3 builds the levels from the usage a version-2 database holds, as the triggers would', () => {
    const rows = randomRows(1500, 9);
    const migrated = new BetterSqlite3(':memory:');
    try {
      for (const migration of migrations.slice(0, 2)) migration.update(migrated);
      migrated.pragma('user_version = 2');
      const usage = createUsageRepository(migrated);
      for (const row of rows.slice(0, 1000)) usage.insertUsage(row);
      expect(migrate(migrated)).toEqual(migrations.slice(2).map((migration) => migration.version));
      for (const row of rows.slice(1000)) usage.insertUsage(row);
      const dump = (db: BetterSqlite3.Database, table: string, keys: string) =>
        db.prepare(`SELECT * FROM ${table} ORDER BY ${keys}`).all().map((row) => JSON.stringify(row, (_, value: unknown) => (typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(6) : value)));
      // Keys differ in numbering (backfill sorts names, triggers number by arrival), so compare by name.
      const named = (db: BetterSqlite3.Database) =>
        db.prepare(`SELECT r.level, r.period, m.model, c.connection_id, r.calls, r.prompt_tokens, round(r.cost_usd, 9) AS cost
          FROM usage_rollup r JOIN usage_model_keys m ON m.key = r.model_key JOIN usage_connection_keys c ON c.key = r.connection_key
          ORDER BY 1, 2, 3, 4`).all();
      const fresh = new BetterSqlite3(':memory:');
      try {
        migrate(fresh);
        const freshUsage = createUsageRepository(fresh);
        for (const row of rows) freshUsage.insertUsage(row);
        expect(named(migrated)).toEqual(named(fresh));
        expect(dump(migrated, 'usage_total_rollup', 'level, period')).toEqual(dump(fresh, 'usage_total_rollup', 'level, period'));
        for (const table of ['usage_latency_rollup', 'usage_latency_model_rollup']) {
          expect(migrated.prepare(`SELECT count(*), sum(calls) FROM ${table}`).raw().get()).toEqual(fresh.prepare(`SELECT count(*), sum(calls) FROM ${table}`).raw().get());
        }
      } finally {
        fresh.close();
      }
    } finally {
      migrated.close();
    }
  });
});
