// Columns side by side: up to 4 in one row, 5 to 8 in two rows. Never a silent cut-off.
import { useShallow } from 'zustand/react/shallow';
import { formatUsd, isEstimate } from '../format/metrics';
import { newComparison } from '../state/actions';
import { useAppStore } from '../state/app-store';
import { runProgress, type RunView } from '../state/run-view';
import { useRunStore } from '../state/run-store';
import { ErrorDetails } from './ResponseParts';
import { ResultColumn } from './ResultColumn';
import { runShortcut } from '../keys';
import { RunReviewBar } from '../review/RunReviewBar';
import { FollowUpAll } from '../tools/ColumnConversation';

const maximumPerRow = 4;

function splitRows(order: readonly string[]): string[][] {
  if (order.length <= maximumPerRow) return [order.slice()];
  const firstRow = Math.ceil(order.length / 2);
  return [order.slice(0, firstRow), order.slice(firstRow)];
}

/** One line for the header: progress and total cost. A string, so the header re-renders only when it changes. */
function summarize(view: RunView | null): string {
  if (!view) return '';
  const progress = runProgress(view);
  const parts: string[] = [];
  const active = progress.pending + progress.streaming;
  if (active > 0) parts.push(`${active} of ${progress.total} running`);
  else parts.push(`${progress.total} ${progress.total === 1 ? 'answer' : 'answers'}`);
  if (progress.error > 0) parts.push(`${progress.error} failed`);
  if (progress.stopped > 0) parts.push(`${progress.stopped} stopped`);
  let known = 0;
  let unknown = 0;
  let estimated = false;
  for (const id of view.order) {
    const cost = view.responses[id]?.cost;
    if (!cost || cost.usd === null || cost.source === 'unknown') unknown += 1;
    else {
      known += cost.usd;
      if (isEstimate(cost)) estimated = true;
    }
  }
  if (active === 0) {
    if (unknown === progress.total) parts.push('cost unknown');
    else parts.push(`total ${estimated ? '≈' : ''}${formatUsd(known)}${unknown > 0 ? ` + ${unknown} unknown` : ''}`);
  }
  return parts.join(' · ');
}

function RunHeader() {
  const summary = useRunStore((state) => summarize(state.view));
  const createdAt = useRunStore((state) => state.view?.startedAt);
  const syncScroll = useAppStore((state) => state.syncScroll);
  const collapsedCount = useRunStore((state) => Object.values(state.collapsed).filter(Boolean).length);
  return (
    <div className="results-head">
      <span className="muted small">{createdAt ? new Date(createdAt).toLocaleString() : ''}</span>
      <span className="results-summary small" aria-live="polite" data-testid="run-summary">
        {summary}
      </span>
      <div className="spacer" />
      <RunReviewBar />
      {collapsedCount > 0 && (
        <button type="button" className="button ghost small" onClick={() => useRunStore.setState({ collapsed: {} })}>
          Expand all ({collapsedCount})
        </button>
      )}
      <button type="button" className="button ghost small" onClick={newComparison} title="Clear the results and the prompt (models stay)" data-testid="new-comparison">
        New comparison
      </button>
      <label className="toggle small">
        <input type="checkbox" checked={syncScroll} onChange={(event) => useAppStore.setState({ syncScroll: event.target.checked })} data-testid="sync-scroll" />
        Sync scroll
      </label>
    </div>
  );
}

export function ResultsView() {
  const order = useRunStore(useShallow((state) => state.view?.order ?? []));
  const opening = useRunStore((state) => state.opening);
  const openError = useRunStore((state) => state.openError);

  if (order.length === 0) {
    return (
      <section className="results results-empty" aria-label="Results">
        {openError && <ErrorDetails error={openError} />}
        {opening ? (
          <p className="muted">Opening run…</p>
        ) : (
          <div className="results-placeholder">
            <p>Answers appear here, one column per model, streaming side by side.</p>
            <p className="muted small">
              <kbd>{runShortcut}</kbd> run · <kbd>Esc</kbd> stop all · History keeps every run
            </p>
          </div>
        )}
      </section>
    );
  }

  const rows = splitRows(order);
  return (
    <section className="results" aria-label="Results">
      <RunHeader />
      <FollowUpAll />
      {openError && <ErrorDetails error={openError} />}
      <div className={`results-grid rows-${rows.length}`}>
        {rows.map((row, index) => (
          <div className="results-row" key={index}>
            {row.map((id) => (
              <ResultColumn key={id} responseId={id} />
            ))}
          </div>
        ))}
      </div>
    </section>
  );
}
