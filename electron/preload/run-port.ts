// The run-stream handshake between the preload and main, on top of shared/method-names.ts:
// the preload sends a SubscribeRunRequest on subscribeRunChannel, main answers on runPortChannel
// with a RunPortReply and (unless it failed) one MessagePort carrying RunEventBatch messages.
// Imported by both sides; no dependencies so the sandboxed preload bundle stays tiny.

export const runPortChannel = 'juxta:run-port';

export interface SubscribeRunRequest {
  /** Chosen by the preload, unique within its page: matches the reply when one run is subscribed twice. */
  subscriptionId: number;
  runId: string;
}

export interface RunPortReply {
  subscriptionId: number;
  runId: string;
  /** Set when main could not subscribe (unknown run, refused sender); no port is sent then. */
  error?: string;
}

/** Sent by the preload through the port before closing it: main unsubscribes even if 'close' is not delivered. */
export interface RunPortUnsubscribe {
  type: 'unsubscribe';
}

const MAX_RUN_ID_LENGTH = 200;

export function parseSubscribeRunRequest(value: unknown): SubscribeRunRequest | null {
  if (typeof value !== 'object' || value === null) return null;
  const { subscriptionId, runId } = value as Record<string, unknown>;
  if (typeof subscriptionId !== 'number' || !Number.isSafeInteger(subscriptionId) || subscriptionId < 0) return null;
  if (typeof runId !== 'string' || runId.length === 0 || runId.length > MAX_RUN_ID_LENGTH) return null;
  return { subscriptionId, runId };
}

export function isRunPortUnsubscribe(value: unknown): value is RunPortUnsubscribe {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'unsubscribe';
}
