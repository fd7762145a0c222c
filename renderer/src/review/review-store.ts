// Review state beside the run on screen: the run's ratings, notes and tags, the answers picked for a
// diff, the blind review in progress, and which review panel is open.
import { create } from 'zustand';
import type { BlindReview, ResponseRating, RevealedReview, RunNotes } from '../../../shared/review-records';
import type { JuxtaError } from '../../../shared/result';
import { useDashboardToggle } from '../dashboard/dashboard-toggle';

export interface BlindSession {
  runId: string;
  /** null while startBlindReview is under way. */
  review: BlindReview | null;
  revealed: RevealedReview | null;
  busy: boolean;
  error: JuxtaError | null;
}

export interface ReviewState {
  /** The run the annotations below belong to. */
  runId: string | null;
  ratings: Record<string, ResponseRating>;
  notes: RunNotes | null;
  parentRunId: string | null;
  /** Up to two response ids ticked "Compare", oldest first. */
  compare: string[];
  diffOpen: boolean;
  exportOpen: boolean;
  leaderboardOpen: boolean;
  /** While set, the review view replaces the composer and results: no model name is on screen. */
  blind: BlindSession | null;
}

export const useReviewStore = create<ReviewState>(() => ({
  runId: null,
  ratings: {},
  notes: null,
  parentRunId: null,
  compare: [],
  diffOpen: false,
  exportOpen: false,
  leaderboardOpen: false,
  blind: null,
}));

// The dashboard and the leaderboard share the main area: opening one closes the other.
useDashboardToggle.subscribe((state, previous) => {
  if (state.open && !previous.open) useReviewStore.setState({ leaderboardOpen: false });
});

export function useIsBlind(): boolean {
  return useReviewStore((state) => state.blind !== null && state.blind.revealed === null);
}
