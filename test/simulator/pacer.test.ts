import { describe, expect, it } from 'vitest';
import { startPacer } from './pacer';

function blockEventLoop(milliseconds: number): void {
  const until = performance.now() + milliseconds;
  while (performance.now() < until) {
    // Busy on purpose: this simulates a host that falls behind schedule.
  }
}

describe('startPacer', () => {
  it('hands over every token already due in one batch after falling behind, then finishes on schedule', async () => {
    const batches: Array<[number, number]> = [];
    const startAt = performance.now();
    const finishedAt = await new Promise<number>((resolve) => {
      startPacer({
        startAt,
        intervalMs: 10,
        total: 12,
        onDue: (from, to) => {
          batches.push([from, to]);
          if (from === 0) blockEventLoop(startAt + 60 - performance.now());
          return 'continue';
        },
        onDone: () => resolve(performance.now()),
      });
    });
    // Every token handed over exactly once, in order.
    expect(batches.map(([from]) => from)).toEqual([0, ...batches.slice(0, -1).map(([, to]) => to)]);
    expect(batches.at(-1)?.[1]).toBe(12);
    // Tokens 0..6 were all due once the first batch returned (60 ms): they arrive in at most 2 batches,
    // not one per late timer, so 12 tokens take at most 2 + 5 batches however loaded the machine is.
    expect(batches.length).toBeLessThanOrEqual(7);
    // Token 11 is due at 110 ms: never early; the loose upper bound only tolerates a loaded machine.
    expect(finishedAt - startAt).toBeGreaterThanOrEqual(110);
    expect(finishedAt - startAt).toBeLessThan(1000);
  });

  it('sends everything at once when the interval is 0, and cancel stops it', async () => {
    const batches: Array<[number, number]> = [];
    await new Promise<void>((resolve) => {
      startPacer({
        startAt: performance.now(),
        intervalMs: 0,
        total: 500,
        onDue: (from, to) => {
          batches.push([from, to]);
          return 'continue';
        },
        onDone: resolve,
      });
    });
    expect(batches).toEqual([[0, 500]]);

    let calls = 0;
    const pacer = startPacer({
      startAt: performance.now() + 5,
      intervalMs: 1,
      total: 10,
      onDue: () => {
        calls++;
        return 'continue';
      },
      onDone: () => {
        calls++;
      },
    });
    pacer.cancel();
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toBe(0);
  });
});
