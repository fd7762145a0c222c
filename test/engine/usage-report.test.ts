import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUsageService, type UsageService } from '../../electron/engine/usage/index';
import { localDaySpans } from '../../electron/engine/usage/local-days';
import { openTempStore, type TempStore } from '../store/store-fixtures';
import { makeUsage } from '../store/usage-fixtures';

const at = (iso: string) => Date.parse(iso);

describe('usage report', () => {
  let temp: TempStore;
  let usage: UsageService;
  beforeEach(() => {
    temp = openTempStore();
    temp.store.insertConnection({ id: 'conn-a', kind: 'openrouter', label: 'Work key', baseUrl: 'https://openrouter.ai/api/v1', secretRef: null, keyHint: null, createdAt: 0 });
    usage = createUsageService(temp.store, () => at('2025-03-10T12:00:00Z'));
  });
  afterEach(() => temp.dispose());

  it('computes local days across a DST change: 23, 24 and 25 hours', () => {
    const spring = localDaySpans('2025-03-08', '2025-03-10', 'America/New_York');
    expect(spring.map((day) => [day.date, new Date(day.startMs).toISOString(), (day.endMs - day.startMs) / 3_600_000])).toEqual([
      ['2025-03-08', '2025-03-08T05:00:00.000Z', 24],
      ['2025-03-09', '2025-03-09T05:00:00.000Z', 23],
      ['2025-03-10', '2025-03-10T04:00:00.000Z', 24],
    ]);
    const autumn = localDaySpans('2025-11-02', '2025-11-02', 'America/New_York');
    expect((autumn[0]!.endMs - autumn[0]!.startMs) / 3_600_000).toBe(25);
    expect(new Date(localDaySpans('2025-01-01', '2025-01-01', 'Asia/Kolkata')[0]!.startMs).toISOString()).toBe('2024-12-31T18:30:00.000Z');
    // Santiago skips midnight when DST starts: the day starts at the jump (01:00 local).
    expect(new Date(localDaySpans('2024-09-08', '2024-09-08', 'America/Santiago')[0]!.startMs).toISOString()).toBe('2024-09-08T04:00:00.000Z');
  });

  it('puts each call on its local day in New York across the spring DST change (hand-computed)', () => {
    const calls = [
      // [instant, cost, model, connection, status]
      ['2025-03-08T05:00:00.000Z', 32, 'm/one', 'conn-a', 'error'], // 03-08 00:00 EST, first instant of the range
      ['2025-03-09T04:30:00.000Z', 1, 'm/one', 'conn-a', 'ok'], // 03-08 23:30 EST
      ['2025-03-09T05:15:00.000Z', 2, 'm/two', 'conn-a', 'ok'], // 03-09 00:15 EST
      ['2025-03-10T03:30:00.000Z', 4, 'm/one', 'conn-b', 'ok'], // 03-09 23:30 EDT
      ['2025-03-10T04:30:00.000Z', null, 'm/one', 'conn-b', 'ok'], // 03-10 00:30 EDT, cost unknown
      ['2025-03-11T03:59:59.999Z', 8, 'm/two', 'conn-b', 'ok'], // 03-10 23:59:59.999 EDT
      ['2025-03-11T04:00:00.000Z', 16, 'm/two', 'conn-b', 'ok'], // 03-11 00:00 EDT: outside
      ['2025-03-08T04:59:59.999Z', 64, 'm/two', 'conn-b', 'ok'], // 03-07 23:59:59.999 EST: outside
    ] as const;
    for (const [iso, cost, model, connectionId, status] of calls) {
      temp.store.insertUsage(
        makeUsage({ createdAt: at(iso), costUsd: cost, costSource: cost === null ? 'unknown' : 'provider', modelAsked: model, modelServed: status === 'error' ? null : model, connectionId, status, errorKind: status === 'error' ? 'overloaded' : null }),
      );
    }
    const report = usage.report({ from: '2025-03-08', to: '2025-03-10', timeZone: 'America/New_York' });
    expect(report.days).toEqual(['2025-03-08', '2025-03-09', '2025-03-10']);
    expect(report.totals).toMatchObject({ calls: 6, errorCalls: 1, knownCostUsd: 47, unknownCostCalls: 1, promptTokens: 600, errorRate: 1 / 6 });
    const byModel = Object.fromEntries(report.spendByDay.map((series) => [series.model, series.knownCostUsd]));
    expect(byModel).toEqual({ 'm/one': [33, 4, 0], 'm/two': [0, 2, 8] });
    expect(report.spendByDay.find((series) => series.model === 'm/one')!.unknownCostCalls).toEqual([0, 0, 1]);
    expect(report.tokensByDay.calls).toEqual([2, 2, 2]);
    expect(report.byModel.map((item) => [item.model, item.knownCostUsd, item.calls])).toEqual([
      ['m/one', 37, 4],
      ['m/two', 10, 2],
    ]);
    expect(report.byConnection.map((item) => [item.connectionLabel, item.knownCostUsd, item.unknownCostCalls])).toEqual([
      ['Work key', 35, 0],
      ['conn-b', 12, 1],
    ]);
    expect(report.table.map((row) => [row.model, row.connectionId, row.knownCostUsd, row.calls])).toEqual([
      ['m/one', 'conn-a', 33, 2],
      ['m/two', 'conn-b', 8, 1],
      ['m/one', 'conn-b', 4, 2],
      ['m/two', 'conn-a', 2, 1],
    ]);
    // The same calls in UTC days: the 23:30 EST call moves to the next day.
    const utc = usage.report({ from: '2025-03-08', to: '2025-03-10', timeZone: 'UTC' });
    expect(Object.fromEntries(utc.spendByDay.map((series) => [series.model, series.knownCostUsd]))).toEqual({ 'm/one': [32, 1, 4], 'm/two': [64, 2, 0] });
  });

  it('buckets calls by half-hour offset days in Asia/Kolkata (hand-computed)', () => {
    const calls = [
      ['2024-12-31T18:29:00.000Z', 8], // 12-31 23:59 IST: outside
      ['2024-12-31T18:40:00.000Z', 4], // 01-01 00:10 IST
      ['2025-01-01T06:00:00.000Z', 0.5], // 01-01 11:30 IST (a whole hour of the rollup)
      ['2025-01-01T18:00:00.000Z', 1], // 01-01 23:30 IST
      ['2025-01-01T18:30:00.000Z', 2], // 01-02 00:00 IST
      ['2025-01-02T18:15:00.000Z', 16], // 01-02 23:45 IST
      ['2025-01-02T18:30:00.000Z', 32], // 01-03 00:00 IST: outside
    ] as const;
    for (const [iso, cost] of calls) temp.store.insertUsage(makeUsage({ createdAt: at(iso), costUsd: cost }));
    const report = usage.report({ from: '2025-01-01', to: '2025-01-02', timeZone: 'Asia/Kolkata' });
    expect(report.spendByDay).toEqual([{ model: 'openai/gpt-4o', knownCostUsd: [5.5, 18], unknownCostCalls: [0, 0] }]);
    expect(report.totals.knownCostUsd).toBe(23.5);
    expect(report.totals.calls).toBe(5);
    expect(report.range).toEqual({
      from: '2025-01-01',
      to: '2025-01-02',
      timeZone: 'Asia/Kolkata',
      startMs: at('2024-12-31T18:30:00.000Z'),
      endMs: at('2025-01-02T18:30:00.000Z'),
    });
  });

  it('stacks the top models and folds the rest into "other", and filters by model and connection', () => {
    for (let index = 0; index < 12; index += 1) {
      temp.store.insertUsage(makeUsage({ createdAt: at('2025-03-10T10:00:00Z'), modelAsked: `m/${String(index).padStart(2, '0')}`, costUsd: index + 1, connectionId: index % 2 ? 'conn-a' : 'conn-b' }));
    }
    const report = usage.report({ from: '2025-03-10', to: '2025-03-10', timeZone: 'UTC' });
    expect(report.spendByDay.map((series) => series.model)).toEqual(['m/11', 'm/10', 'm/09', 'm/08', 'm/07', 'm/06', 'm/05', 'm/04', null]);
    expect(report.spendByDay.at(-1)!.knownCostUsd).toEqual([1 + 2 + 3 + 4]);
    expect(report.spendByDay.reduce((sum, series) => sum + series.knownCostUsd[0]!, 0)).toBe(report.totals.knownCostUsd);
    const filtered = usage.report({ from: '2025-03-10', to: '2025-03-10', timeZone: 'UTC', models: ['m/03', 'm/04'], connectionIds: ['conn-a'] });
    expect(filtered.totals).toMatchObject({ calls: 1, knownCostUsd: 4 });
    expect(filtered.table.map((row) => row.model)).toEqual(['m/03']);
  });

  it('reports latency percentiles within 2.5% and averages for the table', () => {
    for (let index = 1; index <= 100; index += 1) {
      temp.store.insertUsage(makeUsage({ createdAt: at('2025-03-10T10:00:00Z') + index, ttftMs: index * 10, totalMs: index * 10 + 1000, completionTokens: 100 }));
    }
    const report = usage.report({ from: '2025-03-10', to: '2025-03-10', timeZone: 'Europe/Paris' });
    const [latency] = report.latency;
    expect(latency!.answeredCalls).toBe(100);
    expect(Math.abs(latency!.ttftP50Ms! - 500) / 500).toBeLessThan(0.025);
    expect(Math.abs(latency!.ttftP95Ms! - 950) / 950).toBeLessThan(0.025);
    expect(Math.abs(latency!.totalP95Ms! - 1950) / 1950).toBeLessThan(0.025);
    expect(report.table[0]!.averageTtftMs).toBe(505);
    // 100 tokens in 1 s after the first token, every call.
    expect(report.table[0]!.tokensPerSecond).toBeCloseTo(100, 9);
  });

  it('rejects an unknown time zone with a clear error', () => {
    expect(() => usage.report({ from: '2025-03-10', to: '2025-03-10', timeZone: 'Mars/Olympus' })).toThrow(/unknown time zone "Mars\/Olympus"/);
  });
});
