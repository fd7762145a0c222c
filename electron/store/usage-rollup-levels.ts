// Splits time segments into whole periods of the coarsest rollup level that fits, finer levels
// towards the edges, and the cut part of the finest period (read from usage rows): every instant of a
// segment is counted exactly once, so sums over the parts are the sums over the calls.
import type { UsageSegment } from './store-types';

const minuteMs = 60_000;

export interface LevelSpans {
  /** [bucket, level (minutes), firstPeriod, endPeriod): whole periods read from a rollup. */
  periods: [number, number, number, number][];
  /** [bucket, startMs, endMs): parts of a finest period, read from usage rows. */
  rows: [number, number, number][];
}

/** levelsMinutes ascending, each a multiple of the one before (so a coarse period is whole finer ones). */
export function splitIntoLevels(segments: readonly UsageSegment[], levelsMinutes: readonly number[]): LevelSpans {
  const spans: LevelSpans = { periods: [], rows: [] };
  const descending = [...levelsMinutes].sort((left, right) => right - left);
  const split = (bucket: number, startMs: number, endMs: number, levelIndex: number): void => {
    if (endMs <= startMs) return;
    const level = descending[levelIndex];
    if (level === undefined) {
      spans.rows.push([bucket, startMs, endMs]);
      return;
    }
    const periodMs = level * minuteMs;
    const firstWhole = Math.ceil(startMs / periodMs);
    const endWhole = Math.floor(endMs / periodMs);
    if (firstWhole >= endWhole) {
      split(bucket, startMs, endMs, levelIndex + 1);
      return;
    }
    spans.periods.push([bucket, level, firstWhole, endWhole]);
    split(bucket, startMs, firstWhole * periodMs, levelIndex + 1);
    split(bucket, endWhole * periodMs, endMs, levelIndex + 1);
  };
  for (const { bucket, startMs, endMs } of segments) split(bucket, startMs, endMs, 0);
  return spans;
}
