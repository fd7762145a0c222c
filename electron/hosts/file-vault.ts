// The web host's and CLI's vault: API keys in one JSON file readable only by the user (0600).
// Electron uses safeStorage instead; this is the honest equivalent where no keychain is at hand.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import type { SecretVault } from '../engine/secrets/secret-vault';

const FILE_MODE = 0o600;
const DIRECTORY_MODE = 0o700;

type SecretMap = Record<string, string>;

export function createFileVault(filePath: string): SecretVault {
  mkdirSync(dirname(filePath), { recursive: true, mode: DIRECTORY_MODE });
  // A file written by an older version or copied in by hand may be world-readable: tighten it now.
  if (existsSync(filePath)) chmodSync(filePath, FILE_MODE);

  // Read on every call: the CLI and a running web host may share the file.
  function read(): SecretMap {
    let text: string;
    try {
      text = readFileSync(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    if (text.trim() === '') return {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Refuse rather than overwrite: a rewrite would silently drop every stored key.
      throw new Error(`The secrets file ${filePath} is not valid JSON; fix or remove it (keys in it are lost if removed).`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error(`The secrets file ${filePath} should hold a JSON object of key references to keys.`);
    }
    const secrets: SecretMap = {};
    for (const [ref, value] of Object.entries(parsed)) {
      if (typeof value === 'string') secrets[ref] = value;
    }
    return secrets;
  }

  // Temp file + rename: a crash mid-write leaves the old file whole, never half a JSON object.
  function write(secrets: SecretMap): void {
    const temporaryPath = `${filePath}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      writeFileSync(temporaryPath, JSON.stringify(secrets, null, 2) + '\n', { mode: FILE_MODE, flag: 'wx' });
      // The mode given to writeFileSync is masked by the umask; make sure it is exactly 0600.
      chmodSync(temporaryPath, FILE_MODE);
      renameSync(temporaryPath, filePath);
    } catch (error) {
      rmSync(temporaryPath, { force: true });
      throw error;
    }
  }

  return {
    info: {
      strength: 'file',
      description: `Keys are kept in ${filePath} (readable only by your user account). Environment variables (env:NAME) are also supported.`,
    },
    save(ref, plaintext) {
      const secrets = read();
      secrets[ref] = plaintext;
      write(secrets);
    },
    load(ref) {
      const secrets = read();
      return Object.hasOwn(secrets, ref) ? secrets[ref] : undefined;
    },
    remove(ref) {
      const secrets = read();
      if (!Object.hasOwn(secrets, ref)) return;
      delete secrets[ref];
      write(secrets);
    },
  };
}
