// The desktop vault: ciphertext only in the store, an honest strength, and clear refusals.
// The fake safeStorage stands in for Electron's (a reversible transform, so ciphertext != key).
import { afterEach, describe, expect, it } from 'vitest';
import { createSafeStorageVault, describeSecretStorage, type SafeStorageLike } from '../../electron/main/safe-storage-vault';
import { openStore } from '../../electron/store/index';
import type { JuxtaStore } from '../../electron/store/store-types';
import { JuxtaFailure } from '../../shared/result';

function fakeSafeStorage(options: { available?: boolean; backend?: ReturnType<SafeStorageLike['getSelectedStorageBackend']> } = {}): SafeStorageLike {
  return {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString: (plaintext) => Buffer.from(`enc:${Buffer.from(plaintext).reverse().toString('base64')}`),
    decryptString: (ciphertext) => {
      const text = ciphertext.toString();
      if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice(4), 'base64').reverse().toString();
    },
  };
}

const stores: JuxtaStore[] = [];
function memoryStore(): JuxtaStore {
  const store = openStore(':memory:', { log: () => undefined });
  stores.push(store);
  return store;
}
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

describe('safeStorage vault', () => {
  it('stores only ciphertext and reads the key back', () => {
    const store = memoryStore();
    const vault = createSafeStorageVault({ safeStorage: fakeSafeStorage(), store, platform: 'linux' });
    vault.save('vault:connection-1', 'sk-or-v1-secret');
    const stored = store.getSecret('vault:connection-1');
    expect(stored).toBeInstanceOf(Buffer);
    expect(stored?.toString()).not.toContain('sk-or-v1-secret');
    expect(vault.load('vault:connection-1')).toBe('sk-or-v1-secret');
    vault.remove('vault:connection-1');
    expect(vault.load('vault:connection-1')).toBeUndefined();
  });

  it('reports the OS keychain on macOS, Windows and Linux with a keyring', () => {
    expect(describeSecretStorage(fakeSafeStorage(), 'darwin').strength).toBe('os-keychain');
    expect(describeSecretStorage(fakeSafeStorage(), 'win32').strength).toBe('os-keychain');
    expect(describeSecretStorage(fakeSafeStorage({ backend: 'kwallet6' }), 'linux').strength).toBe('os-keychain');
  });

  it('says plainly that keys are only obfuscated on Linux without a keyring', () => {
    const info = describeSecretStorage(fakeSafeStorage({ backend: 'basic_text' }), 'linux');
    expect(info.strength).toBe('obfuscated');
    expect(info.description).toMatch(/no OS keyring found: keys are only obfuscated, not encrypted; consider environment variables/i);
  });

  it('refuses to save without encryption and points to environment variables', () => {
    const store = memoryStore();
    const vault = createSafeStorageVault({ safeStorage: fakeSafeStorage({ available: false }), store, platform: 'linux' });
    expect(vault.info.strength).toBe('none');
    expect(() => vault.save('vault:x', 'sk-secret')).toThrow(JuxtaFailure);
    expect(() => vault.save('vault:x', 'sk-secret')).toThrow(/environment variable/);
    expect(store.getSecret('vault:x')).toBeUndefined();
  });

  it('explains a key that can no longer be decrypted instead of returning garbage', () => {
    const store = memoryStore();
    store.putSecret('vault:old', Buffer.from('written by another keyring'));
    const vault = createSafeStorageVault({ safeStorage: fakeSafeStorage(), store, platform: 'darwin' });
    try {
      vault.load('vault:old');
      expect.unreachable('load should throw');
    } catch (thrown) {
      expect(thrown).toBeInstanceOf(JuxtaFailure);
      expect((thrown as JuxtaFailure).error).toMatchObject({ kind: 'auth', message: expect.stringMatching(/remove the connection and add it again/) });
    }
  });
});
