import BetterSqlite3 from 'better-sqlite3';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { latestSchemaVersion, migrate, migrations } from '../../electron/store/migrations/index';
import { openStore } from '../../electron/store/index';
import { openTempStore, type TempStore } from './store-fixtures';

function schemaOf(path: string): unknown[] {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();
  } finally {
    db.close();
  }
}

describe('migrations', () => {
  let temp: TempStore | undefined;
  afterEach(() => temp?.dispose());

  it('are numbered 1..n with no gaps', () => {
    expect(migrations.map((migration) => migration.version)).toEqual(
      Array.from({ length: latestSchemaVersion }, (_, index) => index + 1),
    );
  });

  it('bring an empty database to the latest version, with STRICT tables and WAL', () => {
    const lines: string[] = [];
    temp = openTempStore({ log: (line) => lines.push(line) });
    temp.store.close();
    expect(lines.some((line) => line.includes('migrated to schema version 1'))).toBe(true);

    const db = new BetterSqlite3(temp.path, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const tables = db
        .prepare<[], { name: string; strict: number }>(
          "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'run_search%'",
        )
        .all();
      expect(tables.map((table) => table.name).sort()).toEqual([
        'blind_reviews', 'budgets', 'connections', 'ratings', 'responses', 'run_notes', 'run_reruns', 'run_tags', 'runs', 'secrets',
        'usage', 'usage_connection_keys', 'usage_hourly', 'usage_latency_hourly', 'usage_latency_model_rollup', 'usage_latency_rollup', 'usage_model_keys',
        'usage_model_rollup', 'usage_rollup', 'usage_total_rollup',
      ]);
      for (const table of tables) expect({ table: table.name, strict: table.strict }).toEqual({ table: table.name, strict: 1 });
      const virtualTables = db.prepare("SELECT name FROM pragma_table_list WHERE type = 'virtual'").pluck().all();
      expect(virtualTables).toContain('run_search');
    } finally {
      db.close();
    }
  });

  it.each(Array.from({ length: latestSchemaVersion }, (_, version) => version))(
    'bring a database at version %i to the latest version',
    (startVersion) => {
      const db = new BetterSqlite3(':memory:');
      try {
        for (const migration of migrations.slice(0, startVersion)) migration.update(db);
        db.pragma(`user_version = ${startVersion}`);
        expect(migrate(db)).toEqual(migrations.slice(startVersion).map((migration) => migration.version));
        expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
        expect(db.pragma('foreign_key_check')).toEqual([]);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        db.close();
      }
    },
  );

  it('are a no-op when the database is already at the latest version', () => {
    temp = openTempStore();
    temp.store.close();
    const before = schemaOf(temp.path);

    const lines: string[] = [];
    const reopened = openStore(temp.path, { log: (line) => lines.push(line) });
    reopened.close();
    expect(lines).toEqual([]);
    expect(schemaOf(temp.path)).toEqual(before);

    const db = new BetterSqlite3(temp.path);
    try {
      expect(migrate(db)).toEqual([]);
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    } finally {
      db.close();
    }
  });

  it('refuse a database written by a newer schema', () => {
    temp = openTempStore();
    temp.store.close();
    const db = new BetterSqlite3(temp.path);
    db.pragma(`user_version = ${latestSchemaVersion + 1}`);
    db.close();
    expect(() => openStore(temp!.path, { log: () => {} })).toThrow(/newer than this build knows/);
  });

  it('roll back a failing migration and leave the version unchanged', () => {
    const db = new BetterSqlite3(':memory:');
    try {
      db.exec('CREATE TABLE runs (x INTEGER) STRICT');
      expect(() => migrate(db)).toThrow(/already exists/);
      expect(db.pragma('user_version', { simple: true })).toBe(0);
      expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'connections'").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('load the addon named by nativeBinding (how Electron selects its own build)', () => {
    const require = createRequire(import.meta.url);
    const addon = join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
    const store = openStore(':memory:', { log: () => {}, nativeBinding: addon });
    expect(store.listRuns({ limit: 1 })).toEqual([]);
    store.close();
    expect(() => openStore(':memory:', { log: () => {}, nativeBinding: join(tmpdir(), 'missing-addon.node') })).toThrow();
  });

  it('open an in-memory database with foreign keys on', () => {
    const store = openStore(':memory:', { log: () => {} });
    expect(store.path).toBe(':memory:');
    expect(() => store.saveResponse({
      id: 'orphan', runId: 'missing', targetIndex: 0, connectionId: 'c', modelAsked: 'm', modelServed: null,
      providerServed: null, status: 'pending', incomplete: false, text: '', reasoning: '', toolCalls: [],
      finishReason: null, usage: null, cost: { usd: null, source: 'unknown' },
      metrics: { ttftMs: null, totalMs: null, tokensPerSecond: null }, error: null, attempts: [],
    })).toThrow(/FOREIGN KEY/);
    store.close();
    store.close();
  });
});
