// The renderer's picture of one run, and the pure reducer that applies RunEvents to it.
// Immutable updates: only the responses an event touches get a new object, so each column's
// selector sees a change only for its own response.
import type { ResponseRecord, RunRecord, RunTarget } from '../../../shared/records';
import type { RunEvent } from '../../../shared/run-events';
import { pendingResponseRecord } from '../../../shared/response-record';

export interface RunView {
  runId: string;
  /** Null until getRun or a reopened run supplies it; a fresh run knows its request instead. */
  run: RunRecord | null;
  /** Response ids in target order (the column order). */
  order: string[];
  responses: Record<string, ResponseRecord>;
  /** True once run-end (or a finished snapshot) arrived. */
  finished: boolean;
  /** Epoch ms the run started, for the live elapsed clock while streaming. */
  startedAt: number;
}

export const terminalStatuses: ReadonlySet<ResponseRecord['status']> = new Set(['done', 'error', 'stopped']);

export function isTerminal(response: ResponseRecord): boolean {
  return terminalStatuses.has(response.status);
}

/** The view right after startRun answered, before the first (snapshot) batch arrives. */
export function createPendingRunView(
  runId: string,
  responseIds: readonly string[],
  targets: readonly RunTarget[],
  startedAt: number,
  run: RunRecord | null = null,
): RunView {
  const responses: Record<string, ResponseRecord> = {};
  const order: string[] = [];
  responseIds.forEach((id, index) => {
    const target = targets[index] ?? { connectionId: '', model: '?' };
    responses[id] = pendingResponseRecord(id, runId, index, target);
    order.push(id);
  });
  return { runId, run, order, responses, finished: false, startedAt };
}

function orderOf(responses: readonly ResponseRecord[]): string[] {
  return [...responses].sort((left, right) => left.targetIndex - right.targetIndex).map((response) => response.id);
}

/** The view of a stored run (getRun), optionally still running. */
export function createRunViewFromDetail(run: RunRecord, responses: readonly ResponseRecord[]): RunView {
  const byId: Record<string, ResponseRecord> = {};
  for (const response of responses) byId[response.id] = response;
  return {
    runId: run.id,
    run,
    order: orderOf(responses),
    responses: byId,
    finished: responses.every(isTerminal),
    startedAt: run.createdAt,
  };
}

function sameIds(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((id, index) => id === right[index]);
}

/**
 * Applies a batch of events. Returns the same object when nothing changed.
 * `now` stamps attempts started on this side (the engine's own record replaces them at response-end).
 */
export function applyRunEvents(view: RunView, events: readonly RunEvent[], now: number = Date.now()): RunView {
  if (events.length === 0) return view;
  let responses = view.responses;
  let order = view.order;
  let finished = view.finished;
  // Copy each touched response once per batch, not once per event.
  const copied = new Set<string>();
  const editable = (responseId: string): ResponseRecord | undefined => {
    const current = responses[responseId];
    if (!current) return undefined;
    if (responses === view.responses) responses = { ...view.responses };
    if (copied.has(responseId)) return current;
    const copy: ResponseRecord = { ...current, metrics: { ...current.metrics } };
    responses[responseId] = copy;
    copied.add(responseId);
    return copy;
  };

  for (const event of events) {
    switch (event.type) {
      case 'run-snapshot': {
        if (event.runId !== view.runId) break;
        const byId: Record<string, ResponseRecord> = {};
        for (const response of event.responses) byId[response.id] = response;
        // Keep placeholders for responses the snapshot does not know yet (should not happen, but never drop a column).
        for (const id of order) if (!byId[id] && responses[id]) byId[id] = responses[id];
        responses = byId;
        copied.clear();
        const nextOrder = orderOf(Object.values(byId));
        if (!sameIds(nextOrder, order)) order = nextOrder;
        finished = event.finished;
        break;
      }
      case 'response-start': {
        const response = editable(event.responseId);
        if (!response) break;
        // Already known (a snapshot included it): a replay must not add the attempt twice.
        if (response.attempts.length >= event.attempt) break;
        if (event.attempt > 1) {
          // A retry or fallback answers from scratch; the previous attempt's partial text is not this answer.
          response.text = '';
          response.reasoning = '';
          response.toolCalls = [];
          response.incomplete = false;
          if (!isTerminal(response)) response.status = 'pending';
        }
        response.attempts = [
          ...response.attempts,
          {
            connectionId: event.connectionId,
            model: event.model,
            startedAt: now,
            error: null,
            ...(event.nativeModel ? { nativeModel: event.nativeModel } : {}),
          },
        ];
        break;
      }
      case 'attempt-end': {
        const response = editable(event.responseId);
        const previous = response?.attempts[event.attempt - 1];
        if (!response || !previous) break;
        const attempts = response.attempts.slice();
        attempts[event.attempt - 1] = {
          ...previous,
          error: event.error,
          endedAt: now,
          outcome: event.error ? 'failed' : 'answered',
          ...(event.waitMs !== undefined ? { waitedMs: event.waitMs } : {}),
        };
        response.attempts = attempts;
        break;
      }
      case 'first-token': {
        const response = editable(event.responseId);
        if (!response || isTerminal(response)) break;
        response.metrics.ttftMs = event.ttftMs;
        response.status = 'streaming';
        break;
      }
      case 'text-delta': {
        const response = editable(event.responseId);
        if (!response || isTerminal(response)) break;
        response.text += event.text;
        response.status = 'streaming';
        break;
      }
      case 'reasoning-delta': {
        const response = editable(event.responseId);
        if (!response || isTerminal(response)) break;
        response.reasoning += event.text;
        response.status = 'streaming';
        break;
      }
      case 'tool-call-delta': {
        const response = editable(event.responseId);
        if (!response || isTerminal(response)) break;
        const toolCalls = response.toolCalls.slice();
        const position = toolCalls.findIndex((call) => call.index === event.index);
        const previous = position === -1 ? { index: event.index, id: null, name: '', arguments: '' } : toolCalls[position]!;
        const next = {
          index: event.index,
          id: event.id ?? previous.id,
          name: event.name ?? previous.name,
          arguments: previous.arguments + event.argumentsDelta,
        };
        if (position === -1) toolCalls.push(next);
        else toolCalls[position] = next;
        response.toolCalls = toolCalls;
        response.status = 'streaming';
        break;
      }
      case 'response-end': {
        if (!responses[event.responseId] && event.response.runId !== view.runId) break;
        if (responses === view.responses) responses = { ...view.responses };
        responses[event.responseId] = event.response;
        copied.delete(event.responseId);
        if (!order.includes(event.responseId)) order = orderOf(Object.values(responses));
        break;
      }
      case 'run-end': {
        if (event.runId === view.runId) finished = true;
        break;
      }
    }
  }

  if (responses === view.responses && order === view.order && finished === view.finished) return view;
  return { ...view, responses, order, finished };
}

export interface RunProgress {
  total: number;
  pending: number;
  streaming: number;
  done: number;
  error: number;
  stopped: number;
}

export function runProgress(view: RunView): RunProgress {
  const progress: RunProgress = { total: 0, pending: 0, streaming: 0, done: 0, error: 0, stopped: 0 };
  for (const id of view.order) {
    const response = view.responses[id];
    if (!response) continue;
    progress.total += 1;
    progress[response.status] += 1;
  }
  return progress;
}
