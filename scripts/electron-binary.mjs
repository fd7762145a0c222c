// Finding (and, once, downloading) Electron's binary; shared by start.mjs and dist.mjs.
// Install scripts are off in .npmrc, so after `npm ci` the `electron` package has no binary
// until one of these scripts runs its installer.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const electronDirectory = join(projectRoot, 'node_modules', 'electron');
const ELECTRON_INSTALL_TIMEOUT_MS = 5 * 60_000;
const DOWNLOAD_NOTICE_AFTER_MS = 3_000;

export function electronVersion() {
  return JSON.parse(readFileSync(join(electronDirectory, 'package.json'), 'utf8')).version;
}

function platformExecutable() {
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (process.platform === 'win32') return 'electron.exe';
  return 'electron';
}

/** The folder holding Electron's unpacked distribution (ELECTRON_OVERRIDE_DIST_PATH or node_modules/electron/dist). */
export function electronDistDirectory() {
  return process.env.ELECTRON_OVERRIDE_DIST_PATH ? resolve(process.env.ELECTRON_OVERRIDE_DIST_PATH) : join(electronDirectory, 'dist');
}

/** The Electron executable the `electron` package would run, if it is on disk (never downloads). */
export function findElectronBinary() {
  const pathFile = join(electronDirectory, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const candidate = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(electronDistDirectory(), executable || platformExecutable())
    : executable
      ? join(electronDistDirectory(), executable)
      : undefined;
  return candidate && existsSync(candidate) ? candidate : undefined;
}

/** One attempt at Electron's own installer; quiet unless it takes a while. Resolves either way. */
export function downloadElectronBinary(say) {
  if (!existsSync(join(electronDirectory, 'install.js'))) return Promise.resolve();
  return new Promise((resolveAttempt) => {
    const child = spawn(process.execPath, [join(electronDirectory, 'install.js')], { cwd: electronDirectory, stdio: 'ignore' });
    const notice = setTimeout(() => say("Downloading Electron's binary (about 100 MB, once)..."), DOWNLOAD_NOTICE_AFTER_MS);
    const deadline = setTimeout(() => child.kill('SIGTERM'), ELECTRON_INSTALL_TIMEOUT_MS);
    const finish = () => {
      clearTimeout(notice);
      clearTimeout(deadline);
      resolveAttempt();
    };
    child.on('exit', finish);
    child.on('error', finish);
  });
}

/** The binary, downloading it once when missing; undefined when it cannot be had (offline). */
export async function ensureElectronBinary(say) {
  const found = findElectronBinary();
  if (found) return found;
  await downloadElectronBinary(say);
  return findElectronBinary();
}
