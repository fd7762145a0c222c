// Connections (where to call and which key reference to use). The keys themselves live in secrets.
import type { Database } from 'better-sqlite3';
import type { ConnectionKind } from '../../shared/records';
import type { ConnectionRow } from './store-types';

interface ConnectionTableRow {
  id: string;
  kind: string;
  label: string;
  base_url: string;
  secret_ref: string | null;
  key_hint: string | null;
  created_at: number;
}

const columns = 'id, kind, label, base_url, secret_ref, key_hint, created_at';

function fromConnectionTableRow(row: ConnectionTableRow): ConnectionRow {
  return {
    id: row.id,
    kind: row.kind as ConnectionKind,
    label: row.label,
    baseUrl: row.base_url,
    secretRef: row.secret_ref,
    keyHint: row.key_hint,
    createdAt: row.created_at,
  };
}

export function createConnectionsRepository(db: Database) {
  const insertStatement = db.prepare<[ConnectionTableRow]>(`
    INSERT INTO connections (${columns})
    VALUES (@id, @kind, @label, @base_url, @secret_ref, @key_hint, @created_at)`);
  const listStatement = db.prepare<[], ConnectionTableRow>(`SELECT ${columns} FROM connections ORDER BY created_at, id`);
  const getStatement = db.prepare<[string], ConnectionTableRow>(`SELECT ${columns} FROM connections WHERE id = ?`);
  const deleteStatement = db.prepare<[string]>('DELETE FROM connections WHERE id = ?');

  return {
    insertConnection(row: ConnectionRow): void {
      insertStatement.run({
        id: row.id,
        kind: row.kind,
        label: row.label,
        base_url: row.baseUrl,
        secret_ref: row.secretRef,
        key_hint: row.keyHint,
        created_at: row.createdAt,
      });
    },

    listConnections(): ConnectionRow[] {
      return listStatement.all().map(fromConnectionTableRow);
    },

    getConnection(id: string): ConnectionRow | undefined {
      const row = getStatement.get(id);
      return row === undefined ? undefined : fromConnectionTableRow(row);
    },

    deleteConnection(id: string): boolean {
      return deleteStatement.run(id).changes > 0;
    },
  };
}
