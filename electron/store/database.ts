// Opens the SQLite file with the pragmas the store relies on and brings its schema up to date.
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { migrate } from './migrations/index';
import type { StoreLog } from './slow-query-log';

export interface OpenDatabaseOptions {
  /** Path to a better-sqlite3 addon built for another ABI (Electron); undefined loads the default one. */
  nativeBinding?: string;
  log: StoreLog;
}

export function openDatabase(path: string, options: OpenDatabaseOptions): Database {
  const db = new BetterSqlite3(path, options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding });
  try {
    // Set before anything else so switching to WAL also waits for another process's lock.
    db.pragma('busy_timeout = 5000');
    const journalMode = db.pragma('journal_mode = WAL', { simple: true });
    if (journalMode !== 'wal' && !db.memory) options.log(`[store] journal_mode is ${String(journalMode)}, not wal`);
    // NORMAL is durable in WAL mode except for the last transactions before a power loss.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // 64 MB page cache (allocated as used) instead of SQLite's 2 MB: the search index and the usage
    // indexes of a large history stay in memory between queries.
    db.pragma('cache_size = -65536');
    const startedAt = performance.now();
    const applied = migrate(db);
    if (applied.length > 0) {
      options.log(`[store] migrated to schema version ${applied.join(', ')} in ${(performance.now() - startedAt).toFixed(1)} ms`);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function closeDatabase(db: Database): void {
  if (!db.open) return;
  // Lets SQLite refresh its planner statistics where they matter; cheap when nothing changed.
  db.pragma('optimize');
  db.close();
}
