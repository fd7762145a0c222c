// Events of one run, delivered to a subscriber in batches (about one per animation frame).
// Names follow noun + start/delta/end so a reader knows the life cycle from the name alone.
import type { ResponseRecord } from './records';
import type { JuxtaError } from './result';

export type RunEvent =
  /** First event a subscriber gets: every response as it stands now (a reload mid-run resumes from it). */
  | { type: 'run-snapshot'; runId: string; responses: ResponseRecord[]; finished: boolean }
  /** A provider call begins (attempt 1, or a fallback / retry). */
  | {
      type: 'response-start';
      responseId: string;
      attempt: number;
      connectionId: string;
      model: string;
      /** The id sent on the wire, when it differs from `model`. */
      nativeModel?: string;
      /** first: attempt 1; retry: same route again after a wait; fallback: another model or connection. */
      reason?: 'first' | 'retry' | 'fallback';
    }
  /** A provider call ended. With an error, `next` says what the engine does about it. */
  | {
      type: 'attempt-end';
      responseId: string;
      attempt: number;
      error: JuxtaError | null;
      /** retry: another attempt follows after `waitMs`; fallback: another route follows at once; none: this was the last. */
      next: 'retry' | 'fallback' | 'none';
      waitMs?: number;
    }
  | { type: 'first-token'; responseId: string; ttftMs: number }
  | { type: 'text-delta'; responseId: string; text: string }
  | { type: 'reasoning-delta'; responseId: string; text: string }
  | { type: 'tool-call-delta'; responseId: string; index: number; id?: string; name?: string; argumentsDelta: string }
  /** The final record, as stored. */
  | { type: 'response-end'; responseId: string; response: ResponseRecord }
  | { type: 'run-end'; runId: string };

export type RunEventBatch = RunEvent[];

/**
 * Merges each response's consecutive text (or reasoning) deltas within a batch into one event, so
 * a batch carries about one string per response instead of one event per token. Order between
 * events of the same response is kept; events of different responses are independent.
 */
export function coalesceDeltas(events: RunEvent[]): RunEvent[] {
  const merged: RunEvent[] = [];
  const lastIndexByResponse = new Map<string, number>();
  for (const event of events) {
    const responseId = 'responseId' in event ? event.responseId : undefined;
    if (responseId !== undefined && (event.type === 'text-delta' || event.type === 'reasoning-delta')) {
      const lastIndex = lastIndexByResponse.get(responseId);
      const last = lastIndex === undefined ? undefined : merged[lastIndex];
      if (last && last.type === event.type) {
        merged[lastIndex!] = { ...last, text: last.text + event.text };
        continue;
      }
    }
    merged.push(event);
    if (responseId !== undefined) lastIndexByResponse.set(responseId, merged.length - 1);
  }
  return merged;
}
