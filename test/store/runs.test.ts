import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ResponseRecord } from '../../shared/records';
import { insertFinishedRun, makeResponse, makeRun, openTempStore, type TempStore } from './store-fixtures';

const fullResponse: ResponseRecord = {
  id: 'response-full',
  runId: 'run-1',
  targetIndex: 1,
  connectionId: 'conn-or',
  modelAsked: 'openai/gpt-4o',
  modelServed: 'openai/gpt-4o-2024-11-20',
  providerServed: 'Azure',
  status: 'done',
  incomplete: false,
  text: 'Héllo 👋 "quoted" \n second line',
  reasoning: 'Think first.',
  toolCalls: [
    { index: 0, id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
    { index: 1, id: null, name: 'lookup', arguments: '' },
  ],
  finishReason: 'tool_calls',
  usage: { promptTokens: 1200, completionTokens: 340, cachedTokens: 1024, cacheWriteTokens: 12, reasoningTokens: 80 },
  cost: { usd: 0.0123456789, source: 'catalog' },
  metrics: { ttftMs: 233.75, totalMs: 4021.125, tokensPerSecond: 88.4 },
  error: null,
  attempts: [
    {
      connectionId: 'conn-or',
      model: 'openai/gpt-4o',
      startedAt: 1_700_000_000_100,
      error: { kind: 'rate_limited', message: 'Too many requests.', providerMessage: 'Rate limit exceeded', status: 429, retryAfterMs: 1500 },
    },
    { connectionId: 'conn-or', model: 'openai/gpt-4o', startedAt: 1_700_000_001_700, error: null },
  ],
};

const failedResponse: ResponseRecord = {
  ...fullResponse,
  id: 'response-failed',
  targetIndex: 0,
  modelAsked: 'anthropic/claude-sonnet-4',
  modelServed: null,
  providerServed: null,
  status: 'error',
  incomplete: true,
  text: 'partial',
  reasoning: '',
  toolCalls: [],
  finishReason: null,
  usage: null,
  cost: { usd: null, source: 'unknown' },
  metrics: { ttftMs: null, totalMs: 12.5, tokensPerSecond: null },
  error: { kind: 'auth', message: 'The key was refused.', status: 401 },
  attempts: [{ connectionId: 'conn-or', model: 'anthropic/claude-sonnet-4', startedAt: 1, error: { kind: 'auth', message: 'The key was refused.' } }],
};

describe('runs', () => {
  let temp: TempStore;
  beforeEach(() => {
    temp = openTempStore();
  });
  afterEach(() => temp.dispose());

  it('getRun returns exactly what was saved, responses in target order', () => {
    const run = makeRun({ systemPrompt: 'Be brief.', params: { temperature: 0.7, maxTokens: 1024 } });
    temp.store.insertRun(run);
    temp.store.saveResponse(fullResponse);
    temp.store.saveResponse(failedResponse);
    expect(temp.store.getRun('run-1')).toEqual({ run, responses: [failedResponse, fullResponse] });
    expect(temp.reopen().getRun('run-1')).toEqual({ run, responses: [failedResponse, fullResponse] });
    expect(temp.store.getRun('missing')).toBeUndefined();
  });

  it('saveResponse replaces the row on each checkpoint', () => {
    temp.store.insertRun(makeRun());
    const pending = makeResponse({ status: 'pending', finishReason: null });
    temp.store.saveResponse(pending);
    temp.store.saveResponse({ ...pending, status: 'streaming', text: 'Own' });
    const done = { ...pending, status: 'done' as const, text: 'Ownership.', finishReason: 'stop', cost: { usd: 0.5, source: 'provider' as const } };
    temp.store.saveResponse(done);
    expect(temp.store.getRun('run-1')?.responses).toEqual([done]);
  });

  it('lists runs newest first with keyset pagination', () => {
    for (let index = 0; index < 7; index += 1) {
      insertFinishedRun(temp.store, makeRun({ id: `run-${index}`, createdAt: 1000 + index * 10 }), ['a', 'b']);
    }
    const first = temp.store.listRuns({ limit: 3 });
    expect(first.map((run) => run.id)).toEqual(['run-6', 'run-5', 'run-4']);
    const second = temp.store.listRuns({ limit: 3, beforeCreatedAt: first.at(-1)!.createdAt });
    expect(second.map((run) => run.id)).toEqual(['run-3', 'run-2', 'run-1']);
    const third = temp.store.listRuns({ limit: 3, beforeCreatedAt: second.at(-1)!.createdAt });
    expect(third.map((run) => run.id)).toEqual(['run-0']);
    expect(temp.store.listRuns({ limit: 3, beforeCreatedAt: 1000 })).toEqual([]);
    expect(temp.store.listRuns({ limit: 0 })).toEqual([]);
  });

  it('orders runs created in the same millisecond newest insert first', () => {
    for (const id of ['first', 'second', 'third']) insertFinishedRun(temp.store, makeRun({ id, createdAt: 5000 }), []);
    insertFinishedRun(temp.store, makeRun({ id: 'earlier', createdAt: 4999 }), []);
    expect(temp.store.listRuns({ limit: 10 }).map((run) => run.id)).toEqual(['third', 'second', 'first', 'earlier']);
    expect(temp.store.listRuns({ limit: 10, search: 'borrow' }).map((run) => run.id)).toEqual(['third', 'second', 'first', 'earlier']);
    expect(temp.store.listRuns({ limit: 10, beforeCreatedAt: 5000 }).map((run) => run.id)).toEqual(['earlier']);
    expect(temp.reopen().getRun('second')?.run.createdAt).toBe(5000);
  });

  it('summarises each run', () => {
    const longPrompt = `  Compare\n\tthese   answers ${'word '.repeat(60)}`;
    const run = makeRun({
      id: 'run-a',
      prompt: longPrompt,
      targets: [
        { connectionId: 'c', model: 'deepseek/deepseek-r1' },
        { connectionId: 'c', model: 'openai/gpt-4o' },
        { connectionId: 'c', model: 'anthropic/claude-sonnet-4' },
      ],
    });
    insertFinishedRun(temp.store, run, ['x', 'y', 'z'], [0.25, null, 0.5]);
    temp.store.saveResponse(makeResponse({ id: 'run-a-r1', runId: 'run-a', targetIndex: 1, status: 'error', error: { kind: 'timeout', message: 'Timed out.' } }));

    insertFinishedRun(temp.store, makeRun({ id: 'run-b', prompt: 'Short one', createdAt: 1 }), ['x', 'y']);
    temp.store.saveResponse(makeResponse({ id: 'run-b-r1', runId: 'run-b', targetIndex: 1, status: 'streaming' }));

    const [a, b] = temp.store.listRuns({ limit: 10 });
    expect(a).toMatchObject({
      id: 'run-a',
      createdAt: run.createdAt,
      models: ['deepseek/deepseek-r1', 'openai/gpt-4o', 'anthropic/claude-sonnet-4'],
      totalCostUsd: 0.75,
      errorCount: 1,
      status: 'finished',
    });
    expect(a?.promptPreview.startsWith('Compare these answers word word')).toBe(true);
    expect(a?.promptPreview).not.toMatch(/\s{2}|\n|\t/);
    expect(Array.from(a?.promptPreview ?? '')).toHaveLength(140);
    expect(a?.promptPreview.endsWith('…')).toBe(true);
    expect(b).toEqual({
      id: 'run-b',
      createdAt: 1,
      promptPreview: 'Short one',
      models: ['anthropic/claude-sonnet-4', 'openai/gpt-4o'],
      totalCostUsd: null,
      errorCount: 0,
      status: 'running',
    });
  });

  it('cuts the preview between characters, never inside an emoji', () => {
    insertFinishedRun(temp.store, makeRun({ prompt: '😀'.repeat(700) }), []);
    const [summary] = temp.store.listRuns({ limit: 1 });
    expect(summary?.promptPreview).toBe(`${'😀'.repeat(139)}…`);
  });

  it('markInterruptedResponses stops pending and streaming responses, keeping partial text', () => {
    temp.store.insertRun(makeRun());
    temp.store.saveResponse(makeResponse({ id: 'a', targetIndex: 0, status: 'streaming', text: 'half an ans' }));
    temp.store.saveResponse(makeResponse({ id: 'b', targetIndex: 1, status: 'pending' }));
    temp.store.saveResponse(makeResponse({ id: 'c', targetIndex: 2, status: 'done', text: 'complete' }));
    expect(temp.store.listRuns({ limit: 1 })[0]?.status).toBe('running');

    const store = temp.reopen();
    expect(store.markInterruptedResponses()).toBe(2);
    const responses = store.getRun('run-1')?.responses ?? [];
    expect(responses.map(({ id, status, incomplete, text }) => ({ id, status, incomplete, text }))).toEqual([
      { id: 'a', status: 'stopped', incomplete: true, text: 'half an ans' },
      { id: 'b', status: 'stopped', incomplete: true, text: '' },
      { id: 'c', status: 'done', incomplete: false, text: 'complete' },
    ]);
    expect(store.listRuns({ limit: 1 })[0]?.status).toBe('finished');
    expect(store.markInterruptedResponses()).toBe(0);
  });
});
