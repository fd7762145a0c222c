// Dashboard aggregates over usage: whole UTC hours from the usage_hourly rollup, the cut parts of an
// hour (a range edge or a local midnight in a half-hour zone) from the usage rows themselves, so every
// sum is exact for any time zone. Segments say which bucket (e.g. local day) a time span belongs to.
import type { Database } from 'better-sqlite3';
import { latencyBucketRatio } from './migrations/0002-usage-rollups';
import type { UsageAggregateQuery, UsageAggregateRow, UsageLatencyQuery, UsageLatencyRow, UsageSegment } from './store-types';

const hourMs = 3_600_000;

interface SpanLists {
  /** [bucket, firstHour, endHour): whole hours read from the rollup. */
  hours: [number, number, number][];
  /** [bucket, startMs, endMs): parts of hours read from usage rows. */
  rows: [number, number, number][];
}

/** Splits each segment into whole hours and the cut parts of the hours at its ends. */
export function splitSegments(segments: readonly UsageSegment[]): SpanLists {
  const spans: SpanLists = { hours: [], rows: [] };
  for (const { bucket, startMs, endMs } of segments) {
    if (endMs <= startMs) continue;
    const firstWholeHour = Math.ceil(startMs / hourMs);
    const endWholeHour = Math.floor(endMs / hourMs);
    if (firstWholeHour >= endWholeHour) {
      spans.rows.push([bucket, startMs, endMs]);
      continue;
    }
    spans.hours.push([bucket, firstWholeHour, endWholeHour]);
    if (startMs < firstWholeHour * hourMs) spans.rows.push([bucket, startMs, firstWholeHour * hourMs]);
    if (endWholeHour * hourMs < endMs) spans.rows.push([bucket, endWholeHour * hourMs, endMs]);
  }
  return spans;
}

const filters = (model: string, connection: string) => `
  AND (@connections IS NULL OR ${connection} IN (SELECT value FROM json_each(@connections)))
  AND (@models IS NULL OR ${model} IN (SELECT value FROM json_each(@models)))`;

const rowModel = 'coalesce(u.model_served, u.model_asked)';
const generationKnown = `(u.status = 'ok' AND u.ttft_ms IS NOT NULL AND u.total_ms IS NOT NULL AND u.total_ms > u.ttft_ms)`;
const latencyBucket = (milliseconds: string) => `CAST(floor(ln(max(${milliseconds}, 1.0)) / ln(${latencyBucketRatio})) AS INTEGER)`;

// Cut hours are read by time: INDEXED BY stops the planner from building an automatic index on status.
// The span lists are materialized (else SQLite re-reads the JSON for every row compared) and CROSS JOIN
// keeps them outside, so each span is one range seek on the hour or time index.
const aggregateParts = `
  WITH hour_spans (bucket, first_hour, end_hour) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(@hourSpans)),
  row_spans (bucket, start_ms, end_ms) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(@rowSpans)),
  parts AS (
    SELECT s.bucket, h.model, h.connection_id, h.calls, h.error_calls, h.prompt_tokens, h.completion_tokens,
      h.cached_tokens, h.cache_write_tokens, h.reasoning_tokens, h.cost_usd, h.cost_calls, h.ttft_ms_sum,
      h.ttft_calls, h.total_ms_sum, h.total_calls, h.generation_tokens, h.generation_ms
    FROM hour_spans s CROSS JOIN usage_hourly h
    WHERE h.hour >= s.first_hour AND h.hour < s.end_hour ${filters('h.model', 'h.connection_id')}
    UNION ALL
    SELECT s.bucket, ${rowModel}, u.connection_id, 1, u.status = 'error', u.prompt_tokens, u.completion_tokens,
      u.cached_tokens, u.cache_write_tokens, u.reasoning_tokens, coalesce(u.cost_usd, 0), u.cost_usd IS NOT NULL,
      coalesce(u.ttft_ms, 0), u.ttft_ms IS NOT NULL, coalesce(u.total_ms, 0), u.total_ms IS NOT NULL,
      CASE WHEN ${generationKnown} THEN u.completion_tokens ELSE 0 END,
      CASE WHEN ${generationKnown} THEN u.total_ms - u.ttft_ms ELSE 0 END
    FROM row_spans s CROSS JOIN usage u INDEXED BY usage_by_created_at
    WHERE u.created_at >= s.start_ms AND u.created_at < s.end_ms ${filters(rowModel, 'u.connection_id')}
  )`;

function aggregateSql(modelKey: UsageAggregateQuery['modelKey'], byConnection: boolean): string {
  const model =
    modelKey === 'each' ? 'model' : modelKey === 'top' ? 'CASE WHEN model IN (SELECT value FROM json_each(@topModels)) THEN model END' : 'NULL';
  const connection = byConnection ? 'connection_id' : 'NULL';
  return `${aggregateParts}
    SELECT bucket, ${model} AS model, ${connection} AS connectionId, sum(calls) AS calls, sum(error_calls) AS errorCalls,
      sum(prompt_tokens) AS promptTokens, sum(completion_tokens) AS completionTokens, sum(cached_tokens) AS cachedTokens,
      sum(cache_write_tokens) AS cacheWriteTokens, sum(reasoning_tokens) AS reasoningTokens, sum(cost_usd) AS costUsd,
      sum(cost_calls) AS costCalls, sum(ttft_ms_sum) AS ttftMsSum, sum(ttft_calls) AS ttftCalls,
      sum(total_ms_sum) AS totalMsSum, sum(total_calls) AS totalCalls, sum(generation_tokens) AS generationTokens,
      sum(generation_ms) AS generationMs
    FROM parts GROUP BY 1, 2, 3`;
}

// Percentiles are read for a given few models: one seek per (model, metric, span) on the primary key.
const latencySql = `
  WITH hour_spans (first_hour, end_hour) AS MATERIALIZED (SELECT value ->> 1, value ->> 2 FROM json_each(@hourSpans)),
  row_spans (start_ms, end_ms) AS MATERIALIZED (SELECT value ->> 1, value ->> 2 FROM json_each(@rowSpans)),
  chosen (model) AS MATERIALIZED (SELECT value FROM json_each(@models)),
  metrics (metric) AS (VALUES ('ttft'), ('total')),
  parts AS (
    SELECT l.model, l.metric, l.bucket, l.calls
    FROM chosen m CROSS JOIN metrics k CROSS JOIN hour_spans s CROSS JOIN usage_latency_hourly l
    WHERE l.model = m.model AND l.metric = k.metric AND l.hour >= s.first_hour AND l.hour < s.end_hour
      AND (@connections IS NULL OR l.connection_id IN (SELECT value FROM json_each(@connections)))
    UNION ALL
    SELECT ${rowModel}, 'ttft', ${latencyBucket('u.ttft_ms')}, 1
    FROM row_spans s CROSS JOIN usage u INDEXED BY usage_by_created_at
    WHERE u.created_at >= s.start_ms AND u.created_at < s.end_ms AND u.status = 'ok' AND u.ttft_ms IS NOT NULL
      ${filters(rowModel, 'u.connection_id')}
    UNION ALL
    SELECT ${rowModel}, 'total', ${latencyBucket('u.total_ms')}, 1
    FROM row_spans s CROSS JOIN usage u INDEXED BY usage_by_created_at
    WHERE u.created_at >= s.start_ms AND u.created_at < s.end_ms AND u.status = 'ok' AND u.total_ms IS NOT NULL
      ${filters(rowModel, 'u.connection_id')}
  )
  SELECT model, metric, bucket, sum(calls) AS calls FROM parts GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;

const jsonList = (values: readonly string[] | undefined): string | null => (values === undefined ? null : JSON.stringify(values));

export function createUsageReportQueries(db: Database) {
  const aggregateStatements = new Map<string, ReturnType<Database['prepare']>>();
  const latencyStatement = db.prepare<[Record<string, unknown>], UsageLatencyRow>(latencySql);

  return {
    /** Sums of usage per (segment bucket, model, connection), models and connections folded as asked. */
    aggregateUsage(query: UsageAggregateQuery): UsageAggregateRow[] {
      const key = `${query.modelKey}:${query.byConnection}`;
      let statement = aggregateStatements.get(key);
      if (!statement) {
        statement = db.prepare(aggregateSql(query.modelKey, query.byConnection));
        aggregateStatements.set(key, statement);
      }
      const spans = splitSegments(query.segments);
      return statement.all({
        hourSpans: JSON.stringify(spans.hours),
        rowSpans: JSON.stringify(spans.rows),
        connections: jsonList(query.connectionIds),
        models: jsonList(query.models),
        topModels: JSON.stringify(query.topModels ?? []),
      }) as UsageAggregateRow[];
    },

    /** Latency histogram (log buckets, ratio 1.05) of answered calls per model over the segments. */
    usageLatencyHistogram(query: UsageLatencyQuery): UsageLatencyRow[] {
      const spans = splitSegments(query.segments);
      return latencyStatement.all({
        hourSpans: JSON.stringify(spans.hours),
        rowSpans: JSON.stringify(spans.rows),
        connections: jsonList(query.connectionIds),
        models: jsonList(query.models),
      });
    },
  };
}
