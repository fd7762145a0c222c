// A stand-in for the 'electron' module, enough for electron/main/index.ts to start, serve IPC and
// quit under Node (the real binary cannot run in every environment). It records what main does
// and lets a test play the renderer's part. Not a test file: imported by main-process.test.ts.
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';

export class FakeWebContents extends EventEmitter {
  readonly posted: Array<{ channel: string; message: unknown; transfer: unknown[] | undefined }> = [];
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
  postMessage(channel: string, message: unknown, transfer?: unknown[]): void {
    this.posted.push({ channel, message, transfer });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeMessagePortMain extends EventEmitter {
  readonly sent: unknown[] = [];
  closed = false;
  postMessage(message: unknown): void {
    this.sent.push(message);
  }
  start(): void {}
  close(): void {
    this.closed = true;
  }
}

type QuitEvent = { preventDefault(): void };

/** Emits a preventable event; true when no listener prevented it. */
function emitPreventable(emitter: EventEmitter, name: string): boolean {
  let prevented = false;
  const event: QuitEvent = { preventDefault: () => (prevented = true) };
  emitter.emit(name, event);
  return !prevented;
}

export interface FakeDisplay {
  workArea: { x: number; y: number; width: number; height: number };
}

function createFakeElectron() {
  const paths = new Map<string, string>();
  let markReady: () => void = () => undefined;
  let ready = new Promise<void>((resolve) => (markReady = resolve));
  const windows: FakeBrowserWindow[] = [];
  const channels: FakeMessagePortMain[] = [];
  const invokeHandlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
  const listeners = new Map<string, (event: unknown, request: unknown) => void>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const displays: FakeDisplay[] = [{ workArea: { x: 0, y: 0, width: 1920, height: 1050 } }];

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    quitted: false,
    setPath: vi.fn((name: string, path: string) => void paths.set(name, path)),
    setAppLogsPath: vi.fn((path?: string) => void paths.set('logs', path ?? `${paths.get('userData') ?? '/nonexistent/userData'}/logs`)),
    getPath: (name: string) => paths.get(name) ?? `/nonexistent/${name}`,
    getAppPath: () => fileURLToPath(new URL('../../', import.meta.url)),
    getVersion: () => '0.1.0-test',
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: () => ready,
    exit: vi.fn(),
    // Electron's order: before-quit (preventable), then every window's close (preventable), then
    // will-quit (preventable), otherwise the app ends.
    quit: vi.fn(() => {
      if (!emitPreventable(app, 'before-quit')) return;
      for (const window of [...windows]) {
        if (!emitPreventable(window, 'close')) return;
        window.destroy();
      }
      if (emitPreventable(app, 'will-quit')) app.quitted = true;
    }),
  });

  class FakeBrowserWindow extends EventEmitter {
    static getAllWindows = () => windows;
    readonly webContents = new FakeWebContents();
    readonly loadURL = vi.fn(async (_url: string) => undefined);
    readonly maximize = vi.fn(() => void (this.maximized = true));
    maximized = false;
    destroyed = false;
    bounds: { x: number; y: number; width: number; height: number };
    constructor(readonly options: { x?: number; y?: number; width?: number; height?: number; webPreferences?: Record<string, unknown> }) {
      super();
      this.bounds = { x: options.x ?? 100, y: options.y ?? 80, width: options.width ?? 800, height: options.height ?? 600 };
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    getNormalBounds() {
      return { ...this.bounds };
    }
    isMaximized(): boolean {
      return this.maximized;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    destroy(): void {
      if (this.destroyed) return;
      this.destroyed = true;
      windows.splice(windows.indexOf(this), 1);
      this.emit('closed');
    }
    show(): void {}
    focus(): void {}
    restore(): void {}
    isMinimized(): boolean {
      return false;
    }
  }

  class MessageChannelMain {
    readonly port1 = new FakeMessagePortMain();
    readonly port2 = { transferred: true };
    constructor() {
      channels.push(this.port1);
    }
  }

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    MessageChannelMain,
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) => void invokeHandlers.set(channel, handler),
      removeHandler: (channel: string) => void invokeHandlers.delete(channel),
      on: (channel: string, listener: (event: unknown, request: unknown) => void) => void listeners.set(channel, listener),
      removeListener: (channel: string) => void listeners.delete(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => void protocolHandlers.set(scheme, handler)),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        webRequest: { onHeadersReceived: vi.fn() },
      },
    },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (plaintext: string) => Buffer.from(`enc:${Buffer.from(plaintext).toString('base64')}`),
      decryptString: (ciphertext: Buffer) => Buffer.from(ciphertext.toString().slice(4), 'base64').toString(),
    },
    nativeTheme: { shouldUseDarkColors: true },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => template), setApplicationMenu: vi.fn() },
    dialog: {
      showErrorBox: vi.fn(),
      /** The button a test's "user" picks; 0 is Quit in the quit-while-running question. */
      nextResponse: 0,
      showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: electron.dialog.nextResponse, checkboxChecked: false })),
    },
    shell: { openExternal: vi.fn(async () => undefined), showItemInFolder: vi.fn() },
    screen: { getAllDisplays: vi.fn((): FakeDisplay[] => displays) },
  };

  return {
    electron,
    windows,
    channels,
    invokeHandlers,
    listeners,
    protocolHandlers,
    displays,
    ready: () => markReady(),
    /** A fresh process: the same fake, emptied, for a relaunch. */
    reset() {
      app.removeAllListeners();
      app.quitted = false;
      windows.length = 0;
      channels.length = 0;
      invokeHandlers.clear();
      listeners.clear();
      protocolHandlers.clear();
      displays.splice(0, displays.length, { workArea: { x: 0, y: 0, width: 1920, height: 1050 } });
      electron.dialog.nextResponse = 0;
      ready = new Promise<void>((resolve) => (markReady = resolve));
    },
  };
}

// Kept on globalThis so a relaunch (vi.resetModules + a new import of main) sees the same fake.
const holder = globalThis as typeof globalThis & { juxtaFakeElectron?: ReturnType<typeof createFakeElectron> };
export const fake = (holder.juxtaFakeElectron ??= createFakeElectron());
