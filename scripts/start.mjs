// `npm start [-- args]`: the desktop app when Electron can run here, else the web version.
// 1. better-sqlite3 for Node (ensure-native.mjs); 2. Electron's binary (downloaded once if
// missing); 3. better-sqlite3 for Electron (build-electron-native.mjs); 4. electron-vite build
// and launch. When 2 or 3 cannot be done (offline, no display), it says why in one sentence and
// runs the web host (`npm run web`) instead, forwarding the args (e.g. --demo, --port N).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const forwardedArgs = process.argv.slice(2);
const electronDirectory = join(projectRoot, 'node_modules', 'electron');
const ELECTRON_INSTALL_TIMEOUT_MS = 5 * 60_000;
const DOWNLOAD_NOTICE_AFTER_MS = 3_000;
const WEB_NOTICE = 'so Juxta is starting its web version instead; open the URL below.';

function say(sentence) {
  console.log(`[juxta] ${sentence}`);
}

/** The JS file behind a package's bin, run with this Node (no shell, no .cmd shims). */
function binScript(packageName, binName = packageName) {
  const packageJsonPath = join(projectRoot, 'node_modules', packageName, 'package.json');
  const { bin } = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
  return join(dirname(packageJsonPath), typeof bin === 'string' ? bin : bin[binName]);
}

function runNodeScript(script, args = [], options = {}) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: projectRoot, stdio: 'inherit', ...options });
  return result.status === 0 && !result.error;
}

/** Runs the long-lived child (Electron or the web host) until it exits, relaying stop signals once. */
function runUntilExit(command, args, extraEnvironment = {}) {
  const environment = { ...process.env, ...extraEnvironment };
  // Electron started with this set behaves as plain Node.
  delete environment.ELECTRON_RUN_AS_NODE;
  // Own process group: a terminal Ctrl+C reaches the child once, through the relay below,
  // instead of twice (directly and relayed), which the web host reads as "stop now".
  const child = spawn(command, args, { cwd: projectRoot, stdio: ['ignore', 'inherit', 'inherit'], env: environment, detached: process.platform !== 'win32' });
  let lastRelay = 0;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      // npm relays the terminal's Ctrl+C too; one signal within a second is the same request.
      const now = Date.now();
      if (now - lastRelay < 1000) return;
      lastRelay = now;
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  process.on('exit', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  });
  child.on('error', (error) => {
    console.error(`[juxta] Could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1)));
}

function startWebVersion() {
  // `npm run web` without npm's banner: build the renderer, then the web host.
  if (!runNodeScript(binScript('vite'), ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'error'])) {
    console.error('[juxta] The web version could not be built (see the errors above).');
    process.exit(1);
  }
  runUntilExit(process.execPath, [binScript('tsx'), 'electron/hosts/web-main.ts', ...forwardedArgs]);
}

function platformExecutable() {
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (process.platform === 'win32') return 'electron.exe';
  return 'electron';
}

/** The Electron executable the `electron` package would run, if it is on disk (never downloads). */
function findElectronBinary() {
  const pathFile = join(electronDirectory, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const candidate = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, executable || platformExecutable())
    : executable
      ? join(electronDirectory, 'dist', executable)
      : undefined;
  return candidate && existsSync(candidate) ? candidate : undefined;
}

/** One attempt at Electron's own installer (install scripts are off in .npmrc); quiet unless it takes a while. */
function downloadElectronBinary() {
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

function displayProblem() {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return undefined;
  return 'No display is available here (neither DISPLAY nor WAYLAND_DISPLAY is set), ' + WEB_NOTICE;
}

async function main() {
  if (!runNodeScript(join(projectRoot, 'scripts', 'ensure-native.mjs'))) process.exit(1);

  let electronBinary = findElectronBinary();
  if (!electronBinary && existsSync(join(electronDirectory, 'install.js'))) {
    await downloadElectronBinary();
    electronBinary = findElectronBinary();
  }
  if (!electronBinary) {
    say(`Electron's binary is not available on this machine (it could not be downloaded), ${WEB_NOTICE}`);
    return startWebVersion();
  }
  const noDisplay = displayProblem();
  if (noDisplay) {
    say(noDisplay);
    return startWebVersion();
  }

  // Prints its own one-sentence reason when it cannot build (e.g. offline: no Electron headers).
  if (!runNodeScript(join(projectRoot, 'scripts', 'build-electron-native.mjs'))) {
    say(`Without that addon the desktop app cannot open its database, ${WEB_NOTICE}`);
    return startWebVersion();
  }

  if (!runNodeScript(binScript('electron-vite'), ['build', '--logLevel', 'error'])) {
    console.error('[juxta] The desktop app could not be built (see the errors above).');
    process.exit(1);
  }
  runUntilExit(electronBinary, ['.', ...forwardedArgs]);
}

main().catch((error) => {
  console.error(`[juxta] npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
