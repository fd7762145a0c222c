// Which model an answer is counted for on the leaderboard.
import type { ResponseRecord } from '../../../shared/records';

/**
 * The model id of the attempt that answered (a fallback model's when one took over), else the model asked.
 * Catalog-level ids ("openai/gpt-4o"), not the dated snapshot a provider reports as served, so one model's
 * votes are not split between its snapshots.
 */
export function answeredModel(response: Pick<ResponseRecord, 'attempts' | 'modelAsked'>): string {
  return response.attempts.find((attempt) => attempt.outcome === 'answered')?.model ?? response.modelAsked;
}
