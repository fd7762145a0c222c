// Numbered, append-only schema migrations tracked with PRAGMA user_version.
import type { Database } from 'better-sqlite3';
import { updateToSchemaVersion1 } from './0001-initial';
import { updateToSchemaVersion2 } from './0002-usage-rollups';
import { updateToSchemaVersion3 } from './0003-usage-rollup-levels';
import { updateToSchemaVersion4 } from './0004-reviews';

export interface Migration {
  version: number;
  update: (db: Database) => void;
}

/** In order; the position in this list is the schema version. Append only. */
export const migrations: readonly Migration[] = [
  { version: 1, update: updateToSchemaVersion1 },
  { version: 2, update: updateToSchemaVersion2 },
  { version: 3, update: updateToSchemaVersion3 },
  { version: 4, update: updateToSchemaVersion4 },
];

export const latestSchemaVersion = migrations.length;

export function readSchemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Brings the database to the latest version; a no-op when it is already there. Returns the versions applied. */
export function migrate(db: Database): number[] {
  const found = readSchemaVersion(db);
  if (found > latestSchemaVersion) {
    throw new Error(
      `The database is at schema version ${found}, newer than this build knows (${latestSchemaVersion}): update Juxta to open it.`,
    );
  }
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= found) continue;
    // IMMEDIATE takes the write lock before re-reading the version, so two processes opening
    // the same file at once cannot both apply a migration.
    db.transaction(() => {
      if (readSchemaVersion(db) >= migration.version) return;
      migration.update(db);
      db.pragma(`user_version = ${migration.version}`);
      applied.push(migration.version);
    }).immediate();
  }
  return applied;
}
