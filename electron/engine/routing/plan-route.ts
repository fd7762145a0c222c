// The ordered list of routes (model x connection) one column tries: fallback models in the order
// given; per model the connections serving it, in the explicit order or sorted by price, latency or
// throughput; routes that do not fit the request dropped; routes cooling down or benched moved last.
// Pure and synchronous: it runs before every response, so it does map lookups only and plain loops
// (bench:routing holds it under 0.2 ms with 5,000 catalog models).
import type { RouteSort, RunTarget } from '../../../shared/records';
import { blendedPrice } from '../catalog/query-catalog';
import { sortImpliedBy } from './model-variant';
import {
  describeModelAsked,
  isOpenRouterConnection,
  resolveModelOnConnection,
  type ModelSources,
  type ResolvedModel,
  type RouteConnection,
} from './resolve-model-on-connection';
import { routeKey, type RouteStats } from './route-stats';

/** What the request needs from a route (the capability filter). */
export interface RequestNeeds {
  promptTokens: number;
  maxOutputTokens: number;
  tools: boolean;
  images: boolean;
  /** A json_schema response format (models without structured outputs may answer in prose). */
  structuredOutput?: boolean;
}

export interface RouteCandidate extends ResolvedModel {
  connection: RouteConnection;
  /** The model as the column names it (catalog id, with an OpenRouter variant suffix if any). */
  model: string;
  /** Further models OpenRouter gets natively in `models` with this call. */
  nativeFallbacks: string[];
  statsKey: string;
  coolingUntil: number | null;
  benched: boolean;
}

export interface PlanInput extends ModelSources {
  target: RunTarget;
  /** Every connection, in creation order. */
  connections: readonly RouteConnection[];
  stats: RouteStats;
  needs: RequestNeeds;
  now: number;
}

interface Ranked {
  candidate: RouteCandidate;
  index: number;
  rank: number;
  key: number | null;
}

function fits(candidate: ResolvedModel, needs: RequestNeeds): boolean {
  if (candidate.contextLength !== null && needs.promptTokens + needs.maxOutputTokens > candidate.contextLength) return false;
  const model = candidate.catalogModel;
  if (model && needs.tools && !model.capabilities.tools) return false;
  if (model && needs.structuredOutput && !model.capabilities.structuredOutput) return false;
  if (model && needs.images && !model.inputModalities.includes('image')) return false;
  return true;
}

function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)]!;
}

/** Sort keys, lower first; null (unknown) after every known value. */
function fillSortKeys(ranked: Ranked[], sort: RouteSort, stats: RouteStats, now: number): void {
  if (sort === 'price') {
    for (const entry of ranked) entry.key = blendedPrice(entry.candidate.pricing);
    return;
  }
  const measure = (key: string, neutral: number | null): number | null =>
    sort === 'latency' ? stats.ttftMs(key, neutral, now) : stats.tokensPerSecond(key, neutral, now);
  const measured: number[] = [];
  for (const entry of ranked) {
    const value = measure(entry.candidate.statsKey, null);
    if (value !== null) measured.push(value);
  }
  // Stale and unmeasured routes count as the median of their peers: neither shunned nor preferred.
  const neutral = medianOf(measured);
  for (const entry of ranked) {
    const value = measure(entry.candidate.statsKey, neutral) ?? neutral;
    entry.key = value === null ? null : sort === 'latency' ? value : -value;
  }
}

function compareRanked(a: Ranked, b: Ranked): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.key !== b.key) {
    if (a.key === null) return 1;
    if (b.key === null) return -1;
    return a.key - b.key;
  }
  return a.index - b.index;
}

function orderConnections(
  candidates: RouteCandidate[],
  explicitOrder: readonly string[] | undefined,
  sort: RouteSort | undefined,
  stats: RouteStats,
  now: number,
): RouteCandidate[] {
  if (candidates.length < 2 || (!sort && !explicitOrder)) return candidates;
  const ranked: Ranked[] = candidates.map((candidate, index) => {
    const position = explicitOrder ? explicitOrder.indexOf(candidate.connection.row.id) : -1;
    return { candidate, index, rank: position === -1 ? Number.MAX_SAFE_INTEGER : position, key: null };
  });
  if (sort) fillSortKeys(ranked, sort, stats, now);
  ranked.sort(compareRanked);
  return ranked.map((entry) => entry.candidate);
}

function healthRank(candidate: RouteCandidate): number {
  return candidate.benched ? 2 : candidate.coolingUntil !== null ? 1 : 0;
}

export function planRoute(input: PlanInput): RouteCandidate[] {
  const { target, stats, now, catalog } = input;
  const routing = target.routing ?? {};
  const models = target.fallbackModels?.length ? [...new Set([target.model, ...target.fallbackModels])] : [target.model];
  const asked = models.map((model) => describeModelAsked(model, catalog));
  const sort = routing.sort ?? sortImpliedBy(asked[0]!.variant);

  // The column's connection always; the explicitly ordered ones; with a sort, every connection.
  const pool: RouteConnection[] = [];
  const addToPool = (connectionId: string): void => {
    const connection = input.connections.find((candidate) => candidate.row.id === connectionId);
    if (connection && !pool.includes(connection)) pool.push(connection);
  };
  for (const connectionId of routing.order ?? []) addToPool(connectionId);
  addToPool(target.connectionId);
  if (sort) for (const connection of input.connections) if (!pool.includes(connection)) pool.push(connection);

  const planned: RouteCandidate[] = [];
  for (const model of asked) {
    const forModel: RouteCandidate[] = [];
    for (const connection of pool) {
      const resolved = resolveModelOnConnection(connection, model, connection.row.id === target.connectionId, input);
      if (!resolved) continue;
      // ":nitro"/":floor" only pick the route on a direct connection: it is the same route as the plain id.
      const sameRoute = !isOpenRouterConnection(connection) && sortImpliedBy(model.variant) !== undefined;
      const statsKey = routeKey(connection.row.id, sameRoute ? model.baseModel : model.model);
      const health = stats.health(statsKey, now);
      forModel.push({
        nativeModel: resolved.nativeModel,
        catalogModel: resolved.catalogModel,
        pricing: resolved.pricing,
        contextLength: resolved.contextLength,
        connection,
        model: model.model,
        nativeFallbacks: [],
        statsKey,
        coolingUntil: health.coolingUntil,
        benched: health.benched,
      });
    }
    for (const candidate of orderConnections(forModel, routing.order, sort, stats, now)) planned.push(candidate);
  }

  // Capability filter: drop routes the catalog says cannot take this request, unless none is left
  // (then the provider gets to say so: the catalog may be out of date).
  const fitting = planned.filter((candidate) => fits(candidate, input.needs));
  const usable = fitting.length > 0 ? fitting : planned;
  const merged = mergeOpenRouterFallbacks(usable, models, routing.openrouter?.nativeFallbacks !== false);

  // Skip routes that just failed: healthy first, then cooling down, then benched (still tried as a last resort).
  if (merged.every((candidate) => healthRank(candidate) === 0)) return merged;
  const byHealth: RouteCandidate[] = [];
  for (let rank = 0; rank <= 2; rank += 1) for (const candidate of merged) if (healthRank(candidate) === rank) byHealth.push(candidate);
  return byHealth;
}

/**
 * Through OpenRouter, later fallback models ride along natively in `models`: OpenRouter then falls
 * back without a round trip, and the engine's own later OpenRouter routes for them become redundant.
 */
function mergeOpenRouterFallbacks(candidates: RouteCandidate[], models: string[], enabled: boolean): RouteCandidate[] {
  if (!enabled || models.length < 2) return candidates;
  const result: RouteCandidate[] = [];
  const covered = new Set<string>();
  for (const candidate of candidates) {
    if (!isOpenRouterConnection(candidate.connection)) {
      result.push(candidate);
      continue;
    }
    const connectionId = candidate.connection.row.id;
    if (covered.has(routeKey(connectionId, candidate.model))) continue;
    const servedLater: string[] = [];
    for (const model of models.slice(models.indexOf(candidate.model) + 1)) {
      if (candidates.some((other) => other.connection === candidate.connection && other.model === model)) {
        servedLater.push(model);
        covered.add(routeKey(connectionId, model));
      }
    }
    result.push(servedLater.length > 0 ? { ...candidate, nativeFallbacks: servedLater } : candidate);
  }
  return result;
}
