// Ratings, run notes and tags, re-run links and blind reviews (schema version 4).
import type { Database } from 'better-sqlite3';
import type { BlindVerdict, ResponseRating, Thumb } from '../../shared/review-records';
import { fromResponseRow, type ResponseRow } from './response-row';
import type { BlindReviewRow, ReviewsStoreMethods, VoteQuery, VoteRow } from './reviews-types';

interface RatingRow {
  response_id: string;
  stars: number | null;
  thumb: string | null;
  note: string | null;
  updated_at: number;
}

interface BlindReviewDbRow {
  id: string;
  run_id: string;
  response_a_id: string;
  response_b_id: string;
  model_a: string;
  model_b: string;
  mentions_identity: number;
  verdict: string | null;
  voided: number;
  created_at: number;
  voted_at: number | null;
}

const toRating = (row: RatingRow): ResponseRating => ({
  responseId: row.response_id,
  stars: row.stars,
  thumb: row.thumb as Thumb | null,
  note: row.note,
  updatedAt: row.updated_at,
});

const toBlindReview = (row: BlindReviewDbRow): BlindReviewRow => ({
  id: row.id,
  runId: row.run_id,
  responseAId: row.response_a_id,
  responseBId: row.response_b_id,
  modelA: row.model_a,
  modelB: row.model_b,
  mentionsIdentity: row.mentions_identity === 1,
  verdict: row.verdict as BlindVerdict | null,
  voided: row.voided === 1,
  createdAt: row.created_at,
  votedAt: row.voted_at,
});

const blindReviewColumns =
  'id, run_id, response_a_id, response_b_id, model_a, model_b, mentions_identity, verdict, voided, created_at, voted_at';

export function createReviewsRepository(db: Database): ReviewsStoreMethods {
  // Every column, so the row maps exactly as runs-repository's do, whatever columns later versions add.
  const selectResponse = db.prepare<[string], ResponseRow>('SELECT * FROM responses WHERE id = ?');

  const upsertRating = db.prepare<[RatingRow]>(`
    INSERT INTO ratings (response_id, stars, thumb, note, updated_at)
    VALUES (@response_id, @stars, @thumb, @note, @updated_at)
    ON CONFLICT (response_id) DO UPDATE SET
      stars = excluded.stars, thumb = excluded.thumb, note = excluded.note, updated_at = excluded.updated_at`);
  const deleteRatingStatement = db.prepare<[string]>('DELETE FROM ratings WHERE response_id = ?');
  const selectRating = db.prepare<[string], RatingRow>('SELECT * FROM ratings WHERE response_id = ?');
  // responses_by_run finds the run's answers; each rating is then one primary-key lookup.
  const selectRatingsOfRun = db.prepare<[string], RatingRow>(`
    SELECT ratings.* FROM responses JOIN ratings ON ratings.response_id = responses.id
    WHERE responses.run_id = ? ORDER BY responses.target_index, responses.id`);

  const upsertNotes = db.prepare<[string, string, number]>(`
    INSERT INTO run_notes (run_id, notes, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (run_id) DO UPDATE SET notes = excluded.notes, updated_at = excluded.updated_at`);
  const deleteTags = db.prepare<[string]>('DELETE FROM run_tags WHERE run_id = ?');
  const insertTag = db.prepare<[string, string]>('INSERT OR IGNORE INTO run_tags (tag, run_id) VALUES (?, ?)');
  const selectNotes = db.prepare<[string], { notes: string; updated_at: number }>('SELECT notes, updated_at FROM run_notes WHERE run_id = ?');
  const selectTags = db.prepare<[string], string>('SELECT tag FROM run_tags WHERE run_id = ? ORDER BY tag').pluck();

  const insertRerun = db.prepare<[string, string, number]>('INSERT INTO run_reruns (run_id, parent_run_id, created_at) VALUES (?, ?, ?)');
  const selectParent = db.prepare<[string], string>('SELECT parent_run_id FROM run_reruns WHERE run_id = ?').pluck();
  const selectReruns = db.prepare<[string], string>(
    'SELECT run_id FROM run_reruns WHERE parent_run_id = ? ORDER BY created_at, run_id',
  ).pluck();

  const insertReview = db.prepare<[BlindReviewDbRow]>(`
    INSERT INTO blind_reviews (${blindReviewColumns})
    VALUES (@id, @run_id, @response_a_id, @response_b_id, @model_a, @model_b, @mentions_identity, @verdict, @voided, @created_at, @voted_at)`);
  const selectReview = db.prepare<[string], BlindReviewDbRow>(`SELECT ${blindReviewColumns} FROM blind_reviews WHERE id = ?`);
  const selectReviewsOfRun = db.prepare<[string], BlindReviewDbRow>(
    `SELECT ${blindReviewColumns} FROM blind_reviews WHERE run_id = ? ORDER BY created_at, id`,
  );
  const voteStatement = db.prepare<[string, number, string]>(
    'UPDATE blind_reviews SET verdict = ?, voted_at = ? WHERE id = ? AND verdict IS NULL',
  );
  const voidStatement = db.prepare<[number, string]>('UPDATE blind_reviews SET voided = ? WHERE id = ?');

  interface VoteDbRow {
    model_a: string;
    model_b: string;
    verdict: string;
    mentions_identity: number;
    voided: number;
  }
  const selectVotes = db.prepare<[], VoteDbRow>(`
    SELECT model_a, model_b, verdict, mentions_identity, voided FROM blind_reviews
    WHERE verdict IS NOT NULL ORDER BY created_at, id`);
  // run_tags' primary key (tag, run_id) lists the tag's runs; blind_reviews_by_run their reviews.
  const selectVotesByTag = db.prepare<[string], VoteDbRow>(`
    SELECT r.model_a, r.model_b, r.verdict, r.mentions_identity, r.voided
    FROM run_tags t JOIN blind_reviews r ON r.run_id = t.run_id
    WHERE t.tag = ? AND r.verdict IS NOT NULL ORDER BY r.created_at, r.id`);
  const selectVotedTags = db.prepare<[], string>(`
    SELECT DISTINCT t.tag FROM run_tags t
    WHERE EXISTS (SELECT 1 FROM blind_reviews r WHERE r.run_id = t.run_id AND r.verdict IS NOT NULL AND r.voided = 0)
    ORDER BY t.tag`).pluck();

  const replaceNotes = db.transaction((runId: string, notes: string, tags: string[], updatedAt: number) => {
    upsertNotes.run(runId, notes, updatedAt);
    deleteTags.run(runId);
    for (const tag of tags) insertTag.run(tag, runId);
  });
  const readNotes = db.transaction((runId: string) => {
    const row = selectNotes.get(runId);
    return { notes: row?.notes ?? '', tags: selectTags.all(runId), updatedAt: row?.updated_at ?? null };
  });

  return {
    getResponse(responseId) {
      const row = selectResponse.get(responseId);
      return row === undefined ? undefined : fromResponseRow(row);
    },

    putRating(rating) {
      upsertRating.run({
        response_id: rating.responseId,
        stars: rating.stars,
        thumb: rating.thumb,
        note: rating.note,
        updated_at: rating.updatedAt,
      });
    },
    deleteRating: (responseId) => deleteRatingStatement.run(responseId).changes > 0,
    getRating(responseId) {
      const row = selectRating.get(responseId);
      return row === undefined ? undefined : toRating(row);
    },
    listRatings: (runId) => selectRatingsOfRun.all(runId).map(toRating),

    setRunNotes(runId, notes, tags, updatedAt) {
      replaceNotes(runId, notes, tags, updatedAt);
    },
    getRunNotes: (runId) => readNotes(runId),

    linkRerun(runId, parentRunId, createdAt) {
      insertRerun.run(runId, parentRunId, createdAt);
    },
    getRunLineage: (runId) => ({ parentRunId: selectParent.get(runId) ?? null, rerunIds: selectReruns.all(runId) }),

    insertBlindReview(row) {
      insertReview.run({
        id: row.id,
        run_id: row.runId,
        response_a_id: row.responseAId,
        response_b_id: row.responseBId,
        model_a: row.modelA,
        model_b: row.modelB,
        mentions_identity: row.mentionsIdentity ? 1 : 0,
        verdict: row.verdict,
        voided: row.voided ? 1 : 0,
        created_at: row.createdAt,
        voted_at: row.votedAt,
      });
    },
    getBlindReview(reviewId) {
      const row = selectReview.get(reviewId);
      return row === undefined ? undefined : toBlindReview(row);
    },
    listBlindReviews: (runId) => selectReviewsOfRun.all(runId).map(toBlindReview),
    recordBlindVote: (reviewId, verdict, votedAt) => voteStatement.run(verdict, votedAt, reviewId).changes > 0,
    setBlindReviewVoided: (reviewId, voided) => voidStatement.run(voided ? 1 : 0, reviewId).changes > 0,

    countVotes(query: VoteQuery) {
      const rows = query.tag === undefined ? selectVotes.all() : selectVotesByTag.all(query.tag);
      const votes: VoteRow[] = [];
      let voided = 0;
      for (const row of rows) {
        if (row.voided === 1) {
          voided++;
          continue;
        }
        if (query.excludeIdentityFlagged === true && row.mentions_identity === 1) continue;
        votes.push({ modelA: row.model_a, modelB: row.model_b, verdict: row.verdict as BlindVerdict, mentionsIdentity: row.mentions_identity === 1 });
      }
      return { votes, voided };
    },
    listVotedTags: () => selectVotedTags.all(),
  };
}
