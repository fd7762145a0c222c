// electron/main/index.ts wired up under Node with a fake 'electron' module standing in for
// Electron itself: startup order, the secure window, IPC through the real engine and store,
// the app:// handler, quitting (engine, then database) and a relaunch that finds the data again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_BASE_URL } from '../../electron/main/app-origin';
import { runPortChannel } from '../../electron/preload/run-port';
import type { ConnectionSummary } from '../../shared/records';
import { ipcChannel, subscribeRunChannel, type MethodName } from '../../shared/method-names';
import { fake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fake.electron);

let userData: string;
const savedEnvironment = { ...process.env };

async function launchMain() {
  fake.reset();
  vi.resetModules();
  await import('../../electron/main/index');
  expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
  // Nothing touches the database or creates a window before 'ready'.
  expect(fake.windows).toHaveLength(0);
  fake.ready();
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
  const window = fake.windows[0];
  if (!window) throw new Error('no window');
  const fromApp = { sender: window.webContents, senderFrame: { url: 'app://juxta/index.html', parent: null } };
  const invoke = (method: MethodName, input: unknown, event: unknown = fromApp) => {
    const handler = fake.invokeHandlers.get(ipcChannel(method));
    if (!handler) throw new Error(`no handler for ${method}`);
    return handler(event, input) as Promise<{ ok: boolean; value?: unknown; error?: { kind: string; message: string } }>;
  };
  return { window, invoke, fromApp };
}

async function quitMain() {
  fake.electron.app.quit();
  await vi.waitFor(() => expect(fake.electron.app.quitted).toBe(true));
}

beforeAll(() => {
  userData = mkdtempSync(join(tmpdir(), 'juxta-main-process-'));
  process.env.JUXTA_USER_DATA_DIR = userData;
  delete process.env.ELECTRON_RENDERER_URL;
  delete process.env.JUXTA_DEMO;
});

afterAll(() => {
  process.env = savedEnvironment;
  rmSync(userData, { recursive: true, force: true });
});

describe('Electron main process', () => {
  it('starts with a secure window on app://, answers IPC from the app only, and quits cleanly', async () => {
    const { window, invoke } = await launchMain();
    expect(fake.electron.app.setPath).toHaveBeenCalledWith('userData', userData);
    expect(fake.electron.app.requestSingleInstanceLock).toHaveBeenCalled();

    const preferences = window.options.webPreferences ?? {};
    expect(preferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    // From source this resolves beside electron/main; in the build, out/main -> out/preload.
    expect(String(preferences.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(window.loadURL).toHaveBeenCalledWith(APP_BASE_URL);
    // The guard is on the window's webContents (web-contents-created) and the session denies permissions.
    expect(window.webContents.listenerCount('will-navigate')).toBe(1);
    expect(window.webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(fake.electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fake.protocolHandlers.has('app')).toBe(true);
    const missing = await fake.protocolHandlers.get('app')?.(new Request('app://juxta/no-such-file.js'));
    expect(missing?.status).toBe(404);

    const info = await invoke('getAppInfo', {});
    expect(info).toMatchObject({ ok: true, value: { host: 'electron', version: '0.1.0-test', secretStorage: { strength: 'os-keychain' } } });

    const stranger = { sender: window.webContents, senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(await invoke('listConnections', {}, stranger)).toMatchObject({ ok: false, error: { kind: 'auth' } });

    const added = await invoke('addConnection', {
      kind: 'openai-compatible',
      label: 'Local',
      baseUrl: 'http://127.0.0.1:9/v1',
      apiKey: 'sk-local-secret-1234',
    });
    expect(added).toMatchObject({ ok: true, value: { label: 'Local', keySource: 'vault' } });
    expect(JSON.stringify(added)).not.toContain('sk-local-secret-1234');

    // A run stream for an unknown run: main answers on the run-port channel, without a port.
    fake.listeners.get(subscribeRunChannel)?.({ sender: window.webContents, senderFrame: { url: 'app://juxta/', parent: null } }, { subscriptionId: 1, runId: 'nope' });
    expect(window.webContents.posted).toEqual([
      { channel: runPortChannel, message: { subscriptionId: 1, runId: 'nope', error: expect.stringContaining('nope') }, transfer: undefined },
    ]);

    await quitMain();
  });

  it('finds its connection and decrypts its key again after a relaunch', async () => {
    const { invoke } = await launchMain();
    const listed = await invoke('listConnections', {});
    expect(listed.ok).toBe(true);
    const connections = listed.value as ConnectionSummary[];
    expect(connections.map((connection) => [connection.label, connection.keySource])).toEqual([['Local', 'vault']]);
    await quitMain();
  });
});
