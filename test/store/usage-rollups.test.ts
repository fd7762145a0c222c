import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, migrations } from '../../electron/store/migrations/index';
import { createUsageRepository } from '../../electron/store/usage-repository';
import { splitSegments } from '../../electron/store/usage-report-queries';
import type { UsageAggregateRow } from '../../electron/store/store-types';
import { openTempStore, type TempStore } from './store-fixtures';
import { makeUsage } from './usage-fixtures';

const hour = 3_600_000;
const base = Date.UTC(2025, 0, 1);

// Deterministic pseudo-random rows spread over two days, every field varied.
function randomRows(count: number) {
  let state = 7;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: count }, (_, index) => {
    const failed = random() < 0.1;
    const unknown = !failed && random() < 0.1;
    const ttft = failed ? null : Math.round(100 + random() * 2000);
    return makeUsage({
      createdAt: base + Math.floor(random() * 48 * hour),
      connectionId: `conn-${index % 3}`,
      modelAsked: `model-${Math.floor(random() * 5)}`,
      ...(failed ? { status: 'error' as const, errorKind: 'rate_limited' as const, modelServed: null } : {}),
      promptTokens: Math.floor(random() * 1000),
      completionTokens: failed ? 0 : Math.floor(random() * 500),
      cachedTokens: Math.floor(random() * 50),
      reasoningTokens: Math.floor(random() * 20),
      costUsd: failed || unknown ? null : Math.round(random() * 1e6) / 1e8,
      costSource: failed || unknown ? 'unknown' : 'provider',
      ttftMs: ttft,
      totalMs: ttft === null ? 80 : ttft + Math.round(random() * 5000),
    });
  });
}

/** The same sums computed naively from the usage rows, for any [start, end). */
function rawSums(rows: ReturnType<typeof randomRows>, startMs: number, endMs: number) {
  const inRange = rows.filter((row) => row.createdAt >= startMs && row.createdAt < endMs);
  const answeredBoth = inRange.filter((row) => row.status === 'ok' && row.ttftMs !== null && row.totalMs !== null && row.totalMs > row.ttftMs);
  return {
    calls: inRange.length,
    errorCalls: inRange.filter((row) => row.status === 'error').length,
    promptTokens: inRange.reduce((sum, row) => sum + row.promptTokens, 0),
    completionTokens: inRange.reduce((sum, row) => sum + row.completionTokens, 0),
    cachedTokens: inRange.reduce((sum, row) => sum + row.cachedTokens, 0),
    reasoningTokens: inRange.reduce((sum, row) => sum + row.reasoningTokens, 0),
    costUsd: inRange.reduce((sum, row) => sum + (row.costUsd ?? 0), 0),
    costCalls: inRange.filter((row) => row.costUsd !== null).length,
    ttftCalls: inRange.filter((row) => row.ttftMs !== null).length,
    ttftMsSum: inRange.reduce((sum, row) => sum + (row.ttftMs ?? 0), 0),
    generationTokens: answeredBoth.reduce((sum, row) => sum + row.completionTokens, 0),
    generationMs: answeredBoth.reduce((sum, row) => sum + (row.totalMs! - row.ttftMs!), 0),
  };
}

function pick(row: UsageAggregateRow | undefined) {
  return {
    calls: row?.calls ?? 0,
    errorCalls: row?.errorCalls ?? 0,
    promptTokens: row?.promptTokens ?? 0,
    completionTokens: row?.completionTokens ?? 0,
    cachedTokens: row?.cachedTokens ?? 0,
    reasoningTokens: row?.reasoningTokens ?? 0,
    costUsd: row?.costUsd ?? 0,
    costCalls: row?.costCalls ?? 0,
    ttftCalls: row?.ttftCalls ?? 0,
    ttftMsSum: row?.ttftMsSum ?? 0,
    generationTokens: row?.generationTokens ?? 0,
    generationMs: row?.generationMs ?? 0,
  };
}

function expectSums(actual: ReturnType<typeof pick>, expected: ReturnType<typeof rawSums>) {
  const { costUsd, ttftMsSum, generationMs, ...exact } = actual;
  const { costUsd: expectedCost, ttftMsSum: expectedTtft, generationMs: expectedGeneration, ...expectedExact } = expected;
  expect(exact).toEqual(expectedExact);
  // Float sums in another order: equal far below a cent.
  expect(costUsd).toBeCloseTo(expectedCost, 9);
  expect(ttftMsSum).toBeCloseTo(expectedTtft, 6);
  expect(generationMs).toBeCloseTo(expectedGeneration, 6);
}

describe('usage rollups', () => {
  let temp: TempStore | undefined;
  afterEach(() => temp?.dispose());

  it('split a segment into whole hours and the cut parts of its end hours', () => {
    expect(splitSegments([{ bucket: 0, startMs: base + 1.5 * hour, endMs: base + 4.25 * hour }])).toEqual({
      hours: [[0, Math.ceil((base + 1.5 * hour) / hour), Math.floor((base + 4.25 * hour) / hour)]],
      rows: [
        [0, base + 1.5 * hour, base + 2 * hour],
        [0, base + 4 * hour, base + 4.25 * hour],
      ],
    });
    // Within one hour: rows only. Empty segments: nothing.
    expect(splitSegments([{ bucket: 3, startMs: base + 10, endMs: base + 20 }])).toEqual({ hours: [], rows: [[3, base + 10, base + 20]] });
    expect(splitSegments([{ bucket: 3, startMs: base, endMs: base }])).toEqual({ hours: [], rows: [] });
  });

  it('give exactly the sums of the usage rows for any span, cut hours included', () => {
    temp = openTempStore();
    const rows = randomRows(3000);
    for (const row of rows) temp.store.insertUsage(row);
    const spans: [number, number][] = [
      [base, base + 48 * hour],
      [base + 0.5 * hour, base + 23.5 * hour],
      [base + 13 * 60_000, base + 20 * 60_000],
      [base + 5 * hour, base + 29 * hour + 1],
      [base - hour, base + 100 * hour],
    ];
    for (const [startMs, endMs] of spans) {
      const [row] = temp.store.aggregateUsage({ segments: [{ bucket: 0, startMs, endMs }], modelKey: 'none', byConnection: false });
      expectSums(pick(row), rawSums(rows, startMs, endMs));
    }
  });

  it('bucket segments, fold models outside the top list, and filter by connection and model', () => {
    temp = openTempStore();
    const rows = randomRows(2000);
    for (const row of rows) temp.store.insertUsage(row);
    const segments = [
      { bucket: 0, startMs: base - 5.5 * hour, endMs: base + 18.5 * hour },
      { bucket: 1, startMs: base + 18.5 * hour, endMs: base + 42.5 * hour },
    ];
    const result = temp.store.aggregateUsage({ segments, modelKey: 'top', topModels: ['model-1'], byConnection: false, connectionIds: ['conn-0', 'conn-2'] });
    const filtered = rows.filter((row) => row.connectionId !== 'conn-1');
    const modelOf = (row: (typeof rows)[number]) => row.modelServed ?? row.modelAsked;
    for (const segment of segments) {
      const top = result.find((row) => row.bucket === segment.bucket && row.model === 'model-1');
      const other = result.find((row) => row.bucket === segment.bucket && row.model === null);
      expectSums(pick(top), rawSums(filtered.filter((row) => modelOf(row) === 'model-1'), segment.startMs, segment.endMs));
      expectSums(pick(other), rawSums(filtered.filter((row) => modelOf(row) !== 'model-1'), segment.startMs, segment.endMs));
    }
    const onlyModel = temp.store.aggregateUsage({ segments, models: ['model-3'], modelKey: 'each', byConnection: true });
    expect(new Set(onlyModel.map((row) => row.model))).toEqual(new Set(['model-3']));
    expect(onlyModel.reduce((sum, row) => sum + row.calls, 0)).toBe(
      rows.filter((row) => modelOf(row) === 'model-3' && row.createdAt >= segments[0]!.startMs && row.createdAt < segments[1]!.endMs).length,
    );
  });

  it('keep a latency histogram whose buckets hold every answered call', () => {
    temp = openTempStore();
    const rows = randomRows(500);
    for (const row of rows) temp.store.insertUsage(row);
    const histogram = temp.store.usageLatencyHistogram({
      segments: [{ bucket: 0, startMs: base + 0.5 * hour, endMs: base + 30.25 * hour }],
      models: ['model-0', 'model-4'],
    });
    const answered = rows.filter(
      (row) => row.status === 'ok' && ['model-0', 'model-4'].includes(row.modelServed!) && row.createdAt >= base + 0.5 * hour && row.createdAt < base + 30.25 * hour,
    );
    for (const metric of ['ttft', 'total'] as const) {
      const counts = histogram.filter((row) => row.metric === metric).reduce((sum, row) => sum + row.calls, 0);
      expect(counts).toBe(answered.length);
    }
    for (const row of histogram) {
      const value = row.metric === 'ttft' ? 'ttftMs' : 'totalMs';
      const inBucket = answered.filter((call) => (call.modelServed === row.model) && Math.floor(Math.log(call[value]!) / Math.log(1.05)) === row.bucket);
      expect(inBucket.length).toBe(row.calls);
    }
  });

  it('take a deleted usage row out of the rollups', () => {
    temp = openTempStore();
    const rows = randomRows(50);
    for (const row of rows) temp.store.insertUsage(row);
    const db = new BetterSqlite3(temp.path);
    try {
      db.prepare('DELETE FROM usage WHERE id % 2 = 0').run();
      const remaining = db.prepare('SELECT count(*) FROM usage').pluck().get() as number;
      expect(db.prepare('SELECT sum(calls) FROM usage_hourly').pluck().get()).toBe(remaining);
      expect(db.prepare('SELECT sum(calls) FROM usage_latency_hourly WHERE metric = ?').pluck().get('total')).toBe(
        db.prepare("SELECT count(*) FROM usage WHERE status = 'ok' AND total_ms IS NOT NULL").pluck().get(),
      );
      expect(db.prepare('SELECT count(*) FROM usage_hourly WHERE calls <= 0').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('migration 2 rolls up the usage a version-1 database already holds', () => {
    const db = new BetterSqlite3(':memory:');
    try {
      migrations[0]!.update(db);
      db.pragma('user_version = 1');
      const rows = randomRows(400);
      const usage = createUsageRepository(db);
      for (const row of rows) usage.insertUsage(row);
      expect(migrate(db)).toEqual(migrations.slice(1).map((migration) => migration.version));
      const sums = db
        .prepare('SELECT sum(calls) AS calls, sum(cost_usd) AS cost, sum(prompt_tokens) AS prompt, sum(cost_calls) AS costCalls FROM usage_hourly')
        .get() as { calls: number; cost: number; prompt: number; costCalls: number };
      const expected = rawSums(rows, 0, Number.MAX_SAFE_INTEGER);
      expect(sums.calls).toBe(expected.calls);
      expect(sums.prompt).toBe(expected.promptTokens);
      expect(sums.costCalls).toBe(expected.costCalls);
      expect(sums.cost).toBeCloseTo(expected.costUsd, 9);
      expect(db.prepare("SELECT sum(calls) FROM usage_latency_hourly WHERE metric = 'ttft'").pluck().get()).toBe(
        rows.filter((row) => row.status === 'ok' && row.ttftMs !== null).length,
      );
      // Rows inserted after the migration are rolled up by the trigger.
      usage.insertUsage(makeUsage({ createdAt: base, promptTokens: 7 }));
      expect(db.prepare('SELECT sum(prompt_tokens) FROM usage_hourly').pluck().get()).toBe(expected.promptTokens + 7);
    } finally {
      db.close();
    }
  });

  it('store budgets, one per scope and period', () => {
    temp = openTempStore();
    temp.store.putBudget({ scope: '*', period: 'day', limitUsd: 5, timeZone: 'Europe/Paris', updatedAt: 1 });
    temp.store.putBudget({ scope: '*', period: 'day', limitUsd: 7, timeZone: 'Europe/Paris', updatedAt: 2 });
    temp.store.putBudget({ scope: 'conn-a', period: 'month', limitUsd: 50, timeZone: 'UTC', updatedAt: 3 });
    expect(temp.store.listBudgets()).toEqual([
      { scope: '*', period: 'day', limitUsd: 7, timeZone: 'Europe/Paris', updatedAt: 2 },
      { scope: 'conn-a', period: 'month', limitUsd: 50, timeZone: 'UTC', updatedAt: 3 },
    ]);
    expect(temp.store.deleteBudget('*', 'day')).toBe(true);
    expect(temp.store.deleteBudget('*', 'day')).toBe(false);
    expect(temp.reopen().listBudgets()).toHaveLength(1);
  });
});
