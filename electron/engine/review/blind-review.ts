// Blind A/B reviews: two answers of a run shown as A and B in a random order with every trace of the
// model removed, one vote, then the reveal.
import { mentionsIdentity } from '../../../shared/identity-mentions';
import type { ResponseRecord } from '../../../shared/records';
import type {
  BlindAnswer,
  BlindLabel,
  BlindReview,
  BlindReviewState,
  BlindVerdict,
  RevealedAnswer,
  RevealedReview,
} from '../../../shared/review-records';
import { JuxtaFailure } from '../../../shared/result';
import type { BlindReviewRow } from '../../store/reviews-types';
import type { JuxtaStore } from '../../store/store-types';
import { answeredModel } from './answered-model';

export interface BlindReviewDeps {
  store: JuxtaStore;
  now: () => number;
  /** Uniform in [0, 1): the shuffle and the pick of a pair. */
  random: () => number;
  newId: () => string;
}

const notFound = (what: string): JuxtaFailure => new JuxtaFailure({ kind: 'not_found', message: what });
const invalid = (message: string): JuxtaFailure => new JuxtaFailure({ kind: 'invalid_input', message });

/** Answers worth judging: finished, with text or tool calls. */
function isReviewable(response: ResponseRecord): boolean {
  return response.status === 'done' && (response.text.trim().length > 0 || response.toolCalls.length > 0);
}

function blindAnswer(label: BlindLabel, response: ResponseRecord): BlindAnswer {
  // Built field by field (never by spreading the record) so nothing that names the model can slip in.
  return {
    label,
    text: response.text,
    toolCalls: response.toolCalls.map((call) => ({ ...call })),
    mentionsIdentity: mentionsIdentity(response.text),
  };
}

function revealedAnswer(label: BlindLabel, response: ResponseRecord): RevealedAnswer {
  return {
    label,
    responseId: response.id,
    model: answeredModel(response),
    modelAsked: response.modelAsked,
    modelServed: response.modelServed,
    providerServed: response.providerServed,
    connectionId: response.connectionId,
    mentionsIdentity: mentionsIdentity(response.text),
    usage: response.usage,
    cost: response.cost,
    metrics: response.metrics,
  };
}

export function createBlindReviews(deps: BlindReviewDeps) {
  const { store } = deps;

  const responsesOf = (row: BlindReviewRow): [ResponseRecord, ResponseRecord] => {
    const a = store.getResponse(row.responseAId);
    const b = store.getResponse(row.responseBId);
    if (!a || !b) throw notFound(`The answers of review ${row.id} no longer exist.`);
    return [a, b];
  };

  const blindView = (row: BlindReviewRow): BlindReview => {
    const detail = store.getRun(row.runId);
    if (!detail) throw notFound(`No run with id ${row.runId}.`);
    const [a, b] = responsesOf(row);
    return {
      reviewId: row.id,
      runId: row.runId,
      prompt: detail.run.prompt,
      systemPrompt: detail.run.systemPrompt,
      answers: [blindAnswer('A', a), blindAnswer('B', b)],
      createdAt: row.createdAt,
    };
  };

  const revealedView = (row: BlindReviewRow): RevealedReview => {
    if (row.verdict === null || row.votedAt === null) throw invalid(`Review ${row.id} has no vote yet.`);
    const [a, b] = responsesOf(row);
    const winnerModel = row.verdict === 'a' ? row.modelA : row.verdict === 'b' ? row.modelB : null;
    return {
      reviewId: row.id,
      runId: row.runId,
      verdict: row.verdict,
      winnerModel,
      voided: row.voided,
      mentionsIdentity: row.mentionsIdentity,
      answers: [revealedAnswer('A', a), revealedAnswer('B', b)],
      createdAt: row.createdAt,
      votedAt: row.votedAt,
    };
  };

  const requireReview = (reviewId: string): BlindReviewRow => {
    const row = store.getBlindReview(reviewId);
    if (!row) throw notFound(`No blind review with id ${reviewId}.`);
    return row;
  };

  /** The pair with the fewest reviews so far (ties broken at random), so repeated reviews cover every pair. */
  const pickPair = (runId: string, candidates: ResponseRecord[]): [ResponseRecord, ResponseRecord] => {
    const reviewed = new Map<string, number>();
    const key = (x: string, y: string) => [x, y].sort().join(' ');
    for (const review of store.listBlindReviews(runId)) {
      if (review.voided) continue;
      const pair = key(review.responseAId, review.responseBId);
      reviewed.set(pair, (reviewed.get(pair) ?? 0) + 1);
    }
    let best: Array<[ResponseRecord, ResponseRecord]> = [];
    let fewest = Infinity;
    candidates.forEach((first, index) => {
      for (const second of candidates.slice(index + 1)) {
        const count = reviewed.get(key(first.id, second.id)) ?? 0;
        if (count < fewest) [fewest, best] = [count, []];
        if (count === fewest) best.push([first, second]);
      }
    });
    return best[Math.floor(deps.random() * best.length)]!;
  };

  return {
    /** A new blind review of two answers, or the run's review still waiting for its vote when no pair is named. */
    start(runId: string, responseIds?: readonly [string, string]): BlindReview {
      const detail = store.getRun(runId);
      if (!detail) throw notFound(`No run with id ${runId}.`);
      const candidates = detail.responses.filter(isReviewable);
      let pair: [ResponseRecord, ResponseRecord];
      if (responseIds) {
        const chosen = responseIds.map((responseId) => detail.responses.find((response) => response.id === responseId));
        const [first, second] = chosen;
        if (!first || !second) throw invalid(`responseIds: both answers must belong to run ${runId}.`);
        if (!isReviewable(first) || !isReviewable(second)) throw invalid('responseIds: both answers must be finished, with text or tool calls.');
        pair = [first, second];
      } else {
        const open = store.listBlindReviews(runId).find((review) => review.verdict === null && !review.voided);
        if (open) return blindView(open);
        if (candidates.length < 2) {
          throw invalid(`A blind review needs two finished answers; run ${runId} has ${candidates.length}.`);
        }
        pair = pickPair(runId, candidates);
      }
      // The shuffle: which answer is shown as A.
      const [a, b] = deps.random() < 0.5 ? pair : [pair[1], pair[0]];
      const row: BlindReviewRow = {
        id: deps.newId(),
        runId,
        responseAId: a.id,
        responseBId: b.id,
        modelA: answeredModel(a),
        modelB: answeredModel(b),
        mentionsIdentity: mentionsIdentity(a.text) || mentionsIdentity(b.text),
        verdict: null,
        voided: false,
        createdAt: deps.now(),
        votedAt: null,
      };
      store.insertBlindReview(row);
      return blindView(row);
    },

    vote(reviewId: string, verdict: BlindVerdict): RevealedReview {
      requireReview(reviewId);
      if (!store.recordBlindVote(reviewId, verdict, deps.now())) {
        throw invalid(`Review ${reviewId} already has a vote (names are revealed): void it and start a new review to vote again.`);
      }
      return revealedView(requireReview(reviewId));
    },

    setVoided(reviewId: string, voided: boolean): RevealedReview {
      const row = requireReview(reviewId);
      if (row.verdict === null) throw invalid(`Review ${reviewId} has no vote to void yet.`);
      store.setBlindReviewVoided(reviewId, voided);
      return revealedView({ ...row, voided });
    },

    get(reviewId: string): BlindReviewState {
      const row = requireReview(reviewId);
      return row.verdict === null ? { state: 'blind', review: blindView(row) } : { state: 'revealed', review: revealedView(row) };
    },
  };
}

export type BlindReviews = ReturnType<typeof createBlindReviews>;
