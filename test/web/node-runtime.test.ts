import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openNodeRuntime, resolveDataDir } from '../../electron/hosts/node-runtime';

const root = mkdtempSync(join(tmpdir(), 'juxta-runtime-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('resolveDataDir', () => {
  it('prefers the option, then JUXTA_HOME, then XDG_CONFIG_HOME/juxta, then ~/.config/juxta', () => {
    expect(resolveDataDir('/opt/j', { JUXTA_HOME: '/h', XDG_CONFIG_HOME: '/x' })).toBe('/opt/j');
    expect(resolveDataDir(undefined, { JUXTA_HOME: '/h', XDG_CONFIG_HOME: '/x' })).toBe('/h');
    expect(resolveDataDir(undefined, { XDG_CONFIG_HOME: '/x' })).toBe('/x/juxta');
    expect(resolveDataDir(undefined, {})).toBe(join(homedir(), '.config', 'juxta'));
  });
});

describe('openNodeRuntime', () => {
  it('creates a private data dir, reports the package version and offers the demo only when asked', async () => {
    const dataDir = join(root, 'nested', 'data');
    const plain = await openNodeRuntime({ dataDir, host: 'web', env: {} });
    try {
      expect(plain.dataDir).toBe(dataDir);
      if (process.platform !== 'win32') expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(plain.store.path).toBe(join(dataDir, 'juxta.db'));
      const info = await plain.engine.getAppInfo({});
      const packageVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
      expect(info).toMatchObject({ version: packageVersion, host: 'web', demoAvailable: false, secretStorage: { strength: 'file' } });
      expect(info.secretStorage.description).toContain(join(dataDir, 'secrets.json'));
    } finally {
      await plain.close();
    }

    const withDemo = await openNodeRuntime({ dataDir, host: 'web', env: {}, demo: true });
    try {
      expect((await withDemo.engine.getAppInfo({})).demoAvailable).toBe(true);
      await withDemo.engine.addDemoConnection({});
    } finally {
      await withDemo.close();
    }
    // Once the store holds a demo connection, every host keeps serving it (the CLI never passes demo).
    const later = await openNodeRuntime({ dataDir, host: 'web', env: {} });
    try {
      expect((await later.engine.getAppInfo({})).demoAvailable).toBe(true);
    } finally {
      await later.close();
      await later.close();
    }
  });
});
