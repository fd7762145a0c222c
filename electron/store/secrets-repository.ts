// Encrypted API keys by reference. Only ciphertext reaches the store: the host encrypts (Electron safeStorage).
import type { Database } from 'better-sqlite3';

export function createSecretsRepository(db: Database) {
  const putStatement = db.prepare<[string, Buffer]>(`
    INSERT INTO secrets (ref, ciphertext) VALUES (?, ?)
    ON CONFLICT (ref) DO UPDATE SET ciphertext = excluded.ciphertext`);
  const getStatement = db.prepare<[string], Buffer>('SELECT ciphertext FROM secrets WHERE ref = ?').pluck();
  const deleteStatement = db.prepare<[string]>('DELETE FROM secrets WHERE ref = ?');

  return {
    putSecret(ref: string, ciphertext: Buffer): void {
      putStatement.run(ref, ciphertext);
    },

    getSecret(ref: string): Buffer | undefined {
      return getStatement.get(ref);
    },

    deleteSecret(ref: string): void {
      deleteStatement.run(ref);
    },
  };
}
