// Runs and their responses: writes while a run streams, the run list (with search) and one run's detail.
import type { Database } from 'better-sqlite3';
import type { ResponseRecord, RunDetail, RunParams, RunRecord, RunSummary, RunTarget } from '../../shared/records';
import type { ListRunsQuery } from './store-types';
import { toFtsMatchExpression } from './fts-query';
import { fromResponseRow, toResponseRow, type ResponseRow } from './response-row';
import { promptHeadLength, toRunSummary, type RunSummaryRow } from './run-summary';

interface RunRow {
  id: string;
  created_at: number;
  params: string;
  targets: string;
  system_prompt: string | null;
  prompt: string;
}

const responseColumns = [
  'id', 'run_id', 'target_index', 'status', 'incomplete', 'connection_id', 'model_asked', 'model_served',
  'provider_served', 'finish_reason', 'prompt_tokens', 'completion_tokens', 'cached_tokens', 'cache_write_tokens',
  'reasoning_tokens', 'cost_usd', 'cost_source', 'ttft_ms', 'total_ms', 'tokens_per_second', 'error', 'attempts',
  'tool_calls', 'reasoning', 'text',
] as const satisfies readonly (keyof ResponseRow)[];

// A response never moves to another run, so run_id is not updated (the search trigger relies on it).
const upsertResponseSql = `
  INSERT INTO responses (${responseColumns.join(', ')})
  VALUES (${responseColumns.map((column) => `@${column}`).join(', ')})
  ON CONFLICT (id) DO UPDATE SET
  ${responseColumns
    .filter((column) => column !== 'id' && column !== 'run_id')
    .map((column) => `${column} = excluded.${column}`)
    .join(', ')}`;

// Aggregates are computed for the page's rows only, after the LIMIT.
function summarySql(pageSql: string): string {
  return `
    WITH page AS MATERIALIZED (${pageSql})
    SELECT page.id, page.created_at, page.targets, page.prompt_head,
      (SELECT sum(cost_usd) FROM responses WHERE run_id = page.id) AS total_cost_usd,
      (SELECT count(*) FROM responses WHERE run_id = page.id AND status = 'error') AS error_count,
      EXISTS (SELECT 1 FROM responses WHERE run_id = page.id AND status IN ('pending', 'streaming')) AS running
    FROM page
    ORDER BY page.seq DESC`;
}

// Year 2255: far past any real timestamp, yet small enough that seq (created_at * 1000) stays an exact integer.
const latestCreatedAt = 9_000_000_000_000;

const pageColumns = `runs.seq, runs.id, runs.created_at, runs.targets, substr(runs.prompt, 1, ${promptHeadLength + 1}) AS prompt_head`;

export function createRunsRepository(db: Database) {
  const insertRunStatement = db.prepare<[Record<string, unknown>]>(`
    INSERT INTO runs (seq, id, created_at, params, targets, system_prompt, prompt)
    VALUES (
      (SELECT coalesce(max(seq) + 1, @created_at * 1000) FROM runs
        WHERE seq >= @created_at * 1000 AND seq < (@created_at + 1) * 1000),
      @id, @created_at, @params, @targets, @system_prompt, @prompt)`);
  const upsertResponseStatement = db.prepare<[ResponseRow]>(upsertResponseSql);
  const selectRunStatement = db.prepare<[string], RunRow>(
    'SELECT id, created_at, params, targets, system_prompt, prompt FROM runs WHERE id = ?',
  );
  const selectResponsesStatement = db.prepare<[string], ResponseRow>(
    `SELECT ${responseColumns.join(', ')} FROM responses WHERE run_id = ? ORDER BY target_index, id`,
  );
  // seq order is created_at order (see the runs table), so both lists walk a rowid b-tree newest first
  // and stop after the page: no sort, whatever the number of runs or matches.
  const listRecentStatement = db.prepare<[{ before: number; limit: number }], RunSummaryRow>(
    summarySql(`
      SELECT ${pageColumns} FROM runs
      WHERE runs.seq < @before * 1000
      ORDER BY runs.seq DESC
      LIMIT @limit`),
  );
  const listMatchingStatement = db.prepare<[{ match: string; before: number; limit: number }], RunSummaryRow>(
    summarySql(`
      SELECT ${pageColumns}
      FROM (
        SELECT rowid FROM run_search
        WHERE run_search MATCH @match AND rowid < @before * 1000
        ORDER BY rowid DESC
        LIMIT @limit
      ) AS hits
      CROSS JOIN runs ON runs.seq = hits.rowid`),
  );
  const markInterruptedStatement = db.prepare(`
    UPDATE responses SET status = 'stopped', incomplete = 1 WHERE status IN ('pending', 'streaming')`);

  // One read transaction, so the run and its responses come from the same snapshot even while another
  // process (the CLI, the web host) writes to the file.
  const readRun = db.transaction((runId: string): RunDetail | undefined => {
    const row = selectRunStatement.get(runId);
    if (row === undefined) return undefined;
    const run: RunRecord = {
      id: row.id,
      prompt: row.prompt,
      systemPrompt: row.system_prompt,
      params: JSON.parse(row.params) as RunParams,
      targets: JSON.parse(row.targets) as RunTarget[],
      createdAt: row.created_at,
    };
    return { run, responses: selectResponsesStatement.all(runId).map(fromResponseRow) };
  });

  return {
    insertRun(run: RunRecord): void {
      insertRunStatement.run({
        id: run.id,
        created_at: run.createdAt,
        params: JSON.stringify(run.params),
        targets: JSON.stringify(run.targets),
        system_prompt: run.systemPrompt,
        prompt: run.prompt,
      });
    },

    saveResponse(response: ResponseRecord): void {
      upsertResponseStatement.run(toResponseRow(response));
    },

    getRun(runId: string): RunDetail | undefined {
      return readRun(runId);
    },

    listRuns(query: ListRunsQuery): RunSummary[] {
      const limit = Number.isFinite(query.limit) ? Math.max(0, Math.floor(query.limit)) : 0;
      const before = Math.min(query.beforeCreatedAt ?? latestCreatedAt, latestCreatedAt);
      const match = query.search === undefined ? null : toFtsMatchExpression(query.search);
      const rows =
        match === null
          ? listRecentStatement.all({ before, limit })
          : listMatchingStatement.all({ match, before, limit });
      return rows.map(toRunSummary);
    },

    markInterruptedResponses(): number {
      return markInterruptedStatement.run().changes;
    },
  };
}
