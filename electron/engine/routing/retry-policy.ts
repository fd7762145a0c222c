// What to do after a failed provider call: retry the route later, move to the next route at once,
// or stop. And how long to wait: exponential backoff with jitter, never less than Retry-After.
import type { JuxtaError } from '../../../shared/result';

export type FailureAction = 'retry' | 'fallback' | 'stop';

export interface RetryTiming {
  /** First backoff (default 250 ms), doubled per round up to maxDelayMs. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this ends the route instead of waiting (default 10 s): a column should not hang. */
  maxRetryAfterMs: number;
  /** Rounds over the routes after all failed (a column's routing.retries overrides it). */
  retries: number;
}

export const defaultRetryTiming: RetryTiming = { initialDelayMs: 250, maxDelayMs: 8_000, maxRetryAfterMs: 10_000, retries: 2 };

/**
 * - stop: the request itself is wrong (400 bad parameters, auth, no credits) or the user stopped it, or
 *   an answer already streamed (its partial text is kept rather than replaced);
 * - fallback: this route cannot serve this request (context length, model unknown there: 404), another may;
 * - retry: the route is unwell right now (408, 429, 5xx, timeout, network): another route now, this one later.
 */
export function actionFor(error: JuxtaError, contentStarted: boolean): FailureAction {
  if (error.kind === 'cancelled' || contentStarted) return 'stop';
  switch (error.kind) {
    case 'rate_limited':
    case 'overloaded':
    case 'provider_error':
    case 'timeout':
    case 'network':
    case 'stream_broken':
      return 'retry';
    case 'context_length':
      return 'fallback';
    case 'bad_request':
      return error.status === 404 ? 'fallback' : 'stop';
    default:
      return 'stop';
  }
}

/** Backoff before retry round `round` (0-based): half fixed, half random ("equal jitter"), so retries of many columns spread out. */
export function backoffMs(round: number, timing: RetryTiming, random: () => number): number {
  const ceiling = Math.min(timing.maxDelayMs, timing.initialDelayMs * 2 ** round);
  return ceiling / 2 + random() * (ceiling / 2);
}
