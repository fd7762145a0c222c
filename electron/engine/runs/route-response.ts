// One column's response through its routes: plan the routes, try them in order, retry the unwell ones
// after a backoff (never sooner than their Retry-After), stop at once when the column is stopped or
// its total timeout passes. Every attempt is visible: a response-start and an attempt-end event, an
// AttemptRecord, and a usage row per provider call.
import type { AttemptRecord, Cost, ResponseRecord, RunRecord, RunTarget } from '../../../shared/records';
import type { JuxtaError } from '../../../shared/result';
import type { RunEvent } from '../../../shared/run-events';
import type { Sleep } from '../routing/cancellable-sleep';
import { planRoute, type RequestNeeds, type RouteCandidate } from '../routing/plan-route';
import type { ModelSources } from '../routing/resolve-model-on-connection';
import { actionFor, backoffMs, type RetryTiming } from '../routing/retry-policy';
import { callRoute, type CallRouteDeps } from './call-route';
import { finishResponseRecord } from './response-record';
import type { AttemptOutcome, AttemptSink } from './stream-attempt';

export interface RouteResponseDeps extends CallRouteDeps {
  sources: ModelSources;
  retryTiming: RetryTiming;
  sleep: Sleep;
  random: () => number;
}

export interface RouteResponseContext {
  run: RunRecord;
  target: RunTarget;
  response: ResponseRecord;
  /** Aborted when the user stops the column. */
  signal: AbortSignal;
  sink: AttemptSink;
  emit(event: RunEvent): void;
  /** Persist the record (attempt starts are saved so a reload shows them). */
  save(): void;
}

interface Route {
  candidate: RouteCandidate;
  /** Wall time before which a retry would ignore the provider's Retry-After. */
  readyAt: number;
  dead: boolean;
}

const unknownCost: Cost = { usd: null, source: 'unknown' };

function estimateNeeds(run: RunRecord, target: RunTarget): RequestNeeds {
  // About 4 characters per token: enough to tell a prompt that cannot fit an 8k window from one that can.
  let characters = run.prompt.length + (run.systemPrompt?.length ?? 0);
  for (const message of target.messages ?? []) {
    characters += (message.content ?? '').length;
    if (message.role === 'assistant') for (const call of message.toolCalls ?? []) characters += call.arguments.length;
  }
  const params = run.params;
  return {
    promptTokens: Math.ceil(characters / 4),
    maxOutputTokens: params.maxTokens ?? 0,
    tools: (params.tools?.length ?? 0) > 0 && params.toolChoice !== 'none',
    images: false,
    structuredOutput: params.responseFormat?.type === 'json_schema',
  };
}

export function planFor(deps: Pick<RouteResponseDeps, 'connections' | 'sources' | 'stats' | 'clock'>, run: RunRecord, target: RunTarget): RouteCandidate[] {
  const connections = deps.connections.rows().map((row) => ({ row, preset: deps.connections.presetOf(row) }));
  return planRoute({ ...deps.sources, target, connections, stats: deps.stats, needs: estimateNeeds(run, target), now: deps.clock.wallMs() });
}

export async function routeResponse(deps: RouteResponseDeps, context: RouteResponseContext): Promise<void> {
  const { clock } = deps;
  const { response, target } = context;
  const routing = target.routing ?? {};
  const retries = routing.retries ?? deps.retryTiming.retries;

  // The total timeout aborts the attempt in flight and any wait, like a stop, but reads as a timeout.
  const total = new AbortController();
  const totalTimer = routing.totalTimeoutMs === undefined ? undefined : setTimeout(() => total.abort(), routing.totalTimeoutMs);
  const signal = AbortSignal.any([context.signal, total.signal]);
  const totalTimeoutError = (): JuxtaError => ({
    kind: 'timeout',
    message: `The column's total timeout (${((routing.totalTimeoutMs ?? 0) / 1000).toFixed(1)} s) passed before an answer finished.`,
  });

  const routes: Route[] = planFor(deps, context.run, target).map((candidate) => ({ candidate, readyAt: 0, dead: false }));
  let finalOutcome: AttemptOutcome | undefined;
  let finalCost: Cost = unknownCost;
  let previous: RouteCandidate | undefined;

  try {
    if (routes.length === 0) {
      finalOutcome = outcomeOf({ kind: 'not_found', message: `No connection with id ${target.connectionId}: it may have been removed.` });
      return;
    }
    // After a wait, routes due by its planned end count as ready even if the clock says a hair earlier.
    let wokeAt = 0;
    for (let round = 0; ; round += 1) {
      let nextWaitMs: number | undefined;
      const readyBy = Math.max(clock.wallMs(), wokeAt);
      const ready = routes.filter((route) => !route.dead && route.readyAt <= readyBy);
      for (const [index, route] of ready.entries()) {
        const reason = previous === undefined ? 'first' : round > 0 ? 'retry' : 'fallback';
        const attempt = startAttempt(context, route.candidate, reason, clock.wallMs());
        previous = route.candidate;
        const { outcome, cost, called } = await callRoute(deps, context, route.candidate, signal, routing.attemptTimeoutMs);
        finalOutcome = outcome;
        finalCost = cost;
        attempt.endedAt = clock.wallMs();
        if (!outcome.error) {
          attempt.outcome = 'answered';
          context.emit({ type: 'attempt-end', responseId: response.id, attempt: response.attempts.length, error: null, next: 'none' });
          return;
        }
        if (total.signal.aborted && !context.signal.aborted) outcome.error = totalTimeoutError();
        attempt.error = outcome.error;
        attempt.outcome = outcome.error.kind === 'cancelled' ? 'stopped' : 'failed';

        let action = signal.aborted ? 'stop' : actionFor(outcome.error, outcome.ttftMs !== null);
        // A connection of the pool (not the column's own) that cannot even be called is skipped, not fatal.
        if (!called && action === 'stop' && route.candidate.connection.row.id !== target.connectionId) action = 'fallback';
        if (action === 'stop') {
          context.emit({ type: 'attempt-end', responseId: response.id, attempt: response.attempts.length, error: outcome.error, next: 'none' });
          return;
        }
        const retryAfterMs = outcome.error.retryAfterMs;
        if (action === 'fallback' || (retryAfterMs !== undefined && retryAfterMs > deps.retryTiming.maxRetryAfterMs)) route.dead = true;
        else route.readyAt = clock.wallMs() + (retryAfterMs ?? 0);

        const fallsBackNow = ready.slice(index + 1).some((other) => !other.dead);
        if (fallsBackNow) {
          context.emit({ type: 'attempt-end', responseId: response.id, attempt: response.attempts.length, error: outcome.error, next: 'fallback' });
          continue;
        }
        nextWaitMs = round < retries ? waitBeforeRetry(routes, round, deps) : undefined;
        if (nextWaitMs !== undefined) attempt.waitedMs = nextWaitMs;
        context.emit({
          type: 'attempt-end',
          responseId: response.id,
          attempt: response.attempts.length,
          error: outcome.error,
          next: nextWaitMs === undefined ? 'none' : 'retry',
          ...(nextWaitMs === undefined ? {} : { waitMs: nextWaitMs }),
        });
      }
      if (nextWaitMs === undefined) return;
      wokeAt = clock.wallMs() + nextWaitMs;
      await deps.sleep(nextWaitMs, signal);
      if (signal.aborted) {
        finalOutcome = outcomeOf(context.signal.aborted ? { kind: 'cancelled', message: 'Stopped.' } : totalTimeoutError());
        finalCost = unknownCost;
        return;
      }
    }
  } finally {
    clearTimeout(totalTimer);
    finishResponseRecord(response, finalOutcome ?? outcomeOf({ kind: 'internal', message: 'No attempt was made.' }), finalCost);
    if (response.status === 'done' && response.providerServed === null && previous) {
      // Direct providers do not name themselves in chunks the way OpenRouter does: the connection says who answered.
      const provider = previous.connection.preset.catalogProvider;
      response.providerServed = provider ? deps.sources.catalog.providerName(provider) : previous.connection.row.label;
    }
  }
}

function outcomeOf(error: JuxtaError): AttemptOutcome {
  return { finishReason: null, usage: null, error, ttftMs: null, totalMs: 0, contentChunks: 0 };
}

/** Exponential backoff with jitter, and at least until the earliest live route's Retry-After has passed. */
function waitBeforeRetry(routes: Route[], round: number, deps: RouteResponseDeps): number | undefined {
  const live = routes.filter((route) => !route.dead);
  if (live.length === 0) return undefined;
  const earliestReady = Math.min(...live.map((route) => route.readyAt));
  return Math.max(backoffMs(round, deps.retryTiming, deps.random), earliestReady - deps.clock.wallMs());
}

function startAttempt(
  context: RouteResponseContext,
  candidate: RouteCandidate,
  reason: 'first' | 'retry' | 'fallback',
  startedAt: number,
): AttemptRecord {
  const { response } = context;
  // A new attempt answers from scratch (attempts only repeat before any content arrived).
  response.modelServed = null;
  response.providerServed = null;
  response.status = 'streaming';
  const connectionId = candidate.connection.row.id;
  const attempt: AttemptRecord = {
    connectionId,
    model: candidate.model,
    startedAt,
    error: null,
    ...(candidate.nativeModel !== candidate.model ? { nativeModel: candidate.nativeModel } : {}),
  };
  response.attempts.push(attempt);
  context.emit({
    type: 'response-start',
    responseId: response.id,
    attempt: response.attempts.length,
    connectionId,
    model: candidate.model,
    ...(attempt.nativeModel ? { nativeModel: attempt.nativeModel } : {}),
    reason,
  });
  context.save();
  return attempt;
}
