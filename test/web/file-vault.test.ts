import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileVault } from '../../electron/hosts/file-vault';

const posix = process.platform !== 'win32';

describe('createFileVault', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'juxta-vault-'));
  });
  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('round-trips keys and removes them', () => {
    const filePath = join(directory, 'secrets.json');
    const vault = createFileVault(filePath);
    expect(vault.load('vault:a')).toBeUndefined();
    vault.save('vault:a', 'sk-one');
    vault.save('vault:b', 'sk-two');
    expect(vault.load('vault:a')).toBe('sk-one');
    // A second vault on the same file (the CLI next to a running web host) sees the same keys.
    expect(createFileVault(filePath).load('vault:b')).toBe('sk-two');
    vault.remove('vault:a');
    expect(vault.load('vault:a')).toBeUndefined();
    expect(vault.load('vault:b')).toBe('sk-two');
    vault.remove('vault:missing');
    expect(JSON.parse(readFileSync(filePath, 'utf8'))).toEqual({ 'vault:b': 'sk-two' });
  });

  it.runIf(posix)('creates the file readable only by the user, whatever the umask', () => {
    const filePath = join(directory, 'nested', 'secrets.json');
    const previousUmask = process.umask(0o000);
    try {
      createFileVault(filePath).save('vault:a', 'sk-one');
    } finally {
      process.umask(previousUmask);
    }
    expect(statSync(filePath).mode & 0o777).toBe(0o600);
    expect(statSync(join(directory, 'nested')).mode & 0o777).toBe(0o700);
  });

  it.runIf(posix)('tightens an existing world-readable file', () => {
    const filePath = join(directory, 'secrets.json');
    writeFileSync(filePath, JSON.stringify({ 'vault:a': 'sk-old' }), { mode: 0o644 });
    const vault = createFileVault(filePath);
    expect(statSync(filePath).mode & 0o777).toBe(0o600);
    expect(vault.load('vault:a')).toBe('sk-old');
  });

  it('refuses to overwrite a corrupt file', () => {
    const filePath = join(directory, 'secrets.json');
    writeFileSync(filePath, '{not json', { mode: 0o600 });
    const vault = createFileVault(filePath);
    expect(() => vault.save('vault:a', 'sk')).toThrow(/not valid JSON/);
    expect(readFileSync(filePath, 'utf8')).toBe('{not json');
  });

  it('describes itself as file storage naming the path', () => {
    const filePath = join(directory, 'secrets.json');
    const vault = createFileVault(filePath);
    expect(vault.info.strength).toBe('file');
    expect(vault.info.description).toContain(filePath);
    expect(vault.info.description).toContain('env:NAME');
  });
});
