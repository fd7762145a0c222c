// Builds better-sqlite3 for Electron's ABI into .juxta-native/electron-<version>/better_sqlite3.node,
// which Electron main passes to better-sqlite3 as nativeBinding. node_modules/better-sqlite3/build
// is never touched, so vitest, the CLI and the web host keep their Node build.
// Works on a copy of the package in a temp folder: a prebuilt binary first (prebuild-install,
// from GitHub), else node-gyp with Electron's headers (from electronjs.org). Both need the
// internet once per Electron version; offline it fails with one sentence and exit code 1.
// Usage: node scripts/build-electron-native.mjs [--force]
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(projectRoot, 'package.json'));
const ADDON_FILE = 'better_sqlite3.node';
const PREBUILT_TIMEOUT_MS = 90_000;
const COMPILE_TIMEOUT_MS = 20 * 60_000;

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function fail(sentence) {
  console.error(`[juxta] ${sentence}`);
  process.exit(1);
}

const electronVersion = readJson(join(projectRoot, 'node_modules/electron/package.json')).version;
// Same folder name as electron/main/native-addon.ts.
const outputDirectory = join(projectRoot, '.juxta-native', `electron-${electronVersion}`);
const outputFile = join(outputDirectory, ADDON_FILE);
const logFile = join(projectRoot, '.juxta-native', `electron-${electronVersion}-build.log`);

if (existsSync(outputFile) && !process.argv.includes('--force')) process.exit(0);

/** npm's own node-gyp (npm sets npm_config_node_gyp for scripts), else the copy bundled with npm, else a local one. */
function findNodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    join(dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
    join(dirname(process.execPath), 'node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
  ];
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // not installed locally: fine, npm bundles it
  }
  return candidates.find((candidate) => candidate && existsSync(candidate));
}

// A user-wide nodedir (npm config) would make node-gyp compile against Node's headers: wrong ABI.
function buildEnvironment() {
  const environment = { ...process.env };
  for (const name of Object.keys(environment)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(name)) delete environment[name];
  }
  return environment;
}

const log = [];
function run(label, command, args, options) {
  const result = spawnSync(command, args, { encoding: 'utf8', env: buildEnvironment(), maxBuffer: 64 * 1024 * 1024, ...options });
  log.push(`$ ${label}: ${[command, ...args].join(' ')}`, result.stdout ?? '', result.stderr ?? '', result.error ? String(result.error) : '', `exit ${result.status}`);
  return result.status === 0 && !result.error;
}

const workDirectory = mkdtempSync(join(tmpdir(), 'juxta-electron-native-'));
const packageCopy = join(workDirectory, 'better-sqlite3');
const builtAddon = join(packageCopy, 'build', 'Release', ADDON_FILE);
let outcome = 'failed';
try {
  const packageDirectory = dirname(require.resolve('better-sqlite3/package.json'));
  const existingBuild = join(packageDirectory, 'build');
  cpSync(packageDirectory, packageCopy, { recursive: true, filter: (source) => source !== existingBuild });

  const target = [`--runtime=electron`, `--target=${electronVersion}`, `--arch=${process.arch}`];
  console.error(`[juxta] Building the database addon for Electron ${electronVersion} (once per Electron version)...`);

  let prebuilt = false;
  try {
    const prebuildInstall = require.resolve('prebuild-install/bin.js');
    prebuilt = run('prebuilt binary', process.execPath, [prebuildInstall, ...target, `--platform=${process.platform}`], {
      cwd: packageCopy,
      timeout: PREBUILT_TIMEOUT_MS,
    }) && existsSync(builtAddon);
  } catch {
    log.push('prebuild-install is not installed; compiling instead.');
  }

  if (!prebuilt) {
    const nodeGyp = findNodeGyp();
    if (!nodeGyp) {
      outcome = 'no-node-gyp';
    } else {
      run('compile', process.execPath, [nodeGyp, 'rebuild', '--release', ...target, '--dist-url=https://electronjs.org/headers'], {
        cwd: packageCopy,
        timeout: COMPILE_TIMEOUT_MS,
      });
    }
  }

  if (existsSync(builtAddon)) {
    mkdirSync(outputDirectory, { recursive: true });
    // Copy then rename: an interrupted copy never leaves a half-written addon behind.
    const partial = `${outputFile}.${process.pid}.partial`;
    copyFileSync(builtAddon, partial);
    renameSync(partial, outputFile);
    rmSync(logFile, { force: true });
    outcome = 'built';
  }
} finally {
  rmSync(workDirectory, { recursive: true, force: true });
}

if (outcome === 'built') {
  console.error(`[juxta] Built ${outputFile}.`);
  process.exit(0);
}

mkdirSync(dirname(logFile), { recursive: true });
writeFileSync(logFile, log.join('\n'));
const relativeLog = logFile.slice(projectRoot.length + 1);
const output = log.join('\n');
if (outcome === 'no-node-gyp') {
  fail(`Could not build the database addon for Electron ${electronVersion}: no prebuilt binary could be downloaded and node-gyp (bundled with npm) was not found (details: ${relativeLog}).`);
} else if (!/gyp info spawn (make|msbuild)/i.test(output)) {
  // node-gyp never reached the compiler: the headers (and the prebuilt binary) could not be fetched.
  fail(`Could not build the database addon for Electron ${electronVersion}: it needs Electron's headers from https://electronjs.org/headers (or a prebuilt binary from GitHub) and neither could be downloaded, which happens offline (details: ${relativeLog}).`);
} else {
  fail(`Could not build the database addon for Electron ${electronVersion}: Electron's headers were downloaded but compiling failed; a C++ toolchain (python3, make, g++ or Visual Studio) is needed (details: ${relativeLog}).`);
}
