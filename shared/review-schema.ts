// Inputs of the review methods (ratings, notes and tags, blind A/B reviews, leaderboard, diff, re-run,
// export). Outputs are in review-records.ts.
import { z } from 'zod';

const id = z.string().min(1, 'expected a non-empty id').max(200);
export const MAX_TAGS = 20;
const tag = z.string().trim().min(1, 'expected a non-empty tag').max(50, 'expected a tag of at most 50 characters');

/**
 * Omitted fields keep their current value; null clears one. A rating left with no stars, thumb or note is removed
 * (the method then returns null).
 */
export const rateResponseInput = z
  .object({
    responseId: id,
    stars: z.number().int('expected 1 to 5 stars').min(1, 'expected 1 to 5 stars').max(5, 'expected 1 to 5 stars').nullable().optional(),
    thumb: z.enum(['up', 'down']).nullable().optional(),
    note: z.string().max(10_000).nullable().optional(),
  })
  .strict();

/** Replaces the run's notes and tags (both whole). Tags are trimmed and de-duplicated. */
export const setRunNotesInput = z
  .object({
    runId: id,
    notes: z.string().max(100_000),
    tags: z.array(tag).max(MAX_TAGS, `expected at most ${MAX_TAGS} tags`).default([]),
  })
  .strict();

/**
 * responseIds: the two answers to compare; when absent, two finished answers of the run are picked at random,
 * preferring the pair with the fewest votes so far.
 */
export const startBlindReviewInput = z
  .object({
    runId: id,
    responseIds: z
      .tuple([id, id])
      .refine(([a, b]) => a !== b, 'expected two different answers')
      .optional(),
  })
  .strict();

export const voteBlindInput = z
  .object({
    reviewId: id,
    verdict: z.enum(['a', 'b', 'tie', 'both_bad']),
  })
  .strict();

/** voided false restores a voided vote. */
export const voidVoteInput = z.object({ reviewId: id, voided: z.boolean().default(true) }).strict();

export const leaderboardInput = z
  .object({
    /** Only votes on runs with this tag. */
    tag: tag.optional(),
    /** Leave out votes where an answer named a model or vendor (default: counted). */
    excludeIdentityFlagged: z.boolean().default(false),
  })
  .strict();

export const diffResponsesInput = z.object({ responseIdA: id, responseIdB: id }).strict();

export const exportRunInput = z
  .object({
    runId: id,
    format: z.enum(['csv', 'json', 'markdown', 'html']),
  })
  .strict();
