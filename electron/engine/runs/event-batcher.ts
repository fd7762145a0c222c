// Coalesces a subscriber's run events: one IPC/SSE message per token stalls the renderer at 8 streams.
// Leading edge: the first event after a quiet spell goes out at once (first token is never delayed);
// after that at most one batch per interval.
import { coalesceDeltas, type RunEvent, type RunEventBatch } from '../../../shared/run-events';

export class EventBatcher {
  private queue: RunEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  private disposed = false;

  constructor(
    private readonly deliver: (batch: RunEventBatch) => void,
    private readonly intervalMs: number,
    private readonly now: () => number,
  ) {}

  push(event: RunEvent): void {
    if (this.disposed) return;
    this.queue.push(event);
    if (event.type === 'run-end' || event.type === 'run-snapshot') {
      this.flush();
      return;
    }
    if (this.timer) return;
    const wait = this.lastFlushAt + this.intervalMs - this.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length === 0 || this.disposed) return;
    const batch = coalesceDeltas(this.queue);
    this.queue = [];
    this.lastFlushAt = this.now();
    this.deliver(batch);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.disposed = true;
    this.queue = [];
  }
}
