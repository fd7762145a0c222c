// One response: header, metrics, body. Subscribes to its own response only.
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type MouseEvent } from 'react';
import { useCopy, copyText } from '../hooks/use-copy';
import { registerScroller, syncScrollFrom } from '../hooks/scroll-sync';
import { scrollToBottomSoon } from '../hooks/stick-to-bottom';
import { stopResponse, toggleColumn } from '../state/actions';
import { connectionById, useAppStore } from '../state/app-store';
import { useResponse, useRunStore } from '../state/run-store';
import { SimulatedBadge } from './ConnectionBadge';
import { MarkdownView } from './MarkdownView';
import { ColumnReviewControls } from '../review/ColumnReviewControls';
import { Attempts, ErrorDetails, Metrics, Reasoning, RetryNotice, StatusBadge } from './ResponseParts';
import { ColumnWarnings, ReasoningCost, StructuredOutput, ToolCallList } from '../tools/ColumnToolParts';
import { ColumnContinue, EarlierTurns } from '../tools/ColumnConversation';

// Within this many pixels of the bottom counts as "at the bottom" (follow the stream).
const bottomSlack = 8;
// After an upward wheel or key, scroll events that report "at bottom" are our own earlier scrolls.
const intentWindowMs = 250;

function onBodyClick(event: MouseEvent<HTMLElement>) {
  const button = (event.target as Element).closest('[data-copy-code]');
  if (!button) return;
  const code = button.closest('.code-block')?.querySelector('code')?.textContent ?? '';
  void copyText(code).then((copied) => {
    button.textContent = copied ? 'Copied' : 'Copy failed';
    setTimeout(() => (button.textContent = 'Copy'), 1500);
  });
}

export const ResultColumn = memo(function ResultColumn({ responseId }: { responseId: string }) {
  const response = useResponse(responseId);
  const startedAt = useRunStore((state) => state.view?.startedAt ?? 0);
  const collapsed = useRunStore((state) => Boolean(state.collapsed[responseId]));
  const connection = useAppStore((state) => connectionById(state.connections, response?.connectionId));
  const [copyState, copy] = useCopy();
  const bodyRef = useRef<HTMLDivElement>(null);
  const stuck = useRef(true);
  const [following, setFollowing] = useState(true);

  const lastTop = useRef(0);
  const lastUpwardIntent = useRef(0);

  const setStuck = useCallback((value: boolean) => {
    stuck.current = value;
    setFollowing(value);
  }, []);

  // Scrolling up is intent: stop following at once, before the next frame's content pulls back
  // down, and ignore "at bottom" scroll events from our own earlier scrolls for a moment.
  const leaveBottom = useCallback(
    (body: HTMLElement) => {
      if (body.scrollHeight <= body.clientHeight) return;
      lastUpwardIntent.current = performance.now();
      if (stuck.current) setStuck(false);
    },
    [setStuck],
  );

  useEffect(() => {
    const body = bodyRef.current;
    return body ? registerScroller(body) : undefined;
  }, [collapsed]);

  // Follow the stream only while the reader is at the bottom; never yank someone reading above.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (body && stuck.current) scrollToBottomSoon(body);
  }, [response?.text, response?.reasoning, response?.status, response?.toolCalls]);

  if (!response) return null;
  const live = response.status === 'pending' || response.status === 'streaming';
  const served = response.modelServed && response.modelServed !== response.modelAsked ? response.modelServed : null;
  const title = `${response.modelAsked}${connection ? ` via ${connection.label}` : ''}`;

  if (collapsed) {
    return (
      <article className="column collapsed" data-testid="result-column" data-model={response.modelAsked} data-status={response.status} aria-label={title}>
        <button type="button" className="column-expand" onClick={() => toggleColumn(responseId)} aria-expanded={false} title={`Expand ${response.modelAsked}`}>
          <span className={`status-dot status-${response.status}`} aria-hidden="true" />
          <span className="vertical-text mono">{response.modelAsked}</span>
        </button>
      </article>
    );
  }

  return (
    <article
      className={`column status-${response.status}`}
      data-testid="result-column"
      data-model={response.modelAsked}
      data-status={response.status}
      data-incomplete={response.incomplete ? 'true' : undefined}
      aria-label={title}
    >
      <header className="column-head">
        <div className="column-head-line">
          <button type="button" className="icon-button" onClick={() => toggleColumn(responseId)} aria-expanded={true} aria-label={`Collapse ${response.modelAsked}`} title="Collapse">
            ▾
          </button>
          <h3 className="column-title mono" title={title}>
            {response.modelAsked}
          </h3>
          <button
            type="button"
            className="button ghost small"
            onClick={() => copy(response.text)}
            disabled={response.text === ''}
            data-testid="column-copy"
            aria-label={`Copy the answer of ${response.modelAsked}`}
          >
            {copyState === 'copied' ? 'Copied' : copyState === 'failed' ? 'Copy failed' : 'Copy'}
          </button>
        </div>
        <div className="column-head-line">
          <StatusBadge response={response} />
          {connection?.kind === 'demo' && <SimulatedBadge compact />}
          <span className="served small muted">
            {served && (
              <span className="mono" title={`Model that actually answered: ${served}`}>
                → {served}
              </span>
            )}
            {response.providerServed && <span title="Provider that served it"> via {response.providerServed}</span>}
          </span>
          <ColumnReviewControls responseId={responseId} finished={!live} />
          {live && (
            <button type="button" className="button danger-outline small" onClick={() => void stopResponse(responseId)} data-testid="column-stop">
              Stop
            </button>
          )}
        </div>
      </header>
      <Metrics response={response} startedAt={startedAt} />
      <div
        className="column-body"
        ref={bodyRef}
        onScroll={(event) => {
          const body = event.currentTarget;
          const top = body.scrollTop;
          const movedUp = top < lastTop.current - 1;
          lastTop.current = top;
          if (movedUp) {
            if (stuck.current) setStuck(false);
          } else if (!stuck.current && performance.now() - lastUpwardIntent.current > intentWindowMs) {
            // Back at the bottom by the reader's own scrolling: follow again.
            if (body.scrollHeight - body.clientHeight - top <= bottomSlack) setStuck(true);
          }
          syncScrollFrom(body);
        }}
        onWheel={(event) => {
          if (event.deltaY < 0) leaveBottom(event.currentTarget);
        }}
        onTouchMove={(event) => leaveBottom(event.currentTarget)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowUp' || event.key === 'PageUp' || event.key === 'Home') leaveBottom(event.currentTarget);
        }}
        onClick={onBodyClick}
        tabIndex={0}
        aria-label={`Answer of ${response.modelAsked}`}
      >
        <ColumnWarnings responseId={responseId} />
        <EarlierTurns response={response} />
        {response.error && <ErrorDetails error={response.error} testId="column-error" />}
        {response.incomplete && (
          <div className="banner banner-warn" role="status" data-testid="column-incomplete">
            {response.status === 'stopped'
              ? 'Stopped before the answer was finished. The partial answer is kept below.'
              : 'Incomplete: the stream ended before the provider finished. The partial answer is kept below.'}
            {response.finishReason && <span className="muted"> (finish reason: {response.finishReason})</span>}
          </div>
        )}
        {live && <RetryNotice attempts={response.attempts} />}
        {response.attempts.length > 1 && <Attempts attempts={response.attempts} live={live} />}
        {response.reasoning !== '' && <Reasoning text={response.reasoning} thinking={live && response.text === ''} />}
        <ReasoningCost response={response} />
        <ToolCallList response={response} />
        <div className="markdown" data-testid="column-text">
          <MarkdownView text={response.text} streaming={live} />
        </div>
        <StructuredOutput response={response} />
        {live && response.text === '' && response.reasoning === '' && (
          <div className="waiting muted small" aria-hidden="true">
            <span className="pulse" /> {response.status === 'pending' ? 'Waiting for the first token…' : 'Streaming…'}
          </div>
        )}
        {!live && response.text === '' && !response.error && response.toolCalls.length === 0 && (
          <p className="muted small">No text in this answer{response.finishReason ? ` (finish reason: ${response.finishReason})` : ''}.</p>
        )}
      </div>
      <ColumnContinue response={response} />
      {live && !following && (
        <button
          type="button"
          className="jump-latest"
          onClick={() => {
            setStuck(true);
            if (bodyRef.current) bodyRef.current.scrollTop = bodyRef.current.scrollHeight;
          }}
        >
          ↓ Follow latest
        </button>
      )}
    </article>
  );
});
