// IPC registration: one handler per contract method (never a caller-chosen channel), each checking
// the sender before dispatch() validates the input; run streams travel over one MessagePort each.
// Electron objects come in as parameters (type-only imports) so tests drive this with fakes.
import type { JuxtaService } from '../../shared/contract';
import { dispatch } from '../../shared/dispatch';
import { ipcChannel, methodNames, subscribeRunChannel, type MethodName } from '../../shared/method-names';
import type { Result } from '../../shared/result';
import type { RunEventBatch } from '../../shared/run-events';
import { isRunPortUnsubscribe, parseSubscribeRunRequest, runPortChannel, type RunPortReply } from '../preload/run-port';
import { isAppUrl } from './app-origin';

/** The parts of WebFrameMain the sender check reads. */
export interface SenderFrame {
  url: string;
  /** null for a main frame. */
  parent: unknown;
}

/** The parts of WebContents used here: identity, the reply channel, and its end of life. */
export interface SenderContents {
  postMessage(channel: string, message: unknown, transfer?: unknown[]): void;
  once(event: 'destroyed', listener: () => void): unknown;
  off(event: 'destroyed', listener: () => void): unknown;
}

export interface IpcEvent {
  sender: SenderContents;
  senderFrame: SenderFrame | null;
}

/** MessagePortMain, as far as a run stream uses it. */
export interface MainPort {
  postMessage(message: unknown): void;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  start(): void;
  close(): void;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEvent, input: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
  on(channel: string, listener: (event: IpcEvent, request: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: IpcEvent, request: unknown) => void): unknown;
}

export interface IpcOptions {
  ipcMain: IpcMainLike;
  /** new MessageChannelMain() in the app. port2 is transferred to the renderer. */
  createMessageChannel(): { port1: MainPort; port2: unknown };
  service: JuxtaService;
  /** The UI's own origin as a base URL: app://juxta/ or the dev server. */
  appBaseUrl: string;
  /** True only for the webContents of Juxta's own window(s). */
  isAppWebContents(contents: SenderContents): boolean;
  log?: (message: string) => void;
}

/** Why a sender is refused, or null when it is Juxta's own main frame on Juxta's own origin. */
export function senderRejection(event: IpcEvent, options: Pick<IpcOptions, 'appBaseUrl' | 'isAppWebContents'>): string | null {
  const frame = event.senderFrame;
  if (frame === null) return 'the calling frame no longer exists';
  if (frame.parent !== null) return 'only the main frame may call Juxta';
  if (!isAppUrl(frame.url, options.appBaseUrl)) return "the calling page is not Juxta's own";
  if (!options.isAppWebContents(event.sender)) return "the caller is not Juxta's window";
  return null;
}

function refusal<T>(method: string, reason: string): Result<T> {
  return { ok: false, error: { kind: 'auth', message: `Refused ${method}: ${reason}.` } };
}

/** Registers every handler; returns a function that removes them (tests, and a clean shutdown). */
export function registerIpc(options: IpcOptions): () => void {
  const { ipcMain, service } = options;

  for (const method of methodNames) {
    ipcMain.handle(ipcChannel(method), async (event, input) => {
      const reason = senderRejection(event, options);
      if (reason !== null) {
        options.log?.(`IPC ${method} refused: ${reason}.`);
        return refusal(method, reason);
      }
      return dispatch(service, method satisfies MethodName, input);
    });
  }

  const onSubscribe = (event: IpcEvent, rawRequest: unknown): void => subscribe(event, rawRequest, options);
  ipcMain.on(subscribeRunChannel, onSubscribe);

  return () => {
    for (const method of methodNames) ipcMain.removeHandler(ipcChannel(method));
    ipcMain.removeListener(subscribeRunChannel, onSubscribe);
  };
}

function subscribe(event: IpcEvent, rawRequest: unknown, options: IpcOptions): void {
  const reason = senderRejection(event, options);
  const request = parseSubscribeRunRequest(rawRequest);
  if (reason !== null || request === null) {
    // No answer: a foreign sender learns nothing, and our own preload never sends a malformed request.
    options.log?.(`IPC subscribeRun refused: ${reason ?? 'malformed request'}.`);
    return;
  }

  const { port1, port2 } = options.createMessageChannel();
  let unsubscribeFromEngine: (() => void) | undefined;
  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    unsubscribeFromEngine?.();
    event.sender.off('destroyed', end);
    port1.close();
  };

  try {
    // Batches posted before the renderer holds port2 are queued on the channel, not lost.
    unsubscribeFromEngine = options.service.subscribeRun(request.runId, (batch: RunEventBatch) => {
      if (!ended) port1.postMessage(batch);
    });
  } catch (thrown) {
    ended = true;
    port1.close();
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    const reply: RunPortReply = { ...request, error: message };
    event.sender.postMessage(runPortChannel, reply);
    return;
  }

  // Closing the port (or the page going away) ends the subscription; the explicit message covers
  // Electron versions where a renderer-side close() did not reach main (electron/electron#31457).
  port1.on('close', end);
  port1.on('message', (message) => {
    if (isRunPortUnsubscribe(message.data)) end();
  });
  port1.start();
  event.sender.once('destroyed', end);

  const reply: RunPortReply = { ...request };
  event.sender.postMessage(runPortChannel, reply, [port2]);
}
