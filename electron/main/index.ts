// Electron main: app lifecycle and wiring only. The engine and store do the work; the modules
// beside this one hold the security rules as testable functions.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  MessageChannelMain,
  nativeTheme,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  type WebContents,
} from 'electron';
import { createEngine, type Engine } from '../engine/index';
import { createLazyDemoProvider } from '../hosts/node-runtime';
import { menuCommandChannel } from '../../shared/method-names';
import type { MenuCommand } from '../../shared/menu-commands';
import { openStore } from '../store/index';
import type { JuxtaStore } from '../store/store-types';
import { APP_BASE_URL, resolveAppBaseUrl } from './app-origin';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { quitWhileRunningDialog, trackActiveRuns, type ActiveRunTracker } from './active-runs';
import { registerIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { nativeAddonPath } from './native-addon';
import { createRotatingLog } from './rotating-log';
import { createSafeStorageVault } from './safe-storage-vault';
import { installContentSecurityPolicyHeader, installPermissionHandlers, installWebContentsGuard } from './security';
import { buildMainWindowOptions, MAIN_WINDOW_SIZE } from './window-options';
import { fitWindowState, loadWindowState, saveWindowState, WINDOW_STATE_FILE, type WindowState } from './window-state';

const mainDirectory = dirname(fileURLToPath(import.meta.url));
const preloadPath = join(mainDirectory, '../preload/index.cjs');
const rendererDirectory = join(mainDirectory, '../renderer');

// Tests and side-by-side profiles: a separate userData folder (database, safeStorage key, caches, logs).
if (process.env.JUXTA_USER_DATA_DIR) {
  app.setPath('userData', resolve(process.env.JUXTA_USER_DATA_DIR));
  app.setAppLogsPath(join(resolve(process.env.JUXTA_USER_DATA_DIR), 'logs'));
} else {
  // The platform's place: ~/Library/Logs/Juxta on macOS, userData/logs elsewhere.
  app.setAppLogsPath();
}

// No keys (redacted) and no prompt text in the file; debug lines only with --debug or JUXTA_DEBUG=1.
const logFile = createRotatingLog({
  directory: app.getPath('logs'),
  debug: process.argv.includes('--debug') || process.env.JUXTA_DEBUG === '1',
  mirror: app.isPackaged ? undefined : (line) => console.warn(`[juxta] ${line}`),
});
const log = (message: string): void => logFile.info(message);

// Must happen before 'ready'.
registerAppScheme(protocol);

const appBaseUrl = resolveAppBaseUrl({ isPackaged: app.isPackaged, rendererUrl: process.env.ELECTRON_RENDERER_URL });
const isDevServer = appBaseUrl !== APP_BASE_URL;

interface Runtime {
  engine: Engine;
  store: JuxtaStore;
  runs: ActiveRunTracker;
}

/** The addon built for this Electron's ABI (never node_modules' Node build); none when not in Electron (tests). */
function resolveNativeBinding(): string | undefined {
  const electronVersion = process.versions.electron;
  if (!electronVersion) return undefined;
  const addonPath = nativeAddonPath({ isPackaged: app.isPackaged, appPath: app.getAppPath(), resourcesPath: process.resourcesPath, electronVersion });
  if (!existsSync(addonPath)) {
    throw new Error(
      `The database addon for Electron ${electronVersion} is missing (${addonPath}); run "node scripts/build-electron-native.mjs" or start with npm start.`,
    );
  }
  return addonPath;
}

function openRuntime(): Runtime {
  const store = openStore(join(app.getPath('userData'), 'juxta.db'), { nativeBinding: resolveNativeBinding() });
  try {
    // One instance owns this database (single-instance lock), so anything still streaming was cut off by a crash.
    const interrupted = store.markInterruptedResponses();
    if (interrupted > 0) log(`${interrupted} response(s) interrupted by the last exit were marked stopped.`);
    const vault = createSafeStorageVault({ safeStorage, store, platform: process.platform });
    // Same rule as the web host: offered with --demo or JUXTA_DEMO=1, and kept once a demo connection exists.
    const demoWanted =
      process.argv.includes('--demo') || process.env.JUXTA_DEMO === '1' || store.listConnections().some((connection) => connection.kind === 'demo');
    const engine = createEngine({
      store,
      vault,
      host: 'electron',
      version: app.getVersion(),
      demo: demoWanted ? createLazyDemoProvider() : undefined,
    });
    return { engine, store, runs: trackActiveRuns(engine, (runId) => engine.waitForRun(runId)) };
  } catch (error) {
    store.close();
    throw error;
  }
}

function startApp(): void {
  log(`Juxta ${app.getVersion()} starting (Electron ${process.versions.electron ?? 'none'}, ${process.platform} ${process.arch}).`);
  const appWebContents = new Set<WebContents>();
  let runtime: Runtime | undefined;
  let mainWindow: BrowserWindow | undefined;

  installWebContentsGuard(app, { appBaseUrl, openExternal: (url) => shell.openExternal(url), log });

  const windowStatePath = join(app.getPath('userData'), WINDOW_STATE_FILE);
  const createWindow = (): void => {
    const state = fitWindowState(
      loadWindowState(windowStatePath),
      screen.getAllDisplays().map((display) => display.workArea),
      MAIN_WINDOW_SIZE,
    );
    const window = new BrowserWindow(buildMainWindowOptions(preloadPath, { darkTheme: nativeTheme.shouldUseDarkColors, bounds: state }));
    const contents = window.webContents;
    appWebContents.add(contents);
    mainWindow = window;
    window.once('ready-to-show', () => {
      if (state.maximized) window.maximize();
      window.show();
    });
    window.on('close', (event) => {
      // Where closing the last window quits, ask first while runs stream (as before-quit does).
      if (process.platform !== 'darwin' && !quitConfirmed && (runtime?.runs.count() ?? 0) > 0) {
        event.preventDefault();
        void askThenQuit();
        return;
      }
      const bounds: WindowState = { ...window.getNormalBounds(), maximized: window.isMaximized() };
      try {
        saveWindowState(windowStatePath, bounds);
      } catch (error) {
        log(`Could not save the window's size and position: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    contents.on('render-process-gone', (_event, details) => log(`The window's renderer ended: ${details.reason} (exit code ${details.exitCode}).`));
    window.on('closed', () => {
      appWebContents.delete(contents);
      if (mainWindow === window) mainWindow = undefined;
    });
    window.loadURL(appBaseUrl).catch((error: unknown) => {
      log(`Could not load ${appBaseUrl}: ${error instanceof Error ? error.message : String(error)}`);
    });
  };

  const sendCommand = (command: MenuCommand): void => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(menuCommandChannel, command);
  };

  // Quitting while runs stream asks once; the engine then records the partial answers as stopped (will-quit).
  let quitConfirmed = false;
  let asking = false;
  const askThenQuit = async (): Promise<void> => {
    const active = runtime?.runs.count() ?? 0;
    if (asking || active === 0) return;
    asking = true;
    try {
      const options = quitWhileRunningDialog(active);
      const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
      if (response !== options.cancelId) {
        quitConfirmed = true;
        log(`Quitting with ${active} run(s) streaming; they are recorded as stopped.`);
        app.quit();
      }
    } finally {
      asking = false;
    }
  };
  app.on('before-quit', (event) => {
    if (quitConfirmed || (runtime?.runs.count() ?? 0) === 0) return;
    event.preventDefault();
    void askThenQuit();
  });

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app
    .whenReady()
    .then(() => {
      runtime = openRuntime();
      installPermissionHandlers(session.defaultSession, appBaseUrl);
      if (!isDevServer) {
        handleAppProtocol(protocol, rendererDirectory);
        installContentSecurityPolicyHeader(session.defaultSession, CONTENT_SECURITY_POLICY);
      }
      registerIpc({
        ipcMain,
        createMessageChannel: () => new MessageChannelMain(),
        service: runtime.runs.service,
        appBaseUrl,
        isAppWebContents: (contents) => appWebContents.has(contents as WebContents),
        log,
      });
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          buildMenuTemplate({
            isMac: process.platform === 'darwin',
            isDev: isDevServer,
            sendCommand,
            revealLog: () => shell.showItemInFolder(logFile.filePath),
          }),
        ),
      );
      createWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) createWindow();
      });
    })
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      log(`Startup failed: ${message}`);
      dialog.showErrorBox('Juxta could not start', message);
      app.exit(1);
    });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Quit waits for the engine to record running streams as stopped, then closes the database.
  let shutdown: Promise<void> | undefined;
  app.on('will-quit', (event) => {
    const current = runtime;
    if (!current) return;
    event.preventDefault();
    shutdown ??= (async () => {
      try {
        await current.engine.close();
      } catch (error) {
        log(`Stopping runs failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        current.store.close();
        runtime = undefined;
        app.quit();
      }
    })();
  });
}

if (app.requestSingleInstanceLock()) {
  startApp();
} else {
  // Another Juxta owns the database: it gets focus through 'second-instance'.
  app.quit();
}
