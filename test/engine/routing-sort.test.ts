// Provider order across connections serving the same model: explicit order, price, latency and
// throughput from seeded statistics, cool-down, bench and the capability filter.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { routeSamplesFromUsage } from '../../electron/engine/routing/route-samples-from-usage';
import { routeKey, RouteStats } from '../../electron/engine/routing/route-stats';
import type { Simulator } from '../simulator/types';
import { startRoutingFixture, type RoutingFixture } from './routing-fixture';

const MODEL = 'sim/shared';

describe('provider order across connections', () => {
  let fixture: RoutingFixture;
  let stats: RouteStats;
  let now: number;
  const simulators: Record<'cheap' | 'mid' | 'pricey', Simulator> = {} as never;
  const connections: Record<'cheap' | 'mid' | 'pricey', string> = {} as never;

  beforeAll(async () => {
    now = Date.parse('2026-03-01T12:00:00Z');
    stats = new RouteStats({ now: () => now });
    // One wall clock for the engine and its stats, moved by the tests (durations stay real).
    const clock = { monotonicMs: () => performance.now(), wallMs: () => now };
    fixture = await startRoutingFixture({ routeStats: stats, clock, sleep: async () => {} });
    const prices = { cheap: 0.0000001, mid: 0.000001, pricey: 0.00001 };
    for (const name of ['pricey', 'mid', 'cheap'] as const) {
      simulators[name] = await fixture.startSimulator([
        { id: MODEL, tokensPerSecond: 0, outputTokens: 4, firstTokenDelayMs: 5, pricing: { prompt: prices[name], completion: prices[name] * 2 } },
        { id: 'sim/short-window', tokensPerSecond: 0, outputTokens: 4, contextLength: name === 'pricey' ? 64 : 100_000 },
        { id: 'sim/once-limited', tokensPerSecond: 0, outputTokens: 4, ...(name === 'pricey' ? { fault: { kind: 'fail-times', times: 1, status: 429 } as const } : {}) },
      ]);
      connections[name] = await fixture.addConnection(simulators[name], name);
      // The listing says which connection serves which model, at which price and context.
      await fixture.engine.listModels({ connectionId: connections[name] });
    }
  });

  afterAll(async () => {
    await fixture.close();
  });

  beforeEach(() => {
    // A fresh hour for each test: earlier cool-downs have passed, earlier samples are stale.
    now += 3_600_000 * 24;
  });

  const servedBy = (): string[] =>
    (['cheap', 'mid', 'pricey'] as const).filter((name) => simulators[name].requests.length > 0);
  const clearRequests = (): void => {
    for (const simulator of Object.values(simulators)) simulator.requests.length = 0;
  };

  const seedSpeed = (samples: Record<'cheap' | 'mid' | 'pricey', { ttftMs: number; tokensPerSecond: number }>): void => {
    for (const name of ['cheap', 'mid', 'pricey'] as const) {
      stats.recordSuccess(routeKey(connections[name], MODEL), samples[name], now - 1000);
    }
  };

  it('without a policy uses only the column connection', async () => {
    clearRequests();
    const { responses } = await fixture.run([{ connectionId: connections.pricey, model: MODEL }]);
    expect(responses[0]!.attempts.map((attempt) => attempt.connectionId)).toEqual([connections.pricey]);
    expect(servedBy()).toEqual(['pricey']);
  });

  it('sorts by price from the connections\' listed prices', async () => {
    clearRequests();
    const preview = await fixture.engine.previewRoute({ target: { connectionId: connections.pricey, model: MODEL, routing: { sort: 'price' } } });
    expect(preview.map((candidate) => candidate.connectionLabel)).toEqual(['cheap', 'mid', 'pricey']);
    const { responses } = await fixture.run([{ connectionId: connections.pricey, model: MODEL, routing: { sort: 'price' } }]);
    expect(responses[0]!.attempts[0]!.connectionId).toBe(connections.cheap);
    expect(servedBy()).toEqual(['cheap']);
  });

  it('sorts by latency (time to first token) from seeded statistics', async () => {
    seedSpeed({ cheap: { ttftMs: 900, tokensPerSecond: 300 }, mid: { ttftMs: 120, tokensPerSecond: 40 }, pricey: { ttftMs: 400, tokensPerSecond: 90 } });
    const preview = await fixture.engine.previewRoute({ target: { connectionId: connections.cheap, model: MODEL, routing: { sort: 'latency' } } });
    expect(preview.map((candidate) => candidate.connectionLabel)).toEqual(['mid', 'pricey', 'cheap']);
    clearRequests();
    const { responses } = await fixture.run([{ connectionId: connections.cheap, model: MODEL, routing: { sort: 'latency' } }]);
    expect(responses[0]!.attempts[0]!.connectionId).toBe(connections.mid);
  });

  it('sorts by throughput (tokens/s) from seeded statistics, and :nitro implies it', async () => {
    seedSpeed({ cheap: { ttftMs: 900, tokensPerSecond: 300 }, mid: { ttftMs: 120, tokensPerSecond: 40 }, pricey: { ttftMs: 400, tokensPerSecond: 90 } });
    const preview = await fixture.engine.previewRoute({ target: { connectionId: connections.mid, model: MODEL, routing: { sort: 'throughput' } } });
    expect(preview.map((candidate) => candidate.connectionLabel)).toEqual(['cheap', 'pricey', 'mid']);
    const nitro = await fixture.engine.previewRoute({ target: { connectionId: connections.mid, model: `${MODEL}:nitro` } });
    // On direct connections the variant suffix is not sent; it only chooses the sort.
    expect(nitro.map((candidate) => [candidate.connectionLabel, candidate.nativeModel])).toEqual([
      ['cheap', MODEL],
      ['pricey', MODEL],
      ['mid', MODEL],
    ]);
  });

  it('lets stale statistics fade toward their peers so a once-slow route is tried again', () => {
    const local = new RouteStats({ now: () => 0, staleHalfLifeMs: 1000 });
    local.recordSuccess('slow', { ttftMs: 2000, tokensPerSecond: null }, 0);
    expect(local.ttftMs('slow', 200, 0)).toBe(2000);
    expect(local.ttftMs('slow', 200, 1000)).toBe(1100);
    expect(local.ttftMs('slow', 200, 10_000)).toBeLessThan(202);
  });

  it('is peak-sensitive: one slow call counts at once, good calls win it back', () => {
    const local = new RouteStats({ now: () => 0 });
    local.recordSuccess('route', { ttftMs: 100, tokensPerSecond: 50 }, 0);
    local.recordSuccess('route', { ttftMs: 1000, tokensPerSecond: 5 }, 1000);
    expect(local.ttftMs('route', null, 1000)).toBe(1000);
    expect(local.tokensPerSecond('route', null, 1000)).toBe(5);
    for (let call = 0; call < 10; call += 1) local.recordSuccess('route', { ttftMs: 100, tokensPerSecond: 50 }, 2000 + call * 1000);
    expect(local.ttftMs('route', null, 12_000)).toBeLessThan(160);
  });

  it('follows an explicit connection order', async () => {
    clearRequests();
    const preview = await fixture.engine.previewRoute({ target: { connectionId: connections.pricey, model: MODEL, routing: { order: [connections.mid, connections.cheap] } } });
    expect(preview.map((candidate) => candidate.connectionLabel)).toEqual(['mid', 'cheap', 'pricey']);
  });

  it('cools a route down after a 429 and skips it on the next run', async () => {
    clearRequests();
    const routing = { order: [connections.pricey, connections.mid] };
    const first = await fixture.run([{ connectionId: connections.pricey, model: 'sim/once-limited', routing }]);
    expect(first.responses[0]!.attempts.map((attempt) => [attempt.connectionId, attempt.outcome])).toEqual([
      [connections.pricey, 'failed'],
      [connections.mid, 'answered'],
    ]);
    clearRequests();
    const second = await fixture.run([{ connectionId: connections.pricey, model: 'sim/once-limited', routing }]);
    // The 429 had no Retry-After: the default cool-down (15 s) has not passed on the stats clock.
    expect(second.responses[0]!.attempts.map((attempt) => attempt.connectionId)).toEqual([connections.mid]);
    expect(servedBy()).toEqual(['mid']);
  });

  it('benches a route with a high recent error ratio', async () => {
    for (let failure = 0; failure < 4; failure += 1) {
      stats.recordFailure(routeKey(connections.cheap, MODEL), { kind: 'provider_error', retryAfterMs: 0 }, now - 100);
    }
    const preview = await fixture.engine.previewRoute({ target: { connectionId: connections.cheap, model: MODEL, routing: { sort: 'price' } } });
    expect(preview.map((candidate) => [candidate.connectionLabel, candidate.benched])).toEqual([
      ['mid', false],
      ['pricey', false],
      ['cheap', true],
    ]);
  });

  it('sends a long prompt only where the context window fits', async () => {
    clearRequests();
    const prompt = 'word '.repeat(200); // about 250 tokens: over pricey's 64-token window
    const { responses } = await fixture.run([{ connectionId: connections.pricey, model: 'sim/short-window', routing: { order: [connections.pricey, connections.mid] } }], { prompt });
    expect(responses[0]!.status).toBe('done');
    expect(responses[0]!.attempts.map((attempt) => attempt.connectionId)).toEqual([connections.mid]);
    expect(simulators.pricey.requests).toHaveLength(0);
  });
});

describe('route stats from past usage', () => {
  it('seeds latency, throughput and health from usage rows', () => {
    const base = { connectionId: 'c1', responseId: null, modelServed: null, provider: null, promptTokens: 10, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, costUsd: null, costSource: 'unknown' as const };
    const samples = routeSamplesFromUsage([
      { ...base, createdAt: 1_000, modelAsked: 'm', completionTokens: 100, status: 'ok', errorKind: null, ttftMs: 200, totalMs: 1_200 },
      { ...base, createdAt: 2_000, modelAsked: 'm', completionTokens: 0, status: 'error', errorKind: 'rate_limited', ttftMs: null, totalMs: 50 },
    ]);
    expect(samples).toEqual([
      { at: 1_000, connectionId: 'c1', model: 'm', ok: true, errorKind: null, ttftMs: 200, tokensPerSecond: 100 },
      { at: 2_000, connectionId: 'c1', model: 'm', ok: false, errorKind: 'rate_limited', ttftMs: null, tokensPerSecond: null },
    ]);
    const stats = new RouteStats({ now: () => 2_500 });
    stats.seed(samples);
    expect(stats.ttftMs(routeKey('c1', 'm'))).toBe(200);
    expect(stats.tokensPerSecond(routeKey('c1', 'm'))).toBe(100);
    // The seeded 429 has no Retry-After: the default 15 s cool-down from its time still runs.
    expect(stats.coolingUntil(routeKey('c1', 'm'))).toBe(17_000);
  });
});
