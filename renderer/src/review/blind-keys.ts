// Keyboard review: 1-4 vote, j/k move to the next/previous run in history.
import type { BlindVerdict } from '../../../shared/review-records';

export const verdictKeys: Record<string, BlindVerdict> = { '1': 'a', '2': 'b', '3': 'tie', '4': 'both_bad' };

export const verdictLabels: Record<BlindVerdict, string> = { a: 'A is better', b: 'B is better', tie: 'Tie', both_bad: 'Both bad' };

/** The id of the run `step` places away from `currentId` in a newest-first list; null at either end. */
export function stepRun(runIds: readonly string[], currentId: string, step: 1 | -1): string | null {
  const index = runIds.indexOf(currentId);
  if (index === -1) return runIds[0] ?? null;
  return runIds[index + step] ?? null;
}
