// Schema version 1: connections, secrets, runs, responses, usage and the search index.
// Frozen once shipped: later changes go in a new numbered file, never here.
import type { Database } from 'better-sqlite3';

// Statuses after which a response's text no longer changes.
const finalStatuses = `('done', 'error', 'stopped')`;

// A run's search document is written when the run settles: when a response finishes and none of the
// run's responses is pending or streaming any more. The many saves of a streaming response never touch
// the index, and each run is tokenized about once (writing it at insert and again at the end cost 2.5x).
function runIsSettled(runIdExpression: string): string {
  return `NOT EXISTS (SELECT 1 FROM responses
    WHERE responses.run_id = ${runIdExpression} AND responses.status IN ('pending', 'streaming'))`;
}

// Replaces one run's document (prompt + final answer texts). The index is contentless, so a document
// is replaced by deleting its rowid (a no-op when absent) and inserting it again.
function reindexRun(runIdExpression: string): string {
  return `
    DELETE FROM run_search WHERE rowid = (SELECT seq FROM runs WHERE id = ${runIdExpression});
    INSERT INTO run_search (rowid, prompt, answers)
      SELECT runs.seq, runs.prompt,
        (SELECT coalesce(group_concat(responses.text, char(10)), '') FROM responses
          WHERE responses.run_id = runs.id AND responses.status IN ${finalStatuses})
      FROM runs WHERE runs.id = ${runIdExpression} AND ${runIsSettled('runs.id')};`;
}

export function updateToSchemaVersion1(db: Database): void {
  db.exec(`
    CREATE TABLE connections (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      label TEXT NOT NULL,
      base_url TEXT NOT NULL,
      secret_ref TEXT,
      key_hint TEXT,
      created_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE secrets (
      ref TEXT PRIMARY KEY,
      ciphertext BLOB NOT NULL
    ) STRICT;

    -- seq = created_at * 1000 + n (n counts runs created in the same millisecond). As the rowid it makes
    -- the table itself the created_at index, and the search index (keyed by the same rowid) returns the
    -- newest matches first without sorting every match. Explicit, because VACUUM may renumber implicit rowids.
    -- Small columns come first and the prompt last, so reading them never touches the prompt's overflow pages.
    CREATE TABLE runs (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      created_at INTEGER NOT NULL,
      params TEXT NOT NULL,
      targets TEXT NOT NULL,
      system_prompt TEXT,
      prompt TEXT NOT NULL,
      CHECK (seq >= created_at * 1000 AND seq < (created_at + 1) * 1000)
    ) STRICT;

    -- Enum-like columns (status, cost_source, kind) carry no CHECK: SQLite can only change a CHECK by
    -- rebuilding the table, and TypeScript already constrains them. Durations are REAL (monotonic clock).
    -- connection_id has no foreign key on purpose: deleting a connection keeps its history.
    -- Token columns are all NULL together when the provider reported no usage; cost_usd NULL means unknown.
    CREATE TABLE responses (
      id TEXT PRIMARY KEY,
      run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      target_index INTEGER NOT NULL,
      status TEXT NOT NULL,
      incomplete INTEGER NOT NULL CHECK (incomplete IN (0, 1)),
      connection_id TEXT NOT NULL,
      model_asked TEXT NOT NULL,
      model_served TEXT,
      provider_served TEXT,
      finish_reason TEXT,
      prompt_tokens INTEGER,
      completion_tokens INTEGER,
      cached_tokens INTEGER,
      cache_write_tokens INTEGER,
      reasoning_tokens INTEGER,
      cost_usd REAL,
      cost_source TEXT NOT NULL,
      ttft_ms REAL,
      total_ms REAL,
      tokens_per_second REAL,
      error TEXT,
      attempts TEXT NOT NULL,
      tool_calls TEXT NOT NULL,
      reasoning TEXT NOT NULL,
      text TEXT NOT NULL
    ) STRICT;
    CREATE INDEX responses_by_run ON responses (run_id, target_index);
    -- Tiny (almost every response is final): serves the 'running' flag and crash recovery.
    CREATE INDEX responses_unfinished ON responses (run_id) WHERE status IN ('pending', 'streaming');

    -- Spend history, one row per provider call. No foreign keys: usage outlives deleted runs and connections.
    CREATE TABLE usage (
      id INTEGER PRIMARY KEY,
      created_at INTEGER NOT NULL,
      connection_id TEXT NOT NULL,
      response_id TEXT,
      model_asked TEXT NOT NULL,
      model_served TEXT,
      provider TEXT,
      prompt_tokens INTEGER NOT NULL,
      completion_tokens INTEGER NOT NULL,
      cached_tokens INTEGER NOT NULL,
      cache_write_tokens INTEGER NOT NULL,
      reasoning_tokens INTEGER NOT NULL,
      cost_usd REAL,
      cost_source TEXT NOT NULL,
      status TEXT NOT NULL,
      error_kind TEXT,
      ttft_ms REAL,
      total_ms REAL
    ) STRICT;
    CREATE INDEX usage_by_created_at ON usage (created_at);
    CREATE INDEX usage_by_model_served ON usage (model_served, created_at);
    CREATE INDEX usage_by_connection ON usage (connection_id, created_at);

    -- One document per settled run (rowid = runs.seq): its prompt and its final answers. Contentless, so
    -- the text is stored once (in runs and responses); contentless_delete lets a document be replaced.
    -- prefix = '3' indexes 3-character prefixes: searching as you type ("typ*") reads one list instead of
    -- merging the lists of every word that starts so (25 ms at 20k runs without it, 0.2 ms with it).
    CREATE VIRTUAL TABLE run_search USING fts5 (
      prompt,
      answers,
      content = '',
      contentless_delete = 1,
      prefix = '3',
      tokenize = 'unicode61 remove_diacritics 2'
    );

    CREATE TRIGGER runs_search_update AFTER UPDATE OF seq, prompt ON runs BEGIN
      DELETE FROM run_search WHERE rowid = OLD.seq;
      ${reindexRun('NEW.id')}
    END;
    CREATE TRIGGER runs_search_delete AFTER DELETE ON runs BEGIN
      DELETE FROM run_search WHERE rowid = OLD.seq;
    END;

    CREATE TRIGGER responses_search_insert AFTER INSERT ON responses
      WHEN NEW.status IN ${finalStatuses} AND ${runIsSettled('NEW.run_id')}
    BEGIN ${reindexRun('NEW.run_id')} END;
    -- The store never updates run_id (a response never moves), so NEW.run_id is the only run concerned.
    -- A final response going back to streaming leaves the old document until the run settles again.
    CREATE TRIGGER responses_search_update AFTER UPDATE OF status, text ON responses
      WHEN NEW.status IN ${finalStatuses} AND (OLD.status NOT IN ${finalStatuses} OR OLD.text IS NOT NEW.text)
        AND ${runIsSettled('NEW.run_id')}
    BEGIN ${reindexRun('NEW.run_id')} END;
    CREATE TRIGGER responses_search_delete AFTER DELETE ON responses
      WHEN ${runIsSettled('OLD.run_id')}
    BEGIN ${reindexRun('OLD.run_id')} END;
  `);
}
