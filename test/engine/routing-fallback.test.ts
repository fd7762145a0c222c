// Fallback models and retries against the simulator: which failures move on, which stop, and that
// every attempt is visible (events, AttemptRecord, one usage row per provider call).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../shared/run-events';
import type { Simulator } from '../simulator/types';
import { eventsOfType, startRoutingFixture, type RoutingFixture } from './routing-fixture';

describe('fallback models and retries', () => {
  let fixture: RoutingFixture;
  let simulator: Simulator;
  let connectionId: string;

  beforeAll(async () => {
    // Short backoffs keep the suite quick; the policy is the same.
    // The idle timeout is generous: under a loaded CI machine a healthy first token can take a few hundred ms.
    fixture = await startRoutingFixture({ idleTimeoutMs: 1_000, retryTiming: { initialDelayMs: 20, maxDelayMs: 80 } });
    simulator = await fixture.startSimulator([
      { id: 'sim/backup', tokensPerSecond: 0, outputTokens: 8, firstTokenDelayMs: 5 },
      { id: 'sim/rate-limited', fault: { kind: 'http', status: 429, retryAfterSeconds: 30 } },
      { id: 'sim/server-error', fault: { kind: 'http', status: 500 } },
      { id: 'sim/stalls-first', fault: { kind: 'stall', afterTokens: 0 } },
      { id: 'sim/stalls-too', fault: { kind: 'stall', afterTokens: 0 } },
      { id: 'sim/too-long', fault: { kind: 'context-length' } },
      { id: 'sim/bad-params', fault: { kind: 'http', status: 400, message: 'temperature must be <= 2' } },
      { id: 'sim/no-such-model', fault: { kind: 'http', status: 404 } },
      { id: 'sim/flaky', tokensPerSecond: 0, outputTokens: 5, firstTokenDelayMs: 5, fault: { kind: 'fail-times', times: 1, status: 429, retryAfterSeconds: 0.2 } },
      { id: 'sim/slow-down', fault: { kind: 'fail-times', times: 5, status: 429, retryAfterSeconds: 5 } },
      { id: 'sim/breaks-midway', tokensPerSecond: 500, outputTokens: 40, fault: { kind: 'disconnect', afterTokens: 5 } },
    ]);
    connectionId = await fixture.addConnection(simulator, 'Simulator');
  });

  afterAll(async () => {
    await fixture.close();
  });

  const requestsFor = (model: string): number => simulator.requests.filter((request) => request.model === model).length;

  it.each([
    ['sim/rate-limited', 'rate_limited', 429],
    ['sim/server-error', 'provider_error', 500],
    ['sim/stalls-first', 'timeout', undefined],
    ['sim/too-long', 'context_length', 400],
    ['sim/no-such-model', 'bad_request', 404],
  ])('falls back from %s (%s) to the next model, and shows both attempts', async (model, kind, status) => {
    const { responses, events } = await fixture.run([{ connectionId, model, fallbackModels: ['sim/backup'] }]);
    const response = responses[0]!;
    expect(response.status).toBe('done');
    expect(response.modelServed).toBe('sim/backup');
    expect(response.text.length).toBeGreaterThan(0);
    expect(response.attempts).toHaveLength(2);
    expect(response.attempts[0]).toMatchObject({ connectionId, model, outcome: 'failed', error: { kind } });
    if (status !== undefined) expect(response.attempts[0]!.error!.status).toBe(status);
    expect(response.attempts[1]).toMatchObject({ model: 'sim/backup', outcome: 'answered', error: null });

    const starts = eventsOfType(events, 'response-start');
    expect(starts.map((event) => [event.attempt, event.model, event.reason])).toEqual([
      [1, model, 'first'],
      [2, 'sim/backup', 'fallback'],
    ]);
    expect(eventsOfType(events, 'attempt-end').map((event) => [event.attempt, event.next])).toEqual([
      [1, 'fallback'],
      [2, 'none'],
    ]);
    // One usage row per provider call, the failed one with its error kind and no cost.
    expect(fixture.usageRows(response.id).map((row) => [row.model_asked, row.status, row.error_kind])).toEqual([
      [model, 'error', kind],
      ['sim/backup', 'ok', null],
    ]);
  });

  it('does not fall back or retry on a 400 for bad parameters', async () => {
    const before = requestsFor('sim/backup');
    const { responses } = await fixture.run([{ connectionId, model: 'sim/bad-params', fallbackModels: ['sim/backup'] }]);
    expect(responses[0]).toMatchObject({ status: 'error', error: { kind: 'bad_request', status: 400 } });
    expect(responses[0]!.attempts).toHaveLength(1);
    expect(requestsFor('sim/backup')).toBe(before);
  });

  it('keeps a partial answer instead of falling back once content has streamed', async () => {
    const { responses } = await fixture.run([{ connectionId, model: 'sim/breaks-midway', fallbackModels: ['sim/backup'] }]);
    expect(responses[0]).toMatchObject({ status: 'error', incomplete: true, error: { kind: 'stream_broken' } });
    expect(responses[0]!.attempts).toHaveLength(1);
  });

  it('honours Retry-After before retrying the same route', async () => {
    const { responses, events } = await fixture.run([{ connectionId, model: 'sim/flaky' }]);
    const response = responses[0]!;
    expect(response.status).toBe('done');
    expect(response.attempts.map((attempt) => attempt.outcome)).toEqual(['failed', 'answered']);
    expect(response.attempts[0]!.error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 200 });
    const [first, second] = simulator.requests.filter((request) => request.model === 'sim/flaky');
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(195);
    const ends = eventsOfType(events, 'attempt-end');
    expect(ends[0]).toMatchObject({ next: 'retry' });
    expect(ends[0]!.waitMs!).toBeGreaterThanOrEqual(195);
    expect(eventsOfType(events, 'response-start')[1]!.reason).toBe('retry');
  });

  it('does not sit out a Retry-After longer than the cap: the column ends with the rate limit at once', async () => {
    const startedAt = Date.now();
    const { responses } = await fixture.run([{ connectionId, model: 'sim/rate-limited' }]);
    expect(responses[0]).toMatchObject({ status: 'error', error: { kind: 'rate_limited', retryAfterMs: 30_000 } });
    expect(responses[0]!.attempts).toHaveLength(1);
    expect(Date.now() - startedAt).toBeLessThan(2_000);
  });

  it('stops at once when the column is stopped while waiting to retry', async () => {
    const before = requestsFor('sim/slow-down');
    let stoppedAt = 0;
    const onEvent = (event: RunEvent, runId: string): void => {
      if (event.type === 'attempt-end' && event.next === 'retry' && stoppedAt === 0) {
        stoppedAt = Date.now();
        void fixture.engine.stopRun({ runId });
      }
    };
    const { responses, events } = await fixture.run([{ connectionId, model: 'sim/slow-down' }], { onEvent });
    const endedAt = Date.now();
    expect(stoppedAt).toBeGreaterThan(0);
    // The route asked for 5 s; the stop ends the wait at once.
    expect(endedAt - stoppedAt).toBeLessThan(1_000);
    expect(responses[0]!.status).toBe('stopped');
    expect(responses[0]!.attempts).toHaveLength(1);
    expect(requestsFor('sim/slow-down') - before).toBe(1);
    expect(eventsOfType(events, 'attempt-end')[0]!.waitMs!).toBeGreaterThanOrEqual(4_900);
  });

  it('ends a column at its total timeout, retries included', async () => {
    const { responses } = await fixture.run([{ connectionId, model: 'sim/slow-down', routing: { totalTimeoutMs: 400 } }]);
    expect(responses[0]).toMatchObject({ status: 'error', error: { kind: 'timeout' } });
    expect(responses[0]!.error!.message).toContain('total timeout');
  });

  it('ends one call at its attempt timeout and falls back', async () => {
    const { responses } = await fixture.run([
      // A model not used before: a route that just timed out would be cooling down and tried last.
      { connectionId, model: 'sim/stalls-too', fallbackModels: ['sim/backup'], routing: { attemptTimeoutMs: 150 } },
    ]);
    expect(responses[0]!.status).toBe('done');
    expect(responses[0]!.attempts[0]!.error!.message).toContain('attempt timeout');
  });
});

describe('backoff timing (recorded sleep)', () => {
  it('waits exponentially with jitter between rounds, and not at all between fallbacks', async () => {
    const waits: number[] = [];
    const fixture = await startRoutingFixture({
      sleep: async (ms) => {
        waits.push(ms);
      },
      random: () => 0.5,
      retryTiming: { initialDelayMs: 100, maxDelayMs: 10_000 },
    });
    try {
      const simulator = await fixture.startSimulator([
        { id: 'sim/twice-down', tokensPerSecond: 0, outputTokens: 3, fault: { kind: 'fail-times', times: 2, status: 503 } },
        { id: 'sim/down', fault: { kind: 'http', status: 502 } },
      ]);
      const connectionId = await fixture.addConnection(simulator, 'Simulator');
      const { responses } = await fixture.run([{ connectionId, model: 'sim/down', fallbackModels: ['sim/twice-down'] }]);
      const response = responses[0]!;
      expect(response.status).toBe('done');
      // Round 1: down, twice-down (fallback, no wait). Wait. Round 2: down, twice-down. Wait. Round 3: down, twice-down answers.
      expect(response.attempts.map((attempt) => `${attempt.model}:${attempt.outcome}`)).toEqual([
        'sim/down:failed',
        'sim/twice-down:failed',
        'sim/down:failed',
        'sim/twice-down:failed',
        'sim/down:failed',
        'sim/twice-down:answered',
      ]);
      // Equal jitter at random 0.5: 3/4 of 100 ms, then of 200 ms.
      expect(waits).toEqual([75, 150]);
      expect(response.attempts.map((attempt) => attempt.waitedMs)).toEqual([undefined, 75, undefined, 150, undefined, undefined]);
    } finally {
      await fixture.close();
    }
  });

  it('gives up after the configured retries with the last error', async () => {
    const fixture = await startRoutingFixture({ sleep: async () => {}, random: () => 0 });
    try {
      const simulator = await fixture.startSimulator([{ id: 'sim/down', fault: { kind: 'http', status: 503 } }]);
      const connectionId = await fixture.addConnection(simulator, 'Simulator');
      const { responses, events } = await fixture.run([{ connectionId, model: 'sim/down', routing: { retries: 1 } }]);
      expect(responses[0]).toMatchObject({ status: 'error', error: { kind: 'overloaded', status: 503 } });
      expect(responses[0]!.attempts).toHaveLength(2);
      expect(eventsOfType(events, 'attempt-end').map((event) => event.next)).toEqual(['retry', 'none']);
    } finally {
      await fixture.close();
    }
  });
});
