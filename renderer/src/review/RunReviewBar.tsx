// The review actions in the results bar: notes and tags, diff, blind review, export, re-run.
import { lazy, Suspense, useEffect } from 'react';
import { useRunStore } from '../state/run-store';
import { ExportMenu } from './ExportMenu';
import { loadAnnotations, rerun, startBlindReview } from './review-actions';
import { useReviewStore } from './review-store';
import { RunNotesEditor } from './RunNotesEditor';
import './review.css';

const DiffDialog = lazy(() => import('./DiffDialog').then((module) => ({ default: module.DiffDialog })));

export function RunReviewBar() {
  const runId = useRunStore((state) => state.view?.runId ?? null);
  const finished = useRunStore((state) => state.view?.finished ?? false);
  const doneCount = useRunStore((state) => (state.view ? Object.values(state.view.responses).filter((response) => response.status === 'done').length : 0));
  const notes = useReviewStore((state) => (state.runId === runId ? state.notes : null));
  const compare = useReviewStore((state) => state.compare);
  const diffOpen = useReviewStore((state) => state.diffOpen);

  useEffect(() => {
    if (runId) void loadAnnotations(runId);
  }, [runId]);

  if (!runId) return null;
  const canDiff = compare.length === 2;
  return (
    <>
      <RunNotesEditor key={runId} runId={runId} notes={notes} />
      <button
        type="button"
        className="button ghost small"
        disabled={!canDiff}
        onClick={() => useReviewStore.setState({ diffOpen: true })}
        title={canDiff ? 'Diff the two ticked answers' : 'Tick "Compare" on two answers to diff them'}
        data-testid="diff-button"
      >
        Diff{compare.length > 0 ? ` (${compare.length}/2)` : ''}
      </button>
      <button
        type="button"
        className="button ghost small"
        disabled={!finished || doneCount < 2}
        onClick={() => void startBlindReview(runId)}
        title={doneCount < 2 ? 'Needs two finished answers' : 'Vote on two answers without seeing which model wrote them'}
        data-testid="blind-review-button"
      >
        Blind review
      </button>
      <ExportMenu runId={runId} disabled={!finished} />
      <button type="button" className="button ghost small" disabled={!finished} onClick={() => void rerun(runId)} title="Run the same prompt and models again" data-testid="rerun-button">
        Re-run
      </button>
      {diffOpen && canDiff && (
        <Suspense fallback={null}>
          <DiffDialog responseIdA={compare[0]!} responseIdB={compare[1]!} />
        </Suspense>
      )}
    </>
  );
}
