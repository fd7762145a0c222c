// Events of one run, delivered to a subscriber in batches (about one per animation frame).
// Names follow noun + start/delta/end so a reader knows the life cycle from the name alone.
import type { ResponseRecord } from './records';

export type RunEvent =
  /** First event a subscriber gets: every response as it stands now (a reload mid-run resumes from it). */
  | { type: 'run-snapshot'; runId: string; responses: ResponseRecord[]; finished: boolean }
  /** A provider call begins (attempt 1, or a fallback / retry). */
  | { type: 'response-start'; responseId: string; attempt: number; connectionId: string; model: string }
  | { type: 'first-token'; responseId: string; ttftMs: number }
  | { type: 'text-delta'; responseId: string; text: string }
  | { type: 'reasoning-delta'; responseId: string; text: string }
  | { type: 'tool-call-delta'; responseId: string; index: number; id?: string; name?: string; argumentsDelta: string }
  /** The final record, as stored. */
  | { type: 'response-end'; responseId: string; response: ResponseRecord }
  | { type: 'run-end'; runId: string };

export type RunEventBatch = RunEvent[];

/**
 * Merges adjacent text/reasoning deltas of the same response so a batch carries one string per
 * response instead of one event per token.
 */
export function mergeAdjacentDeltas(events: RunEvent[]): RunEvent[] {
  const merged: RunEvent[] = [];
  for (const event of events) {
    const previous = merged[merged.length - 1];
    if (
      previous &&
      (event.type === 'text-delta' || event.type === 'reasoning-delta') &&
      previous.type === event.type &&
      previous.responseId === event.responseId
    ) {
      merged[merged.length - 1] = { ...previous, text: previous.text + event.text };
      continue;
    }
    merged.push(event);
  }
  return merged;
}
