// API keys in the desktop app: encrypted with Electron's safeStorage (OS keychain) and stored as
// ciphertext in the store's secrets table. Created after app 'ready' (safeStorage needs it).
import type { SafeStorage } from 'electron';
import type { SecretStorageInfo } from '../../shared/records';
import { JuxtaFailure } from '../../shared/result';
import type { SecretVault } from '../engine/secrets/secret-vault';
import type { JuxtaStore } from '../store/store-types';

// The synchronous calls: SecretVault is synchronous, and they are what Electron 45 still documents
// alongside the newer *Async variants (same ciphertext format).
export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

export interface SafeStorageVaultOptions {
  safeStorage: SafeStorageLike;
  store: Pick<JuxtaStore, 'putSecret' | 'getSecret' | 'deleteSecret'>;
  platform: NodeJS.Platform;
}

const ENV_HINT = 'give the connection an environment variable instead (for example OPENROUTER_API_KEY) and start Juxta with it set';

export function describeSecretStorage(safeStorage: SafeStorageLike, platform: NodeJS.Platform): SecretStorageInfo {
  if (!safeStorage.isEncryptionAvailable()) {
    return {
      strength: 'none',
      description: `No OS keychain is available, so Juxta cannot save API keys; ${ENV_HINT}.`,
    };
  }
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return {
      strength: 'obfuscated',
      description:
        'No OS keyring found: keys are only obfuscated, not encrypted; consider environment variables (for example OPENROUTER_API_KEY) instead.',
    };
  }
  const keychain = platform === 'darwin' ? 'the macOS Keychain' : platform === 'win32' ? 'Windows DPAPI' : 'the system keyring';
  return { strength: 'os-keychain', description: `Keys are encrypted with ${keychain} and stored only as ciphertext.` };
}

export function createSafeStorageVault(options: SafeStorageVaultOptions): SecretVault {
  const { safeStorage, store } = options;
  const info = describeSecretStorage(safeStorage, options.platform);
  return {
    info,
    save(ref, plaintext) {
      if (info.strength === 'none') {
        throw new JuxtaFailure({ kind: 'invalid_input', message: `Juxta cannot save this API key: no OS keychain is available; ${ENV_HINT}.` });
      }
      store.putSecret(ref, safeStorage.encryptString(plaintext));
    },
    load(ref) {
      const ciphertext = store.getSecret(ref);
      if (ciphertext === undefined) return undefined;
      try {
        return safeStorage.decryptString(ciphertext);
      } catch {
        // Typically the keyring was reset or the database copied from another machine.
        throw new JuxtaFailure({
          kind: 'auth',
          message: 'The saved API key for this connection can no longer be decrypted (the OS keychain changed); remove the connection and add it again.',
        });
      }
    },
    remove(ref) {
      store.deleteSecret(ref);
    },
  };
}
