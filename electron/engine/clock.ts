// Monotonic time for metrics (immune to wall-clock jumps) and wall time for records.
import { performance } from 'node:perf_hooks';

export interface Clock {
  /** Monotonic milliseconds, for durations. */
  monotonicMs(): number;
  /** Epoch milliseconds, for timestamps stored and shown. */
  wallMs(): number;
}

export const systemClock: Clock = {
  monotonicMs: () => performance.now(),
  wallMs: () => Date.now(),
};
