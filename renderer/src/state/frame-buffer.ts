// Buffers run-event batches and hands them over at most once per animation frame: at 8 streams a
// store update per batch would re-render columns far more often than the screen refreshes.
// Under load it also staggers the columns: each frame updates only a share of the streaming
// responses (all of them in turn), so the work of one frame, and so the longest task, shrinks.
import { coalesceDeltas, type RunEvent, type RunEventBatch } from '../../../shared/run-events';

export type FrameScheduler = (callback: () => void) => () => void;

export const animationFrameScheduler: FrameScheduler = (callback) => {
  const handle = requestAnimationFrame(callback);
  return () => cancelAnimationFrame(handle);
};

export interface FrameBuffer {
  push(batch: RunEventBatch): void;
  /** Applies whatever is pending now (e.g. before tearing down). */
  flush(): void;
  /** Drops pending events and cancels the scheduled frame. */
  dispose(): void;
}

export interface FrameBufferOptions {
  /** Clock for measuring how long applying took (performance.now in the app). */
  now?: () => number;
  /** Main-thread time one frame's update may take; above it the responses are split over more frames. */
  budgetMs?: number;
  /** At most this many frames share the responses (4: each column still updates 15 times a second at 60 Hz). */
  maxGroups?: number;
  /** Frames further apart than this mean the browser is not keeping up. */
  lateFrameMs?: number;
  /** Frames well within budget before the split is undone one step. */
  calmFramesToRelax?: number;
}

/** A longer gap between frame callbacks is a pause in the stream, not a browser falling behind. */
const idleGapMs = 250;

/** Deltas can wait a frame or two; anything else (starts, ends, snapshots) goes out at once with all that is pending. */
function isDelta(event: RunEvent): event is Extract<RunEvent, { responseId: string }> {
  return event.type === 'text-delta' || event.type === 'reasoning-delta' || event.type === 'tool-call-delta' || event.type === 'first-token';
}

export function createFrameBuffer(apply: (events: RunEvent[]) => void, schedule: FrameScheduler, options: FrameBufferOptions = {}): FrameBuffer {
  const now = options.now ?? (() => performance.now());
  const budgetMs = options.budgetMs ?? 8;
  const maxGroups = options.maxGroups ?? 4;
  const lateFrameMs = options.lateFrameMs ?? 28;
  const calmFramesToRelax = options.calmFramesToRelax ?? 30;
  let pending: RunEvent[] = [];
  let cancel: (() => void) | null = null;
  let disposed = false;
  let groups = 1;
  let frame = 0;
  let calmFrames = 0;
  let lastFrameAt = -Infinity;
  /** Per response with deltas pending: the frame they started waiting, so the longest waiting go first. */
  const waitingSince = new Map<string, number>();

  /** Events due this frame; the rest stay pending, in order. */
  const takeDue = (): RunEvent[] => {
    if (groups === 1 || pending.some((event) => !isDelta(event))) {
      const due = pending;
      pending = [];
      waitingSince.clear();
      return due;
    }
    const waiting = [...waitingSince.entries()].sort((left, right) => left[1] - right[1]);
    const share = Math.ceil(waiting.length / groups);
    const chosen = new Set(waiting.slice(0, share).map(([responseId]) => responseId));
    const due: RunEvent[] = [];
    const later: RunEvent[] = [];
    for (const event of pending) (isDelta(event) && !chosen.has(event.responseId) ? later : due).push(event);
    for (const responseId of chosen) waitingSince.delete(responseId);
    pending = later;
    return due;
  };

  const applyEvents = (events: RunEvent[]): number => {
    if (events.length === 0) return 0;
    const started = now();
    apply(coalesceDeltas(events));
    return now() - started;
  };

  const onFrame = () => {
    cancel = null;
    const frameAt = now();
    const sincePrevious = frameAt - lastFrameAt;
    // Late: well past one frame since the last callback, yet too soon to be a pause in the stream.
    const late = sincePrevious > lateFrameMs && sincePrevious < idleGapMs;
    lastFrameAt = frameAt;
    frame += 1;
    const spent = applyEvents(takeDue());
    if (spent > budgetMs || late) {
      groups = Math.min(maxGroups, groups + 1);
      calmFrames = 0;
    } else if (groups > 1 && spent < budgetMs / 2 && ++calmFrames >= calmFramesToRelax) {
      groups -= 1;
      calmFrames = 0;
    }
    if (pending.length > 0) cancel = schedule(onFrame);
  };

  return {
    push(batch) {
      if (disposed || batch.length === 0) return;
      for (const event of batch) {
        pending.push(event);
        if (isDelta(event) && !waitingSince.has(event.responseId)) waitingSince.set(event.responseId, frame);
      }
      cancel ??= schedule(onFrame);
    },
    flush() {
      cancel?.();
      cancel = null;
      const events = pending;
      pending = [];
      waitingSince.clear();
      applyEvents(events);
    },
    dispose() {
      disposed = true;
      cancel?.();
      cancel = null;
      pending = [];
      waitingSince.clear();
    },
  };
}
