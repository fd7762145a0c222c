// Everything the review features ask of the host. Components stay declarative, as in state/actions.ts.
import type { BlindVerdict, ExportFormat, Thumb } from '../../../shared/review-records';
import { notifyRunsChanged, openRun } from '../state/actions';
import { useDashboardToggle } from '../dashboard/dashboard-toggle';
import { useAppStore } from '../state/app-store';
import { useRunStore } from '../state/run-store';
import { api } from '../transport';
import { stepRun } from './blind-keys';
import { toggleCompare } from './compare-selection';
import { downloadText } from './download';
import { useReviewStore } from './review-store';

function notice(message: string): void {
  useAppStore.setState({ notice: message });
}

// ---- annotations ----

/** Loads the run's ratings, notes and tags; clears the previous run's. */
export async function loadAnnotations(runId: string): Promise<void> {
  useReviewStore.setState({ runId, ratings: {}, notes: null, parentRunId: null, compare: [], diffOpen: false, exportOpen: false });
  const result = await api.getRunAnnotations({ runId });
  if (useReviewStore.getState().runId !== runId) return;
  if (!result.ok) {
    // A run just started is not stored yet when the first render asks: nothing to show, not an error.
    if (result.error.kind !== 'not_found') notice(`Could not load the run's ratings: ${result.error.message}`);
    return;
  }
  const ratings = Object.fromEntries(result.value.ratings.map((rating) => [rating.responseId, rating]));
  useReviewStore.setState({ ratings, notes: result.value.notes, parentRunId: result.value.parentRunId });
}

export async function rate(responseId: string, change: { thumb?: Thumb | null; stars?: number | null }): Promise<void> {
  const result = await api.rateResponse({ responseId, ...change });
  if (!result.ok) return notice(`Could not save the rating: ${result.error.message}`);
  useReviewStore.setState((state) => {
    const ratings = { ...state.ratings };
    if (result.value) ratings[responseId] = result.value;
    else delete ratings[responseId];
    return { ratings };
  });
}

export async function saveNotes(runId: string, notes: string, tags: string[]): Promise<boolean> {
  const result = await api.setRunNotes({ runId, notes, tags });
  if (!result.ok) {
    notice(`Could not save the notes: ${result.error.message}`);
    return false;
  }
  if (useReviewStore.getState().runId === runId) useReviewStore.setState({ notes: result.value });
  return true;
}

export function toggleCompareAnswer(responseId: string): void {
  useReviewStore.setState((state) => ({ compare: toggleCompare(state.compare, responseId) }));
}

// ---- blind review ----

export async function startBlindReview(runId: string): Promise<void> {
  useReviewStore.setState({ blind: { runId, review: null, revealed: null, busy: true, error: null }, leaderboardOpen: false });
  const result = await api.startBlindReview({ runId });
  const current = useReviewStore.getState().blind;
  if (current?.runId !== runId) return;
  useReviewStore.setState({
    blind: result.ok
      ? { runId, review: result.value, revealed: null, busy: false, error: null }
      : { runId, review: null, revealed: null, busy: false, error: result.error },
  });
}

export async function vote(verdict: BlindVerdict): Promise<void> {
  const blind = useReviewStore.getState().blind;
  if (!blind?.review || blind.revealed || blind.busy) return;
  useReviewStore.setState({ blind: { ...blind, busy: true } });
  const result = await api.voteBlind({ reviewId: blind.review.reviewId, verdict });
  useReviewStore.setState({
    blind: result.ok ? { ...blind, busy: false, revealed: result.value } : { ...blind, busy: false, error: result.error },
  });
}

export async function setVoided(voided: boolean): Promise<void> {
  const blind = useReviewStore.getState().blind;
  if (!blind?.revealed) return;
  const result = await api.voidVote({ reviewId: blind.revealed.reviewId, voided });
  if (!result.ok) return notice(`Could not change the vote: ${result.error.message}`);
  useReviewStore.setState({ blind: { ...blind, revealed: result.value } });
}

export function closeBlindReview(): void {
  const blind = useReviewStore.getState().blind;
  useReviewStore.setState({ blind: null });
  // Back on the run that was reviewed, with its names.
  if (blind && useRunStore.getState().view?.runId !== blind.runId) void openRun(blind.runId);
}

/** j/k: a blind review of the next (1) or previous (-1) run in history, newest first. */
export async function stepBlindReview(step: 1 | -1): Promise<void> {
  const blind = useReviewStore.getState().blind;
  if (!blind || blind.busy) return;
  const result = await api.listRuns({ limit: 200 });
  if (!result.ok) return notice(`Could not list runs: ${result.error.message}`);
  // Only finished runs with two answers or more can be reviewed.
  const reviewable = result.value.filter((run) => run.status !== 'running' && run.models.length >= 2).map((run) => run.id);
  const next = stepRun(reviewable, blind.runId, step);
  if (next) await startBlindReview(next);
}

// ---- leaderboard, export, re-run ----

export function toggleLeaderboard(): void {
  const open = !useReviewStore.getState().leaderboardOpen;
  useReviewStore.setState({ leaderboardOpen: open });
}

export async function exportRun(runId: string, format: ExportFormat): Promise<void> {
  const result = await api.exportRun({ runId, format });
  if (!result.ok) return notice(`Could not export the run: ${result.error.message}`);
  downloadText(result.value.content, result.value.filename, result.value.mimeType);
  useReviewStore.setState({ exportOpen: false });
}

export async function rerun(runId: string): Promise<void> {
  const result = await api.rerunRun({ runId });
  if (!result.ok) return notice(`Could not re-run: ${result.error.message}`);
  await openRun(result.value.runId);
  notifyRunsChanged();
}

/** The desktop menu's "Export…": opens the export menu of the run on screen. */
export function openExportMenu(): void {
  const { blind } = useReviewStore.getState();
  const view = useRunStore.getState().view;
  // An export names the models: not while a vote is pending.
  if (blind && !blind.revealed) return notice('Vote (or leave the blind review) before exporting.');
  if (!view) return notice('Open a run (History) to export it.');
  if (!view.finished) return notice('The run is still going: export it once it has finished.');
  useReviewStore.setState({ blind: null, leaderboardOpen: false, exportOpen: true });
  useDashboardToggle.setState({ open: false });
}
