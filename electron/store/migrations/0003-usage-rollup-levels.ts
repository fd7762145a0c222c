// Schema version 3: usage rollups at several levels (15 min .. 28 days) keyed by integer ids, so a
// dashboard query reads a few coarse rows for the middle of a range and finer ones only at its edges.
// Frozen once shipped: the expressions below are copied from version 2 on purpose, not imported.
import type { Database } from 'better-sqlite3';

/** Levels (minutes) of usage_rollup and the latency rollups: hour, day, week, 28 and 112 days (each divides the next). */
export const rollupLevelsMinutes = [60, 1440, 10080, 40320, 161280] as const;
/**
 * Levels of the model-only and total-only rollups behind the per-day chart: a local day is never whole
 * UTC days outside UTC, so it is read as one range of hours, and quarter hours where midnight is at :30
 * or :45. (3- and 6-hour levels were tried: 7 seeks a day instead of one range cost more than they saved.)
 */
export const seriesLevelsMinutes = [15, 60, 1440] as const;

const levelList = (levels: readonly number[]) => `'[${levels.join(',')}]'`;
const modelOf = (row: string) => `coalesce(${row}.model_served, ${row}.model_asked)`;
const modelKeyOf = (row: string) => `(SELECT key FROM usage_model_keys WHERE model = ${modelOf(row)})`;
const connectionKeyOf = (row: string) => `(SELECT key FROM usage_connection_keys WHERE connection_id = ${row}.connection_id)`;
const periodOf = (row: string, level: string) => `(${row}.created_at / (${level} * 60000))`;
const bucketOf = (milliseconds: string) => `CAST(floor(ln(max(${milliseconds}, 1.0)) / ln(1.05)) AS INTEGER)`;
const generationKnown = (row: string) =>
  `(${row}.status = 'ok' AND ${row}.ttft_ms IS NOT NULL AND ${row}.total_ms IS NOT NULL AND ${row}.total_ms > ${row}.ttft_ms)`;

const sumColumns = `calls INTEGER NOT NULL,
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
  generation_ms REAL NOT NULL`;

const sumNames = `calls, error_calls, prompt_tokens, completion_tokens, cached_tokens, cache_write_tokens, reasoning_tokens,
  cost_usd, cost_calls, ttft_ms_sum, ttft_calls, total_ms_sum, total_calls, generation_tokens, generation_ms`;

/** One call's contribution to each sum column (sign -1 takes it out again). */
function callValues(row: string): string[] {
  return [
    '1',
    `(${row}.status = 'error')`,
    `${row}.prompt_tokens`,
    `${row}.completion_tokens`,
    `${row}.cached_tokens`,
    `${row}.cache_write_tokens`,
    `${row}.reasoning_tokens`,
    `coalesce(${row}.cost_usd, 0)`,
    `(${row}.cost_usd IS NOT NULL)`,
    `coalesce(${row}.ttft_ms, 0)`,
    `(${row}.ttft_ms IS NOT NULL)`,
    `coalesce(${row}.total_ms, 0)`,
    `(${row}.total_ms IS NOT NULL)`,
    `(CASE WHEN ${generationKnown(row)} THEN ${row}.completion_tokens ELSE 0 END)`,
    `(CASE WHEN ${generationKnown(row)} THEN ${row}.total_ms - ${row}.ttft_ms ELSE 0 END)`,
  ];
}

const sumNameList = sumNames.split(',').map((name) => name.trim());
const addExcluded = sumNameList.map((name) => `${name} = ${name} + excluded.${name}`).join(', ');
const subtractCall = (row: string) =>
  callValues(row)
    .map((value, index) => `${sumNameList[index]} = ${sumNameList[index]} - ${value}`)
    .join(', ');

interface SumsTable {
  name: string;
  /** Key columns with the expression each takes from a usage row (alias u, NEW or OLD). */
  keys: { column: string; value: (row: string) => string }[];
  levels: readonly number[];
}

const level = { column: 'level', value: () => 'l.value' };
const period = { column: 'period', value: (row: string) => periodOf(row, 'l.value') };
const modelKey = { column: 'model_key', value: modelKeyOf };
const connectionKey = { column: 'connection_key', value: connectionKeyOf };

const sumsTables: SumsTable[] = [
  { name: 'usage_rollup', keys: [level, period, modelKey, connectionKey], levels: rollupLevelsMinutes },
  { name: 'usage_model_rollup', keys: [modelKey, level, period], levels: seriesLevelsMinutes },
  { name: 'usage_total_rollup', keys: [level, period], levels: seriesLevelsMinutes },
];

function insertCall(table: SumsTable, row: string): string {
  const columns = table.keys.map((key) => key.column).join(', ');
  return `INSERT INTO ${table.name} (${columns}, ${sumNames})
    SELECT ${table.keys.map((key) => key.value(row)).join(', ')}, ${callValues(row).join(', ')}
    FROM json_each(${levelList(table.levels)}) l WHERE true
    ON CONFLICT (${columns}) DO UPDATE SET ${addExcluded};`;
}

function deleteCall(table: SumsTable, row: string): string {
  // The key of one level's row, for each level at once.
  const where = `level IN (${table.levels.join(', ')}) AND ${table.keys
    .filter((key) => key.column !== 'level')
    .map((key) => `${key.column} = ${key.column === 'period' ? periodOf(row, 'level') : key.value(row)}`)
    .join(' AND ')}`;
  return `UPDATE ${table.name} SET ${subtractCall(row)} WHERE ${where};
    DELETE FROM ${table.name} WHERE calls <= 0 AND ${where};`;
}

function backfill(table: SumsTable): string {
  const columns = table.keys.map((key) => key.column).join(', ');
  const sums = callValues('u')
    .map((value) => `sum(${value})`)
    .join(', ');
  return `INSERT INTO ${table.name} (${columns}, ${sumNames})
    SELECT ${table.keys.map((key) => key.value('u')).join(', ')}, ${sums}
    FROM json_each(${levelList(table.levels)}) l CROSS JOIN usage u
    GROUP BY ${table.keys.map((_, index) => index + 1).join(', ')};`;
}

// The latency histogram per connection (for a key filter) and, without the connection, per model only.
const latencyTables = [
  { name: 'usage_latency_rollup', byConnection: true },
  { name: 'usage_latency_model_rollup', byConnection: false },
] as const;
type LatencyTable = (typeof latencyTables)[number];
const latencyKeys = (table: LatencyTable) => `model_key, metric, level, period, ${table.byConnection ? 'connection_key, ' : ''}bucket`;

function latencyInsert(table: LatencyTable, row: string, metric: 'ttft' | 'total'): string {
  return `INSERT INTO ${table.name} (${latencyKeys(table)}, calls)
    SELECT ${modelKeyOf(row)}, '${metric}', l.value, ${periodOf(row, 'l.value')}, ${table.byConnection ? `${connectionKeyOf(row)}, ` : ''}${bucketOf(`${row}.${metric}_ms`)}, 1
    FROM json_each(${levelList(rollupLevelsMinutes)}) l WHERE ${row}.status = 'ok' AND ${row}.${metric}_ms IS NOT NULL
    ON CONFLICT (${latencyKeys(table)}) DO UPDATE SET calls = calls + 1;`;
}

function latencyDelete(table: LatencyTable, row: string, metric: 'ttft' | 'total'): string {
  const where = `model_key = ${modelKeyOf(row)} AND metric = '${metric}' AND level IN (${rollupLevelsMinutes.join(', ')})
    AND period = ${periodOf(row, 'level')} ${table.byConnection ? `AND connection_key = ${connectionKeyOf(row)}` : ''}
    AND bucket = ${bucketOf(`${row}.${metric}_ms`)} AND ${row}.status = 'ok' AND ${row}.${metric}_ms IS NOT NULL`;
  return `UPDATE ${table.name} SET calls = calls - 1 WHERE ${where};
    DELETE FROM ${table.name} WHERE calls <= 0 AND ${where};`;
}

function latencyBackfill(table: LatencyTable, metric: 'ttft' | 'total'): string {
  return `INSERT INTO ${table.name} (${latencyKeys(table)}, calls)
    SELECT ${modelKeyOf('u')}, '${metric}', l.value, ${periodOf('u', 'l.value')}, ${table.byConnection ? `${connectionKeyOf('u')}, ` : ''}${bucketOf(`u.${metric}_ms`)}, count(*)
    FROM json_each(${levelList(rollupLevelsMinutes)}) l CROSS JOIN usage u
    WHERE u.status = 'ok' AND u.${metric}_ms IS NOT NULL
    GROUP BY ${table.byConnection ? '1, 3, 4, 5, 6' : '1, 3, 4, 5'};`;
}

const eachLatency = (write: (table: LatencyTable, metric: 'ttft' | 'total') => string) =>
  latencyTables.flatMap((table) => (['ttft', 'total'] as const).map((metric) => write(table, metric))).join('\n');

export function updateToSchemaVersion3(db: Database): void {
  db.exec(`
    -- Integer keys for the text a rollup row is grouped by: narrower rows, cheaper grouping.
    -- A key is never reused or deleted (rollup rows keep pointing at it).
    CREATE TABLE usage_model_keys (key INTEGER PRIMARY KEY, model TEXT NOT NULL UNIQUE) STRICT;
    CREATE TABLE usage_connection_keys (key INTEGER PRIMARY KEY, connection_id TEXT NOT NULL UNIQUE) STRICT;

    -- Sums per (level, period, model, connection): level is the period's length in minutes (1 h .. 112 d),
    -- period = created_at / level's ms. A range reads its whole 112-day periods here, then 28 days, weeks,
    -- days and hours towards its edges, and the cut part of an hour from usage.
    CREATE TABLE usage_rollup (
      level INTEGER NOT NULL,
      period INTEGER NOT NULL,
      model_key INTEGER NOT NULL,
      connection_key INTEGER NOT NULL,
      ${sumColumns},
      PRIMARY KEY (level, period, model_key, connection_key)
    ) STRICT, WITHOUT ROWID;

    -- The per-day chart without a key filter: a few models' series (model first, one seek each) and
    -- the totals of all models (the "other" series is the total minus the models shown).
    CREATE TABLE usage_model_rollup (
      model_key INTEGER NOT NULL,
      level INTEGER NOT NULL,
      period INTEGER NOT NULL,
      ${sumColumns},
      PRIMARY KEY (model_key, level, period)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE usage_total_rollup (
      level INTEGER NOT NULL,
      period INTEGER NOT NULL,
      ${sumColumns},
      PRIMARY KEY (level, period)
    ) STRICT, WITHOUT ROWID;

    -- Latency histogram (log buckets, ratio 1.05, as usage_latency_hourly) at the levels of usage_rollup,
    -- per connection (read with a key filter) and per model only (read without: a third of the rows).
    CREATE TABLE usage_latency_rollup (
      model_key INTEGER NOT NULL,
      metric TEXT NOT NULL,
      level INTEGER NOT NULL,
      period INTEGER NOT NULL,
      connection_key INTEGER NOT NULL,
      bucket INTEGER NOT NULL,
      calls INTEGER NOT NULL,
      PRIMARY KEY (model_key, metric, level, period, connection_key, bucket)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE usage_latency_model_rollup (
      model_key INTEGER NOT NULL,
      metric TEXT NOT NULL,
      level INTEGER NOT NULL,
      period INTEGER NOT NULL,
      bucket INTEGER NOT NULL,
      calls INTEGER NOT NULL,
      PRIMARY KEY (model_key, metric, level, period, bucket)
    ) STRICT, WITHOUT ROWID;

    CREATE TRIGGER usage_rollup_levels_insert AFTER INSERT ON usage BEGIN
      INSERT INTO usage_model_keys (model) VALUES (${modelOf('NEW')}) ON CONFLICT DO NOTHING;
      INSERT INTO usage_connection_keys (connection_id) VALUES (NEW.connection_id) ON CONFLICT DO NOTHING;
      ${sumsTables.map((table) => insertCall(table, 'NEW')).join('\n')}
      ${eachLatency((table, metric) => latencyInsert(table, 'NEW', metric))}
    END;

    CREATE TRIGGER usage_rollup_levels_delete AFTER DELETE ON usage BEGIN
      ${sumsTables.map((table) => deleteCall(table, 'OLD')).join('\n')}
      ${eachLatency((table, metric) => latencyDelete(table, 'OLD', metric))}
    END;
  `);
  // Existing history enters the new rollups once, here.
  db.exec(`
    INSERT INTO usage_model_keys (model) SELECT DISTINCT ${modelOf('u')} FROM usage u ORDER BY 1;
    INSERT INTO usage_connection_keys (connection_id) SELECT DISTINCT connection_id FROM usage ORDER BY 1;
    ${sumsTables.map(backfill).join('\n')}
    ${eachLatency(latencyBackfill)}
  `);
}
