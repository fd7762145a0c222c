// Whether the catalog browser replaces the compare view (toggled from the top bar).
// One full-page view at a time: opening the catalog closes the dashboard and the leaderboard, and
// opening either of those closes the catalog.
import { create } from 'zustand';
import type { ConnectionSummary } from '../../../shared/records';
import { useDashboardToggle } from '../dashboard/dashboard-toggle';
import { useReviewStore } from '../review/review-store';

interface CatalogToggle {
  open: boolean;
  toggle(): void;
  close(): void;
}

export const useCatalogToggle = create<CatalogToggle>((set) => ({
  open: false,
  toggle: () => set((state) => ({ open: !state.open })),
  close: () => set({ open: false }),
}));

useCatalogToggle.subscribe((state, previous) => {
  if (!state.open || previous.open) return;
  if (useDashboardToggle.getState().open) useDashboardToggle.setState({ open: false });
  if (useReviewStore.getState().leaderboardOpen) useReviewStore.setState({ leaderboardOpen: false });
});
useDashboardToggle.subscribe((state, previous) => {
  if (state.open && !previous.open) useCatalogToggle.setState({ open: false });
});
useReviewStore.subscribe((state, previous) => {
  if (state.leaderboardOpen && !previous.leaderboardOpen) useCatalogToggle.setState({ open: false });
});

/** OpenRouter connections: refresh the catalog from them and show their key status. */
export function isOpenRouter(connection: ConnectionSummary | undefined): boolean {
  return connection !== undefined && (connection.kind === 'openrouter' || connection.preset === 'openrouter');
}
