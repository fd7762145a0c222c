// Pure parts of reviews: the leaderboard's Bradley-Terry math (against hand-computed values), the
// self-identification detector and the diff helpers.
import { describe, expect, it } from 'vitest';
import { rankModels, type Comparison } from '../../electron/engine/review/bradley-terry';
import { mentionsIdentity } from '../../shared/identity-mentions';
import { diffResponseParts, jsonStructureDiff, parseJsonAnswer, wordDiff } from '../../shared/response-diff';

const ELO = 400 / Math.LN10;
const Z = 1.959963984540054;

function votes(modelA: string, modelB: string, verdict: Comparison['verdict'], times = 1): Comparison[] {
  return Array.from({ length: times }, () => ({ modelA, modelB, verdict }));
}

describe('leaderboard math (Bradley-Terry)', () => {
  it('two models, 3-1: closed form with one virtual tie', () => {
    // A wins 3 + 0.5 (virtual tie), B wins 1 + 0.5, 5 games: p_A / p_B = 3.5 / 1.5 = 7/3, centred theta = +-ln(7/3)/2.
    // Fisher: 5 * 0.7 * 0.3 = 1.05 per game pair; var(theta_A) = 1 / (4 * 1.05) = 0.238095.
    const entries = rankModels([...votes('a/model', 'b/model', 'a', 2), ...votes('b/model', 'a/model', 'b'), ...votes('a/model', 'b/model', 'b')]);
    const [first, second] = entries;
    const theta = Math.log(7 / 3) / 2;
    const halfWidth = Z * Math.sqrt(1 / 4.2);
    expect(first).toMatchObject({ model: 'a/model', votes: 4, wins: 3, losses: 1, ties: 0, bothBad: 0, winRate: 0.75, group: 0 });
    expect(second).toMatchObject({ model: 'b/model', votes: 4, wins: 1, losses: 3, winRate: 0.25 });
    expect(first!.score).toBeCloseTo(1000 + ELO * theta, 6);
    expect(second!.score).toBeCloseTo(1000 - ELO * theta, 6);
    expect(first!.scoreLow).toBeCloseTo(1000 + ELO * (theta - halfWidth), 6);
    expect(first!.scoreHigh).toBeCloseTo(1000 + ELO * (theta + halfWidth), 6);
    expect(first!.score).toBeCloseTo(1073.6, 1);
  });

  it('three models in a cycle are equal; the interval is the complete graph Laplacian pseudo-inverse', () => {
    // Each pair: 1 real + 1 virtual game at q = 0.5: weight 0.5; L = 0.5 * Laplacian(K3) has eigenvalue 1.5,
    // so var(theta) = (1 / 1.5) * (2 / 3) = 4/9.
    const entries = rankModels([...votes('x', 'y', 'a'), ...votes('y', 'z', 'a'), ...votes('z', 'x', 'a')]);
    const halfWidth = ELO * Z * Math.sqrt(4 / 9);
    for (const entry of entries) {
      expect(entry).toMatchObject({ votes: 2, wins: 1, losses: 1, ties: 0, winRate: 0.5 });
      expect(entry.score).toBeCloseTo(1000, 6);
      expect(entry.scoreHigh - entry.score).toBeCloseTo(halfWidth, 6);
      expect(entry.score - entry.scoreLow).toBeCloseTo(halfWidth, 6);
    }
  });

  it('counts ties and both-bad as draws, skips same-model votes, and keeps unlinked groups apart', () => {
    const entries = rankModels([
      ...votes('p', 'q', 'tie'),
      ...votes('p', 'q', 'both_bad'),
      ...votes('p', 'p', 'a'),
      ...votes('r', 's', 'a', 3),
    ]);
    const byModel = new Map(entries.map((entry) => [entry.model, entry]));
    expect(byModel.get('p')).toMatchObject({ votes: 2, wins: 0, losses: 0, ties: 2, bothBad: 1, winRate: 0.5 });
    expect(byModel.get('p')!.score).toBeCloseTo(1000, 6);
    expect(byModel.get('q')!.score).toBeCloseTo(1000, 6);
    // r beat s every time: finite thanks to the virtual tie (3.5 vs 0.5 -> ratio 7).
    expect(byModel.get('r')!.score).toBeCloseTo(1000 + (ELO * Math.log(7)) / 2, 6);
    expect(Number.isFinite(byModel.get('r')!.scoreHigh)).toBe(true);
    expect(byModel.get('r')!.group).toBe(byModel.get('s')!.group);
    expect(byModel.get('r')!.group).not.toBe(byModel.get('p')!.group);
    expect(entries).toHaveLength(4);
  });

  it('has no entries without votes', () => {
    expect(rankModels([])).toEqual([]);
  });
});

describe('self-identification detector', () => {
  it.each([
    'As Claude, I would suggest a merge sort.',
    "I'm GPT-4, a large language model.",
    'I was trained by OpenAI.',
    'As an AI developed by Anthropic, I cannot browse.',
    'I am Gemini, made by Google.',
    "I'm Llama 3 and here is the answer.",
    'This answer comes from gpt4o.',
    'Hi! I am Grok.',
    'I am Nova, an assistant.',
    'Mistral AI built me.',
    'DeepSeek-R1 here.',
  ])('flags %j', (text) => {
    expect(mentionsIdentity(text)).toBe(true);
  });

  it.each([
    'Merge sort runs in O(n log n) time and is stable.',
    'The perplexity of the language model dropped.',
    'Write a haiku about the sea, then a sonnet.',
    'The Amazon rainforest spans nine countries.',
    'The value of pi is about 3.14159.',
    'Once you grok recursion, trees are easy.',
    'Ideas that cohere with the data.',
    'Edit the claude.md file and the gpt_helper module.',
    '',
  ])('does not flag %j', (text) => {
    expect(mentionsIdentity(text)).toBe(false);
  });
});

describe('diff helpers', () => {
  it('diffs words and keeps whitespace so both texts can be rebuilt', () => {
    const a = 'The quick brown fox jumps.';
    const b = 'The slow brown fox  jumps high.';
    const segments = wordDiff(a, b);
    expect(segments.filter((segment) => segment.kind !== 'added').map((segment) => segment.text).join('')).toBe(a);
    expect(segments.filter((segment) => segment.kind !== 'removed').map((segment) => segment.text).join('')).toBe(b);
    expect(segments).toContainEqual({ kind: 'removed', text: 'quick' });
    expect(segments).toContainEqual({ kind: 'added', text: 'slow' });
    expect(wordDiff('same text', 'same text')).toEqual([{ kind: 'same', text: 'same text' }]);
  });

  it('diffs JSON structure: paths added, removed and changed', () => {
    const before = { a: 1, b: { c: [1, 2] }, d: 'x', 'odd key': null };
    const after = { a: 1, b: { c: [1, 3, 4] }, e: true, 'odd key': 0 };
    expect(jsonStructureDiff(before, after)).toEqual([
      { path: '$.b.c[1]', kind: 'changed', before: 2, after: 3 },
      { path: '$.b.c[2]', kind: 'added', after: 4 },
      { path: '$.d', kind: 'removed', before: 'x' },
      { path: '$["odd key"]', kind: 'changed', before: null, after: 0 },
      { path: '$.e', kind: 'added', after: true },
    ]);
    expect(jsonStructureDiff([1, { x: 1 }], [1, { x: 1 }])).toEqual([]);
    expect(jsonStructureDiff({ a: [1] }, { a: { 0: 1 } })).toEqual([{ path: '$.a', kind: 'changed', before: [1], after: { 0: 1 } }]);
  });

  it('reads JSON answers alone or in one fence, and only objects or arrays', () => {
    expect(parseJsonAnswer('```json\n{"a": 1}\n```')).toEqual({ a: 1 });
    expect(parseJsonAnswer('  [1, 2] ')).toEqual([1, 2]);
    expect(parseJsonAnswer('42')).toBeUndefined();
    expect(parseJsonAnswer('Here is JSON: {"a": 1}')).toBeUndefined();
    expect(parseJsonAnswer('{"a": ')).toBeUndefined();
  });

  it('computes deltas b - a, null when a side is unknown; json null unless both parse', () => {
    const base = { usage: null, cost: { usd: null, source: 'unknown' as const }, metrics: { ttftMs: null, totalMs: null, tokensPerSecond: null } };
    const a = { ...base, text: '{"answer": 1}', usage: { promptTokens: 10, completionTokens: 5, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 }, cost: { usd: 0.001, source: 'provider' as const }, metrics: { ttftMs: 100, totalMs: 500, tokensPerSecond: 10 } };
    const b = { ...base, text: '{"answer": 2, "why": "x"}' };
    const parts = diffResponseParts(a, b);
    expect(parts.json).toEqual([
      { path: '$.answer', kind: 'changed', before: 1, after: 2 },
      { path: '$.why', kind: 'added', after: 'x' },
    ]);
    expect(parts.deltas.characters).toEqual({ a: 13, b: 25, delta: 12 });
    expect(parts.deltas.words).toEqual({ a: 2, b: 4, delta: 2 });
    expect(parts.deltas.costUsd).toEqual({ a: 0.001, b: null, delta: null });
    expect(diffResponseParts({ ...a, text: 'plain' }, b).json).toBeNull();
  });
});
