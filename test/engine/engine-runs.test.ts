import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/store/index';
import type { RunEvent } from '../../shared/run-events';
import { startEngineFixture, type EngineFixture } from './engine-fixture';

const pricing = { prompt: 0.000002, completion: 0.000008 };

describe('engine runs against the provider simulator', () => {
  let fixture: EngineFixture;

  beforeAll(async () => {
    fixture = await startEngineFixture(
      [
        { id: 'sim/fast', pricing, firstTokenDelayMs: 30, tokensPerSecond: 400, outputTokens: 80, provider: 'FastCloud' },
        { id: 'sim/slow', pricing, firstTokenDelayMs: 120, tokensPerSecond: 150, outputTokens: 40 },
        { id: 'sim/thinker', pricing, firstTokenDelayMs: 20, tokensPerSecond: 500, outputTokens: 30, reasoningTokens: 20, cachedPromptTokens: 4 },
        { id: 'sim/routed', servedAs: 'sim/routed-2025-01', provider: 'Elsewhere', tokensPerSecond: 0, outputTokens: 10 },
        { id: 'sim/refuses-key', fault: { kind: 'http', status: 401, message: 'User not found.' } },
        { id: 'sim/rate-limited', fault: { kind: 'http', status: 429, message: 'Rate limit exceeded', retryAfterSeconds: 12 } },
        { id: 'sim/no-credits', fault: { kind: 'http', status: 402, message: 'Insufficient credits' } },
        { id: 'sim/too-long', fault: { kind: 'context-length' } },
        { id: 'sim/server-error', fault: { kind: 'http', status: 500, message: 'Internal error' } },
        { id: 'sim/drops', tokensPerSecond: 500, outputTokens: 60, fault: { kind: 'disconnect', afterTokens: 15 } },
        { id: 'sim/mid-error', tokensPerSecond: 500, outputTokens: 60, fault: { kind: 'midstream-error', afterTokens: 10, message: 'Upstream provider crashed', code: 502 } },
        { id: 'sim/garbled', tokensPerSecond: 500, outputTokens: 60, fault: { kind: 'malformed-chunk', afterTokens: 5 } },
        { id: 'sim/stalls', tokensPerSecond: 500, outputTokens: 60, fault: { kind: 'stall', afterTokens: 8 } },
        { id: 'sim/long', tokensPerSecond: 100, outputTokens: 2000 },
      ],
      { idleTimeoutMs: 400 },
    );
  });

  afterAll(async () => {
    await fixture.close();
  });

  it('streams several models in parallel with metrics, usage and the exact provider cost', async () => {
    const { responses, batches } = await fixture.run(['sim/fast', 'sim/slow', 'sim/thinker']);
    expect(responses.map((response) => response.status)).toEqual(['done', 'done', 'done']);
    const [fast, slow, thinker] = responses;

    expect(fast!.text.length).toBeGreaterThan(100);
    expect(fast!.finishReason).toBe('stop');
    expect(fast!.incomplete).toBe(false);
    expect(fast!.providerServed).toBe('FastCloud');
    expect(fast!.usage!.completionTokens).toBe(80);
    // OpenRouter's usage.cost, checked by hand from the simulator's prices.
    expect(fast!.cost.source).toBe('provider');
    expect(fast!.cost.usd).toBeCloseTo(fast!.usage!.promptTokens * pricing.prompt + 80 * pricing.completion, 12);

    expect(slow!.metrics.ttftMs!).toBeGreaterThanOrEqual(115);
    expect(fast!.metrics.ttftMs!).toBeLessThan(slow!.metrics.ttftMs!);
    expect(slow!.metrics.totalMs!).toBeGreaterThan(slow!.metrics.ttftMs!);
    // 150 tokens/s configured: the measured rate lands near it.
    expect(slow!.metrics.tokensPerSecond!).toBeGreaterThan(90);
    expect(slow!.metrics.tokensPerSecond!).toBeLessThan(260);

    expect(thinker!.reasoning.length).toBeGreaterThan(0);
    expect(thinker!.usage).toMatchObject({ reasoningTokens: 20, cachedTokens: 4 });

    // Subscribers get batches, not one message per token, and the first is a snapshot.
    expect(batches[0]![0]!.type).toBe('run-snapshot');
    const textEvents = batches.flat().filter((event) => event.type === 'text-delta');
    expect(batches.length).toBeLessThan(80 + 40 + 30);
    const streamedFast = textEvents.filter((event) => event.responseId === fast!.id).map((event) => (event as { text: string }).text).join('');
    expect(streamedFast).toBe(fast!.text);
  });

  it('records which model and provider actually answered', async () => {
    const { responses } = await fixture.run(['sim/routed']);
    expect(responses[0]).toMatchObject({ modelAsked: 'sim/routed', modelServed: 'sim/routed-2025-01', providerServed: 'Elsewhere', status: 'done' });
  });

  it('gives each failing column its own specific error while the others finish', async () => {
    const { responses } = await fixture.run(['sim/refuses-key', 'sim/fast', 'sim/rate-limited', 'sim/no-credits', 'sim/too-long', 'sim/server-error']);
    const byModel = Object.fromEntries(responses.map((response) => [response.modelAsked, response]));
    expect(byModel['sim/fast']!.status).toBe('done');
    expect(byModel['sim/refuses-key']!.error).toMatchObject({ kind: 'auth', status: 401, providerMessage: expect.stringContaining('User not found.') });
    expect(byModel['sim/refuses-key']!.error!.message).toMatch(/refused the API key/);
    expect(byModel['sim/rate-limited']!.error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 12_000 });
    expect(byModel['sim/rate-limited']!.error!.message).toContain('Retry after 12 s');
    expect(byModel['sim/no-credits']!.error!.kind).toBe('insufficient_credits');
    expect(byModel['sim/too-long']!.error!.kind).toBe('context_length');
    expect(byModel['sim/server-error']!.error!.kind).toBe('provider_error');
    for (const model of ['sim/refuses-key', 'sim/rate-limited', 'sim/no-credits', 'sim/too-long', 'sim/server-error']) {
      expect(byModel[model]!.status).toBe('error');
      expect(byModel[model]!.cost).toEqual({ usd: null, source: 'unknown' });
    }
  });

  it('keeps the partial answer of a broken stream and marks it incomplete', async () => {
    const { responses } = await fixture.run(['sim/drops', 'sim/mid-error', 'sim/garbled', 'sim/stalls']);
    for (const response of responses) {
      expect(response.status, response.modelAsked).toBe('error');
      expect(response.incomplete, response.modelAsked).toBe(true);
      expect(response.text.length, response.modelAsked).toBeGreaterThan(0);
    }
    const [drops, midError, garbled, stalls] = responses;
    expect(drops!.error!.kind).toBe('stream_broken');
    expect(midError!.error!.kind).toBe('overloaded');
    expect(midError!.error!.providerMessage).toContain('Upstream provider crashed');
    expect(garbled!.error!.kind).toBe('stream_broken');
    expect(stalls!.error!.kind).toBe('timeout');
    // Stored as streamed: a reload shows the same partial text.
    const stored = fixture.store.getRun(drops!.runId)!;
    expect(stored.responses[0]!.text).toBe(drops!.text);
  });

  it('stops one column, keeps its partial text, and lets the others finish', async () => {
    let stopRequested = false;
    const result = await fixture.run(['sim/long', 'sim/fast'], {
      onEvent(event: RunEvent) {
        // Stop the long answer as soon as its first text arrives.
        if (!stopRequested && event.type === 'text-delta' && idsByModel.get('sim/long') === event.responseId) {
          stopRequested = true;
          void fixture.engine.stopRun({ runId: runIdOf.get('current')!, responseId: event.responseId });
        }
        if (event.type === 'run-snapshot') {
          runIdOf.set('current', event.runId);
          for (const response of event.responses) idsByModel.set(response.modelAsked, response.id);
        }
      },
    });
    const [long, fast] = result.responses;
    expect(long!.status).toBe('stopped');
    expect(long!.incomplete).toBe(true);
    expect(long!.text.length).toBeGreaterThan(0);
    expect(long!.text.split(' ').length).toBeLessThan(2000);
    expect(fast!.status).toBe('done');
    await expect.poll(() => fixture.simulator.activeGenerations()).toBe(0);
  });

  it('keeps every run, response and usage row across a reopen of the store', async () => {
    const { runId, responses } = await fixture.run(['sim/fast', 'sim/refuses-key']);
    const reopened = openStore(join(fixture.dataDir, 'juxta.db'));
    try {
      const detail = reopened.getRun(runId)!;
      expect(detail.responses).toEqual(responses);
      expect(reopened.listRuns({ limit: 5 })[0]!.id).toBe(runId);
    } finally {
      reopened.close();
    }
    const db = new Database(join(fixture.dataDir, 'juxta.db'), { readonly: true });
    try {
      const rows = db.prepare('SELECT status, error_kind, cost_usd FROM usage WHERE response_id IN (?, ?) ORDER BY status').all(responses[0]!.id, responses[1]!.id);
      expect(rows).toEqual([
        { status: 'error', error_kind: 'auth', cost_usd: null },
        { status: 'ok', error_kind: null, cost_usd: responses[0]!.cost.usd },
      ]);
    } finally {
      db.close();
    }
  });

  it('never writes the key to the database', async () => {
    const db = new Database(join(fixture.dataDir, 'juxta.db'), { readonly: true });
    try {
      const dump = db.prepare("SELECT group_concat(secret_ref || coalesce(key_hint, ''), '|') AS text FROM connections").get() as { text: string };
      expect(dump.text).not.toContain('sk-test-key-0123456789');
    } finally {
      db.close();
    }
  });
});

const idsByModel = new Map<string, string>();
const runIdOf = new Map<string, string>();
