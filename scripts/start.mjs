// `npm start [-- args]`: the desktop app when Electron can run here, else the web version.
// 1. better-sqlite3 for Node (ensure-native.mjs); 2. Electron's binary (downloaded once if
// missing); 3. better-sqlite3 for Electron (build-electron-native.mjs); 4. electron-vite build
// and launch. When 2 or 3 cannot be done (offline, no display), it says why in one sentence and
// runs the web host (`npm run web`) instead, forwarding the args (e.g. --demo, --port N).
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ensureElectronBinary, projectRoot } from './electron-binary.mjs';

const forwardedArgs = process.argv.slice(2);
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

function displayProblem() {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return undefined;
  return 'No display is available here (neither DISPLAY nor WAYLAND_DISPLAY is set), ' + WEB_NOTICE;
}

async function main() {
  if (!runNodeScript(join(projectRoot, 'scripts', 'ensure-native.mjs'))) process.exit(1);

  const electronBinary = await ensureElectronBinary(say);
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
