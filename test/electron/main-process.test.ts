// electron/main/index.ts wired up under Node with a fake 'electron' module standing in for
// Electron itself: startup order, the secure window, IPC through the real engine and store,
// the app:// handler, quitting (engine, then database) and a relaunch that finds the data again.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_BASE_URL } from '../../electron/main/app-origin';
import { runPortChannel } from '../../electron/preload/run-port';
import type { MenuItemConstructorOptions } from 'electron';
import type { ConnectionSummary, RunDetail } from '../../shared/records';
import { ipcChannel, menuCommandChannel, subscribeRunChannel, type MethodName } from '../../shared/method-names';
import { startSimulator } from '../simulator/index';
import { fake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fake.electron);

let userData: string;
const savedEnvironment = { ...process.env };

async function launchMain(prepare?: () => void) {
  fake.reset();
  prepare?.();
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

  it('restores the window where it was, forwards menu commands to the page, logs to a file it can reveal', async () => {
    writeFileSync(join(userData, 'window-state.json'), JSON.stringify({ x: 2000, y: 40, width: 1100, height: 720, maximized: true }));
    // A second monitor to the right of the first one.
    const { window } = await launchMain(() => fake.displays.push({ workArea: { x: 1920, y: 0, width: 1600, height: 1000 } }));
    expect(window.options).toMatchObject({ x: 2000, y: 40, width: 1100, height: 720 });
    window.emit('ready-to-show');
    expect(window.maximize).toHaveBeenCalled();

    const template = fake.electron.Menu.buildFromTemplate.mock.calls.at(-1)?.[0] as MenuItemConstructorOptions[];
    const items = (function flatten(list: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
      return list.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
    })(template);
    const click = (id: string) => (items.find((item) => item.id === id)?.click as (() => void) | undefined)?.();
    click('run');
    click('new-comparison');
    expect(window.webContents.sent).toEqual([
      { channel: menuCommandChannel, args: ['run'] },
      { channel: menuCommandChannel, args: ['new-comparison'] },
    ]);

    click('reveal-log');
    const logPath = join(userData, 'logs', 'juxta.log');
    expect(fake.electron.shell.showItemInFolder).toHaveBeenCalledWith(logPath);
    const logText = readFileSync(logPath, 'utf8');
    expect(logText).toMatch(/INFO {2}Juxta 0\.1\.0-test starting/);
    // The key added by the first test never reaches the log.
    expect(logText).not.toContain('sk-local-secret-1234');

    // Moved and un-maximised by the user, then quit: the next launch finds it there.
    window.maximized = false;
    window.bounds = { x: 30, y: 20, width: 990, height: 640 };
    await quitMain();
    expect(JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8'))).toEqual({ x: 30, y: 20, width: 990, height: 640, maximized: false });
  });

  it('asks before quitting mid-run; Cancel keeps it running, Quit records the partial answer as stopped', async () => {
    const simulator = await startSimulator({ models: [{ id: 'sim/stalls', tokensPerSecond: 0, fault: { kind: 'stall', afterTokens: 3 } }] });
    try {
      const { window, invoke } = await launchMain();
      const added = await invoke('addConnection', { kind: 'openai-compatible', label: 'Stalling', baseUrl: simulator.baseUrl });
      expect(added.ok).toBe(true);
      const connectionId = (added.value as ConnectionSummary).id;
      const started = await invoke('startRun', { prompt: 'Say something long.', targets: [{ connectionId, model: 'sim/stalls' }] });
      expect(started).toMatchObject({ ok: true });
      const runId = (started.value as { runId: string }).runId;
      await vi.waitFor(async () => {
        const detail = (await invoke('getRun', { runId })).value as RunDetail;
        expect(detail.responses[0]?.text.length).toBeGreaterThan(0);
      });

      fake.electron.dialog.nextResponse = 1; // Cancel
      fake.electron.app.quit();
      await vi.waitFor(() => expect(fake.electron.dialog.showMessageBox).toHaveBeenCalledTimes(1));
      const [parent, question] = fake.electron.dialog.showMessageBox.mock.calls[0] ?? [];
      expect(parent).toBe(window);
      expect(question).toMatchObject({ message: 'A run is still streaming.', buttons: ['Quit', 'Cancel'] });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(fake.electron.app.quitted).toBe(false);
      expect(window.isDestroyed()).toBe(false);

      // Closing the last window quits on Windows and Linux, so it asks too; Cancel keeps the window.
      const asked = process.platform === 'darwin' ? 1 : 2;
      if (process.platform !== 'darwin') {
        const closeEvent = { preventDefault: vi.fn() };
        window.emit('close', closeEvent);
        expect(closeEvent.preventDefault).toHaveBeenCalled();
        await vi.waitFor(() => expect(fake.electron.dialog.showMessageBox).toHaveBeenCalledTimes(asked));
      }

      fake.electron.dialog.nextResponse = 0; // Quit
      await quitMain();
      expect(fake.electron.dialog.showMessageBox).toHaveBeenCalledTimes(asked + 1);

      const relaunched = await launchMain();
      const detail = (await relaunched.invoke('getRun', { runId })).value as RunDetail;
      expect(detail.responses[0]).toMatchObject({ status: 'stopped' });
      expect(detail.responses[0]?.text.length).toBeGreaterThan(0);
      // Nothing streams now: quitting does not ask.
      await quitMain();
      expect(fake.electron.dialog.showMessageBox).toHaveBeenCalledTimes(asked + 1);
    } finally {
      await simulator.close();
    }
  });
});
