// Seeds the route stats from past usage rows, so "sort by latency" works from the first run after a
// restart. The store has no query for this yet: a host passes recent rows (e.g. the last day's, newest
// 5,000) through EngineOptions.routeSamples once the store offers them.
import type { UsageRow } from '../../store/store-types';
import type { RouteSample } from './route-stats';

export function routeSamplesFromUsage(rows: readonly UsageRow[]): RouteSample[] {
  return rows.map((row) => {
    const generationMs = row.ttftMs !== null && row.totalMs !== null ? row.totalMs - row.ttftMs : null;
    const tokensPerSecond = generationMs !== null && generationMs >= 1 && row.completionTokens > 0 ? (row.completionTokens / generationMs) * 1000 : null;
    return {
      at: row.createdAt,
      connectionId: row.connectionId,
      model: row.modelAsked,
      ok: row.status === 'ok',
      errorKind: row.errorKind,
      ttftMs: row.ttftMs,
      tokensPerSecond,
    };
  });
}
