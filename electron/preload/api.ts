// The API the preload exposes as window.juxta: exactly the contract's methods plus subscribeRun
// and onMenuCommand, built from methodNames so it cannot drift from shared/. Never exposes ipcRenderer or a channel
// name chosen by the page. Type-only imports of the contract keep zod out of the preload bundle.
import type { IpcRendererEvent } from 'electron';
import type { JuxtaApi } from '../../shared/contract';
import { isMenuCommand, type MenuCommand } from '../../shared/menu-commands';
import { ipcChannel, menuCommandChannel, methodNames, subscribeRunChannel, type MethodName } from '../../shared/method-names';
import type { Result } from '../../shared/result';
import type { RunEventBatch } from '../../shared/run-events';
import { runPortChannel, type RunPortReply, type RunPortUnsubscribe, type SubscribeRunRequest } from './run-port';

/** The three ipcRenderer calls the API needs; a recording fake in tests. */
export interface PreloadIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: Pick<IpcRendererEvent, 'ports'>, ...args: unknown[]) => void): unknown;
}

type ContractMethods = Pick<JuxtaApi, MethodName>;

interface Subscription {
  runId: string;
  onBatch: (batch: RunEventBatch) => void;
  port: MessagePort | null;
  closed: boolean;
}

function describe(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}

export function createPreloadApi(ipc: PreloadIpc): JuxtaApi {
  // Errors cross as values: even a broken IPC link gives the page a Result, never a rejection.
  const invoke = async (method: MethodName, input: unknown): Promise<Result<unknown>> => {
    try {
      return (await ipc.invoke(ipcChannel(method), input)) as Result<unknown>;
    } catch (thrown) {
      return { ok: false, error: { kind: 'internal', message: `Juxta's main process did not answer ${method}: ${describe(thrown)}` } };
    }
  };
  const methods = Object.fromEntries(methodNames.map((method) => [method, (input: unknown) => invoke(method, input)])) as ContractMethods;

  const awaitingPort = new Map<number, Subscription>();
  let nextSubscriptionId = 0;

  const closePort = (port: MessagePort): void => {
    const goodbye: RunPortUnsubscribe = { type: 'unsubscribe' };
    port.postMessage(goodbye);
    port.close();
  };

  ipc.on(runPortChannel, (event, rawReply) => {
    const reply = rawReply as RunPortReply;
    const subscription = awaitingPort.get(reply.subscriptionId);
    const port = event.ports[0];
    awaitingPort.delete(reply.subscriptionId);
    if (!subscription || subscription.runId !== reply.runId || reply.error !== undefined || !port) {
      if (reply.error !== undefined) console.warn(`[juxta] Could not follow run ${reply.runId}: ${reply.error}`);
      if (port) closePort(port);
      return;
    }
    if (subscription.closed) {
      closePort(port);
      return;
    }
    subscription.port = port;
    port.onmessage = (message: MessageEvent) => {
      try {
        subscription.onBatch(message.data as RunEventBatch);
      } catch (thrown) {
        console.error(`[juxta] A run event handler failed: ${describe(thrown)}`);
      }
    };
  });

  const subscribeRun = (runId: string, onBatch: (batch: RunEventBatch) => void): (() => void) => {
    const subscription: Subscription = { runId, onBatch, port: null, closed: false };
    const request: SubscribeRunRequest = { subscriptionId: nextSubscriptionId++, runId };
    awaitingPort.set(request.subscriptionId, subscription);
    ipc.send(subscribeRunChannel, request);
    return () => {
      if (subscription.closed) return;
      subscription.closed = true;
      // Before the port arrives the reply handler closes it; after, close it here.
      if (subscription.port) closePort(subscription.port);
    };
  };

  // Main sends only names from shared/menu-commands.ts; anything else is dropped, not forwarded.
  const menuListeners = new Set<(command: MenuCommand) => void>();
  ipc.on(menuCommandChannel, (_event, command) => {
    if (!isMenuCommand(command)) return;
    for (const listener of [...menuListeners]) {
      try {
        listener(command);
      } catch (thrown) {
        console.error(`[juxta] A menu command handler failed: ${describe(thrown)}`);
      }
    }
  });

  const onMenuCommand = (listener: (command: MenuCommand) => void): (() => void) => {
    // A wrapper per call: the same function subscribed twice is called twice and unsubscribed separately.
    const entry = (command: MenuCommand): void => listener(command);
    menuListeners.add(entry);
    return () => void menuListeners.delete(entry);
  };

  return { ...methods, subscribeRun, onMenuCommand } satisfies JuxtaApi;
}
