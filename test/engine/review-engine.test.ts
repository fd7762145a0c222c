// Reviews end to end on a real engine + store against the simulator: blind A/B (no names before the vote),
// votes and the leaderboard, ratings, notes and tags, re-runs, diffs and exports (no key, escaped HTML).
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGenaiPricesVersion } from '../../electron/engine/pricing/price-data-version';
import { dispatch } from '../../shared/dispatch';
import type { BlindReview } from '../../shared/review-records';
import { startEngineFixture, type EngineFixture } from './engine-fixture';

const ELO = 400 / Math.LN10;
const instant = { tokensPerSecond: 0, firstTokenDelayMs: 0 };
const models = [
  { id: 'openai/gpt-4o', provider: 'OpenAI', servedAs: 'openai/gpt-4o-2024-08-06', ...instant },
  { id: 'anthropic/claude-sonnet-4', provider: 'Anthropic', ...instant },
  { id: 'acme/self-namer', provider: 'Acme', text: 'As Claude, I would pick merge sort.', ...instant },
  { id: 'acme/html', provider: 'Acme', text: 'Try <script>alert("pwned")</script> & <img src=x onerror=alert(1)> =SUM(A1)', ...instant },
  { id: 'acme/json-a', provider: 'Acme', text: '{"answer": 1, "steps": ["a", "b"]}', ...instant },
  { id: 'acme/json-b', provider: 'Acme', text: '```json\n{"answer": 2, "steps": ["a", "b"], "sure": true}\n```', ...instant },
];

let fixture: EngineFixture;
beforeAll(async () => {
  fixture = await startEngineFixture(models);
});
afterAll(async () => {
  await fixture?.close();
});

/** Votes for `winner` (by model id) in a fresh review of a two-answer run, reading the hidden assignment from the store. */
async function voteFor(runId: string, winner: string): Promise<string> {
  const review = await fixture.engine.startBlindReview({ runId });
  const row = fixture.store.getBlindReview(review.reviewId)!;
  const verdict = row.modelA === winner ? 'a' : row.modelB === winner ? 'b' : 'tie';
  await fixture.engine.voteBlind({ reviewId: review.reviewId, verdict });
  return review.reviewId;
}

describe('blind A/B review', () => {
  it('hides every trace of the models until the vote, then reveals them', async () => {
    const { runId, responses } = await fixture.run(['openai/gpt-4o', 'anthropic/claude-sonnet-4']);
    const started = await dispatch(fixture.engine, 'startBlindReview', { runId });
    expect(started.ok).toBe(true);
    const review = (started as { value: BlindReview }).value;
    expect(review.answers.map((answer) => answer.label)).toEqual(['A', 'B']);
    expect(review.answers.every((answer) => !answer.mentionsIdentity)).toBe(true);

    // The whole payload as it crosses IPC or HTTP.
    const payload = JSON.stringify(started).toLowerCase();
    const connection = fixture.store.getConnection(fixture.connectionId)!;
    const secrets = [
      'gpt-4o', 'claude', 'openai', 'anthropic', 'sonnet', fixture.connectionId, connection.label, connection.baseUrl,
      ...responses.flatMap((response) => [response.id, response.modelAsked, response.modelServed ?? '', response.providerServed ?? '']),
    ].filter(Boolean);
    for (const secret of secrets) expect(payload, secret).not.toContain(secret.toLowerCase());
    for (const field of ['modelasked', 'modelserved', 'provider', 'connection', 'cost', 'usage', 'metrics', 'responseid']) {
      expect(payload, field).not.toContain(`"${field}`);
    }

    // Asking again before the vote returns the same review (a reload does not reshuffle).
    expect((await fixture.engine.startBlindReview({ runId })).reviewId).toBe(review.reviewId);
    expect(await fixture.engine.getBlindReview({ reviewId: review.reviewId })).toEqual({ state: 'blind', review });

    const revealed = await fixture.engine.voteBlind({ reviewId: review.reviewId, verdict: 'a' });
    expect(revealed.verdict).toBe('a');
    expect(revealed.answers.map((answer) => answer.label)).toEqual(['A', 'B']);
    expect(new Set(revealed.answers.map((answer) => answer.model))).toEqual(new Set(['openai/gpt-4o', 'anthropic/claude-sonnet-4']));
    expect(revealed.winnerModel).toBe(revealed.answers[0]!.model);
    expect(revealed.answers.find((answer) => answer.model === 'openai/gpt-4o')).toMatchObject({
      modelServed: 'openai/gpt-4o-2024-08-06',
      providerServed: 'OpenAI',
    });
    // The texts shown blind are the answers revealed.
    for (const answer of revealed.answers) {
      expect(review.answers.find((shown) => shown.label === answer.label)!.text).toBe(responses.find((response) => response.id === answer.responseId)!.text);
    }

    const again = await dispatch(fixture.engine, 'voteBlind', { reviewId: review.reviewId, verdict: 'b' });
    expect(again).toMatchObject({ ok: false, error: { kind: 'invalid_input', message: expect.stringContaining('already has a vote') } });
    const voided = await fixture.engine.voidVote({ reviewId: review.reviewId, voided: true });
    expect(voided.voided).toBe(true);
    expect((await fixture.engine.getBlindReview({ reviewId: review.reviewId })).state).toBe('revealed');
  });

  it('flags an answer that names a model without saying which', async () => {
    const { runId } = await fixture.run(['acme/self-namer', 'openai/gpt-4o']);
    const review = await fixture.engine.startBlindReview({ runId });
    expect(review.answers.map((answer) => answer.mentionsIdentity).sort()).toEqual([false, true]);
    expect(JSON.stringify(review)).not.toContain('acme');
    const revealed = await fixture.engine.voteBlind({ reviewId: review.reviewId, verdict: 'tie' });
    expect(revealed).toMatchObject({ mentionsIdentity: true, winnerModel: null });
  });

  it('needs two finished answers and refuses answers of another run', async () => {
    const one = await fixture.run(['openai/gpt-4o']);
    const two = await fixture.run(['openai/gpt-4o', 'anthropic/claude-sonnet-4']);
    expect(await dispatch(fixture.engine, 'startBlindReview', { runId: one.runId })).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    const mixed = await dispatch(fixture.engine, 'startBlindReview', { runId: two.runId, responseIds: [one.responses[0]!.id, two.responses[0]!.id] });
    expect(mixed).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect(await dispatch(fixture.engine, 'voteBlind', { reviewId: 'nope', verdict: 'a' })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });
});

describe('leaderboard', () => {
  it('counts votes by model (voided and identity-flagged handled), by tag, with Bradley-Terry scores', async () => {
    const before = await fixture.engine.getLeaderboard({ excludeIdentityFlagged: false });
    const pair = ['openai/gpt-4o', 'anthropic/claude-sonnet-4'];
    const runs = [await fixture.run(pair), await fixture.run(pair), await fixture.run(pair)];
    await voteFor(runs[0]!.runId, 'openai/gpt-4o');
    await voteFor(runs[1]!.runId, 'openai/gpt-4o');
    await voteFor(runs[2]!.runId, 'anthropic/claude-sonnet-4');
    await fixture.engine.setRunNotes({ runId: runs[0]!.runId, notes: '', tags: ['leaderboard-test'] });
    await fixture.engine.setRunNotes({ runId: runs[2]!.runId, notes: '', tags: ['leaderboard-test', 'other'] });

    const tagged = await fixture.engine.getLeaderboard({ tag: 'leaderboard-test', excludeIdentityFlagged: false });
    expect(tagged.countedVotes).toBe(2);
    expect(tagged.entries.map((entry) => [entry.model, entry.wins, entry.losses])).toEqual([
      ['anthropic/claude-sonnet-4', 1, 1],
      ['openai/gpt-4o', 1, 1],
    ]);
    expect(tagged.tags).toEqual(expect.arrayContaining(['leaderboard-test', 'other']));

    // Over everything: the earlier tests left one voided vote (not counted) and one identity-flagged tie.
    const all = await fixture.engine.getLeaderboard({ excludeIdentityFlagged: false });
    expect(all.countedVotes).toBe(before.countedVotes + 3);
    expect(all.voidedVotes).toBeGreaterThanOrEqual(1);
    expect(all.identityFlaggedVotes).toBe(1);
    const withoutFlagged = await fixture.engine.getLeaderboard({ excludeIdentityFlagged: true });
    expect(withoutFlagged.countedVotes).toBe(all.countedVotes - 1);
    // gpt-4o vs claude: 2-1 here; the flagged tie involves acme/self-namer (a separate pair).
    const gpt = withoutFlagged.entries.find((entry) => entry.model === 'openai/gpt-4o')!;
    expect(gpt).toMatchObject({ wins: 2, losses: 1, ties: 0, votes: 3 });
    expect(gpt.score).toBeCloseTo(1000 + (ELO * Math.log(2.5 / 1.5)) / 2, 6);
    expect(withoutFlagged.method).toContain('Bradley-Terry');
  });
});

describe('ratings, notes, re-runs and diffs', () => {
  it('rates an answer, merges partial updates, and clears it', async () => {
    const { runId, responses } = await fixture.run(['openai/gpt-4o']);
    const responseId = responses[0]!.id;
    expect(await fixture.engine.rateResponse({ responseId, stars: 4 })).toMatchObject({ stars: 4, thumb: null, note: null });
    expect(await fixture.engine.rateResponse({ responseId, thumb: 'up', note: 'clear' })).toMatchObject({ stars: 4, thumb: 'up', note: 'clear' });
    expect((await fixture.engine.getRunAnnotations({ runId })).ratings).toEqual([expect.objectContaining({ responseId, stars: 4 })]);
    expect(await fixture.engine.rateResponse({ responseId, stars: null, thumb: null, note: null })).toBeNull();
    expect((await fixture.engine.getRunAnnotations({ runId })).ratings).toEqual([]);
    expect(await dispatch(fixture.engine, 'rateResponse', { responseId, stars: 6 })).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect(await dispatch(fixture.engine, 'rateResponse', { responseId: 'missing', stars: 3 })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('keeps notes and tags (trimmed, distinct, sorted)', async () => {
    const { runId } = await fixture.run(['openai/gpt-4o']);
    const notes = await fixture.engine.setRunNotes({ runId, notes: 'Good for SQL.', tags: [' sql ', 'eval', 'sql'] });
    expect(notes).toMatchObject({ runId, notes: 'Good for SQL.', tags: ['eval', 'sql'] });
    expect((await fixture.engine.getRunAnnotations({ runId })).notes.tags).toEqual(['eval', 'sql']);
  });

  it('re-runs a run as a new run linked to its parent, with the same or other targets', async () => {
    const parent = await fixture.run(['openai/gpt-4o', 'anthropic/claude-sonnet-4'], { prompt: 'Explain monads briefly.' });
    const same = await fixture.engine.rerunRun({ runId: parent.runId });
    const other = await fixture.engine.rerunRun({ runId: parent.runId, targets: [{ connectionId: fixture.connectionId, model: 'acme/json-a' }] });
    await Promise.all([fixture.engine.waitForRun(same.runId), fixture.engine.waitForRun(other.runId)]);
    expect(same.parentRunId).toBe(parent.runId);
    expect(same.responseIds).toHaveLength(2);
    const sameDetail = await fixture.engine.getRun({ runId: same.runId });
    expect(sameDetail.run.prompt).toBe('Explain monads briefly.');
    expect(sameDetail.responses.map((response) => [response.modelAsked, response.status])).toEqual([
      ['openai/gpt-4o', 'done'],
      ['anthropic/claude-sonnet-4', 'done'],
    ]);
    expect((await fixture.engine.getRun({ runId: other.runId })).responses.map((response) => response.modelAsked)).toEqual(['acme/json-a']);
    expect((await fixture.engine.getRunAnnotations({ runId: same.runId })).parentRunId).toBe(parent.runId);
    expect((await fixture.engine.getRunAnnotations({ runId: parent.runId })).rerunIds.sort()).toEqual([same.runId, other.runId].sort());
    expect(await dispatch(fixture.engine, 'rerunRun', { runId: 'missing' })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('diffs two answers: words, JSON structure and deltas', async () => {
    const { responses } = await fixture.run(['acme/json-a', 'acme/json-b']);
    const [a, b] = responses;
    const diff = await fixture.engine.diffResponses({ responseIdA: a!.id, responseIdB: b!.id });
    expect(diff.a).toMatchObject({ responseId: a!.id, modelAsked: 'acme/json-a' });
    expect(diff.json).toEqual([
      { path: '$.answer', kind: 'changed', before: 1, after: 2 },
      { path: '$.sure', kind: 'added', after: true },
    ]);
    expect(diff.words.some((segment) => segment.kind === 'added')).toBe(true);
    expect(diff.deltas.characters.delta).toBe(b!.text.length - a!.text.length);
    expect(diff.deltas.completionTokens.delta).toBe(b!.usage!.completionTokens - a!.usage!.completionTokens);
  });
});

describe('run export', () => {
  it('writes CSV, JSON, Markdown and HTML with provenance, never a key, HTML escaped and self-contained', async () => {
    const { runId, responses } = await fixture.run(['acme/html', 'openai/gpt-4o'], { maxTokens: 50 });
    await fixture.engine.rateResponse({ responseId: responses[1]!.id, stars: 5 });
    const connection = (await fixture.engine.listConnections({})).find((candidate) => candidate.id === fixture.connectionId)!;
    expect(connection.keyHint).toBeTruthy();

    const exports = await Promise.all((['csv', 'json', 'markdown', 'html'] as const).map((format) => fixture.engine.exportRun({ runId, format })));
    for (const exported of exports) {
      const { content } = exported;
      expect(content, exported.format).not.toContain('sk-test-key-0123456789');
      expect(content, exported.format).not.toContain(connection.keyHint!);
      expect(content, exported.format).not.toContain('vault:');
      for (const expected of ['openai/gpt-4o', 'openai/gpt-4o-2024-08-06', 'OpenAI', 'acme/html', 'models.dev', readGenaiPricesVersion(), runId]) {
        expect(content, `${exported.format}: ${expected}`).toContain(expected);
      }
      expect(exported.filename).toMatch(/^juxta-run-\d{4}-\d{2}-\d{2}-[0-9a-f-]{8}\.(csv|json|md|html)$/);
    }
    const [csv, json, markdown, html] = exports.map((exported) => exported.content) as [string, string, string, string];

    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(rows.map((row) => row.model_asked)).toEqual(['acme/html', 'openai/gpt-4o']);
    expect(rows[1]).toMatchObject({ model_served: 'openai/gpt-4o-2024-08-06', provider_served: 'OpenAI', app_version: 'test', params: '{"maxTokens":50}', rating_stars: '5' });
    expect(rows[0]!.price_data).toContain('models.dev');
    // Formula-looking cells are neutralised (escapeFormulae).
    expect(Papa.unparse([['=SUM(A1)']], { escapeFormulae: true })).toContain("'=SUM");

    const document = JSON.parse(json) as { format: string; app: { version: string }; exportedAt: string; run: { params: unknown }; responses: Array<{ connection: Record<string, unknown> }> };
    expect(document).toMatchObject({ format: 'juxta-run-export', app: { version: 'test' }, run: { params: { maxTokens: 50 } } });
    expect(Date.parse(document.exportedAt)).not.toBeNaN();
    expect(Object.keys(document.responses[0]!.connection).sort()).toEqual(['baseUrl', 'id', 'kind', 'label']);

    expect(markdown).toContain('| # | Model asked |');
    expect(markdown).toContain('Juxta test');

    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    // No element loads anything (the model's <img src=...> is text now).
    expect(html).not.toMatch(/<[a-z][^>]*\b(?:src|href)\s*=/i);
    expect(readGenaiPricesVersion()).toMatch(/^\d+\.\d+/);
    expect(html).not.toMatch(/url\(|@import|https?:\/\/(?!127\.0\.0\.1)/i);
    expect(html).toContain('<svg');
    expect(html).toContain("default-src 'none'");
  });

  it('refuses an unknown run and an unknown format', async () => {
    expect(await dispatch(fixture.engine, 'exportRun', { runId: 'missing', format: 'csv' })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(await dispatch(fixture.engine, 'exportRun', { runId: 'x', format: 'pdf' })).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
  });
});
