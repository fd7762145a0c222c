import OpenAI, { APIError } from 'openai';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerationOutcome, SimulatedModel, Simulator } from './index';
import { demoModels, startSimulator } from './index';

// Every model answers immediately unless a test is about timing: the whole file must stay fast.
const instant = { firstTokenDelayMs: 0, tokensPerSecond: 0 } satisfies Partial<SimulatedModel>;
const userMessage = (content: string): OpenAI.Chat.ChatCompletionMessageParam[] => [{ role: 'user', content }];

const models: SimulatedModel[] = [
  { id: 'test/plain', provider: 'TestProvider', ...instant },
  {
    id: 'test/priced',
    servedAs: 'test/priced-2025',
    provider: 'OpenAI',
    pricing: { prompt: 0.0000025, completion: 0.00001, inputCacheRead: 0.00000125 },
    cachedPromptTokens: 4,
    ...instant,
  },
  { id: 'test/reasoning', reasoningTokens: 12, outputTokens: 20, ...instant },
  { id: 'test/deepseek-style', reasoningTokens: 5, reasoningField: 'reasoning_content', outputTokens: 5, ...instant },
  {
    id: 'test/tools',
    toolCalls: [
      { name: 'get_weather', arguments: '{"city":"Paris","unit":"celsius"}' },
      { name: 'search', arguments: '{"query":"streaming \\"quotes\\" and ünïcode"}' },
    ],
    ...instant,
  },
  { id: 'test/fixed-text', text: 'Hello from the simulator.', ...instant },
  { id: 'test/rate-limited', fault: { kind: 'http', status: 429, retryAfterSeconds: 7 }, ...instant },
  { id: 'test/flaky', fault: { kind: 'fail-times', times: 2, status: 503, retryAfterSeconds: 0.01 }, ...instant },
  { id: 'test/disconnect', fault: { kind: 'disconnect', afterTokens: 3 }, ...instant },
  { id: 'test/midstream', fault: { kind: 'midstream-error', afterTokens: 4, message: 'Upstream fell over' }, ...instant },
  { id: 'test/malformed', fault: { kind: 'malformed-chunk', afterTokens: 2 }, outputTokens: 5, ...instant },
  { id: 'test/stall', fault: { kind: 'stall', afterTokens: 2 }, ...instant },
  { id: 'test/context-fault', fault: { kind: 'context-length' }, contextLength: 8192, ...instant },
  { id: 'test/tiny-context', contextLength: 10, ...instant },
  { id: 'test/slow', firstTokenDelayMs: 0, tokensPerSecond: 20, outputTokens: 200 },
  { id: 'test/paced', firstTokenDelayMs: 20, tokensPerSecond: 100, outputTokens: 25 },
];

let simulator: Simulator;
let client: OpenAI;

beforeAll(async () => {
  simulator = await startSimulator({ models });
  client = new OpenAI({ baseURL: simulator.baseUrl, apiKey: 'sk-or-v1-test', maxRetries: 0 });
});

afterAll(async () => {
  await simulator.close();
});

/** Resolves when the simulator reports the end of a generation of `model` (a named event, not a sleep). */
function generationEnd(model: string): Promise<GenerationOutcome> {
  return new Promise((resolve) => {
    const listener = (generation: { model: string; outcome: GenerationOutcome }): void => {
      if (generation.model !== model) return;
      simulator.events.off('generation-end', listener);
      resolve(generation.outcome);
    };
    simulator.events.on('generation-end', listener);
  });
}

async function postChat(body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${simulator.baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** Splits a complete SSE body into its events' raw text (comments and data lines alike). */
function sseEvents(text: string): string[] {
  return text.split('\n\n').filter((event) => event !== '');
}

function dataPayloads(text: string): string[] {
  return sseEvents(text)
    .filter((event) => event.startsWith('data: '))
    .map((event) => event.slice('data: '.length));
}

async function collect(stream: AsyncIterable<ChatCompletionChunk>): Promise<ChatCompletionChunk[]> {
  const chunks: ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

const contentOf = (chunks: ChatCompletionChunk[]): string =>
  chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');

describe('streaming wire format', () => {
  it('sends a keep-alive comment, paced chunks, a finish chunk, a usage chunk and [DONE]', async () => {
    const response = await postChat({ model: 'test/plain', stream: true, messages: userMessage('Explain streaming') });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const text = await response.text();
    const events = sseEvents(text);
    expect(events[0]).toBe(': OPENROUTER PROCESSING');
    expect(events.at(-1)).toBe('data: [DONE]');

    const chunks = dataPayloads(text)
      .filter((payload) => payload !== '[DONE]')
      .map((payload) => JSON.parse(payload) as Record<string, unknown>);
    const id = response.headers.get('x-generation-id');
    expect(id).toMatch(/^gen-\d+-[A-Za-z0-9]{20}$/);
    for (const chunk of chunks) {
      expect(chunk).toMatchObject({ id, object: 'chat.completion.chunk', model: 'test/plain', provider: 'TestProvider' });
    }
    const first = chunks[0];
    expect(first).toMatchObject({
      choices: [{ index: 0, delta: { role: 'assistant' }, finish_reason: null, native_finish_reason: null, logprobs: null }],
    });
    const finish = chunks.at(-2);
    expect(finish).toMatchObject({ choices: [{ finish_reason: 'stop', native_finish_reason: 'stop' }] });
    const usage = chunks.at(-1);
    expect(usage).toMatchObject({ choices: [], usage: { completion_tokens: 60, is_byok: false } });
    expect(chunks).toHaveLength(60 + 2);
  });

  it('generates deterministic markdown with a heading, a list and a ts code block', async () => {
    const request = { model: 'test/plain', messages: userMessage('Compare caching strategies') };
    const first = await client.chat.completions.create(request);
    const second = await client.chat.completions.create(request);
    const content = first.choices[0]?.message.content ?? '';
    expect(content).toBe(second.choices[0]?.message.content);
    expect(content).toMatch(/^## Compare caching strategies\n/);
    expect(content).toMatch(/\n- \*\*/);
    expect(content).toContain('```ts\n');
  });

  it('streams through the openai SDK and reports an exact cost in the usage chunk', async () => {
    const prompt = 'x'.repeat(40); // ceil(40 / 4) = 10 prompt tokens, 4 of them cached
    const chunks = await collect(
      await client.chat.completions.create({ model: 'test/priced', stream: true, messages: userMessage(prompt) }),
    );
    expect(contentOf(chunks).length).toBeGreaterThan(0);
    expect(chunks[0]?.model).toBe('test/priced-2025');
    const usage = chunks.at(-1)?.usage as unknown as Record<string, unknown>;
    // 6 uncached x $2.5/M + 4 cached x $1.25/M + 60 completion x $10/M
    expect(usage['cost']).toBe(0.00062);
    expect(usage).toMatchObject({
      prompt_tokens: 10,
      completion_tokens: 60,
      total_tokens: 70,
      prompt_tokens_details: { cached_tokens: 4, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, image_tokens: 0 },
      cost_details: { upstream_inference_prompt_cost: 0.00002, upstream_inference_completions_cost: 0.0006 },
    });
  });

  it('answers without streaming with a chat.completion and usage', async () => {
    const completion = await client.chat.completions.create({ model: 'test/fixed-text', messages: userMessage('hi') });
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]?.message.content).toBe('Hello from the simulator.');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage).toMatchObject({ prompt_tokens: 1, completion_tokens: 4, total_tokens: 5 });
  });

  it('streams OpenRouter reasoning with reasoning_details before the content', async () => {
    const chunks = await collect(
      await client.chat.completions.create({ model: 'test/reasoning', stream: true, messages: userMessage('think') }),
    );
    const deltas = chunks.map((chunk) => chunk.choices[0]?.delta as Record<string, unknown> | undefined);
    const reasoningDeltas = deltas.filter((delta) => typeof delta?.['reasoning'] === 'string');
    expect(reasoningDeltas).toHaveLength(12);
    expect(reasoningDeltas[0]).toMatchObject({
      content: '',
      reasoning_details: [{ type: 'reasoning.text', format: 'unknown', index: 0 }],
    });
    const firstContent = deltas.findIndex((delta) => typeof delta?.['content'] === 'string' && delta['content'] !== '');
    expect(firstContent).toBe(12);
    expect(chunks.at(-1)?.usage).toMatchObject({ completion_tokens: 32, completion_tokens_details: { reasoning_tokens: 12 } });
  });

  it('streams DeepSeek-style reasoning_content', async () => {
    const chunks = await collect(
      await client.chat.completions.create({ model: 'test/deepseek-style', stream: true, messages: userMessage('x') }),
    );
    const first = chunks[0]?.choices[0]?.delta as Record<string, unknown>;
    expect(first).toMatchObject({ content: null });
    expect(typeof first['reasoning_content']).toBe('string');
    expect(first['reasoning']).toBeUndefined();
  });

  it('streams interleaved tool-call fragments that reassemble into valid JSON per index', async () => {
    const tools: OpenAI.Chat.ChatCompletionTool[] = [
      { type: 'function', function: { name: 'get_weather', parameters: { type: 'object' } } },
    ];
    const chunks = await collect(
      await client.chat.completions.create({ model: 'test/tools', stream: true, tools, messages: userMessage('go') }),
    );
    const calls = new Map<number, { id: string; name: string; arguments: string }>();
    const indexOrder: number[] = [];
    for (const chunk of chunks) {
      for (const delta of chunk.choices[0]?.delta.tool_calls ?? []) {
        indexOrder.push(delta.index);
        const call = calls.get(delta.index) ?? { id: '', name: '', arguments: '' };
        if (delta.id) {
          expect(delta.type).toBe('function');
          call.id = delta.id;
        }
        call.name += delta.function?.name ?? '';
        call.arguments += delta.function?.arguments ?? '';
        calls.set(delta.index, call);
      }
    }
    expect(JSON.parse(calls.get(0)?.arguments ?? '')).toEqual({ city: 'Paris', unit: 'celsius' });
    expect(JSON.parse(calls.get(1)?.arguments ?? '')).toEqual({ query: 'streaming "quotes" and ünïcode' });
    expect(calls.get(0)).toMatchObject({ name: 'get_weather', id: expect.stringMatching(/^call_/) });
    expect(calls.get(1)?.name).toBe('search');
    expect(indexOrder.slice(0, 4)).toEqual([0, 1, 0, 1]);
    expect(chunks.flatMap((chunk) => chunk.choices.map((choice) => choice.finish_reason))).toContain('tool_calls');
  });

  it('answers with text when the model has tool calls but the request offers no tools', async () => {
    const completion = await client.chat.completions.create({ model: 'test/tools', messages: userMessage('go') });
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.choices[0]?.message.tool_calls).toBeUndefined();
  });

  it('truncates at max_tokens with finish_reason length', async () => {
    const chunks = await collect(
      await client.chat.completions.create({ model: 'test/plain', stream: true, max_tokens: 7, messages: userMessage('x') }),
    );
    expect(chunks.filter((chunk) => chunk.choices[0]?.delta.content)).toHaveLength(7);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('length');
    expect(chunks.at(-1)?.usage?.completion_tokens).toBe(7);
    const whole = await client.chat.completions.create({
      model: 'test/plain',
      max_completion_tokens: 3,
      messages: userMessage('x'),
    });
    expect(whole.choices[0]?.finish_reason).toBe('length');
    expect(whole.usage?.completion_tokens).toBe(3);
  });

  it('records requests and the first-byte time of each generation', async () => {
    const before = simulator.requests.length;
    const chunks = await collect(
      await client.chat.completions.create({ model: 'test/plain', stream: true, messages: userMessage('rec') }),
    );
    const recorded = simulator.requests[before];
    expect(recorded?.model).toBe('test/plain');
    expect(recorded?.body.messages).toEqual(userMessage('rec'));
    expect(recorded?.headers['authorization']).toBe('Bearer ***');
    const firstByte = simulator.firstByteTimes.get(chunks[0]?.id ?? '');
    expect(firstByte).toBeGreaterThanOrEqual(recorded?.receivedAt ?? Infinity);
  });
});

describe('faults', () => {
  it('answers an http fault with OpenRouter error JSON and Retry-After', async () => {
    const response = await postChat({ model: 'test/rate-limited', stream: true, messages: userMessage('x') });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    const body = (await response.json()) as { error: { code: number; message: string; metadata: unknown } };
    expect(body.error.code).toBe(429);
    expect(body.error.message).toContain('rate-limited');
    expect(body.error.metadata).toMatchObject({ provider_name: expect.any(String) });
  });

  it('fails the first N requests, then succeeds, so the SDK retry honours Retry-After', async () => {
    const retrying = new OpenAI({ baseURL: simulator.baseUrl, apiKey: 'sk-or-v1-test', maxRetries: 2 });
    const completion = await retrying.chat.completions.create({ model: 'test/flaky', messages: userMessage('x') });
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(simulator.requests.filter((request) => request.model === 'test/flaky')).toHaveLength(3);
  });

  it('destroys the socket after N tokens: the SDK stream raises a connection error', async () => {
    const stream = await client.chat.completions.create({ model: 'test/disconnect', stream: true, messages: userMessage('x') });
    const received: string[] = [];
    const failure = await (async (): Promise<unknown> => {
      try {
        for await (const chunk of stream) received.push(chunk.choices[0]?.delta.content ?? '');
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(APIError);
    expect(String(failure)).toMatch(/terminated|socket|closed/i);
    expect(received).toHaveLength(3);
  });

  it('sends the unified mid-stream error chunk and ends without [DONE]', async () => {
    const response = await postChat({ model: 'test/midstream', stream: true, messages: userMessage('x') });
    const payloads = dataPayloads(await response.text());
    expect(payloads).toHaveLength(5);
    expect(JSON.parse(payloads.at(-1) ?? '')).toMatchObject({
      object: 'chat.completion.chunk',
      error: { code: 'server_error', message: 'Upstream fell over' },
      choices: [{ index: 0, delta: { content: '' }, finish_reason: 'error' }],
    });

    const stream = await client.chat.completions.create({ model: 'test/midstream', stream: true, messages: userMessage('x') });
    await expect(collect(stream)).rejects.toThrow('Upstream fell over');
  });

  it('sends one malformed data line and carries on to [DONE]', async () => {
    const response = await postChat({ model: 'test/malformed', stream: true, messages: userMessage('x') });
    const payloads = dataPayloads(await response.text());
    expect(payloads[2]).toBe('{not json');
    expect(payloads.at(-1)).toBe('[DONE]');
    expect(payloads).toHaveLength(5 + 1 + 2 + 1);

    // logLevel off: the SDK would otherwise log the unparsable line it is about to throw on.
    const quiet = new OpenAI({ baseURL: simulator.baseUrl, apiKey: 'sk-or-v1-test', maxRetries: 0, logLevel: 'off' });
    const stream = await quiet.chat.completions.create({ model: 'test/malformed', stream: true, messages: userMessage('x') });
    await expect(collect(stream)).rejects.toThrow(SyntaxError);
  });

  it('stalls after N tokens with the socket open until the client aborts', async () => {
    const controller = new AbortController();
    const stalled = generationEnd('test/stall');
    const stream = await client.chat.completions.create(
      { model: 'test/stall', stream: true, messages: userMessage('x') },
      { signal: controller.signal },
    );
    const iterator = stream[Symbol.asyncIterator]();
    const received = [(await iterator.next()).value, (await iterator.next()).value];
    expect(received.map((chunk) => chunk?.choices[0]?.delta.content)).toEqual([expect.any(String), expect.any(String)]);
    expect(await stalled).toBe('stalled');
    const waiting = iterator.next();
    controller.abort();
    // The SDK ends an aborted stream quietly; the pending read finishes instead of hanging.
    expect(await waiting).toMatchObject({ done: true });
    expect(simulator.activeGenerations()).toBe(0);
  });

  it('answers the context-length fault with OpenRouter’s message', async () => {
    const failure = await client.chat.completions
      .create({ model: 'test/context-fault', messages: userMessage('short') })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OpenAI.BadRequestError);
    expect((failure as APIError).message).toMatch(/This endpoint's maximum context length is 8192 tokens/);
  });

  it('refuses a prompt that really overflows the context window', async () => {
    const response = await postChat({ model: 'test/tiny-context', messages: userMessage('y'.repeat(100)) });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toContain('you requested about 25 tokens (25 of text input, 0 in the output)');
  });

  it('rejects an unknown model as OpenRouter does', async () => {
    const response = await postChat({ model: 'nobody/nothing', messages: userMessage('x') });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 400, message: 'nobody/nothing is not a valid model ID' } });
  });

  it('serves the first known model of an OpenRouter fallback list', async () => {
    const response = await postChat({ models: ['nobody/nothing', 'test/fixed-text'], messages: userMessage('x') });
    expect(((await response.json()) as { model: string }).model).toBe('test/fixed-text');
  });
});

describe('timing and cleanup', () => {
  it('stops the generation timers when the client aborts', async () => {
    const controller = new AbortController();
    const ended = generationEnd('test/slow');
    const stream = await client.chat.completions.create(
      { model: 'test/slow', stream: true, messages: userMessage('x') },
      { signal: controller.signal },
    );
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content) break; // break aborts the request inside the SDK
    }
    expect(await ended).toBe('aborted');
    expect(simulator.activeGenerations()).toBe(0);
  });

  it('paces 8 parallel streams at 100 tokens/s without drift', async () => {
    const runOne = async (): Promise<number> => {
      const started = performance.now();
      const chunks = await collect(
        await client.chat.completions.create({ model: 'test/paced', stream: true, messages: userMessage('x') }),
      );
      expect(chunks.filter((chunk) => chunk.choices[0]?.delta.content)).toHaveLength(25);
      return performance.now() - started;
    };
    const durations = await Promise.all(Array.from({ length: 8 }, runOne));
    // Ideal: 20 ms to the first token, then 24 intervals of 10 ms = 260 ms.
    for (const duration of durations) {
      expect(duration).toBeGreaterThanOrEqual(255);
      expect(duration).toBeLessThan(1000);
    }
  });

  it('closes promptly while a stream is stalled', async () => {
    const own = await startSimulator({ models: [{ id: 'x/stall', ...instant, fault: { kind: 'stall', afterTokens: 1 } }] });
    const response = await fetch(`${own.baseUrl}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'x/stall', stream: true, messages: userMessage('x') }),
    });
    const reader = response.body?.getReader();
    await reader?.read();
    const started = performance.now();
    await own.close();
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(reader?.read()).rejects.toThrow();
    await own.close(); // a second close is harmless
  });
});

describe('options', () => {
  it('can leave out the keep-alive comment and still sends headers before the first token', async () => {
    const own = await startSimulator({
      keepAliveComments: false,
      models: [{ id: 'x/late', firstTokenDelayMs: 10_000, tokensPerSecond: 0, outputTokens: 3 }],
    });
    const response = await fetch(`${own.baseUrl}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'x/late', stream: true, messages: userMessage('x') }),
    });
    expect(response.status).toBe(200);
    expect(own.firstByteTimes.size).toBe(0);
    const reading = response.text().catch(() => '');
    await own.close();
    expect(await reading).toBe('');
  });
});

describe('account and catalog endpoints', () => {
  it('requires one of the configured keys and tracks spend per key', async () => {
    const own = await startSimulator({
      apiKeys: ['sk-or-v1-good-key-000000000'],
      models: [{ id: 'x/priced', ...instant, pricing: { prompt: 0.000001, completion: 0.000002 } }],
    });
    const request = (authorization?: string): Promise<Response> =>
      fetch(`${own.baseUrl}/chat/completions`, {
        method: 'POST',
        headers: authorization ? { authorization } : {},
        body: JSON.stringify({ model: 'x/priced', messages: userMessage('abcd') }),
      });
    expect(await (await request()).json()).toEqual({ error: { code: 401, message: 'No auth credentials found' } });
    expect(await (await request('Bearer sk-or-v1-wrong')).json()).toEqual({
      error: { code: 401, message: 'User not found.' },
    });
    const completion = (await (await request('Bearer sk-or-v1-good-key-000000000')).json()) as {
      usage: { cost: number };
    };
    // 1 prompt token x $1/M + 60 completion tokens x $2/M
    expect(completion.usage.cost).toBe(0.000121);

    const key = await fetch(`${own.baseUrl}/key`, { headers: { authorization: 'Bearer sk-or-v1-good-key-000000000' } });
    expect(((await key.json()) as { data: unknown }).data).toMatchObject({
      label: 'sk-or-v1-go...000',
      limit: null,
      usage: 0.000121,
      usage_daily: 0.000121,
      usage_weekly: 0.000121,
      usage_monthly: 0.000121,
      is_free_tier: false,
    });
    const credits = await fetch(`${own.baseUrl}/credits`, { headers: { authorization: 'Bearer sk-or-v1-good-key-000000000' } });
    expect(await credits.json()).toEqual({ data: { total_credits: 100, total_usage: 0.000121 } });
    expect((await fetch(`${own.baseUrl}/key`)).status).toBe(401);
    await own.close();
  });

  it('lists models in OpenRouter’s shape with per-token price strings', async () => {
    const listing = (await (await fetch(`${simulator.baseUrl}/models`)).json()) as { data: Array<Record<string, unknown>> };
    const priced = listing.data.find((model) => model['id'] === 'test/priced');
    expect(priced).toMatchObject({
      canonical_slug: 'test/priced-2025',
      context_length: 128000,
      architecture: { modality: 'text->text', input_modalities: ['text'], output_modalities: ['text'] },
      pricing: { prompt: '0.0000025', completion: '0.00001', request: '0', image: '0', input_cache_read: '0.00000125' },
      top_provider: { context_length: 128000, is_moderated: false },
    });
    expect(priced?.['supported_parameters']).toContain('tools');
  });

  it('adds or replaces a model at runtime', async () => {
    simulator.setModel({ id: 'test/runtime', text: 'first', ...instant });
    const first = await client.chat.completions.create({ model: 'test/runtime', messages: userMessage('x') });
    simulator.setModel({ id: 'test/runtime', text: 'second', ...instant });
    const second = await client.chat.completions.create({ model: 'test/runtime', messages: userMessage('x') });
    expect([first.choices[0]?.message.content, second.choices[0]?.message.content]).toEqual(['first', 'second']);
  });

  it('offers a free demo set whose names say they are simulated', () => {
    const demo = demoModels();
    expect(demo.length).toBeGreaterThanOrEqual(6);
    for (const model of demo) {
      expect(model.id).toMatch(/^demo\//);
      expect(model.name).toMatch(/simulated/i);
      expect(model.pricing).toMatchObject({ prompt: 0, completion: 0 });
      expect(model.tokensPerSecond).toBeGreaterThanOrEqual(30);
      expect(model.tokensPerSecond).toBeLessThanOrEqual(150);
      expect(model.firstTokenDelayMs).toBeGreaterThanOrEqual(150);
      expect(model.firstTokenDelayMs).toBeLessThanOrEqual(800);
    }
    expect(demo.some((model) => (model.reasoningTokens ?? 0) > 0)).toBe(true);
  });
});
