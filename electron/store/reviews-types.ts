// The reviews part of the store's method map (schema version 4): ratings, run notes and tags, re-run
// links and blind reviews. JuxtaStore extends it.
import type { ResponseRecord } from '../../shared/records';
import type { BlindVerdict, ResponseRating } from '../../shared/review-records';

export interface BlindReviewRow {
  id: string;
  runId: string;
  /** The answer shown as A (the shuffle is this assignment). */
  responseAId: string;
  responseBId: string;
  modelA: string;
  modelB: string;
  mentionsIdentity: boolean;
  verdict: BlindVerdict | null;
  voided: boolean;
  createdAt: number;
  votedAt: number | null;
}

/** A counted vote as the leaderboard reads it. */
export interface VoteRow {
  modelA: string;
  modelB: string;
  verdict: BlindVerdict;
  mentionsIdentity: boolean;
}

export interface VoteQuery {
  tag?: string;
  excludeIdentityFlagged?: boolean;
}

export interface ReviewsStoreMethods {
  /** One response by id (diffs across runs, blind reviews). */
  getResponse(responseId: string): ResponseRecord | undefined;

  /** Inserts or replaces the rating of rating.responseId. */
  putRating(rating: ResponseRating): void;
  deleteRating(responseId: string): boolean;
  getRating(responseId: string): ResponseRating | undefined;
  listRatings(runId: string): ResponseRating[];

  /** Replaces the run's notes and tags in one transaction. */
  setRunNotes(runId: string, notes: string, tags: string[], updatedAt: number): void;
  getRunNotes(runId: string): { notes: string; tags: string[]; updatedAt: number | null };

  linkRerun(runId: string, parentRunId: string, createdAt: number): void;
  getRunLineage(runId: string): { parentRunId: string | null; rerunIds: string[] };

  insertBlindReview(row: BlindReviewRow): void;
  getBlindReview(reviewId: string): BlindReviewRow | undefined;
  listBlindReviews(runId: string): BlindReviewRow[];
  /** Sets the verdict once: false when the review is unknown or already voted. */
  recordBlindVote(reviewId: string, verdict: BlindVerdict, votedAt: number): boolean;
  setBlindReviewVoided(reviewId: string, voided: boolean): boolean;
  /** Counted votes (voted, not voided) over the whole history or one tag's runs, oldest first; voided: how many were left out as voided. */
  countVotes(query: VoteQuery): { votes: VoteRow[]; voided: number };
  /** Tags of runs that hold at least one counted vote, sorted. */
  listVotedTags(): string[];
}
