// Emits tokens on a fixed schedule with one timer per generation. Token i is due at startAt + i * intervalMs;
// each wake-up hands over every token already due, so a late timer coalesces instead of drifting
// (one setTimeout per token accumulates lag: 8 streams x 100 tok/s would fall behind).

export interface PacerOptions {
  /** performance.now() at which token 0 is due. */
  startAt: number;
  /** 0 hands over every token at startAt. */
  intervalMs: number;
  total: number;
  /** Tokens [from, to) are due. Return 'stop' to end pacing without calling onDone. */
  onDue(from: number, to: number): 'continue' | 'stop';
  onDone(): void;
}

export interface Pacer {
  cancel(): void;
}

export function startPacer(options: PacerOptions): Pacer {
  let next = 0;
  let timer: NodeJS.Timeout | undefined;
  let cancelled = false;

  const dueCount = (now: number): number => {
    if (now < options.startAt) return 0;
    if (options.intervalMs === 0) return options.total;
    return Math.min(options.total, Math.floor((now - options.startAt) / options.intervalMs) + 1);
  };

  const schedule = (): void => {
    const wakeAt = options.startAt + next * options.intervalMs;
    // Round up: Node may fire a timer up to a millisecond early relative to performance.now().
    timer = setTimeout(tick, Math.max(0, Math.ceil(wakeAt - performance.now())));
  };

  const tick = (): void => {
    timer = undefined;
    if (cancelled) return;
    const due = dueCount(performance.now());
    if (due > next) {
      const from = next;
      next = due;
      if (options.onDue(from, due) === 'stop' || cancelled) {
        cancelled = true;
        return;
      }
    }
    if (next >= options.total) {
      cancelled = true;
      options.onDone();
      return;
    }
    schedule();
  };

  schedule();
  return {
    cancel(): void {
      cancelled = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
