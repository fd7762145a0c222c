import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUsageService, type UsageService } from '../../electron/engine/usage/index';
import { JuxtaFailure } from '../../shared/result';
import { openTempStore, type TempStore } from '../store/store-fixtures';
import { makeUsage } from '../store/usage-fixtures';
import { startEngineFixture, type EngineFixture } from './engine-fixture';

const now = Date.parse('2025-03-10T15:00:00Z'); // 11:00 in New York (EDT)

describe('budgets', () => {
  let temp: TempStore;
  let usage: UsageService;
  beforeEach(() => {
    temp = openTempStore();
    for (const id of ['conn-a', 'conn-b']) {
      temp.store.insertConnection({ id, kind: 'openrouter', label: `Key ${id}`, baseUrl: 'https://openrouter.ai/api/v1', secretRef: null, keyHint: null, createdAt: 0 });
    }
    usage = createUsageService(temp.store, () => now);
  });
  afterEach(() => temp.dispose());

  it('count the current local day and month in the budget time zone', () => {
    temp.store.insertUsage(makeUsage({ createdAt: Date.parse('2025-03-10T03:30:00Z'), costUsd: 1 })); // 03-09 23:30 EDT: yesterday
    temp.store.insertUsage(makeUsage({ createdAt: Date.parse('2025-03-10T04:30:00Z'), costUsd: 2 })); // 03-10 00:30 EDT: today
    temp.store.insertUsage(makeUsage({ createdAt: Date.parse('2025-03-01T05:30:00Z'), costUsd: 4 })); // 03-01 00:30 EST: this month
    temp.store.insertUsage(makeUsage({ createdAt: Date.parse('2025-03-01T04:30:00Z'), costUsd: 8 })); // 02-28 23:30 EST: last month
    temp.store.insertUsage(makeUsage({ createdAt: Date.parse('2025-03-10T14:00:00Z'), costUsd: null, costSource: 'unknown' }));
    const statuses = [
      ...usage.setBudget({ scope: '*', period: 'day', limitUsd: 10, timeZone: 'America/New_York' }),
    ];
    expect(statuses).toMatchObject([{ scope: '*', scopeLabel: 'All connections', spentUsd: 2, unknownCostCalls: 1, fraction: 0.2, state: 'ok' }]);
    const all = usage.setBudget({ scope: '*', period: 'month', limitUsd: 8, timeZone: 'America/New_York' });
    expect(all.find((status) => status.period === 'month')).toMatchObject({ spentUsd: 7, state: 'warning', fraction: 7 / 8 });
    expect(usage.setBudget({ scope: '*', period: 'month', limitUsd: null, timeZone: 'UTC' })).toHaveLength(1);
  });

  it('warn from 80%, block from 100% with a clear message, and let the user override', () => {
    usage.setBudget({ scope: 'conn-a', period: 'day', limitUsd: 1, timeZone: 'UTC' });
    temp.store.insertUsage(makeUsage({ createdAt: now - 1000, connectionId: 'conn-a', costUsd: 0.79 }));
    expect(usage.checkBudgets(['conn-a'], false)).toEqual([]);
    temp.store.insertUsage(makeUsage({ createdAt: now - 999, connectionId: 'conn-a', costUsd: 0.01 }));
    expect(usage.checkBudgets(['conn-a'], false)).toEqual(['Key conn-a: daily budget, $0.80 of $1.00 (80%) spent today']);
    // Another connection's budget does not concern a run on conn-b.
    expect(usage.checkBudgets(['conn-b'], false)).toEqual([]);
    temp.store.insertUsage(makeUsage({ createdAt: now - 998, connectionId: 'conn-a', costUsd: 0.25 }));
    let thrown: unknown;
    try {
      usage.checkBudgets(['conn-b', 'conn-a'], false);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(JuxtaFailure);
    expect((thrown as JuxtaFailure).error).toMatchObject({
      kind: 'invalid_input',
      message: expect.stringMatching(/^Budget reached\. Key conn-a: daily budget, \$1\.05 of \$1\.00 \(105%\) spent today\. Run anyway/),
      quota: { name: 'juxta-budget', limit: 1, remaining: 0 },
    });
    expect(usage.checkBudgets(['conn-a'], true)).toEqual(['Key conn-a: daily budget, $1.05 of $1.00 (105%) spent today']);
  });

  it('reject a budget for an unknown connection or time zone', () => {
    expect(() => usage.setBudget({ scope: 'nope', period: 'day', limitUsd: 1, timeZone: 'UTC' })).toThrow(/no connection with id nope/);
    expect(() => usage.setBudget({ scope: '*', period: 'day', limitUsd: 1, timeZone: 'Nowhere/City' })).toThrow(/unknown time zone/);
  });
});

describe('startRun and budgets', () => {
  let fixture: EngineFixture;
  beforeAll(async () => {
    fixture = await startEngineFixture([{ id: 'sim/fast', pricing: { prompt: 0.001, completion: 0.001 }, tokensPerSecond: 0, outputTokens: 10 }]);
  });
  afterAll(async () => {
    await fixture.close();
  });

  it('blocks a run once the overall budget is used up, unless overridden, and warns near it', async () => {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const first = await fixture.run(['sim/fast']);
    const spent = first.responses[0]!.cost.usd!;
    expect(spent).toBeGreaterThan(0);

    await fixture.engine.setBudget({ scope: '*', period: 'day', limitUsd: spent / 0.9, timeZone });
    const request = { prompt: 'Hello', params: {}, targets: [{ connectionId: fixture.connectionId, model: 'sim/fast' }] };
    const warned = await fixture.engine.startRun(request);
    expect(warned.budgetWarnings).toEqual([expect.stringMatching(/^All connections: daily budget, .* \(90%\) spent today$/)]);
    await fixture.engine.waitForRun(warned.runId);

    await expect(fixture.engine.startRun(request)).rejects.toMatchObject({ error: { kind: 'invalid_input', message: expect.stringMatching(/^Budget reached\./) } });
    const overridden = await fixture.engine.startRun({ ...request, overrideBudget: true });
    expect(overridden.runId).toBeTruthy();
    await fixture.engine.waitForRun(overridden.runId);
    const statuses = await fixture.engine.getBudgets({});
    expect(statuses[0]).toMatchObject({ state: 'exceeded' });
    // The budget's spend agrees with the cost shown on each response.
    const runCosts = await Promise.all([warned.runId, overridden.runId].map(async (runId) => (await fixture.engine.getRun({ runId })).responses[0]!.cost.usd!));
    expect(statuses[0]!.spentUsd).toBeCloseTo(spent + runCosts[0]! + runCosts[1]!, 12);
  });
});
