// Pure helpers of the review UI: compare ticks, tags, keyboard review, leaderboard numbers.
import { describe, expect, it } from 'vitest';
import { stepRun, verdictKeys } from '../../renderer/src/review/blind-keys';
import { toggleCompare } from '../../renderer/src/review/compare-selection';
import { formatScore, formatSigned, formatWinRate } from '../../renderer/src/review/leaderboard-format';
import { formatTags, parseTags } from '../../renderer/src/review/tags';
import { MAX_TAGS } from '../../shared/review-schema';

describe('compare selection', () => {
  it('keeps at most two answers, dropping the oldest tick', () => {
    expect(toggleCompare([], 'a')).toEqual(['a']);
    expect(toggleCompare(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleCompare(['a', 'b'], 'c')).toEqual(['b', 'c']);
    expect(toggleCompare(['a', 'b'], 'a')).toEqual(['b']);
  });
});

describe('tags', () => {
  it('splits on commas, trims, drops empties and duplicates, caps the count', () => {
    expect(parseTags(' coding, , long context ,coding,')).toEqual(['coding', 'long context']);
    expect(parseTags('')).toEqual([]);
    expect(parseTags(Array.from({ length: 30 }, (_, index) => `t${index}`).join(','))).toHaveLength(MAX_TAGS);
    expect(formatTags(['a', 'b'])).toBe('a, b');
  });
});

describe('keyboard review', () => {
  it('maps 1-4 to the four verdicts', () => {
    expect(verdictKeys).toEqual({ '1': 'a', '2': 'b', '3': 'tie', '4': 'both_bad' });
  });

  it('steps through runs newest first and stops at either end', () => {
    const runs = ['new', 'mid', 'old'];
    expect(stepRun(runs, 'new', 1)).toBe('mid');
    expect(stepRun(runs, 'mid', -1)).toBe('new');
    expect(stepRun(runs, 'old', 1)).toBeNull();
    expect(stepRun(runs, 'new', -1)).toBeNull();
    // The reviewed run is not in the list (e.g. it has one answer): start from the newest.
    expect(stepRun(runs, 'gone', 1)).toBe('new');
    expect(stepRun([], 'gone', 1)).toBeNull();
  });
});

describe('leaderboard numbers', () => {
  it('formats win rate, score and interval', () => {
    expect(formatWinRate({ winRate: 0.6666, votes: 3 })).toBe('67%');
    expect(formatWinRate({ winRate: 0, votes: 0 })).toBe('–');
    expect(formatScore({ score: 1095.4, scoreLow: 817.2, scoreHigh: 1373.6 })).toEqual({ score: '1095', interval: '817–1374' });
    expect(formatScore({ score: 1000, scoreLow: -Infinity, scoreHigh: Infinity }).interval).toBe('−∞–∞');
  });

  it('signs deltas with the unit formatter, unknown as a dash', () => {
    expect(formatSigned(22)).toBe('+22');
    expect(formatSigned(-3, (value) => `${value} ms`)).toBe('−3 ms');
    expect(formatSigned(0)).toBe('0');
    expect(formatSigned(null)).toBe('–');
  });
});
