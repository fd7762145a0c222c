// One contract, two transports: the preload's window.juxta in Electron, HTTP + SSE in a browser.
import type { JuxtaApi } from '../../../shared/contract';
import type { JuxtaError } from '../../../shared/result';
import { createHttpTransport } from './http-transport';

type SubscriptionErrorListener = (runId: string, error: JuxtaError) => void;
const subscriptionErrorListeners = new Set<SubscriptionErrorListener>();

/** Lets the UI hear when the browser transport gives up on a run's event stream. */
export function onSubscriptionError(listener: SubscriptionErrorListener): () => void {
  subscriptionErrorListeners.add(listener);
  return () => subscriptionErrorListeners.delete(listener);
}

export const api: JuxtaApi =
  window.juxta ??
  createHttpTransport({
    onSubscriptionError: (runId, error) => {
      for (const listener of subscriptionErrorListeners) listener(runId, error);
    },
  });
