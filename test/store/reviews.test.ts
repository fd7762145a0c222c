// The reviews repository (schema version 4): ratings, notes and tags, re-run links, blind reviews and votes.
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { BlindReviewRow } from '../../electron/store/reviews-types';
import { insertFinishedRun, makeRun, openTempStore, type TempStore } from './store-fixtures';

function review(overrides: Partial<BlindReviewRow> = {}): BlindReviewRow {
  return {
    id: 'review-1', runId: 'run-1', responseAId: 'run-1-r0', responseBId: 'run-1-r1', modelA: 'anthropic/claude-sonnet-4',
    modelB: 'openai/gpt-4o', mentionsIdentity: false, verdict: null, voided: false, createdAt: 1, votedAt: null, ...overrides,
  };
}

describe('reviews repository', () => {
  let temp: TempStore | undefined;
  afterEach(() => temp?.dispose());

  it('votes once, filters votes by tag, and forgets everything with the run', () => {
    temp = openTempStore();
    const { store } = temp;
    insertFinishedRun(store, makeRun(), ['one', 'two']);
    insertFinishedRun(store, makeRun({ id: 'run-2', createdAt: 1_700_000_000_001 }), ['three', 'four']);
    store.putRating({ responseId: 'run-1-r0', stars: 3, thumb: null, note: 'ok', updatedAt: 5 });
    store.setRunNotes('run-1', 'notes', ['a', 'b'], 6);
    store.linkRerun('run-2', 'run-1', 7);
    store.insertBlindReview(review());
    store.insertBlindReview(review({ id: 'review-2', runId: 'run-2', responseAId: 'run-2-r1', responseBId: 'run-2-r0', modelA: 'openai/gpt-4o', modelB: 'anthropic/claude-sonnet-4', mentionsIdentity: true }));

    expect(store.recordBlindVote('review-1', 'a', 10)).toBe(true);
    expect(store.recordBlindVote('review-1', 'b', 11)).toBe(false);
    expect(store.recordBlindVote('review-2', 'tie', 12)).toBe(true);
    expect(store.getBlindReview('review-1')).toMatchObject({ verdict: 'a', votedAt: 10 });
    expect(store.countVotes({}).votes).toHaveLength(2);
    expect(store.countVotes({ tag: 'a' }).votes).toEqual([{ modelA: 'anthropic/claude-sonnet-4', modelB: 'openai/gpt-4o', verdict: 'a', mentionsIdentity: false }]);
    expect(store.countVotes({ excludeIdentityFlagged: true }).votes).toHaveLength(1);
    store.setBlindReviewVoided('review-1', true);
    expect(store.countVotes({})).toMatchObject({ voided: 1, votes: [expect.objectContaining({ verdict: 'tie' })] });
    expect(store.listVotedTags()).toEqual([]);
    expect(store.getRunLineage('run-1')).toEqual({ parentRunId: null, rerunIds: ['run-2'] });
    expect(store.getRunNotes('run-1')).toEqual({ notes: 'notes', tags: ['a', 'b'], updatedAt: 6 });

    // The store offers no run deletion yet: delete with SQL on a second connection, as a future "delete run" would.
    const db = new BetterSqlite3(temp.path);
    db.pragma('foreign_keys = ON');
    db.prepare("DELETE FROM runs WHERE id = 'run-1'").run();
    for (const table of ['ratings', 'run_notes', 'run_tags', 'run_reruns', 'blind_reviews']) {
      const left = db.prepare(`SELECT count(*) FROM ${table} WHERE ${table === 'ratings' ? "response_id LIKE 'run-1-%'" : table === 'run_reruns' ? "parent_run_id = 'run-1'" : "run_id = 'run-1'"}`).pluck().get();
      expect({ table, left }).toEqual({ table, left: 0 });
    }
    db.close();
  });
});
