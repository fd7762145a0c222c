import { describe, expect, it } from 'vitest';
import {
  formatContextLength,
  formatCost,
  formatDuration,
  formatPricePerMillion,
  formatTokenUsage,
  formatTokensPerSecond,
  formatUsd,
} from '../../renderer/src/format/metrics';

describe('formatCost', () => {
  it('shows exact provider cost plainly', () => {
    expect(formatCost({ usd: 0.00123, source: 'provider' })).toBe('$0.00123');
  });
  it('marks catalog cost as an estimate', () => {
    expect(formatCost({ usd: 0.00123, source: 'catalog' })).toBe('≈$0.00123 est.');
  });
  it('never guesses zero for an unknown cost', () => {
    expect(formatCost({ usd: null, source: 'unknown' })).toBe('unknown');
    expect(formatCost({ usd: null, source: 'provider' })).toBe('unknown');
    expect(formatCost({ usd: 0.5, source: 'unknown' })).toBe('unknown');
    expect(formatCost(null)).toBe('unknown');
  });
  it('marks a genai-prices computation as an estimate too', () => {
    expect(formatCost({ usd: 0.0042, source: 'genai-prices' })).toBe('≈$0.0042 est.');
  });
  it('says local for models on this machine', () => {
    expect(formatCost({ usd: 0, source: 'local' })).toBe('$0.00 local');
  });
  it('shows a reported zero as zero (free models)', () => {
    expect(formatCost({ usd: 0, source: 'provider' })).toBe('$0.00');
  });
});

describe('formatUsd', () => {
  it('keeps three significant digits below a dollar', () => {
    expect(formatUsd(0.0123)).toBe('$0.0123');
    expect(formatUsd(0.123)).toBe('$0.123');
    expect(formatUsd(0.000001234)).toBe('$0.00000123');
  });
  it('keeps cents and drops meaningless zeros', () => {
    expect(formatUsd(0.1)).toBe('$0.10');
    expect(formatUsd(0.5)).toBe('$0.50');
  });
  it('uses cents and grouping above a dollar', () => {
    expect(formatUsd(1.2345)).toBe('$1.23');
    expect(formatUsd(1234.5)).toBe('$1,234.50');
  });
  it('says "less than" for dust', () => {
    expect(formatUsd(0.0000001)).toBe('<$0.000001');
  });
});

describe('formatDuration', () => {
  it('uses ms below a second, seconds below a minute, then minutes', () => {
    expect(formatDuration(312.4)).toBe('312 ms');
    expect(formatDuration(1234)).toBe('1.23 s');
    expect(formatDuration(12_345)).toBe('12.3 s');
    expect(formatDuration(62_000)).toBe('1m 02s');
  });
  it('shows a dash for unknown', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(undefined)).toBe('—');
  });
});

describe('formatTokensPerSecond', () => {
  it('keeps one decimal below 100', () => {
    expect(formatTokensPerSecond(54.26)).toBe('54.3 tok/s');
    expect(formatTokensPerSecond(143.7)).toBe('144 tok/s');
    expect(formatTokensPerSecond(null)).toBe('—');
  });
});

describe('formatTokenUsage', () => {
  const base = { promptTokens: 1234, completionTokens: 567, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 };
  it('shows in and out', () => {
    expect(formatTokenUsage(base)).toBe('in 1,234 · out 567');
  });
  it('adds cached and reasoning only when above zero', () => {
    expect(formatTokenUsage({ ...base, cachedTokens: 12, reasoningTokens: 300 })).toBe('in 1,234 · out 567 (+12 cached, +300 reasoning)');
  });
  it('shows a dash without usage', () => {
    expect(formatTokenUsage(null)).toBe('—');
  });
});

describe('formatPricePerMillion', () => {
  it('converts per-token prices to per-million', () => {
    expect(formatPricePerMillion({ prompt: 0.000003, completion: 0.000015 })).toBe('$3 / $15');
    expect(formatPricePerMillion({ prompt: 0.00000015, completion: 0.0000006 })).toBe('$0.15 / $0.6');
  });
  it('says free and unknown in words', () => {
    expect(formatPricePerMillion({ prompt: 0, completion: 0 })).toBe('free');
    expect(formatPricePerMillion(null)).toBe('price unknown');
  });
});

describe('formatContextLength', () => {
  it('abbreviates', () => {
    expect(formatContextLength(128_000)).toBe('128K ctx');
    expect(formatContextLength(1_048_576)).toBe('1M ctx');
    expect(formatContextLength(null)).toBe('');
  });
});
