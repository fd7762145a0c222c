// Blind A/B: two answers labelled A and B, no model, provider, cost or timing on screen (nor in the
// window title) until the vote; then the reveal. Keys: 1-4 vote, j/k next/previous run, Esc back.
import { useEffect } from 'react';
import type { BlindAnswer, BlindVerdict, RevealedAnswer, RevealedReview } from '../../../shared/review-records';
import { formatCost, formatDuration, formatTokenUsage } from '../format/metrics';
import { ErrorDetails, ToolCalls } from '../components/ResponseParts';
import { MarkdownView } from '../components/MarkdownView';
import { verdictKeys, verdictLabels } from './blind-keys';
import { closeBlindReview, setVoided, startBlindReview, stepBlindReview, vote } from './review-actions';
import { useReviewStore, type BlindSession } from './review-store';
import './review.css';

const verdicts: { verdict: BlindVerdict; testId: string; key: string }[] = [
  { verdict: 'a', testId: 'vote-a', key: '1' },
  { verdict: 'b', testId: 'vote-b', key: '2' },
  { verdict: 'tie', testId: 'vote-tie', key: '3' },
  { verdict: 'both_bad', testId: 'vote-both-bad', key: '4' },
];

function useReviewKeys() {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]') || document.querySelector('dialog[open]')) return;
      const verdict = verdictKeys[event.key];
      if (verdict) {
        event.preventDefault();
        void vote(verdict);
      } else if (event.key === 'j' || event.key === 'k') {
        event.preventDefault();
        void stepBlindReview(event.key === 'j' ? 1 : -1);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        closeBlindReview();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** The window title names no model while blind (the default title does not either; this says where we are). */
function useReviewTitle(revealed: boolean) {
  useEffect(() => {
    const previous = document.title;
    document.title = revealed ? 'Juxta · Review revealed' : 'Juxta · Blind review';
    return () => {
      document.title = previous;
    };
  }, [revealed]);
}

function IdentityFlag() {
  return (
    <span className="badge badge-warn" title="The answer names a model or vendor: the vote may be biased, and can be voided" data-testid="blind-identity-flag">
      this answer may name its model
    </span>
  );
}

function AnswerCard({ answer, revealed }: { answer: BlindAnswer; revealed: RevealedAnswer | undefined }) {
  return (
    <article className="blind-answer" data-testid="blind-answer" data-label={answer.label} aria-label={`Answer ${answer.label}`}>
      <header className="blind-answer-head">
        <span className="blind-label">{answer.label}</span>
        {revealed && <span className="mono blind-model">{revealed.model}</span>}
        <span className="spacer" />
        {answer.mentionsIdentity && <IdentityFlag />}
      </header>
      {revealed && (
        <p className="small muted blind-answer-meta">
          {revealed.providerServed ? `via ${revealed.providerServed} · ` : ''}
          {formatCost(revealed.cost)} · {formatTokenUsage(revealed.usage)} · {formatDuration(revealed.metrics.totalMs)}
        </p>
      )}
      <div className="blind-answer-body">
        {answer.toolCalls.length > 0 && <ToolCalls calls={answer.toolCalls} />}
        <div className="markdown">
          <MarkdownView text={answer.text} streaming={false} />
        </div>
      </div>
    </article>
  );
}

function Reveal({ revealed }: { revealed: RevealedReview }) {
  const winner = revealed.winnerModel;
  return (
    <div className="blind-reveal" role="status" data-testid="blind-reveal">
      <strong>
        {revealed.verdict === 'tie' ? 'Tie' : revealed.verdict === 'both_bad' ? 'Both bad' : `${winner} wins`}
      </strong>
      <span className="muted">
        {revealed.answers.map((answer) => `${answer.label}: ${answer.model}`).join(' · ')}
        {revealed.voided ? ' · vote voided (not counted)' : ''}
      </span>
      <span className="spacer" />
      {(revealed.mentionsIdentity || revealed.voided) && (
        <button type="button" className="button small" onClick={() => void setVoided(!revealed.voided)} data-testid="void-vote">
          {revealed.voided ? 'Count the vote again' : 'Void vote'}
        </button>
      )}
    </div>
  );
}

function ReviewBody({ blind }: { blind: BlindSession }) {
  const { review, revealed, busy, error } = blind;
  if (!review) {
    return (
      <div className="blind-empty">
        {error ? <ErrorDetails error={error} /> : <p className="muted">Picking two answers…</p>}
        <p className="muted small">
          <kbd>j</kbd>/<kbd>k</kbd> next/previous run · <kbd>Esc</kbd> back
        </p>
      </div>
    );
  }
  return (
    <>
      <details className="blind-prompt">
        <summary className="small">
          Prompt: <span className="muted">{review.prompt.slice(0, 160)}</span>
        </summary>
        {review.systemPrompt && <p className="small muted">System: {review.systemPrompt}</p>}
        <pre className="small">{review.prompt}</pre>
      </details>
      {error && <ErrorDetails error={error} />}
      {revealed ? (
        <Reveal revealed={revealed} />
      ) : (
        <div className="blind-votes" role="group" aria-label="Vote">
          {verdicts.map(({ verdict, testId, key }) => (
            <button key={verdict} type="button" className="button" disabled={busy} onClick={() => void vote(verdict)} data-testid={testId}>
              <kbd>{key}</kbd> {verdictLabels[verdict]}
            </button>
          ))}
        </div>
      )}
      <div className="blind-answers">
        {review.answers.map((answer) => (
          <AnswerCard key={answer.label} answer={answer} revealed={revealed?.answers.find((side) => side.label === answer.label)} />
        ))}
      </div>
    </>
  );
}

export function BlindReviewView() {
  const blind = useReviewStore((state) => state.blind);
  useReviewKeys();
  useReviewTitle(Boolean(blind?.revealed));
  if (!blind) return null;
  return (
    <section className="blind-review" aria-label="Blind review" data-testid="blind-review-view" data-state={blind.revealed ? 'revealed' : 'blind'}>
      <div className="results-head">
        <strong className="small">{blind.revealed ? 'Review revealed' : 'Blind review'}</strong>
        <span className="muted small">
          <kbd>1</kbd>–<kbd>4</kbd> vote · <kbd>j</kbd>/<kbd>k</kbd> next/previous run · <kbd>Esc</kbd> back
        </span>
        <div className="spacer" />
        <button type="button" className="button ghost small" onClick={() => void stepBlindReview(-1)} disabled={blind.busy}>
          ← Newer run (k)
        </button>
        <button type="button" className="button ghost small" onClick={() => void stepBlindReview(1)} disabled={blind.busy}>
          Older run (j) →
        </button>
        {blind.revealed && (
          <button type="button" className="button ghost small" onClick={() => void startBlindReview(blind.runId)}>
            Another pair
          </button>
        )}
        <button type="button" className="button small" onClick={closeBlindReview} data-testid="blind-review-close">
          Back to the run
        </button>
      </div>
      <ReviewBody blind={blind} />
    </section>
  );
}
