// Where the better-sqlite3 addon built for Electron's ABI lives. node_modules keeps the Node build
// (vitest, CLI, web host); scripts/build-electron-native.mjs writes the Electron build beside it.
import { join } from 'node:path';

export const NATIVE_ADDON_FILE = 'better_sqlite3.node';

export interface NativeAddonLocation {
  isPackaged: boolean;
  /** app.getAppPath(): the project root when run with `electron .`. */
  appPath: string;
  /** process.resourcesPath: where a packaged app keeps extra resources. */
  resourcesPath: string;
  /** process.versions.electron. */
  electronVersion: string;
}

/** Same folder name as scripts/build-electron-native.mjs: .juxta-native/electron-<version>/. */
export function electronAddonDirectory(projectRoot: string, electronVersion: string): string {
  return join(projectRoot, '.juxta-native', `electron-${electronVersion}`);
}

/** A packaged app ships the addon as an extra resource (resources/native/); a dev run uses the project's build. */
export function nativeAddonPath(location: NativeAddonLocation): string {
  if (location.isPackaged) return join(location.resourcesPath, 'native', NATIVE_ADDON_FILE);
  return join(electronAddonDirectory(location.appPath, location.electronVersion), NATIVE_ADDON_FILE);
}
