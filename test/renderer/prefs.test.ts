import { describe, expect, it } from 'vitest';
import { defaultPrefs, parsePrefs, parseRunParams, serializePrefs } from '../../renderer/src/state/prefs';

describe('prefs', () => {
  it('round-trips the known fields', () => {
    const prefs = {
      ...defaultPrefs,
      connectionId: 'c1',
      targets: [{ connectionId: 'c1', model: 'openai/gpt-4o' }],
      temperature: '0.7',
      maxTokens: '1024',
      theme: 'light' as const,
      syncScroll: true,
    };
    expect(parsePrefs(serializePrefs(prefs))).toEqual(prefs);
  });

  it('never serialises anything outside the allow-list (no keys)', () => {
    const polluted = { ...defaultPrefs, apiKey: 'sk-secret' } as typeof defaultPrefs;
    expect(serializePrefs(polluted)).not.toContain('sk-secret');
  });

  it('falls back to defaults on garbage, field by field', () => {
    expect(parsePrefs(null)).toEqual(defaultPrefs);
    expect(parsePrefs('{not json')).toEqual(defaultPrefs);
    expect(parsePrefs('[1,2]')).toEqual(defaultPrefs);
    const partly = parsePrefs(JSON.stringify({ theme: 'neon', temperature: 3, targets: [{ model: 'x' }, { connectionId: 'c', model: 'm' }] }));
    expect(partly.theme).toBe('system');
    expect(partly.temperature).toBe('');
    expect(partly.targets).toEqual([{ connectionId: 'c', model: 'm' }]);
  });

  it('keeps at most eight targets', () => {
    const targets = Array.from({ length: 12 }, (_, index) => ({ connectionId: 'c', model: `m${index}` }));
    expect(parsePrefs(JSON.stringify({ targets })).targets).toHaveLength(8);
  });
});

describe('parseRunParams', () => {
  it('leaves empty inputs to the provider default', () => {
    expect(parseRunParams('', ' ')).toEqual({ params: {}, errors: {} });
  });
  it('parses valid numbers', () => {
    expect(parseRunParams('0.7', '2048')).toEqual({ params: { temperature: 0.7, maxTokens: 2048 }, errors: {} });
  });
  it('rejects out-of-range or fractional values with the contract ranges', () => {
    const result = parseRunParams('2.5', '10.5');
    expect(result.errors.temperature).toBe('expected 0 to 2');
    expect(result.errors.maxTokens).toMatch(/whole number/);
    expect(result.params).toEqual({});
  });
});
