import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../shared/run-events';
import { createFrameBuffer } from '../../renderer/src/state/frame-buffer';

function manualScheduler() {
  const callbacks: (() => void)[] = [];
  let scheduled = 0;
  return {
    schedule: (callback: () => void) => {
      scheduled += 1;
      callbacks.push(callback);
      return () => {
        const position = callbacks.indexOf(callback);
        if (position !== -1) callbacks.splice(position, 1);
      };
    },
    runFrame: () => callbacks.splice(0).forEach((callback) => callback()),
    get scheduled() {
      return scheduled;
    },
  };
}

describe('createFrameBuffer', () => {
  it('applies all batches of a frame once, with adjacent deltas merged', () => {
    const applied: RunEvent[][] = [];
    const frames = manualScheduler();
    const buffer = createFrameBuffer((events) => applied.push(events), frames.schedule);
    buffer.push([{ type: 'text-delta', responseId: 'r1', text: 'a' }]);
    buffer.push([{ type: 'text-delta', responseId: 'r1', text: 'b' }]);
    buffer.push([{ type: 'text-delta', responseId: 'r2', text: 'c' }]);
    expect(applied).toHaveLength(0);
    expect(frames.scheduled).toBe(1);
    frames.runFrame();
    expect(applied).toEqual([
      [
        { type: 'text-delta', responseId: 'r1', text: 'ab' },
        { type: 'text-delta', responseId: 'r2', text: 'c' },
      ],
    ]);
  });

  it('schedules a new frame after a flush', () => {
    const applied: RunEvent[][] = [];
    const frames = manualScheduler();
    const buffer = createFrameBuffer((events) => applied.push(events), frames.schedule);
    buffer.push([{ type: 'run-end', runId: 'x' }]);
    frames.runFrame();
    buffer.push([{ type: 'run-end', runId: 'y' }]);
    frames.runFrame();
    expect(applied).toHaveLength(2);
    expect(frames.scheduled).toBe(2);
  });

  it('flush applies immediately and cancels the pending frame', () => {
    const applied: RunEvent[][] = [];
    const frames = manualScheduler();
    const buffer = createFrameBuffer((events) => applied.push(events), frames.schedule);
    buffer.push([{ type: 'run-end', runId: 'x' }]);
    buffer.flush();
    frames.runFrame();
    expect(applied).toHaveLength(1);
  });

  it('drops everything after dispose', () => {
    const applied: RunEvent[][] = [];
    const frames = manualScheduler();
    const buffer = createFrameBuffer((events) => applied.push(events), frames.schedule);
    buffer.push([{ type: 'run-end', runId: 'x' }]);
    buffer.dispose();
    buffer.push([{ type: 'run-end', runId: 'y' }]);
    frames.runFrame();
    expect(applied).toHaveLength(0);
  });
});

describe('createFrameBuffer under load', () => {
  const delta = (responseId: string, text: string): RunEvent => ({ type: 'text-delta', responseId, text });

  function loadedBuffer(costMs: () => number) {
    const applied: RunEvent[][] = [];
    const frames = manualScheduler();
    let clock = 0;
    const buffer = createFrameBuffer(
      (events) => {
        applied.push(events);
        clock += costMs();
      },
      frames.schedule,
      { now: () => clock, budgetMs: 8, calmFramesToRelax: 3 },
    );
    const runFrame = () => {
      clock += 16;
      frames.runFrame();
    };
    return { applied, buffer, runFrame };
  }

  it('splits the responses over frames after an update went over budget, losing nothing', () => {
    const { applied, buffer, runFrame } = loadedBuffer(() => 20);
    buffer.push([delta('r1', 'a'), delta('r2', 'b')]);
    runFrame();
    expect(applied).toEqual([[delta('r1', 'a'), delta('r2', 'b')]]);
    // 20 ms is over the 8 ms budget: from now on each frame takes one of two groups.
    buffer.push([delta('r1', 'c'), delta('r2', 'd')]);
    runFrame();
    expect(applied[1]).toHaveLength(1);
    runFrame();
    expect(applied[2]).toHaveLength(1);
    expect([...applied[1]!, ...applied[2]!].sort((left, right) => JSON.stringify(left).localeCompare(JSON.stringify(right)))).toEqual([
      delta('r1', 'c'),
      delta('r2', 'd'),
    ]);
  });

  it('never lets a response wait more frames than there are groups', () => {
    const { applied, buffer, runFrame } = loadedBuffer(() => 20);
    const responses = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8'];
    const lastSeen = new Map<string, number>();
    for (let frame = 0; frame < 40; frame++) {
      buffer.push(responses.map((responseId) => delta(responseId, String(frame))));
      runFrame();
      for (const event of applied[applied.length - 1] ?? []) lastSeen.set((event as { responseId: string }).responseId, frame);
      if (frame > 10) for (const responseId of responses) expect(frame - (lastSeen.get(responseId) ?? -99)).toBeLessThanOrEqual(4);
    }
  });

  it('keeps the order of a response and sends starts and ends with everything pending', () => {
    const { applied, buffer, runFrame } = loadedBuffer(() => 20);
    buffer.push([delta('r1', 'a'), delta('r2', 'b')]);
    runFrame();
    buffer.push([delta('r1', 'c'), delta('r2', 'd'), { type: 'run-end', runId: 'x' }]);
    runFrame();
    expect(applied[1]).toEqual([delta('r1', 'c'), delta('r2', 'd'), { type: 'run-end', runId: 'x' }]);
  });

  it('goes back to updating everything each frame once frames are cheap again', () => {
    let cost = 20;
    const { applied, buffer, runFrame } = loadedBuffer(() => cost);
    buffer.push([delta('r1', 'a'), delta('r2', 'b')]);
    runFrame();
    cost = 1;
    for (let frame = 0; frame < 8; frame++) {
      buffer.push([delta('r1', String(frame)), delta('r2', String(frame))]);
      runFrame();
    }
    const last = applied[applied.length - 1]!;
    expect(last.map((event) => (event as { responseId: string }).responseId).sort()).toEqual(['r1', 'r2']);
  });

  it('updates every response every frame while within budget', () => {
    const { applied, buffer, runFrame } = loadedBuffer(() => 3);
    for (let frame = 0; frame < 5; frame++) {
      buffer.push([delta('r1', String(frame)), delta('r2', String(frame))]);
      runFrame();
    }
    expect(applied).toHaveLength(5);
    expect(applied.every((events) => events.length === 2)).toBe(true);
  });

  it('treats frames arriving late as load', () => {
    const applied: RunEvent[][] = [];
    const frames = manualScheduler();
    let clock = 5000;
    const buffer = createFrameBuffer((events) => applied.push(events), frames.schedule, { now: () => clock, budgetMs: 8, lateFrameMs: 28 });
    buffer.push([delta('r1', 'a'), delta('r2', 'b')]);
    frames.runFrame();
    clock += 40; // the browser fell behind
    buffer.push([delta('r1', 'c'), delta('r2', 'd')]);
    frames.runFrame();
    clock += 16;
    buffer.push([delta('r1', 'e'), delta('r2', 'f')]);
    frames.runFrame();
    expect(applied[2]).toHaveLength(1);
  });
});
