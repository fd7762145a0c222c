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
  session,
  shell,
  type WebContents,
} from 'electron';
import { createEngine, type Engine } from '../engine/index';
import { createLazyDemoProvider } from '../hosts/node-runtime';
import { openStore } from '../store/index';
import type { JuxtaStore } from '../store/store-types';
import { APP_BASE_URL, resolveAppBaseUrl } from './app-origin';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { registerIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { nativeAddonPath } from './native-addon';
import { createSafeStorageVault } from './safe-storage-vault';
import { installContentSecurityPolicyHeader, installPermissionHandlers, installWebContentsGuard } from './security';
import { buildMainWindowOptions } from './window-options';

const mainDirectory = dirname(fileURLToPath(import.meta.url));
const preloadPath = join(mainDirectory, '../preload/index.cjs');
const rendererDirectory = join(mainDirectory, '../renderer');

const log = (message: string): void => console.warn(`[juxta] ${message}`);

// Tests and side-by-side profiles: a separate userData folder (database, safeStorage key, caches).
if (process.env.JUXTA_USER_DATA_DIR) app.setPath('userData', resolve(process.env.JUXTA_USER_DATA_DIR));

// Must happen before 'ready'.
registerAppScheme(protocol);

const appBaseUrl = resolveAppBaseUrl({ isPackaged: app.isPackaged, rendererUrl: process.env.ELECTRON_RENDERER_URL });
const isDevServer = appBaseUrl !== APP_BASE_URL;

interface Runtime {
  engine: Engine;
  store: JuxtaStore;
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
    return { engine, store };
  } catch (error) {
    store.close();
    throw error;
  }
}

function startApp(): void {
  const appWebContents = new Set<WebContents>();
  let runtime: Runtime | undefined;
  let mainWindow: BrowserWindow | undefined;

  installWebContentsGuard(app, { appBaseUrl, openExternal: (url) => shell.openExternal(url), log });

  const createWindow = (): void => {
    const window = new BrowserWindow(buildMainWindowOptions(preloadPath, { darkTheme: nativeTheme.shouldUseDarkColors }));
    const contents = window.webContents;
    appWebContents.add(contents);
    mainWindow = window;
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      appWebContents.delete(contents);
      if (mainWindow === window) mainWindow = undefined;
    });
    window.loadURL(appBaseUrl).catch((error: unknown) => {
      log(`Could not load ${appBaseUrl}: ${error instanceof Error ? error.message : String(error)}`);
    });
  };

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
        service: runtime.engine,
        appBaseUrl,
        isAppWebContents: (contents) => appWebContents.has(contents as WebContents),
        log,
      });
      Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ isMac: process.platform === 'darwin', isDev: isDevServer })));
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
