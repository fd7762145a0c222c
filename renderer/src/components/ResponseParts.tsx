// The pieces of a column around the answer: status badge, metrics, error, attempts, reasoning, tool calls.
import { useLayoutEffect, useRef, useState } from 'react';
import type { AttemptRecord, ResponseRecord, ToolCallRecord } from '../../../shared/records';
import type { ErrorKind, JuxtaError } from '../../../shared/result';
import { describeCostSource, formatCost, formatDuration, formatTokensPerSecond, formatTokenUsage } from '../format/metrics';
import { scrollToBottomSoon } from '../hooks/stick-to-bottom';
import { Elapsed } from './Elapsed';

const statusLabels: Record<ResponseRecord['status'], string> = {
  pending: 'pending',
  streaming: 'streaming',
  done: 'done',
  error: 'error',
  stopped: 'stopped',
};

export function StatusBadge({ response }: { response: ResponseRecord }) {
  return (
    <span className="status-badges">
      <span className={`badge status-${response.status}`}>{statusLabels[response.status]}</span>
      {response.incomplete && <span className="badge status-incomplete">incomplete</span>}
    </span>
  );
}

const errorTitles: Record<ErrorKind, string> = {
  invalid_input: 'Invalid request',
  not_found: 'Not found',
  auth: 'Authentication failed',
  insufficient_credits: 'Out of credits',
  rate_limited: 'Rate limited',
  overloaded: 'Provider overloaded',
  timeout: 'Timed out',
  context_length: 'Prompt too long for this model',
  bad_request: 'Rejected by the provider',
  network: 'Network error',
  stream_broken: 'Stream broke off',
  provider_error: 'Provider error',
  cancelled: 'Stopped',
  internal: 'Internal error',
};

export function ErrorDetails({ error, testId }: { error: JuxtaError; testId?: string }) {
  return (
    <div className="column-error" role="alert" data-testid={testId} data-kind={error.kind}>
      <div className="error-title">
        {errorTitles[error.kind]}
        {error.status !== undefined && <span className="muted mono"> HTTP {error.status}</span>}
      </div>
      <div>{error.message}</div>
      {error.providerMessage && (
        <div className="provider-message">
          <span className="muted small">Provider said:</span>
          <pre>{error.providerMessage}</pre>
        </div>
      )}
      {error.retryAfterMs !== undefined && <div className="muted small">Retry after {formatDuration(error.retryAfterMs)}.</div>}
    </div>
  );
}

export function Metrics({ response, startedAt }: { response: ResponseRecord; startedAt: number }) {
  const live = response.status === 'pending' || response.status === 'streaming';
  const { metrics } = response;
  return (
    <dl className="metrics">
      <div className="metric">
        <dt>TTFT</dt>
        <dd data-testid="metric-ttft">{formatDuration(metrics.ttftMs)}</dd>
      </div>
      <div className="metric">
        <dt>Total</dt>
        <dd data-testid="metric-total" className={live && metrics.totalMs === null ? 'live' : undefined}>
          {metrics.totalMs === null && live ? <Elapsed since={startedAt} /> : formatDuration(metrics.totalMs)}
        </dd>
      </div>
      <div className="metric">
        <dt>Speed</dt>
        <dd data-testid="metric-tps">{formatTokensPerSecond(metrics.tokensPerSecond)}</dd>
      </div>
      <div className="metric">
        <dt>Cost</dt>
        <dd data-testid="metric-cost" data-cost-source={response.cost.source} title={describeCostSource(response.cost)}>
          {live && response.cost.usd === null ? '—' : formatCost(response.cost)}
        </dd>
      </div>
      <div className="metric metric-wide">
        <dt>Tokens</dt>
        <dd data-testid="metric-tokens">{formatTokenUsage(response.usage)}</dd>
      </div>
    </dl>
  );
}

function attemptOutcome(attempt: AttemptRecord, isLast: boolean, live: boolean) {
  if (attempt.error) {
    const waited = attempt.waitedMs ? `, waited ${formatDuration(attempt.waitedMs)}` : '';
    return (
      <span className="text-danger">
        {errorTitles[attempt.error.kind]}: {attempt.error.message}
        {waited}
      </span>
    );
  }
  if (attempt.outcome === 'stopped') return <span className="muted">stopped</span>;
  if (isLast && live) return <span className="muted">in progress…</span>;
  return <span className="muted">{attempt.outcome === 'answered' || isLast ? 'answered' : 'no error recorded'}</span>;
}

export function Attempts({ attempts, live }: { attempts: AttemptRecord[]; live: boolean }) {
  const failed = attempts.filter((attempt) => attempt.error).length;
  return (
    <details className="attempts" open={live} data-testid="column-attempts">
      <summary>
        {attempts.length} attempts{failed > 0 ? ` · ${failed} failed` : ''} (retries or fallbacks)
      </summary>
      <ol>
        {attempts.map((attempt, index) => (
          <li key={index}>
            <span className="mono">{attempt.model}</span>
            {attempt.nativeModel && attempt.nativeModel !== attempt.model && <span className="mono muted"> ({attempt.nativeModel})</span>}{' '}
            {attemptOutcome(attempt, index === attempts.length - 1, live)}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** While live: the last attempt failed and the engine is retrying or falling back. */
export function RetryNotice({ attempts }: { attempts: AttemptRecord[] }) {
  const last = attempts[attempts.length - 1];
  if (!last?.error) return null;
  return (
    <div className="banner banner-warn" role="status">
      Attempt {attempts.length} failed ({errorTitles[last.error.kind].toLowerCase()}): {last.error.message}
      {last.waitedMs ? ` Retrying in ${formatDuration(last.waitedMs)}…` : ' Trying the next route…'}
    </div>
  );
}

/** Open by itself while the model is still thinking (no answer text yet); the reader's own toggle wins. */
export function Reasoning({ text, thinking }: { text: string; thinking: boolean }) {
  const [chosen, setChosen] = useState<boolean | null>(null);
  const open = chosen ?? thinking;
  const textRef = useRef<HTMLPreElement>(null);
  useLayoutEffect(() => {
    if (thinking && open && textRef.current) scrollToBottomSoon(textRef.current);
  }, [text, thinking, open]);
  return (
    <details
      className="reasoning"
      data-testid="column-reasoning"
      open={open}
      onToggle={(event) => {
        // Our own change of `open` fires toggle too; only a change away from it is the reader's.
        if (event.currentTarget.open !== open) setChosen(event.currentTarget.open);
      }}
    >
      <summary>
        {thinking ? 'Thinking…' : 'Reasoning'} <span className="muted small">{text.length.toLocaleString()} chars</span>
        {thinking && <span className="pulse" aria-hidden="true" />}
      </summary>
      <pre className="reasoning-text" ref={textRef}>
        {text}
      </pre>
    </details>
  );
}

export function ToolCalls({ calls }: { calls: ToolCallRecord[] }) {
  return (
    <div className="tool-calls">
      {calls.map((call) => (
        <div key={call.index} className="tool-call">
          <div className="tool-call-name mono">
            ƒ {call.name || '(unnamed tool)'}
            {call.id && <span className="muted small"> {call.id}</span>}
          </div>
          <pre>{call.arguments}</pre>
        </div>
      ))}
    </div>
  );
}
