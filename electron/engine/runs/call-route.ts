// One attempt on one route: resolve the connection and key, send the request (with OpenRouter's
// native fields and the provider's quirks), stream into the response, price the call, and record it
// (a usage row per provider call, and the route's stats).
import type { Cost, ResponseRecord, RunRecord, RunTarget } from '../../../shared/records';
import { JuxtaFailure, type JuxtaError } from '../../../shared/result';
import type { JuxtaStore } from '../../store/store-types';
import type { Clock } from '../clock';
import type { Connections } from '../connections/connections';
import { priceCall } from '../pricing/price-call';
import { convertUsage, providerCost } from '../provider/convert-usage';
import { createClient } from '../provider/create-client';
import { openRouterRequestFields } from '../routing/openrouter-request-fields';
import type { RouteCandidate } from '../routing/plan-route';
import { isOpenRouterConnection } from '../routing/resolve-model-on-connection';
import type { RouteStats } from '../routing/route-stats';
import { attemptTokensPerSecond } from './response-record';
import { streamAttempt, type AttemptOutcome, type AttemptSink } from './stream-attempt';

export interface CallRouteDeps {
  store: JuxtaStore;
  connections: Connections;
  stats: RouteStats;
  clock: Clock;
  idleTimeoutMs: number;
}

export interface CallRouteContext {
  run: RunRecord;
  target: RunTarget;
  response: ResponseRecord;
  sink: AttemptSink;
}

export interface RouteCallResult {
  outcome: AttemptOutcome;
  cost: Cost;
  /** False when no request went out (the connection or its key could not be resolved). */
  called: boolean;
}

const unknownCost: Cost = { usd: null, source: 'unknown' };

function failedBeforeCall(error: JuxtaError): RouteCallResult {
  return { outcome: { finishReason: null, usage: null, error, ttftMs: null, totalMs: 0, contentChunks: 0 }, cost: unknownCost, called: false };
}

export async function callRoute(
  deps: CallRouteDeps,
  context: CallRouteContext,
  candidate: RouteCandidate,
  signal: AbortSignal,
  attemptTimeoutMs: number | undefined,
): Promise<RouteCallResult> {
  const { clock } = deps;
  const { run, target, response } = context;
  const startedAt = clock.wallMs();
  let resolved;
  try {
    resolved = await deps.connections.resolve(candidate.connection.row.id);
  } catch (thrown) {
    return failedBeforeCall(thrown instanceof JuxtaFailure ? thrown.error : { kind: 'internal', message: String(thrown) });
  }
  const client = createClient(resolved, deps.idleTimeoutMs);
  const extraBody = isOpenRouterConnection(candidate.connection)
    ? openRouterRequestFields(candidate.nativeModel, candidate.nativeFallbacks, target.routing)
    : undefined;
  const request = {
    model: candidate.nativeModel,
    prompt: run.prompt,
    systemPrompt: run.systemPrompt,
    params: run.params,
    ...(target.messages?.length ? { messages: target.messages } : {}),
    quirks: candidate.connection.preset.quirks,
    ...(extraBody ? { extraBody } : {}),
  };
  const outcome = await streamAttempt(client, request, signal, clock, context.sink, { idleTimeoutMs: deps.idleTimeoutMs, attemptTimeoutMs });

  const usage = outcome.usage ? convertUsage(outcome.usage) : null;
  const cost = await priceCall({
    usage,
    providerUsd: outcome.usage ? providerCost(outcome.usage) : undefined,
    local: candidate.connection.preset.local,
    genaiPricesProvider: candidate.connection.preset.genaiPricesProvider,
    // Through OpenRouter a fallback may have answered: price the model that did.
    nativeModel: isOpenRouterConnection(candidate.connection) ? (response.modelServed ?? candidate.nativeModel) : candidate.nativeModel,
    listedPricing: candidate.pricing,
    at: startedAt,
  });

  deps.store.insertUsage({
    createdAt: startedAt,
    connectionId: candidate.connection.row.id,
    responseId: response.id,
    modelAsked: candidate.model,
    modelServed: response.modelServed,
    provider: response.providerServed,
    promptTokens: usage?.promptTokens ?? 0,
    completionTokens: usage?.completionTokens ?? 0,
    cachedTokens: usage?.cachedTokens ?? 0,
    cacheWriteTokens: usage?.cacheWriteTokens ?? 0,
    reasoningTokens: usage?.reasoningTokens ?? 0,
    costUsd: cost.usd,
    costSource: cost.source,
    status: outcome.error ? 'error' : 'ok',
    errorKind: outcome.error?.kind ?? null,
    ttftMs: outcome.ttftMs,
    totalMs: outcome.totalMs,
  });
  if (outcome.error) deps.stats.recordFailure(candidate.statsKey, outcome.error);
  else deps.stats.recordSuccess(candidate.statsKey, { ttftMs: outcome.ttftMs, tokensPerSecond: attemptTokensPerSecond(outcome) });
  return { outcome, cost, called: true };
}
