// Where API keys live on the Node side. The engine asks a vault by reference and never stores
// or logs the key itself. Electron uses safeStorage (electron/main); the web host and CLI use
// a 0600 file (file-vault.ts) or environment variables (env:NAME references).
import type { SecretStorageInfo } from '../../../shared/records';

export interface SecretVault {
  readonly info: SecretStorageInfo;
  save(ref: string, plaintext: string): void;
  load(ref: string): string | undefined;
  remove(ref: string): void;
}
