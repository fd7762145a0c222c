import { describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/contract';
import type { RunEventBatch } from '../../shared/run-events';
import { createHttpTransport } from '../../renderer/src/transport/http-transport';

interface Call {
  url: string;
  init: RequestInit | undefined;
}

function fakeFetch(respond: (url: string) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const implementation = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    return respond(String(input));
  }) as typeof fetch;
  return { calls, implementation };
}

class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];
  readyState = FakeEventSource.OPEN;
  closed = false;
  private listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = FakeEventSource.CLOSED;
  }
  emit(type: string, data = '') {
    for (const listener of this.listeners.get(type) ?? []) listener({ data } as MessageEvent<string>);
  }
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('createHttpTransport', () => {
  it('exposes every contract method plus subscribeRun', () => {
    const api = createHttpTransport({ fetch: fakeFetch(() => json({ ok: true, value: null })).implementation });
    for (const method of methodNames) expect(typeof api[method]).toBe('function');
    expect(typeof api.subscribeRun).toBe('function');
  });

  it('POSTs the input as JSON to /api/invoke/<method> with same-origin credentials', async () => {
    const fetcher = fakeFetch(() => json({ ok: true, value: { removed: true } }));
    const api = createHttpTransport({ fetch: fetcher.implementation });
    const result = await api.removeConnection({ connectionId: 'c1' });
    expect(result).toEqual({ ok: true, value: { removed: true } });
    expect(fetcher.calls[0]?.url).toBe('/api/invoke/removeConnection');
    expect(fetcher.calls[0]?.init?.method).toBe('POST');
    expect(fetcher.calls[0]?.init?.credentials).toBe('same-origin');
    expect(JSON.parse(String(fetcher.calls[0]?.init?.body))).toEqual({ connectionId: 'c1' });
  });

  it('passes domain and validation errors through as values (400 keeps its Result body)', async () => {
    const error = { kind: 'invalid_input', message: 'Invalid input for startRun: prompt: expected a prompt' };
    const api = createHttpTransport({ fetch: fakeFetch(() => json({ ok: false, error }, 400)).implementation });
    expect(await api.startRun({ prompt: '', targets: [] })).toEqual({ ok: false, error });
  });

  it('turns a thrown fetch into a network error', async () => {
    const api = createHttpTransport({
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch,
    });
    const result = await api.getAppInfo({});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('network');
      expect(result.error.message).toContain('Failed to fetch');
    }
  });

  it('reports a body that is not a Result with its HTTP status', async () => {
    const api = createHttpTransport({ fetch: fakeFetch(() => new Response('<html>', { status: 502 })).implementation });
    const result = await api.listConnections({});
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal', status: 502 } });
  });

  it('streams batches from SSE and closes itself after run-end', () => {
    FakeEventSource.instances = [];
    const api = createHttpTransport({ EventSource: FakeEventSource as unknown as typeof EventSource, fetch: fakeFetch(() => json({})).implementation });
    const batches: RunEventBatch[] = [];
    api.subscribeRun('run/1', (batch) => batches.push(batch));
    const source = FakeEventSource.instances[0]!;
    expect(source.url).toBe('/api/runs/run%2F1/events');
    source.emit('batch', JSON.stringify([{ type: 'text-delta', responseId: 'r1', text: 'hi' }]));
    expect(source.closed).toBe(false);
    source.emit('batch', JSON.stringify([{ type: 'run-end', runId: 'run/1' }]));
    expect(source.closed).toBe(true);
    expect(batches).toHaveLength(2);
  });

  it('unsubscribe closes the EventSource and stops delivery', () => {
    FakeEventSource.instances = [];
    const api = createHttpTransport({ EventSource: FakeEventSource as unknown as typeof EventSource, fetch: fakeFetch(() => json({})).implementation });
    const batches: RunEventBatch[] = [];
    const unsubscribe = api.subscribeRun('r', (batch) => batches.push(batch));
    unsubscribe();
    FakeEventSource.instances[0]!.emit('batch', '[]');
    expect(FakeEventSource.instances[0]!.closed).toBe(true);
    expect(batches).toHaveLength(0);
  });

  it('gives up after repeated connection errors instead of reconnecting forever', () => {
    FakeEventSource.instances = [];
    const errors: string[] = [];
    const api = createHttpTransport({
      EventSource: FakeEventSource as unknown as typeof EventSource,
      fetch: fakeFetch(() => json({})).implementation,
      maxReconnects: 2,
      onSubscriptionError: (runId) => errors.push(runId),
    });
    api.subscribeRun('r', () => undefined);
    const source = FakeEventSource.instances[0]!;
    source.readyState = FakeEventSource.CONNECTING;
    source.emit('error');
    source.emit('error');
    expect(source.closed).toBe(false);
    source.emit('error');
    expect(source.closed).toBe(true);
    expect(errors).toEqual(['r']);
  });
});

describe('contract constants', () => {
  it('keeps the renderer copy of MAX_TARGETS equal to the contract (kept without zod in the bundle)', async () => {
    const local = await import('../../renderer/src/contract-constants');
    const contract = await import('../../shared/contract');
    expect(local.MAX_TARGETS).toBe(contract.MAX_TARGETS);
  });
});
