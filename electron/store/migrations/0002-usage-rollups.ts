// Schema version 2: hourly usage rollups (spend dashboard at a million calls), a latency histogram
// for percentiles, and spend budgets. Frozen once shipped.
import type { Database } from 'better-sqlite3';

/**
 * Latency buckets are log-spaced with ratio 1.05: bucket b holds [1.05^b, 1.05^(b+1)) ms, so a
 * percentile read from the histogram is within 2.5% of the exact value. Shared with the query code.
 */
export const latencyBucketRatio = 1.05;

// The model a call is charged to: the one that answered, else the one asked (failed calls).
const modelOf = (row: string) => `coalesce(${row}.model_served, ${row}.model_asked)`;
const hourOf = (row: string) => `(${row}.created_at / 3600000)`;
const bucketOf = (milliseconds: string) => `CAST(floor(ln(max(${milliseconds}, 1.0)) / ln(${latencyBucketRatio})) AS INTEGER)`;

// Generation time for tokens/s: after the first token, only for answered calls with both times.
const generationKnown = (row: string) =>
  `(${row}.status = 'ok' AND ${row}.ttft_ms IS NOT NULL AND ${row}.total_ms IS NOT NULL AND ${row}.total_ms > ${row}.ttft_ms)`;

function rollupValues(row: string): string {
  return `${hourOf(row)}, ${modelOf(row)}, ${row}.connection_id, 1,
    ${row}.status = 'error', ${row}.prompt_tokens, ${row}.completion_tokens, ${row}.cached_tokens,
    ${row}.cache_write_tokens, ${row}.reasoning_tokens, coalesce(${row}.cost_usd, 0), ${row}.cost_usd IS NOT NULL,
    coalesce(${row}.ttft_ms, 0), ${row}.ttft_ms IS NOT NULL, coalesce(${row}.total_ms, 0), ${row}.total_ms IS NOT NULL,
    CASE WHEN ${generationKnown(row)} THEN ${row}.completion_tokens ELSE 0 END,
    CASE WHEN ${generationKnown(row)} THEN ${row}.total_ms - ${row}.ttft_ms ELSE 0 END`;
}

const rollupColumns = `hour, model, connection_id, calls, error_calls, prompt_tokens, completion_tokens, cached_tokens,
  cache_write_tokens, reasoning_tokens, cost_usd, cost_calls, ttft_ms_sum, ttft_calls, total_ms_sum, total_calls,
  generation_tokens, generation_ms`;

const rollupUpsert = `ON CONFLICT (hour, model, connection_id) DO UPDATE SET
  calls = calls + excluded.calls, error_calls = error_calls + excluded.error_calls,
  prompt_tokens = prompt_tokens + excluded.prompt_tokens, completion_tokens = completion_tokens + excluded.completion_tokens,
  cached_tokens = cached_tokens + excluded.cached_tokens, cache_write_tokens = cache_write_tokens + excluded.cache_write_tokens,
  reasoning_tokens = reasoning_tokens + excluded.reasoning_tokens, cost_usd = cost_usd + excluded.cost_usd,
  cost_calls = cost_calls + excluded.cost_calls, ttft_ms_sum = ttft_ms_sum + excluded.ttft_ms_sum,
  ttft_calls = ttft_calls + excluded.ttft_calls, total_ms_sum = total_ms_sum + excluded.total_ms_sum,
  total_calls = total_calls + excluded.total_calls, generation_tokens = generation_tokens + excluded.generation_tokens,
  generation_ms = generation_ms + excluded.generation_ms`;

function latencyInsert(row: string, column: 'ttft' | 'total'): string {
  const value = `${row}.${column}_ms`;
  return `INSERT INTO usage_latency_hourly (hour, model, connection_id, metric, bucket, calls)
    SELECT ${hourOf(row)}, ${modelOf(row)}, ${row}.connection_id, '${column}', ${bucketOf(value)}, 1
    WHERE ${value} IS NOT NULL AND ${row}.status = 'ok'
    ON CONFLICT (model, metric, hour, connection_id, bucket) DO UPDATE SET calls = calls + 1;`;
}

export function updateToSchemaVersion2(db: Database): void {
  db.exec(`
    -- One row per (UTC hour, model, connection): sums of every usage column, kept exact by a trigger in
    -- the inserting transaction. Hours (not days) so any time zone's local days can be rebuilt from it:
    -- whole hours come from here, the parts of an hour cut by a local midnight (half-hour zones) from usage.
    -- cost_usd sums the known costs only; calls - cost_calls is how many had no known cost.
    CREATE TABLE usage_hourly (
      hour INTEGER NOT NULL,
      model TEXT NOT NULL,
      connection_id TEXT NOT NULL,
      calls INTEGER NOT NULL,
      error_calls INTEGER NOT NULL,
      prompt_tokens INTEGER NOT NULL,
      completion_tokens INTEGER NOT NULL,
      cached_tokens INTEGER NOT NULL,
      cache_write_tokens INTEGER NOT NULL,
      reasoning_tokens INTEGER NOT NULL,
      cost_usd REAL NOT NULL,
      cost_calls INTEGER NOT NULL,
      ttft_ms_sum REAL NOT NULL,
      ttft_calls INTEGER NOT NULL,
      total_ms_sum REAL NOT NULL,
      total_calls INTEGER NOT NULL,
      generation_tokens INTEGER NOT NULL,
      generation_ms REAL NOT NULL,
      PRIMARY KEY (hour, model, connection_id)
    ) STRICT, WITHOUT ROWID;

    -- Latency histogram of answered calls per (UTC hour, model, connection), log buckets (ratio 1.05).
    -- Model first: percentiles are read for a few models at a time (the chart shows the top ones).
    CREATE TABLE usage_latency_hourly (
      hour INTEGER NOT NULL,
      model TEXT NOT NULL,
      connection_id TEXT NOT NULL,
      metric TEXT NOT NULL,
      bucket INTEGER NOT NULL,
      calls INTEGER NOT NULL,
      PRIMARY KEY (model, metric, hour, connection_id, bucket)
    ) STRICT, WITHOUT ROWID;

    -- Optional spend limits. scope is a connection id, or '*' for all connections together.
    -- Days and months are counted in time_zone (the user's zone when the budget was set).
    CREATE TABLE budgets (
      scope TEXT NOT NULL,
      period TEXT NOT NULL,
      limit_usd REAL NOT NULL CHECK (limit_usd > 0),
      time_zone TEXT NOT NULL,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (scope, period)
    ) STRICT;

    CREATE TRIGGER usage_rollup_insert AFTER INSERT ON usage BEGIN
      INSERT INTO usage_hourly (${rollupColumns}) SELECT ${rollupValues('NEW')} WHERE true ${rollupUpsert};
      ${latencyInsert('NEW', 'ttft')}
      ${latencyInsert('NEW', 'total')}
    END;

    -- Usage rows are history: they are never updated. Should one be deleted, its share leaves the rollups.
    CREATE TRIGGER usage_rollup_delete AFTER DELETE ON usage BEGIN
      UPDATE usage_hourly SET
        calls = calls - 1, error_calls = error_calls - (OLD.status = 'error'),
        prompt_tokens = prompt_tokens - OLD.prompt_tokens, completion_tokens = completion_tokens - OLD.completion_tokens,
        cached_tokens = cached_tokens - OLD.cached_tokens, cache_write_tokens = cache_write_tokens - OLD.cache_write_tokens,
        reasoning_tokens = reasoning_tokens - OLD.reasoning_tokens, cost_usd = cost_usd - coalesce(OLD.cost_usd, 0),
        cost_calls = cost_calls - (OLD.cost_usd IS NOT NULL), ttft_ms_sum = ttft_ms_sum - coalesce(OLD.ttft_ms, 0),
        ttft_calls = ttft_calls - (OLD.ttft_ms IS NOT NULL), total_ms_sum = total_ms_sum - coalesce(OLD.total_ms, 0),
        total_calls = total_calls - (OLD.total_ms IS NOT NULL),
        generation_tokens = generation_tokens - CASE WHEN ${generationKnown('OLD')} THEN OLD.completion_tokens ELSE 0 END,
        generation_ms = generation_ms - CASE WHEN ${generationKnown('OLD')} THEN OLD.total_ms - OLD.ttft_ms ELSE 0 END
      WHERE hour = ${hourOf('OLD')} AND model = ${modelOf('OLD')} AND connection_id = OLD.connection_id;
      DELETE FROM usage_hourly WHERE hour = ${hourOf('OLD')} AND model = ${modelOf('OLD')} AND connection_id = OLD.connection_id AND calls <= 0;
      UPDATE usage_latency_hourly SET calls = calls - 1
        WHERE OLD.status = 'ok' AND hour = ${hourOf('OLD')} AND model = ${modelOf('OLD')} AND connection_id = OLD.connection_id
          AND ((metric = 'ttft' AND OLD.ttft_ms IS NOT NULL AND bucket = ${bucketOf('OLD.ttft_ms')})
            OR (metric = 'total' AND OLD.total_ms IS NOT NULL AND bucket = ${bucketOf('OLD.total_ms')}));
      DELETE FROM usage_latency_hourly WHERE calls <= 0 AND hour = ${hourOf('OLD')} AND model = ${modelOf('OLD')} AND connection_id = OLD.connection_id;
    END;

    -- Cut hours (half-hour zones, range edges) are read from usage by time; usage_by_created_at serves them.
  `);
  // Existing history enters the rollups once, here.
  db.exec(`
    INSERT INTO usage_hourly (${rollupColumns})
      SELECT ${hourOf('u')}, ${modelOf('u')}, u.connection_id, count(*), sum(u.status = 'error'), sum(u.prompt_tokens),
        sum(u.completion_tokens), sum(u.cached_tokens), sum(u.cache_write_tokens), sum(u.reasoning_tokens),
        coalesce(sum(u.cost_usd), 0), count(u.cost_usd), coalesce(sum(u.ttft_ms), 0), count(u.ttft_ms),
        coalesce(sum(u.total_ms), 0), count(u.total_ms),
        sum(CASE WHEN ${generationKnown('u')} THEN u.completion_tokens ELSE 0 END),
        sum(CASE WHEN ${generationKnown('u')} THEN u.total_ms - u.ttft_ms ELSE 0 END)
      FROM usage u GROUP BY 1, 2, 3;
    INSERT INTO usage_latency_hourly (hour, model, connection_id, metric, bucket, calls)
      SELECT ${hourOf('u')}, ${modelOf('u')}, u.connection_id, 'ttft', ${bucketOf('u.ttft_ms')}, count(*)
      FROM usage u WHERE u.status = 'ok' AND u.ttft_ms IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
    INSERT INTO usage_latency_hourly (hour, model, connection_id, metric, bucket, calls)
      SELECT ${hourOf('u')}, ${modelOf('u')}, u.connection_id, 'total', ${bucketOf('u.total_ms')}, count(*)
      FROM usage u WHERE u.status = 'ok' AND u.total_ms IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
  `);
}
