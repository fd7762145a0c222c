// The preload exposes exactly the contract (methodNames + subscribeRun) as window.juxta, each
// method on its one fixed channel, and run streams over a transferred MessagePort. The fake
// ipcRenderer and contextBridge below stand in for Electron itself.
import { readdirSync, readFileSync } from 'node:fs';
import { MessageChannel, type MessagePort as NodeMessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPreloadApi, type PreloadIpc } from '../../electron/preload/api';
import { runPortChannel, type RunPortReply, type SubscribeRunRequest } from '../../electron/preload/run-port';
import { menuCommands } from '../../shared/menu-commands';
import { ipcChannel, menuCommandChannel, methodNames, subscribeRunChannel } from '../../shared/method-names';
import type { RunEventBatch } from '../../shared/run-events';

type PortListener = (event: { ports: MessagePort[] }, ...args: unknown[]) => void;

/** Records every call the preload makes; lets the test play main's part. */
function recordingIpc(answer: (channel: string, input: unknown) => unknown = () => ({ ok: true, value: null })) {
  const invoked: Array<{ channel: string; args: unknown[] }> = [];
  const sent: Array<{ channel: string; args: unknown[] }> = [];
  const listeners = new Map<string, PortListener[]>();
  const ipc: PreloadIpc = {
    async invoke(channel, ...args) {
      invoked.push({ channel, args });
      return answer(channel, args[0]);
    },
    send(channel, ...args) {
      sent.push({ channel, args });
    },
    on(channel, listener) {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return ipc;
    },
  };
  const reply = (message: RunPortReply, port?: NodeMessagePort) => {
    for (const listener of listeners.get(runPortChannel) ?? []) listener({ ports: port ? [port as unknown as MessagePort] : [] }, message);
  };
  return { ipc, invoked, sent, listeners, reply };
}

function nextMessage(port: NodeMessagePort): Promise<unknown> {
  return new Promise((resolve) => port.once('message', resolve));
}

const openPorts: NodeMessagePort[] = [];
function channel() {
  const pair = new MessageChannel();
  openPorts.push(pair.port1, pair.port2);
  return pair;
}
afterEach(() => {
  for (const port of openPorts.splice(0)) port.close();
});

describe('preload API shape', () => {
  it('has exactly the contract methods plus subscribeRun, all functions', () => {
    const api = createPreloadApi(recordingIpc().ipc);
    expect(Object.keys(api).sort()).toEqual([...methodNames, 'subscribeRun', 'onMenuCommand'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('listens on the run-port and menu-command channels only and sends nothing until asked', () => {
    const recording = recordingIpc();
    createPreloadApi(recording.ipc);
    expect([...recording.listeners.keys()].sort()).toEqual([menuCommandChannel, runPortChannel].sort());
    expect(recording.sent).toEqual([]);
    expect(recording.invoked).toEqual([]);
  });

  it.each(methodNames)('%s invokes exactly its own channel with the input and returns the Result', async (method) => {
    const recording = recordingIpc((channelName) => ({ ok: true, value: channelName }));
    const api = createPreloadApi(recording.ipc);
    const input = { marker: method };
    const call = api[method] as (input: unknown) => Promise<unknown>;
    await expect(call(input)).resolves.toEqual({ ok: true, value: ipcChannel(method) });
    expect(recording.invoked).toEqual([{ channel: ipcChannel(method), args: [input] }]);
    expect(recording.sent).toEqual([]);
  });

  it('turns a broken IPC link into an error value, never a rejection', async () => {
    const api = createPreloadApi({
      ...recordingIpc().ipc,
      invoke: () => Promise.reject(new Error("No handler registered for 'juxta:listRuns'")),
    });
    await expect(api.listRuns({})).resolves.toEqual({
      ok: false,
      error: { kind: 'internal', message: expect.stringContaining('No handler registered') },
    });
  });
});

describe('subscribeRun over a MessagePort', () => {
  const batch: RunEventBatch = [{ type: 'text-delta', responseId: 'response-1', text: 'Hello' }];

  it('asks main on subscribeRunChannel and delivers batches from the transferred port', async () => {
    const recording = recordingIpc();
    const api = createPreloadApi(recording.ipc);
    const received: RunEventBatch[] = [];
    const unsubscribe = api.subscribeRun('run-1', (events) => received.push(events));

    expect(recording.sent).toHaveLength(1);
    const [{ channel: sentChannel, args }] = recording.sent as [{ channel: string; args: unknown[] }];
    expect(sentChannel).toBe(subscribeRunChannel);
    const request = args[0] as SubscribeRunRequest;
    expect(request).toEqual({ subscriptionId: expect.any(Number), runId: 'run-1' });

    const { port1: mainPort, port2: rendererPort } = channel();
    recording.reply({ subscriptionId: request.subscriptionId, runId: 'run-1' }, rendererPort);
    mainPort.postMessage(batch);
    await vi.waitFor(() => expect(received).toEqual([batch]));

    // Unsubscribing tells main explicitly, then closes the port.
    const goodbye = nextMessage(mainPort);
    const closed = new Promise((resolve) => mainPort.once('close', resolve));
    unsubscribe();
    await expect(goodbye).resolves.toEqual({ type: 'unsubscribe' });
    await closed;
    unsubscribe();
  });

  it('closes a port that arrives after unsubscribe without delivering anything', async () => {
    const recording = recordingIpc();
    const api = createPreloadApi(recording.ipc);
    const onBatch = vi.fn();
    api.subscribeRun('run-1', onBatch)();
    const request = recording.sent[0]?.args[0] as SubscribeRunRequest;
    const { port1: mainPort, port2: rendererPort } = channel();
    mainPort.postMessage(batch);
    const goodbye = nextMessage(mainPort);
    recording.reply({ subscriptionId: request.subscriptionId, runId: 'run-1' }, rendererPort);
    await expect(goodbye).resolves.toEqual({ type: 'unsubscribe' });
    expect(onBatch).not.toHaveBeenCalled();
  });

  it('keeps two subscriptions to the same run apart', async () => {
    const recording = recordingIpc();
    const api = createPreloadApi(recording.ipc);
    const first = vi.fn();
    const second = vi.fn();
    api.subscribeRun('run-1', first);
    api.subscribeRun('run-1', second);
    const [firstRequest, secondRequest] = recording.sent.map((call) => call.args[0] as SubscribeRunRequest);
    expect(firstRequest?.subscriptionId).not.toBe(secondRequest?.subscriptionId);

    const firstChannel = channel();
    const secondChannel = channel();
    // Replies may arrive in any order.
    recording.reply({ subscriptionId: secondRequest?.subscriptionId ?? -1, runId: 'run-1' }, secondChannel.port2);
    recording.reply({ subscriptionId: firstRequest?.subscriptionId ?? -1, runId: 'run-1' }, firstChannel.port2);
    firstChannel.port1.postMessage([{ type: 'run-end', runId: 'first' }]);
    secondChannel.port1.postMessage([{ type: 'run-end', runId: 'second' }]);
    await vi.waitFor(() => {
      expect(first).toHaveBeenCalledWith([{ type: 'run-end', runId: 'first' }]);
      expect(second).toHaveBeenCalledWith([{ type: 'run-end', runId: 'second' }]);
    });
    expect(first).toHaveBeenCalledOnce();
    expect(second).toHaveBeenCalledOnce();
  });

  it('reports a refused subscription once and delivers nothing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const recording = recordingIpc();
    const api = createPreloadApi(recording.ipc);
    const onBatch = vi.fn();
    api.subscribeRun('missing', onBatch);
    const request = recording.sent[0]?.args[0] as SubscribeRunRequest;
    recording.reply({ subscriptionId: request.subscriptionId, runId: 'missing', error: 'No run with id missing.' });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('No run with id missing.'));
    expect(onBatch).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('preload entry', () => {
  it('exposes one object, window.juxta, and nothing else', async () => {
    const exposeInMainWorld = vi.fn();
    const ipcRenderer = recordingIpc().ipc;
    vi.doMock('electron', () => ({ contextBridge: { exposeInMainWorld }, ipcRenderer }));
    await import('../../electron/preload/index');
    vi.doUnmock('electron');
    expect(exposeInMainWorld).toHaveBeenCalledOnce();
    const [key, api] = exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
    expect(key).toBe('juxta');
    expect(Object.keys(api).sort()).toEqual([...methodNames, 'subscribeRun', 'onMenuCommand'].sort());
    expect(Object.values(api)).not.toContain(ipcRenderer);
  });

  it('imports at run time only electron, the method names and its own files (no zod, no Node built-ins)', () => {
    const preloadDirectory = new URL('../../electron/preload/', import.meta.url);
    const allowed = new Set(['electron', '../../shared/method-names', '../../shared/menu-commands', './api', './run-port']);
    for (const file of readdirSync(preloadDirectory).filter((name) => name.endsWith('.ts'))) {
      const source = readFileSync(new URL(file, preloadDirectory), 'utf8');
      const runtimeImports = [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map((match) => match[1]);
      for (const specifier of runtimeImports) expect(allowed.has(specifier ?? ''), `${file} imports ${specifier}`).toBe(true);
    }
  });
});

describe('preload menu commands', () => {
  const sendFromMain = (recording: ReturnType<typeof recordingIpc>, command: unknown) => {
    for (const listener of recording.listeners.get(menuCommandChannel) ?? []) listener({ ports: [] }, command);
  };

  it('delivers every known command to each listener until it unsubscribes', () => {
    const recording = recordingIpc();
    const api = createPreloadApi(recording.ipc);
    const first: string[] = [];
    const second: string[] = [];
    const stopFirst = api.onMenuCommand?.((command) => first.push(command));
    api.onMenuCommand?.((command) => second.push(command));
    for (const command of menuCommands) sendFromMain(recording, command);
    expect(first).toEqual([...menuCommands]);
    expect(second).toEqual([...menuCommands]);
    stopFirst?.();
    sendFromMain(recording, 'run');
    expect(first).toHaveLength(menuCommands.length);
    expect(second.at(-1)).toBe('run');
    // Nothing is ever sent or invoked for menu commands: they flow main -> renderer only.
    expect(recording.sent).toEqual([]);
    expect(recording.invoked).toEqual([]);
  });

  it('drops anything that is not a menu command, and survives a throwing listener', () => {
    const recording = recordingIpc();
    const api = createPreloadApi(recording.ipc);
    const received: string[] = [];
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    api.onMenuCommand?.(() => {
      throw new Error('boom');
    });
    api.onMenuCommand?.((command) => received.push(command));
    for (const bogus of ['rm -rf', { command: 'run' }, 42, null, 'RUN']) sendFromMain(recording, bogus);
    sendFromMain(recording, 'stop');
    expect(received).toEqual(['stop']);
    expect(errors).toHaveBeenCalledTimes(1);
    errors.mockRestore();
  });
});
