// Dashboard aggregates over usage, exact for any time zone: whole periods from the rollups of schema
// version 3 (112 days down to quarter hours, integer model and connection keys), and the cut part of a
// finest period (a range edge off the quarter hour) from the usage rows themselves. Segments say which
// bucket (e.g. local day) a time span belongs to.
import type { Database } from 'better-sqlite3';
import { latencyBucketRatio } from './migrations/0002-usage-rollups';
import { rollupLevelsMinutes, seriesLevelsMinutes } from './migrations/0003-usage-rollup-levels';
import { splitIntoLevels } from './usage-rollup-levels';
import type { UsageAggregateQuery, UsageAggregateRow, UsageLatencyQuery, UsageLatencyRow, UsageSegment } from './store-types';

interface SpanLists {
  /** [bucket, firstHour, endHour): whole hours. */
  hours: [number, number, number][];
  /** [bucket, startMs, endMs): parts of hours. */
  rows: [number, number, number][];
}

/** Splits each segment into whole hours and the cut parts of the hours at its ends. */
export function splitSegments(segments: readonly UsageSegment[]): SpanLists {
  const spans = splitIntoLevels(segments, [60]);
  return { hours: spans.periods.map(([bucket, , first, end]) => [bucket, first, end]), rows: spans.rows };
}

const sumNames = [
  ['calls', 'calls'],
  ['error_calls', 'errorCalls'],
  ['prompt_tokens', 'promptTokens'],
  ['completion_tokens', 'completionTokens'],
  ['cached_tokens', 'cachedTokens'],
  ['cache_write_tokens', 'cacheWriteTokens'],
  ['reasoning_tokens', 'reasoningTokens'],
  ['cost_usd', 'costUsd'],
  ['cost_calls', 'costCalls'],
  ['ttft_ms_sum', 'ttftMsSum'],
  ['ttft_calls', 'ttftCalls'],
  ['total_ms_sum', 'totalMsSum'],
  ['total_calls', 'totalCalls'],
  ['generation_tokens', 'generationTokens'],
  ['generation_ms', 'generationMs'],
] as const;
type SumName = (typeof sumNames)[number][1];

const columnsOf = (alias: string) => sumNames.map(([column]) => `${alias}.${column}`).join(', ');
const summed = sumNames.map(([column, name]) => `sum(${column}) AS ${name}`).join(', ');

const rowModel = 'coalesce(u.model_served, u.model_asked)';
const generationKnown = `(u.status = 'ok' AND u.ttft_ms IS NOT NULL AND u.total_ms IS NOT NULL AND u.total_ms > u.ttft_ms)`;
const latencyBucket = (milliseconds: string) => `CAST(floor(ln(max(${milliseconds}, 1.0)) / ln(${latencyBucketRatio})) AS INTEGER)`;
const rowModelKey = `(SELECT key FROM usage_model_keys WHERE model = ${rowModel})`;
const rowConnectionKey = '(SELECT key FROM usage_connection_keys WHERE connection_id = u.connection_id)';
const rowSums = `1, u.status = 'error', u.prompt_tokens, u.completion_tokens, u.cached_tokens, u.cache_write_tokens,
  u.reasoning_tokens, coalesce(u.cost_usd, 0), u.cost_usd IS NOT NULL, coalesce(u.ttft_ms, 0), u.ttft_ms IS NOT NULL,
  coalesce(u.total_ms, 0), u.total_ms IS NOT NULL, CASE WHEN ${generationKnown} THEN u.completion_tokens ELSE 0 END,
  CASE WHEN ${generationKnown} THEN u.total_ms - u.ttft_ms ELSE 0 END`;

// The span lists and key lists are materialized (else SQLite re-reads the JSON for every row compared),
// and CROSS JOIN keeps them outside, so each span is one range seek on a rollup's primary key.
const commonTables = `
  period_spans (bucket, level, first_period, end_period) AS MATERIALIZED
    (SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(@periodSpans)),
  row_spans (bucket, start_ms, end_ms) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(@rowSpans)),
  model_filter (key) AS MATERIALIZED (SELECT key FROM usage_model_keys WHERE model IN (SELECT value FROM json_each(@models))),
  connection_filter (key) AS MATERIALIZED
    (SELECT key FROM usage_connection_keys WHERE connection_id IN (SELECT value FROM json_each(@connections))),
  top_models (key) AS MATERIALIZED (SELECT key FROM usage_model_keys WHERE model IN (SELECT value FROM json_each(@topModels)))`;

// Cut parts are read by time: INDEXED BY stops the planner from building an automatic index on status.
const rowParts = `
  SELECT s.bucket, ${rowModelKey}, ${rowConnectionKey}, ${rowSums}
  FROM row_spans s CROSS JOIN usage u INDEXED BY usage_by_created_at
  WHERE u.created_at >= s.start_ms AND u.created_at < s.end_ms
    AND (@connections IS NULL OR u.connection_id IN (SELECT value FROM json_each(@connections)))
    AND (@models IS NULL OR ${rowModel} IN (SELECT value FROM json_each(@models)))`;

function modelKeyExpression(modelKey: UsageAggregateQuery['modelKey']): string {
  if (modelKey === 'each') return 'model_key';
  return modelKey === 'top' ? 'CASE WHEN model_key IN (SELECT key FROM top_models) THEN model_key END' : 'NULL';
}

/** Grouped parts with their keys turned back into names. */
const named = (grouped: string) => `
  SELECT g.bucket, m.model AS model, c.connection_id AS connectionId, ${sumNames.map(([, name]) => `g.${name}`).join(', ')}
  FROM (${grouped}) g LEFT JOIN usage_model_keys m ON m.key = g.model_key LEFT JOIN usage_connection_keys c ON c.key = g.connection_key`;

function aggregateSql(modelKey: UsageAggregateQuery['modelKey'], byConnection: boolean): string {
  return `WITH ${commonTables},
  parts (bucket, model_key, connection_key, ${sumNames.map(([column]) => column).join(', ')}) AS (
    SELECT s.bucket, r.model_key, r.connection_key, ${columnsOf('r')}
    FROM period_spans s CROSS JOIN usage_rollup r
    WHERE r.level = s.level AND r.period >= s.first_period AND r.period < s.end_period
      AND (@connections IS NULL OR r.connection_key IN (SELECT key FROM connection_filter))
      AND (@models IS NULL OR r.model_key IN (SELECT key FROM model_filter))
    UNION ALL ${rowParts}
  )
  ${named(`SELECT bucket, ${modelKeyExpression(modelKey)} AS model_key, ${byConnection ? 'connection_key' : 'NULL'} AS connection_key, ${summed}
    FROM parts GROUP BY 1, 2, 3`)}`;
}

// Without a key filter or a per-connection split, per-bucket sums come from the model-only rollup (the
// few models asked for, one seek each) and the total-only rollup: a day chart reads about one row per
// hour per model shown instead of one per hour, model and connection.
const seriesModelSql = `WITH ${commonTables},
  chosen (key) AS MATERIALIZED (SELECT key FROM model_filter WHERE @models IS NOT NULL UNION SELECT key FROM top_models WHERE @models IS NULL),
  parts AS (
    SELECT s.bucket, r.model_key, ${columnsOf('r')}
    FROM chosen k CROSS JOIN period_spans s CROSS JOIN usage_model_rollup r
    WHERE r.model_key = k.key AND r.level = s.level AND r.period >= s.first_period AND r.period < s.end_period
  )
  ${named(`SELECT bucket, model_key, NULL AS connection_key, ${summed} FROM parts GROUP BY 1, 2`)}`;

const seriesTotalSql = `WITH ${commonTables}
  SELECT s.bucket, NULL AS model, NULL AS connectionId, ${summed.replaceAll('sum(', 'sum(r.')}
  FROM period_spans s CROSS JOIN usage_total_rollup r
  WHERE r.level = s.level AND r.period >= s.first_period AND r.period < s.end_period
  GROUP BY 1`;

const seriesRowSql = (modelKey: UsageAggregateQuery['modelKey']) => `WITH ${commonTables},
  parts (bucket, model_key, connection_key, ${sumNames.map(([column]) => column).join(', ')}) AS (${rowParts})
  ${named(`SELECT bucket, ${modelKeyExpression(modelKey)} AS model_key, NULL AS connection_key, ${summed} FROM parts GROUP BY 1, 2`)}`;

// Percentiles are read for a given few models: one seek per (model, metric, span) on the primary key,
// in the model-only histogram unless a key filter needs the per-connection one.
const latencySql = (byConnection: boolean) => `WITH ${commonTables},
  chosen (key) AS MATERIALIZED (SELECT key FROM usage_model_keys WHERE model IN (SELECT value FROM json_each(@latencyModels))),
  metrics (metric) AS (VALUES ('ttft'), ('total')),
  parts AS (
    SELECT l.model_key, l.metric, l.bucket, l.calls
    FROM chosen m CROSS JOIN metrics k CROSS JOIN period_spans s CROSS JOIN ${byConnection ? 'usage_latency_rollup' : 'usage_latency_model_rollup'} l
    WHERE l.model_key = m.key AND l.metric = k.metric AND l.level = s.level AND l.period >= s.first_period AND l.period < s.end_period
      ${byConnection ? 'AND l.connection_key IN (SELECT key FROM connection_filter)' : ''}
    UNION ALL
    SELECT ${rowModelKey}, 'ttft', ${latencyBucket('u.ttft_ms')}, 1
    FROM row_spans s CROSS JOIN usage u INDEXED BY usage_by_created_at
    WHERE u.created_at >= s.start_ms AND u.created_at < s.end_ms AND u.status = 'ok' AND u.ttft_ms IS NOT NULL
      AND ${rowModel} IN (SELECT value FROM json_each(@latencyModels))
      AND (@connections IS NULL OR u.connection_id IN (SELECT value FROM json_each(@connections)))
    UNION ALL
    SELECT ${rowModelKey}, 'total', ${latencyBucket('u.total_ms')}, 1
    FROM row_spans s CROSS JOIN usage u INDEXED BY usage_by_created_at
    WHERE u.created_at >= s.start_ms AND u.created_at < s.end_ms AND u.status = 'ok' AND u.total_ms IS NOT NULL
      AND ${rowModel} IN (SELECT value FROM json_each(@latencyModels))
      AND (@connections IS NULL OR u.connection_id IN (SELECT value FROM json_each(@connections)))
  )
  SELECT m.model AS model, g.metric, g.bucket, g.calls
  FROM (SELECT model_key, metric, bucket, sum(calls) AS calls FROM parts GROUP BY 1, 2, 3) g JOIN usage_model_keys m ON m.key = g.model_key
  ORDER BY 1, 2, 3`;

const jsonList = (values: readonly string[] | undefined): string | null => (values === undefined ? null : JSON.stringify(values));

function parameters(query: { segments: readonly UsageSegment[]; connectionIds?: string[]; models?: string[]; topModels?: string[] }, levels: readonly number[]) {
  const spans = splitIntoLevels(query.segments, levels);
  return {
    periodSpans: JSON.stringify(spans.periods),
    rowSpans: JSON.stringify(spans.rows),
    connections: jsonList(query.connectionIds),
    models: jsonList(query.models),
    topModels: JSON.stringify(query.topModels ?? []),
  };
}

const sumKeys = sumNames.map(([, name]) => name);
// Sums that only count calls with a value: zero when no call has one, so a subtraction leaves no dust.
const countedBy: Partial<Record<SumName, SumName>> = { costUsd: 'costCalls', ttftMsSum: 'ttftCalls', totalMsSum: 'totalCalls' };

/** total - shown, per bucket: the "other models" rows. Counts are exact; float sums are exact to rounding. */
function remainders(totals: UsageAggregateRow[], shown: UsageAggregateRow[]): UsageAggregateRow[] {
  const byBucket = new Map(totals.map((row) => [row.bucket, { ...row }]));
  for (const row of shown) {
    const rest = byBucket.get(row.bucket);
    if (!rest) continue;
    for (const key of sumKeys) rest[key] -= row[key];
  }
  const result: UsageAggregateRow[] = [];
  for (const rest of byBucket.values()) {
    if (rest.calls <= 0) continue;
    for (const [sum, count] of Object.entries(countedBy) as [SumName, SumName][]) if (rest[count] === 0) rest[sum] = 0;
    result.push(rest);
  }
  return result;
}

export function createUsageReportQueries(db: Database) {
  const statements = new Map<string, ReturnType<Database['prepare']>>();
  const statement = (key: string, sql: () => string) => {
    let prepared = statements.get(key);
    if (!prepared) statements.set(key, (prepared = db.prepare(sql())));
    return prepared;
  };

  /** Per bucket, models folded ('top' or 'none'), without a key filter or split: model-only and total-only rollups. */
  function seriesAggregate(query: UsageAggregateQuery): UsageAggregateRow[] {
    const values = parameters(query, seriesLevelsMinutes);
    const rows = statement(`series-rows:${query.modelKey}`, () => seriesRowSql(query.modelKey)).all(values) as UsageAggregateRow[];
    const fold = (model: string | null) => (query.modelKey === 'top' && model !== null && query.topModels?.includes(model) ? model : null);
    let rollupRows: UsageAggregateRow[];
    // A model filter is a few models: read each; else the models shown, and the rest as total minus them.
    if (query.models !== undefined) {
      rollupRows = (statement('series-models', () => seriesModelSql).all(values) as UsageAggregateRow[]).map((row) => ({ ...row, model: fold(row.model) }));
    } else {
      const totals = statement('series-totals', () => seriesTotalSql).all(values) as UsageAggregateRow[];
      const shown = query.modelKey === 'top' ? (statement('series-models', () => seriesModelSql).all(values) as UsageAggregateRow[]) : [];
      rollupRows = [...shown, ...remainders(totals, shown)];
    }
    // Merge rows that share (bucket, model) after folding.
    const merged = new Map<string, UsageAggregateRow>();
    for (const row of [...rollupRows, ...rows]) {
      const key = `${row.bucket}\u0000${row.model ?? ''}\u0000${row.model === null ? 0 : 1}`;
      const existing = merged.get(key);
      if (!existing) merged.set(key, { ...row, connectionId: null });
      else for (const name of sumKeys) existing[name] += row[name];
    }
    return [...merged.values()];
  }

  return {
    /** Sums of usage per (segment bucket, model, connection), models and connections folded as asked. */
    aggregateUsage(query: UsageAggregateQuery): UsageAggregateRow[] {
      if (!query.byConnection && query.connectionIds === undefined && query.modelKey !== 'each') return seriesAggregate(query);
      return statement(`aggregate:${query.modelKey}:${query.byConnection}`, () => aggregateSql(query.modelKey, query.byConnection)).all(
        parameters(query, rollupLevelsMinutes),
      ) as UsageAggregateRow[];
    },

    /** Latency histogram (log buckets, ratio 1.05) of answered calls per model over the segments. */
    usageLatencyHistogram(query: UsageLatencyQuery): UsageLatencyRow[] {
      const byConnection = query.connectionIds !== undefined;
      return statement(`latency:${byConnection}`, () => latencySql(byConnection)).all({
        ...parameters({ segments: query.segments, connectionIds: query.connectionIds }, rollupLevelsMinutes),
        latencyModels: JSON.stringify(query.models),
      }) as UsageLatencyRow[];
    },
  };
}
