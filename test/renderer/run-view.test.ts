import { describe, expect, it } from 'vitest';
import { pendingResponseRecord } from '../../shared/response-record';
import type { ResponseRecord } from '../../shared/records';
import type { RunEvent } from '../../shared/run-events';
import {
  applyRunEvents,
  createPendingRunView,
  createRunViewFromDetail,
  runProgress,
} from '../../renderer/src/state/run-view';

const targets = [
  { connectionId: 'c1', model: 'openai/gpt-4o' },
  { connectionId: 'c1', model: 'anthropic/claude-sonnet-4' },
];

function pendingView() {
  return createPendingRunView('run-1', ['r1', 'r2'], targets, 1000);
}

function finalRecord(overrides: Partial<ResponseRecord> = {}): ResponseRecord {
  return {
    ...pendingResponseRecord('r1', 'run-1', 0, targets[0]!),
    status: 'done',
    text: 'Hello world',
    usage: { promptTokens: 10, completionTokens: 2, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 },
    cost: { usd: 0.0001, source: 'provider' },
    metrics: { ttftMs: 120, totalMs: 900, tokensPerSecond: 40 },
    ...overrides,
  };
}

describe('createPendingRunView', () => {
  it('has one pending column per target, in order', () => {
    const view = pendingView();
    expect(view.order).toEqual(['r1', 'r2']);
    expect(view.responses.r2?.modelAsked).toBe('anthropic/claude-sonnet-4');
    expect(view.responses.r1?.status).toBe('pending');
    expect(view.responses.r1?.cost).toEqual({ usd: null, source: 'unknown' });
  });
});

describe('applyRunEvents', () => {
  it('returns the same object for an empty batch', () => {
    const view = pendingView();
    expect(applyRunEvents(view, [])).toBe(view);
  });

  it('appends text deltas and marks the response streaming', () => {
    const view = applyRunEvents(pendingView(), [
      { type: 'first-token', responseId: 'r1', ttftMs: 150 },
      { type: 'text-delta', responseId: 'r1', text: 'Hel' },
      { type: 'text-delta', responseId: 'r1', text: 'lo' },
      { type: 'reasoning-delta', responseId: 'r1', text: 'thinking' },
    ]);
    expect(view.responses.r1?.text).toBe('Hello');
    expect(view.responses.r1?.reasoning).toBe('thinking');
    expect(view.responses.r1?.status).toBe('streaming');
    expect(view.responses.r1?.metrics.ttftMs).toBe(150);
  });

  it('leaves untouched responses identical so other columns do not re-render', () => {
    const before = pendingView();
    const after = applyRunEvents(before, [{ type: 'text-delta', responseId: 'r1', text: 'x' }]);
    expect(after.responses.r2).toBe(before.responses.r2);
    expect(after.responses.r1).not.toBe(before.responses.r1);
    expect(after.order).toBe(before.order);
  });

  it('does not mutate the previous state', () => {
    const before = pendingView();
    applyRunEvents(before, [
      { type: 'text-delta', responseId: 'r1', text: 'x' },
      { type: 'first-token', responseId: 'r1', ttftMs: 5 },
    ]);
    expect(before.responses.r1?.text).toBe('');
    expect(before.responses.r1?.metrics.ttftMs).toBeNull();
  });

  it('replaces the state with a snapshot (a reload mid-run resumes from it)', () => {
    const streamed = { ...pendingResponseRecord('r1', 'run-1', 0, targets[0]!), status: 'streaming' as const, text: 'partial' };
    const second = pendingResponseRecord('r2', 'run-1', 1, targets[1]!);
    const view = applyRunEvents(pendingView(), [
      { type: 'run-snapshot', runId: 'run-1', responses: [second, streamed], finished: false },
      { type: 'text-delta', responseId: 'r1', text: ' more' },
    ]);
    expect(view.order).toEqual(['r1', 'r2']);
    expect(view.responses.r1?.text).toBe('partial more');
    expect(streamed.text).toBe('partial');
  });

  it('ignores a snapshot of another run', () => {
    const before = pendingView();
    const after = applyRunEvents(before, [{ type: 'run-snapshot', runId: 'other', responses: [], finished: true }]);
    expect(after).toBe(before);
  });

  it('takes the final record from response-end and stops applying late deltas', () => {
    const view = applyRunEvents(pendingView(), [
      { type: 'text-delta', responseId: 'r1', text: 'Hello' },
      { type: 'response-end', responseId: 'r1', response: finalRecord() },
      { type: 'text-delta', responseId: 'r1', text: ' late' },
    ]);
    expect(view.responses.r1?.status).toBe('done');
    expect(view.responses.r1?.text).toBe('Hello world');
    expect(view.responses.r1?.cost).toEqual({ usd: 0.0001, source: 'provider' });
  });

  it('records attempts and restarts the text on a fallback attempt', () => {
    const events: RunEvent[] = [
      { type: 'response-start', responseId: 'r1', attempt: 1, connectionId: 'c1', model: 'openai/gpt-4o' },
      { type: 'text-delta', responseId: 'r1', text: 'partial from first' },
      { type: 'response-start', responseId: 'r1', attempt: 2, connectionId: 'c1', model: 'openai/gpt-4o-mini' },
      { type: 'text-delta', responseId: 'r1', text: 'fresh' },
    ];
    const view = applyRunEvents(pendingView(), events, 5000);
    expect(view.responses.r1?.attempts.map((attempt) => attempt.model)).toEqual(['openai/gpt-4o', 'openai/gpt-4o-mini']);
    expect(view.responses.r1?.attempts[1]?.startedAt).toBe(5000);
    expect(view.responses.r1?.text).toBe('fresh');
  });

  it('records how an attempt ended', () => {
    const view = applyRunEvents(
      pendingView(),
      [
        { type: 'response-start', responseId: 'r1', attempt: 1, connectionId: 'c1', model: 'openai/gpt-4o', nativeModel: 'gpt-4o-2024-08-06' },
        {
          type: 'attempt-end',
          responseId: 'r1',
          attempt: 1,
          error: { kind: 'rate_limited', message: 'Rate limited', retryAfterMs: 2000 },
          next: 'retry',
          waitMs: 2000,
        },
      ],
      7000,
    );
    expect(view.responses.r1?.attempts[0]).toMatchObject({
      nativeModel: 'gpt-4o-2024-08-06',
      outcome: 'failed',
      endedAt: 7000,
      waitedMs: 2000,
      error: { kind: 'rate_limited' },
    });
  });

  it('ignores attempt-end for an attempt it never saw', () => {
    const view = applyRunEvents(pendingView(), [{ type: 'attempt-end', responseId: 'r1', attempt: 3, error: null, next: 'none' }]);
    expect(view.responses.r1?.attempts).toEqual([]);
  });

  it('does not add an attempt the snapshot already had', () => {
    const withAttempt = {
      ...pendingResponseRecord('r1', 'run-1', 0, targets[0]!),
      attempts: [{ connectionId: 'c1', model: 'openai/gpt-4o', startedAt: 1, error: null }],
    };
    const view = applyRunEvents(pendingView(), [
      { type: 'run-snapshot', runId: 'run-1', responses: [withAttempt, pendingResponseRecord('r2', 'run-1', 1, targets[1]!)], finished: false },
      { type: 'response-start', responseId: 'r1', attempt: 1, connectionId: 'c1', model: 'openai/gpt-4o' },
    ]);
    expect(view.responses.r1?.attempts).toHaveLength(1);
  });

  it('assembles tool calls from fragments', () => {
    const view = applyRunEvents(pendingView(), [
      { type: 'tool-call-delta', responseId: 'r2', index: 0, id: 'call_1', name: 'get_weather', argumentsDelta: '{"city":' },
      { type: 'tool-call-delta', responseId: 'r2', index: 0, argumentsDelta: '"Oslo"}' },
    ]);
    expect(view.responses.r2?.toolCalls).toEqual([{ index: 0, id: 'call_1', name: 'get_weather', arguments: '{"city":"Oslo"}' }]);
  });

  it('marks the run finished on run-end', () => {
    const view = applyRunEvents(pendingView(), [{ type: 'run-end', runId: 'run-1' }]);
    expect(view.finished).toBe(true);
  });
});

describe('createRunViewFromDetail and runProgress', () => {
  it('orders by target index and knows when everything has ended', () => {
    const run = { id: 'run-1', prompt: 'p', systemPrompt: null, params: {}, targets, createdAt: 42 };
    const second = { ...pendingResponseRecord('r2', 'run-1', 1, targets[1]!), status: 'error' as const };
    const view = createRunViewFromDetail(run, [second, finalRecord()]);
    expect(view.order).toEqual(['r1', 'r2']);
    expect(view.finished).toBe(true);
    expect(view.startedAt).toBe(42);
    expect(runProgress(view)).toMatchObject({ total: 2, done: 1, error: 1, streaming: 0 });
  });
});
