// Reviews: ratings per answer, notes and tags per run, re-run links, and blind A/B reviews with their
// votes (the leaderboard's input). Frozen once shipped.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion4(db: Database): void {
  db.exec(`
    -- At most one rating per answer: stars, a thumb, or both, and a note. A row with none of them is deleted.
    -- thumb is 'up' | 'down' (no CHECK on enum-like columns, as in schema version 1).
    CREATE TABLE ratings (
      response_id TEXT PRIMARY KEY REFERENCES responses (id) ON DELETE CASCADE,
      stars INTEGER CHECK (stars BETWEEN 1 AND 5),
      thumb TEXT,
      note TEXT,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE run_notes (
      run_id TEXT PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
      notes TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    -- Tag first: the leaderboard filters votes by tag. run_tags_by_run serves a run's own tags.
    CREATE TABLE run_tags (
      tag TEXT NOT NULL,
      run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      PRIMARY KEY (tag, run_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX run_tags_by_run ON run_tags (run_id);

    -- A re-run (run_id) and the run it repeats. A table rather than a runs column, so inserting a run
    -- stays as it is; deleting either run removes the link.
    CREATE TABLE run_reruns (
      run_id TEXT PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
      parent_run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX run_reruns_by_parent ON run_reruns (parent_run_id);

    -- One blind review: two answers of a run shown as A and B in a shuffled order (response_a_id is the one
    -- shown as A), then one vote. model_a/model_b are the models that answered, copied at creation so the
    -- leaderboard reads this table alone. verdict is NULL until the vote, then 'a' | 'b' | 'tie' | 'both_bad'.
    -- mentions_identity: either answer named a model or vendor (the vote may be biased); voided votes are
    -- kept but leave the leaderboard.
    CREATE TABLE blind_reviews (
      id TEXT PRIMARY KEY,
      run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      response_a_id TEXT NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
      response_b_id TEXT NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
      model_a TEXT NOT NULL,
      model_b TEXT NOT NULL,
      mentions_identity INTEGER NOT NULL CHECK (mentions_identity IN (0, 1)),
      verdict TEXT,
      voided INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
      created_at INTEGER NOT NULL,
      voted_at INTEGER,
      CHECK (response_a_id <> response_b_id)
    ) STRICT;
    CREATE INDEX blind_reviews_by_run ON blind_reviews (run_id, created_at);
    -- Deleting a response (or its run) cascades here: index the child columns so that never scans the table.
    CREATE INDEX blind_reviews_by_response_a ON blind_reviews (response_a_id);
    CREATE INDEX blind_reviews_by_response_b ON blind_reviews (response_b_id);
  `);
}
