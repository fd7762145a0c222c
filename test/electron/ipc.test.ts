// Main's IPC: one handler per contract method, each refusing foreign senders before dispatch(),
// and run streams over MessagePorts. ipcMain, webContents, frames and MessageChannelMain are fakes
// standing in for Electron; the service is a stub engine.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { APP_BASE_URL } from '../../electron/main/app-origin';
import { registerIpc, senderRejection, type IpcEvent, type IpcMainLike, type MainPort, type SenderContents } from '../../electron/main/ipc';
import { runPortChannel } from '../../electron/preload/run-port';
import type { JuxtaService } from '../../shared/contract';
import { ipcChannel, methodNames, subscribeRunChannel } from '../../shared/method-names';
import type { RunEventBatch } from '../../shared/run-events';

type Handler = (event: IpcEvent, input: unknown) => Promise<unknown>;
type Listener = (event: IpcEvent, request: unknown) => void;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const listeners = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle: (channel, handler) => void handlers.set(channel, handler),
    removeHandler: (channel) => void handlers.delete(channel),
    on: (channel, listener) => listeners.set(channel, listener),
    removeListener: (channel) => listeners.delete(channel),
  };
  return { ipcMain, handlers, listeners };
}

class FakeWebContents extends EventEmitter implements SenderContents {
  readonly posted: Array<{ channel: string; message: unknown; transfer: unknown[] | undefined }> = [];
  postMessage(channel: string, message: unknown, transfer?: unknown[]): void {
    this.posted.push({ channel, message, transfer });
  }
}

/** MessagePortMain's behaviour: 'message' events carry { data }, 'close' when the other end goes. */
class FakeMainPort extends EventEmitter implements MainPort {
  readonly sent: unknown[] = [];
  started = false;
  closed = false;
  postMessage(message: unknown): void {
    this.sent.push(message);
  }
  start(): void {
    this.started = true;
  }
  close(): void {
    this.closed = true;
  }
}

const appContents = new FakeWebContents();

function event(overrides: Partial<IpcEvent> = {}): IpcEvent {
  return { sender: appContents, senderFrame: { url: 'app://juxta/index.html', parent: null }, ...overrides };
}

function stubService(overrides: Partial<JuxtaService> = {}): JuxtaService {
  const notUsed = async () => {
    throw new Error('not used in this test');
  };
  const service = Object.fromEntries(methodNames.map((method) => [method, vi.fn(notUsed)])) as unknown as JuxtaService;
  return { ...service, subscribeRun: vi.fn(() => () => undefined), ...overrides };
}

function setUp(service: JuxtaService = stubService()) {
  const fake = fakeIpcMain();
  const ports: FakeMainPort[] = [];
  const dispose = registerIpc({
    ipcMain: fake.ipcMain,
    createMessageChannel: () => {
      const port1 = new FakeMainPort();
      ports.push(port1);
      return { port1, port2: { transferred: ports.length } };
    },
    service,
    appBaseUrl: APP_BASE_URL,
    isAppWebContents: (contents) => contents === appContents,
  });
  const invoke = (method: string, input: unknown, from: IpcEvent = event()) => {
    const handler = fake.handlers.get(ipcChannel(method as never));
    if (!handler) throw new Error(`no handler for ${method}`);
    return handler(from, input);
  };
  const subscribe = (request: unknown, from: IpcEvent = event()) => fake.listeners.get(subscribeRunChannel)?.(from, request);
  return { ...fake, ports, dispose, invoke, subscribe, service };
}

describe('IPC handlers', () => {
  it('registers exactly one handler per contract method and one run-stream listener', () => {
    const { handlers, listeners, dispose } = setUp();
    expect([...handlers.keys()].sort()).toEqual(methodNames.map(ipcChannel).sort());
    expect([...listeners.keys()]).toEqual([subscribeRunChannel]);
    dispose();
    expect(handlers.size).toBe(0);
    expect(listeners.size).toBe(0);
  });

  it('validates input through dispatch and answers with a Result', async () => {
    const listRuns = vi.fn(async () => []);
    const { invoke } = setUp(stubService({ listRuns }));
    await expect(invoke('listRuns', {})).resolves.toEqual({ ok: true, value: [] });
    expect(listRuns).toHaveBeenCalledWith({ limit: 50 });
    await expect(invoke('listRuns', { limit: 'lots' })).resolves.toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect(listRuns).toHaveBeenCalledOnce();
  });

  it.each([
    ['a destroyed frame', { senderFrame: null }],
    ['a subframe', { senderFrame: { url: 'app://juxta/index.html', parent: {} } }],
    ['a foreign page', { senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['a lookalike origin', { senderFrame: { url: 'app://juxta.evil/index.html', parent: null } }],
    ['a file page', { senderFrame: { url: 'file:///tmp/index.html', parent: null } }],
    ['another webContents', { sender: new FakeWebContents() }],
  ])('refuses %s with an auth error and never calls the engine', async (_label, overrides) => {
    const getAppInfo = vi.fn(async () => ({}) as never);
    const { invoke } = setUp(stubService({ getAppInfo }));
    await expect(invoke('getAppInfo', {}, event(overrides as Partial<IpcEvent>))).resolves.toEqual({
      ok: false,
      error: { kind: 'auth', message: expect.stringMatching(/^Refused getAppInfo: /) },
    });
    expect(getAppInfo).not.toHaveBeenCalled();
  });

  it('accepts the main frame of the app window', () => {
    expect(senderRejection(event(), { appBaseUrl: APP_BASE_URL, isAppWebContents: (contents) => contents === appContents })).toBeNull();
  });
});

describe('run streams', () => {
  const batch: RunEventBatch = [{ type: 'first-token', responseId: 'response-1', ttftMs: 12 }];

  function subscribed() {
    let deliver: ((batch: RunEventBatch) => void) | undefined;
    const unsubscribe = vi.fn();
    const subscribeRun = vi.fn((_runId: string, onBatch: (batch: RunEventBatch) => void) => {
      deliver = onBatch;
      onBatch(batch);
      return unsubscribe;
    });
    const contents = appContents;
    contents.posted.length = 0;
    contents.removeAllListeners();
    const setup = setUp(stubService({ subscribeRun }));
    setup.subscribe({ subscriptionId: 7, runId: 'run-1' });
    const port = setup.ports[0];
    if (!port) throw new Error('no port created');
    return { ...setup, port, contents, subscribeRun, unsubscribe, deliver: (events: RunEventBatch) => deliver?.(events) };
  }

  it('subscribes, transfers one port to the sender and forwards batches on it', () => {
    const { port, contents, subscribeRun, deliver } = subscribed();
    expect(subscribeRun).toHaveBeenCalledWith('run-1', expect.any(Function));
    expect(contents.posted).toEqual([{ channel: runPortChannel, message: { subscriptionId: 7, runId: 'run-1' }, transfer: [{ transferred: 1 }] }]);
    expect(port.started).toBe(true);
    deliver([{ type: 'run-end', runId: 'run-1' }]);
    expect(port.sent).toEqual([batch, [{ type: 'run-end', runId: 'run-1' }]]);
  });

  it('unsubscribes once when the renderer closes the port', () => {
    const { port, unsubscribe, deliver } = subscribed();
    port.emit('close');
    port.emit('close');
    expect(unsubscribe).toHaveBeenCalledOnce();
    expect(port.closed).toBe(true);
    deliver(batch);
    expect(port.sent).toEqual([batch]);
  });

  it('unsubscribes on the explicit unsubscribe message and ignores other messages', () => {
    const { port, unsubscribe } = subscribed();
    port.emit('message', { data: { type: 'something-else' } });
    expect(unsubscribe).not.toHaveBeenCalled();
    port.emit('message', { data: { type: 'unsubscribe' } });
    expect(unsubscribe).toHaveBeenCalledOnce();
  });

  it('unsubscribes when the page goes away', () => {
    const { contents, unsubscribe } = subscribed();
    contents.emit('destroyed');
    expect(unsubscribe).toHaveBeenCalledOnce();
  });

  it('answers an unknown run with an error and no port', () => {
    const contents = appContents;
    contents.posted.length = 0;
    const { subscribe, ports } = setUp(
      stubService({
        subscribeRun: () => {
          throw new Error('No run with id run-x.');
        },
      }),
    );
    subscribe({ subscriptionId: 1, runId: 'run-x' });
    expect(contents.posted).toEqual([{ channel: runPortChannel, message: { subscriptionId: 1, runId: 'run-x', error: 'No run with id run-x.' }, transfer: undefined }]);
    expect(ports[0]?.closed).toBe(true);
  });

  it('ignores foreign senders and malformed requests without subscribing', () => {
    const subscribeRun = vi.fn(() => () => undefined);
    const stranger = new FakeWebContents();
    const { subscribe, ports } = setUp(stubService({ subscribeRun }));
    subscribe({ subscriptionId: 1, runId: 'run-1' }, event({ sender: stranger }));
    subscribe({ subscriptionId: 1, runId: 'run-1' }, event({ senderFrame: { url: 'https://evil.example/', parent: null } }));
    subscribe({ subscriptionId: -1, runId: 'run-1' });
    subscribe({ subscriptionId: 1, runId: '' });
    subscribe('run-1');
    expect(subscribeRun).not.toHaveBeenCalled();
    expect(ports).toEqual([]);
    expect(stranger.posted).toEqual([]);
  });
});
