// Reviews on the engine side: ratings, notes and tags, blind A/B reviews, the leaderboard, diffs,
// re-runs and exports. Handlers in engine/index.ts delegate here.
import { randomUUID } from 'node:crypto';
import { startRunInput, type MethodOutput, type ParsedInput } from '../../../shared/contract';
import { describeZodError } from '../../../shared/dispatch';
import type { RunTarget } from '../../../shared/records';
import type { ResponseRating, RunAnnotations, RunNotes } from '../../../shared/review-records';
import { diffResponseParts } from '../../../shared/response-diff';
import { JuxtaFailure } from '../../../shared/result';
import type { JuxtaStore } from '../../store/store-types';
import type { ExportDeps } from '../export/export-document';
import { exportRun } from '../export/export-run';
import { createBlindReviews } from './blind-review';
import { bradleyTerryMethod, rankModels } from './bradley-terry';

export interface ReviewServiceDeps extends ExportDeps {
  store: JuxtaStore;
  now: () => number;
  random: () => number;
  /** The engine's own startRun (budgets, validation of connections, streaming). */
  startRun: (input: ParsedInput<'startRun'>) => Promise<MethodOutput<'startRun'>>;
}

const notFound = (message: string) => new JuxtaFailure({ kind: 'not_found', message });

export function createReviewService(deps: ReviewServiceDeps) {
  const { store } = deps;
  const blind = createBlindReviews({ store, now: deps.now, random: deps.random, newId: randomUUID });

  const requireRun = (runId: string) => {
    const detail = store.getRun(runId);
    if (!detail) throw notFound(`No run with id ${runId}.`);
    return detail;
  };
  const notesOf = (runId: string): RunNotes => ({ runId, ...store.getRunNotes(runId) });

  return {
    rateResponse(input: ParsedInput<'rateResponse'>): ResponseRating | null {
      if (!store.getResponse(input.responseId)) throw notFound(`No answer with id ${input.responseId}.`);
      const current = store.getRating(input.responseId);
      const note = input.note === undefined ? (current?.note ?? null) : input.note?.trim() ? input.note : null;
      const rating: ResponseRating = {
        responseId: input.responseId,
        stars: input.stars === undefined ? (current?.stars ?? null) : input.stars,
        thumb: input.thumb === undefined ? (current?.thumb ?? null) : input.thumb,
        note,
        updatedAt: deps.now(),
      };
      if (rating.stars === null && rating.thumb === null && rating.note === null) {
        store.deleteRating(input.responseId);
        return null;
      }
      store.putRating(rating);
      return rating;
    },

    setRunNotes(input: ParsedInput<'setRunNotes'>): RunNotes {
      requireRun(input.runId);
      const tags = [...new Set(input.tags.map((tag) => tag.trim()))].sort();
      store.setRunNotes(input.runId, input.notes, tags, deps.now());
      return notesOf(input.runId);
    },

    getRunAnnotations(runId: string): RunAnnotations {
      requireRun(runId);
      const lineage = store.getRunLineage(runId);
      return {
        runId,
        ratings: store.listRatings(runId),
        notes: notesOf(runId),
        parentRunId: lineage.parentRunId,
        rerunIds: lineage.rerunIds,
        reviews: store.listBlindReviews(runId).map((review) => ({
          reviewId: review.id,
          createdAt: review.createdAt,
          verdict: review.verdict,
          voided: review.voided,
          mentionsIdentity: review.mentionsIdentity,
        })),
      };
    },

    startBlindReview: (input: ParsedInput<'startBlindReview'>) => blind.start(input.runId, input.responseIds),
    voteBlind: (input: ParsedInput<'voteBlind'>) => blind.vote(input.reviewId, input.verdict),
    voidVote: (input: ParsedInput<'voidVote'>) => blind.setVoided(input.reviewId, input.voided),
    getBlindReview: (reviewId: string) => blind.get(reviewId),

    getLeaderboard(input: ParsedInput<'getLeaderboard'>): MethodOutput<'getLeaderboard'> {
      const { votes, voided } = store.countVotes({ tag: input.tag, excludeIdentityFlagged: input.excludeIdentityFlagged });
      return {
        tag: input.tag ?? null,
        entries: rankModels(votes),
        countedVotes: votes.length,
        identityFlaggedVotes: votes.filter((vote) => vote.mentionsIdentity).length,
        voidedVotes: voided,
        tags: store.listVotedTags(),
        method: bradleyTerryMethod,
      };
    },

    diffResponses(input: ParsedInput<'diffResponses'>): MethodOutput<'diffResponses'> {
      const a = store.getResponse(input.responseIdA);
      const b = store.getResponse(input.responseIdB);
      if (!a) throw notFound(`No answer with id ${input.responseIdA}.`);
      if (!b) throw notFound(`No answer with id ${input.responseIdB}.`);
      const side = (response: typeof a) => ({
        responseId: response.id,
        runId: response.runId,
        modelAsked: response.modelAsked,
        modelServed: response.modelServed,
        status: response.status,
      });
      return { a: side(a), b: side(b), ...diffResponseParts(a, b) };
    },

    /**
     * Starts the run again through startRun: the same prompt, system prompt, parameters and (unless given)
     * targets. Every field of startRun's input that the stored run also has is copied, so options added to
     * runs later (tools, response formats) carry over without a change here.
     */
    async rerunRun(input: ParsedInput<'rerunRun'>): Promise<MethodOutput<'rerunRun'>> {
      const { run } = requireRun(input.runId);
      const candidate: Record<string, unknown> = {};
      for (const key of Object.keys(startRunInput.shape)) {
        const value = (run as unknown as Record<string, unknown>)[key];
        if (value !== undefined && value !== null) candidate[key] = value;
      }
      candidate.targets = input.targets ?? (run.targets satisfies RunTarget[]);
      if (input.overrideBudget !== undefined) candidate.overrideBudget = input.overrideBudget;
      const parsed = startRunInput.safeParse(candidate);
      if (!parsed.success) {
        throw new JuxtaFailure({ kind: 'invalid_input', message: `Run ${input.runId} cannot be re-run as stored: ${describeZodError(parsed.error)}` });
      }
      const started = await deps.startRun(parsed.data);
      store.linkRerun(started.runId, input.runId, deps.now());
      return { ...started, parentRunId: input.runId };
    },

    exportRun: (input: ParsedInput<'exportRun'>) => exportRun(deps, input.runId, input.format),
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
