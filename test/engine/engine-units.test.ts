import { APIConnectionError, APIError, APIUserAbortError } from 'openai';
import { describe, expect, it } from 'vitest';
import { maskKey } from '../../electron/engine/connections/key-hint';
import { estimateCostUsd, resolveCost } from '../../electron/engine/cost';
import { classifyError, parseRetryAfter } from '../../electron/engine/provider/classify-error';
import { mapStreamChunk } from '../../electron/engine/provider/map-stream-chunk';
import { EventBatcher } from '../../electron/engine/runs/event-batcher';
import { tokensPerSecond } from '../../electron/engine/runs/response-record';
import { coalesceDeltas, type RunEventBatch } from '../../shared/run-events';

const context = { streamStarted: false, nowMs: Date.parse('2026-01-01T00:00:00Z') };

function apiError(status: number | undefined, body: object, headers: Record<string, string> = {}): APIError {
  return APIError.generate(status, body, undefined, new Headers(headers));
}

describe('classifyError', () => {
  it('names a refused key, with the provider message beside ours', () => {
    const error = classifyError(apiError(401, { error: { code: 401, message: 'User not found.' } }), context);
    expect(error).toMatchObject({ kind: 'auth', status: 401, providerMessage: 'User not found.' });
    expect(error.message).toMatch(/refused the API key/);
  });

  it('reads Retry-After on 429 into retryAfterMs and the message', () => {
    const error = classifyError(apiError(429, { error: { code: 429, message: 'Rate limit exceeded' } }, { 'retry-after': '7' }), context);
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 7000 });
    expect(error.message).toContain('Retry after 7 s');
  });

  it('tells credits, context length, overload and bad params apart', () => {
    expect(classifyError(apiError(402, { error: { message: 'Insufficient credits' } }), context).kind).toBe('insufficient_credits');
    expect(
      classifyError(apiError(400, { error: { message: "This endpoint's maximum context length is 8192 tokens" } }), context).kind,
    ).toBe('context_length');
    expect(classifyError(apiError(503, { error: { message: 'overloaded' } }), context).kind).toBe('overloaded');
    expect(classifyError(apiError(400, { error: { message: 'temperature must be <= 2' } }), context).kind).toBe('bad_request');
    expect(classifyError(apiError(500, { error: { message: 'boom' } }), context).kind).toBe('provider_error');
  });

  it('treats an error object inside a 200 stream as a mid-stream failure with its code', () => {
    // As the SDK builds it for a `data:` payload that carries an error object.
    const midStream = new APIError(undefined, { code: 502, message: 'Provider disconnected' }, undefined, new Headers());
    const error = classifyError(midStream, { ...context, streamStarted: true });
    expect(error.kind).toBe('overloaded');
    expect(error.message).toMatch(/mid-way/);
    expect(error.providerMessage).toBe('Provider disconnected');
  });

  it('separates connection failures, aborts and broken streams', () => {
    expect(classifyError(new APIConnectionError({ message: 'ECONNREFUSED' }), context).kind).toBe('network');
    expect(classifyError(new APIUserAbortError(), context).kind).toBe('cancelled');
    expect(classifyError(new TypeError('terminated'), { ...context, streamStarted: true }).kind).toBe('stream_broken');
    expect(classifyError(new SyntaxError('Unexpected token'), { ...context, streamStarted: true }).kind).toBe('stream_broken');
  });

  it('parses Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('2.5', context.nowMs)).toBe(2500);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', context.nowMs)).toBe(30_000);
    expect(parseRetryAfter('soon', context.nowMs)).toBeUndefined();
    expect(parseRetryAfter(null, context.nowMs)).toBeUndefined();
  });
});

describe('mapStreamChunk', () => {
  it('reads OpenRouter reasoning, DeepSeek reasoning_content, tool calls, served model and usage', () => {
    expect(mapStreamChunk({ model: 'openai/gpt-4o-2024', provider: 'Azure', choices: [{ delta: { content: 'Hi' }, finish_reason: null }] })).toEqual({
      model: 'openai/gpt-4o-2024',
      provider: 'Azure',
      text: 'Hi',
      toolCalls: [],
    });
    expect(mapStreamChunk({ choices: [{ delta: { reasoning: 'think' } }] }).reasoning).toBe('think');
    expect(mapStreamChunk({ choices: [{ delta: { reasoning_content: 'deep' } }] }).reasoning).toBe('deep');
    const tool = mapStreamChunk({ choices: [{ delta: { tool_calls: [{ index: 1, id: 'call_1', function: { name: 'get', arguments: '{"a"' } }] } }] });
    expect(tool.toolCalls).toEqual([{ index: 1, id: 'call_1', name: 'get', argumentsDelta: '{"a"' }]);
    const last = mapStreamChunk({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 4, cost: 0.01 } });
    expect(last.usage).toEqual({ prompt_tokens: 3, completion_tokens: 4, cost: 0.01 });
    expect(mapStreamChunk({ choices: [{ delta: {}, finish_reason: 'length' }] }).finishReason).toBe('length');
  });
});

describe('cost', () => {
  const usage = { promptTokens: 1000, completionTokens: 500, cachedTokens: 200, cacheWriteTokens: 100, reasoningTokens: 300 };
  const pricing = { prompt: 0.000003, completion: 0.000015, cacheRead: 0.0000003, cacheWrite: 0.00000375 };

  it('prices cached, cache-write and completion tokens at their own rates, reasoning inside completion', () => {
    // 700 uncached * 3e-6 + 200 * 3e-7 + 100 * 3.75e-6 + 500 * 1.5e-5
    expect(estimateCostUsd(usage, pricing)).toBeCloseTo(0.0021 + 0.00006 + 0.000375 + 0.0075, 12);
  });

  it('prefers the provider figure, labels estimates, and never guesses zero', () => {
    expect(resolveCost(usage, 0.0042, pricing)).toEqual({ usd: 0.0042, source: 'provider' });
    expect(resolveCost(usage, undefined, pricing).source).toBe('catalog');
    expect(resolveCost(usage, undefined, null)).toEqual({ usd: null, source: 'unknown' });
    expect(resolveCost(null, undefined, pricing)).toEqual({ usd: null, source: 'unknown' });
  });
});

describe('EventBatcher', () => {
  it('sends the first event at once, then coalesces deltas into one batch per interval', async () => {
    const batches: RunEventBatch[] = [];
    let now = 0;
    const batcher = new EventBatcher((batch) => batches.push(batch), 16, () => now);
    batcher.push({ type: 'text-delta', responseId: 'r', text: 'a' });
    expect(batches).toEqual([[{ type: 'text-delta', responseId: 'r', text: 'a' }]]);
    now = 5;
    batcher.push({ type: 'text-delta', responseId: 'r', text: 'b' });
    batcher.push({ type: 'text-delta', responseId: 'r', text: 'c' });
    batcher.push({ type: 'text-delta', responseId: 'other', text: 'x' });
    expect(batches).toHaveLength(1);
    await new Promise<void>((resolve) => setTimeout(resolve, 30));
    expect(batches[1]).toEqual([
      { type: 'text-delta', responseId: 'r', text: 'bc' },
      { type: 'text-delta', responseId: 'other', text: 'x' },
    ]);
    batcher.dispose();
  });

  it('flushes immediately at run-end', () => {
    const batches: RunEventBatch[] = [];
    const now = 0;
    const batcher = new EventBatcher((batch) => batches.push(batch), 16, () => now);
    batcher.push({ type: 'text-delta', responseId: 'r', text: 'a' });
    batcher.push({ type: 'text-delta', responseId: 'r', text: 'b' });
    batcher.push({ type: 'run-end', runId: 'run' });
    expect(batches.flat().map((event) => event.type)).toEqual(['text-delta', 'text-delta', 'run-end']);
    batcher.dispose();
  });
});

describe('small rules', () => {
  it('masks keys so two can be told apart but none can be used', () => {
    expect(maskKey('sk-or-v1-0123456789abcdef9f2c')).toBe('sk-or-v1-…9f2c');
    expect(maskKey('sk-proj-abcdefghijklmnop1234')).toBe('sk-proj-…1234');
    expect(maskKey('short')).toBe('…rt');
  });

  it('computes tokens per second after the first token', () => {
    expect(tokensPerSecond(100, 500, 1500)).toBe(100);
    expect(tokensPerSecond(100, null, 1500)).toBeNull();
    expect(tokensPerSecond(0, 10, 100)).toBeNull();
  });
});

describe('coalesceDeltas', () => {
  it('merges each response\'s deltas across interleaving, keeping order within a response', () => {
    expect(
      coalesceDeltas([
        { type: 'text-delta', responseId: 'a', text: '1' },
        { type: 'text-delta', responseId: 'b', text: 'x' },
        { type: 'text-delta', responseId: 'a', text: '2' },
        { type: 'reasoning-delta', responseId: 'a', text: 'r' },
        { type: 'text-delta', responseId: 'a', text: '3' },
        { type: 'text-delta', responseId: 'b', text: 'y' },
      ]),
    ).toEqual([
      { type: 'text-delta', responseId: 'a', text: '12' },
      { type: 'text-delta', responseId: 'b', text: 'xy' },
      { type: 'reasoning-delta', responseId: 'a', text: 'r' },
      { type: 'text-delta', responseId: 'a', text: '3' },
    ]);
  });
});
