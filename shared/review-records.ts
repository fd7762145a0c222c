// Outputs of the review methods: ratings, notes and tags, blind A/B reviews, the leaderboard, diffs
// and run exports. Plain JSON (they cross IPC and HTTP). Inputs are in review-schema.ts.
import type { Cost, ResponseMetrics, ResponseStatus, TokenUsage, ToolCallRecord } from './records';
import type { ResponseDiffParts } from './response-diff';

export type Thumb = 'up' | 'down';

export interface ResponseRating {
  responseId: string;
  /** 1 to 5, or null when only a thumb (or only a note) was given. */
  stars: number | null;
  thumb: Thumb | null;
  note: string | null;
  updatedAt: number;
}

export interface RunNotes {
  runId: string;
  notes: string;
  /** Sorted, distinct, trimmed. */
  tags: string[];
  /** null when the run never had notes or tags. */
  updatedAt: number | null;
}

export type BlindVerdict = 'a' | 'b' | 'tie' | 'both_bad';
export type BlindLabel = 'A' | 'B';

/**
 * One answer as the blind review shows it. Deliberately absent: the response id, the model asked or
 * served, provider, connection, cost, tokens and timings (prices and speeds identify models too).
 */
export interface BlindAnswer {
  label: BlindLabel;
  text: string;
  toolCalls: ToolCallRecord[];
  /** True when the answer names a model or vendor (its own or another's): the vote may be biased. Which name is not said. */
  mentionsIdentity: boolean;
}

/** startBlindReview's answer, and getBlindReview's before the vote. Contains no model, provider or connection. */
export interface BlindReview {
  reviewId: string;
  runId: string;
  prompt: string;
  systemPrompt: string | null;
  /** Always two, in the shuffled order shown: answers[0] is A. */
  answers: BlindAnswer[];
  createdAt: number;
}

/** One side of a review once the vote reveals it. */
export interface RevealedAnswer {
  label: BlindLabel;
  responseId: string;
  /** The model the leaderboard counts this answer for: the model that answered (a fallback's when one did), else the one asked. */
  model: string;
  modelAsked: string;
  modelServed: string | null;
  providerServed: string | null;
  connectionId: string;
  mentionsIdentity: boolean;
  usage: TokenUsage | null;
  cost: Cost;
  metrics: ResponseMetrics;
}

/** voteBlind's answer, voidVote's, and getBlindReview's after the vote. */
export interface RevealedReview {
  reviewId: string;
  runId: string;
  verdict: BlindVerdict;
  /** The model the verdict favours; null for tie and both_bad. */
  winnerModel: string | null;
  voided: boolean;
  /** Either answer named a model or vendor. */
  mentionsIdentity: boolean;
  answers: RevealedAnswer[];
  createdAt: number;
  votedAt: number;
}

/** getBlindReview: blind until the vote, revealed after it. */
export type BlindReviewState = { state: 'blind'; review: BlindReview } | { state: 'revealed'; review: RevealedReview };

/** A review listed with a run (getRunAnnotations). Names only once voted. */
export interface BlindReviewSummary {
  reviewId: string;
  createdAt: number;
  verdict: BlindVerdict | null;
  voided: boolean;
  mentionsIdentity: boolean;
}

/** Everything the user added to a run: ratings, notes, tags, re-run links and blind reviews. */
export interface RunAnnotations {
  runId: string;
  ratings: ResponseRating[];
  notes: RunNotes;
  /** The run this one re-ran, when it is a re-run. */
  parentRunId: string | null;
  /** Runs that re-ran this one, oldest first. */
  rerunIds: string[];
  reviews: BlindReviewSummary[];
}

export interface LeaderboardEntry {
  model: string;
  /** Counted votes with this model on one side (voided votes and votes between two answers of the same model are left out). */
  votes: number;
  wins: number;
  losses: number;
  /** 'tie' and 'both_bad' verdicts (both count as a draw). */
  ties: number;
  /** Of the ties, how many were 'both_bad'. */
  bothBad: number;
  /** (wins + ties / 2) / votes. */
  winRate: number;
  /** Bradley-Terry strength on an Elo-like scale: 1000 is the average of the models it is compared with, +400 is 10x the odds. */
  score: number;
  /** 95% confidence interval of score (Fisher information, see bradley-terry.ts). */
  scoreLow: number;
  scoreHigh: number;
  /** Models are compared only within a group linked by votes; scores of different groups are not comparable. */
  group: number;
}

export interface Leaderboard {
  tag: string | null;
  /** Best score first. */
  entries: LeaderboardEntry[];
  /** Votes behind the table. */
  countedVotes: number;
  /** Of the counted votes, how many had an answer naming a model or vendor. */
  identityFlaggedVotes: number;
  /** Voided votes, left out. */
  voidedVotes: number;
  /** Every tag on a run with at least one counted vote, for the filter. */
  tags: string[];
  /** One line on how the score and its interval are computed, for a tooltip. */
  method: string;
}

/** One side of a diff, with what identifies it (diffs are not blind). */
export interface DiffSide {
  responseId: string;
  runId: string;
  modelAsked: string;
  modelServed: string | null;
  status: ResponseStatus;
}

export interface ResponseDiff extends ResponseDiffParts {
  a: DiffSide;
  b: DiffSide;
}

export type ExportFormat = 'csv' | 'json' | 'markdown' | 'html';

export interface RunExport {
  format: ExportFormat;
  /** Suggested file name, e.g. "juxta-run-2025-05-05-1a2b3c4d.md". */
  filename: string;
  mimeType: string;
  /** The whole document. */
  content: string;
}
