// A continuation run shown in place: the continued columns get the new responses, the other columns
// keep their answers, and the column order never moves (a continuation run's target indexes start at 0).
import type { ResponseRecord, RunRecord, RunTarget } from '../../../shared/records';
import { pendingResponseRecord } from '../../../shared/response-record';
import type { RunView } from '../state/run-view';

/** `next` with `previous`'s column order when both hold the same responses (a snapshot re-sorts by target index). */
export function keepColumnOrder(previous: RunView, next: RunView): RunView {
  if (next === previous || next.order === previous.order || next.order.length !== previous.order.length) return next;
  const known = new Set(previous.order);
  return next.order.every((id) => known.has(id)) ? { ...next, order: previous.order } : next;
}

export interface ColumnContinuation {
  /** The response the column showed until now. */
  previousId: string;
  /** The continuation run's response for this column. */
  responseId: string;
  target: RunTarget;
  targetIndex: number;
}

/** The view after a continuation run started: same columns, continued ones pending in place. */
export function mergedContinuationView(view: RunView, run: RunRecord, continuations: readonly ColumnContinuation[]): RunView {
  const byPrevious = new Map(continuations.map((continuation) => [continuation.previousId, continuation]));
  const responses: Record<string, ResponseRecord> = {};
  const order = view.order.map((id) => {
    const continuation = byPrevious.get(id);
    if (!continuation) {
      if (view.responses[id]) responses[id] = view.responses[id];
      return id;
    }
    responses[continuation.responseId] = pendingResponseRecord(continuation.responseId, run.id, continuation.targetIndex, continuation.target);
    return continuation.responseId;
  });
  return { runId: run.id, run, order, responses, finished: false, startedAt: run.createdAt };
}
