// Every run, newest first: search (debounced), keyset pages by createdAt, virtualised rows.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RunSummary } from '../../../shared/records';
import type { JuxtaError } from '../../../shared/result';
import { formatRunTime, formatUsd } from '../format/metrics';
import { useDebounced } from '../hooks/use-debounced';
import { onRunsChanged, openRun } from '../state/actions';
import { useAppStore } from '../state/app-store';
import { useRunStore } from '../state/run-store';
import { useIsBlind } from '../review/review-store';
import { api } from '../transport';

const pageSize = 50;
const rowHeight = 76;

interface HistoryState {
  items: RunSummary[];
  loading: boolean;
  hasMore: boolean;
  error: JuxtaError | null;
}

function HistoryRow({ run, active, blind }: { run: RunSummary; active: boolean; blind: boolean }) {
  return (
    <button
      type="button"
      className={`history-row${active ? ' active' : ''}`}
      onClick={() => void openRun(run.id)}
      data-testid="history-row"
      data-run-id={run.id}
      aria-current={active ? 'true' : undefined}
    >
      <span className="history-line">
        <time dateTime={new Date(run.createdAt).toISOString()} className="muted">
          {formatRunTime(run.createdAt)}
        </time>
        {run.status === 'running' && <span className="badge status-streaming">running</span>}
        {run.errorCount > 0 && (
          <span className="badge status-error">
            {run.errorCount} {run.errorCount === 1 ? 'error' : 'errors'}
          </span>
        )}
        <span className="spacer" />
        {/* Costs and models would give a blind review away. */}
        {!blind && (
          <span className="mono small" title="Sum of the known costs">
            {run.totalCostUsd === null ? 'cost unknown' : formatUsd(run.totalCostUsd)}
          </span>
        )}
      </span>
      <span className="history-prompt">{run.promptPreview || <span className="muted">(empty prompt)</span>}</span>
      <span className="history-models mono small muted">
        {run.models.length} · {blind ? 'models hidden during the blind review' : run.models.join(', ')}
      </span>
    </button>
  );
}

export function HistoryDrawer() {
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const [state, setState] = useState<HistoryState>({ items: [], loading: false, hasMore: true, error: null });
  const activeRunId = useRunStore((store) => store.view?.runId);
  const blind = useIsBlind();
  const scrollRef = useRef<HTMLDivElement>(null);
  // Answers of superseded requests (an older search) are dropped.
  const generation = useRef(0);
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  });

  const load = useCallback(
    async (reset: boolean) => {
      const current = stateRef.current;
      if (!reset && (current.loading || !current.hasMore)) return;
      const request = reset ? ++generation.current : generation.current;
      const before = reset ? undefined : current.items[current.items.length - 1]?.createdAt;
      setState((previous) => ({ ...previous, loading: true, error: null }));
      const result = await api.listRuns({ search: query || undefined, limit: pageSize, beforeCreatedAt: before });
      if (request !== generation.current) return;
      if (!result.ok) {
        setState((previous) => ({ ...previous, loading: false, error: result.error }));
        return;
      }
      setState((previous) => {
        const base = reset ? [] : previous.items;
        const seen = new Set(base.map((item) => item.id));
        return {
          items: [...base, ...result.value.filter((item) => !seen.has(item.id))],
          loading: false,
          hasMore: result.value.length === pageSize,
          error: null,
        };
      });
    },
    [query],
  );

  useEffect(() => {
    void load(true);
  }, [load]);

  useEffect(() => onRunsChanged(() => void load(true)), [load]);

  const { items, loading, hasMore, error } = state;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read only during render here
  const virtualizer = useVirtualizer({
    count: items.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems[virtualItems.length - 1]?.index ?? -1;

  // Infinite scroll: the loader row came into view.
  useEffect(() => {
    if (hasMore && !loading && !error && items.length > 0 && lastIndex >= items.length - 1) void load(false);
  }, [lastIndex, items.length, hasMore, loading, error, load]);

  return (
    <aside className="history" id="history-panel" aria-label="History">
      <header className="history-head">
        <h2>History</h2>
        <button type="button" className="button ghost small" onClick={() => useAppStore.setState({ historyOpen: false })} aria-label="Close history">
          ✕
        </button>
      </header>
      <div className="history-search">
        <label className="visually-hidden" htmlFor="history-search">
          Search runs
        </label>
        <input
          id="history-search"
          className="input"
          type="search"
          placeholder="Search prompts and answers…"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          data-testid="history-search"
        />
      </div>
      <div className="history-list" ref={scrollRef} aria-busy={loading}>
        {items.length === 0 && !loading && !error && (
          <p className="muted small history-empty">{query ? `No runs match “${query}”.` : 'No runs yet. Your runs are kept here.'}</p>
        )}
        {error && (
          <div className="history-empty">
            <p className="error-text small">{error.message}</p>
            <button type="button" className="button small" onClick={() => void load(items.length === 0)}>
              Retry
            </button>
          </div>
        )}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualItems.map((virtualItem) => {
            const run = items[virtualItem.index];
            return (
              <div
                key={virtualItem.key}
                className="history-slot"
                style={{ transform: `translateY(${virtualItem.start}px)`, height: virtualItem.size }}
              >
                {run ? <HistoryRow run={run} active={run.id === activeRunId} blind={blind} /> : <p className="muted small history-loading">Loading more…</p>}
              </div>
            );
          })}
        </div>
      </div>
    </aside>
  );
}
