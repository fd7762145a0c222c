// The main window's options, as a pure function so a test can check every security flag.
import type { BrowserWindowConstructorOptions } from 'electron';

export interface MainWindowPreferences {
  /** Painted before the page: avoids a white flash when the OS uses a dark theme. */
  darkTheme?: boolean;
  /** Restored size and position (window-state.ts); the position is left to the OS when absent. */
  bounds?: { x?: number; y?: number; width: number; height: number };
}

/** The default size and the minimum the layout needs; window-state.ts clamps saved sizes to these. */
export const MAIN_WINDOW_SIZE = { width: 1280, height: 820, minWidth: 860, minHeight: 560 } as const;

export function buildMainWindowOptions(preloadPath: string, preferences: MainWindowPreferences = {}): BrowserWindowConstructorOptions {
  return {
    title: 'Juxta',
    ...MAIN_WINDOW_SIZE,
    ...(preferences.bounds ? { width: preferences.bounds.width, height: preferences.bounds.height } : {}),
    ...(preferences.bounds?.x !== undefined && preferences.bounds.y !== undefined ? { x: preferences.bounds.x, y: preferences.bounds.y } : {}),
    // Shown on ready-to-show, so the first frame is the app and not a blank window.
    show: false,
    backgroundColor: preferences.darkTheme ? '#16181d' : '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      // A sandboxed preload can require only 'electron': it is bundled into one CommonJS file.
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}
