// `npm run dist [-- electron-builder args]`: installers for this machine's platform with
// electron-builder (config: "build" in package.json): AppImage + deb on Linux, dmg on macOS,
// NSIS on Windows. Checks what it needs first and stops with one sentence when something is
// missing: electron-builder itself, Electron's binary (downloaded once if possible), the
// database addon built for Electron's ABI (needs Electron's headers or a prebuilt binary from
// the internet). Never part of `npm ci`. Only the host platform: the addon is built for it.
// Extra args go to electron-builder, e.g. `npm run dist -- --dir` for an unpacked folder only.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { electronDistDirectory, electronVersion, ensureElectronBinary, projectRoot } from './electron-binary.mjs';

const require = createRequire(join(projectRoot, 'package.json'));
const ADDON_FILE = 'better_sqlite3.node';
// package.json build.extraResources copies this file to resources/native/ (electron/main/native-addon.ts).
const STAGED_ADDON = join(projectRoot, '.juxta-native', 'package', ADDON_FILE);
const PLATFORM_FLAGS = { linux: '--linux', darwin: '--mac', win32: '--win' };

function say(sentence) {
  console.error(`[juxta] ${sentence}`);
}

function stop(sentence) {
  say(sentence);
  process.exit(1);
}

function runNode(script, args) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: projectRoot, stdio: 'inherit' });
  return result.status === 0 && !result.error;
}

function binScript(packageName, binName = packageName) {
  const packageJsonPath = require.resolve(`${packageName}/package.json`);
  const { bin } = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
  return join(dirname(packageJsonPath), typeof bin === 'string' ? bin : bin[binName]);
}

/** Bare module names the built main process imports (out/main), e.g. "openai", "@pydantic/genai-prices". */
function mainProcessPackages(directory = join(projectRoot, 'out', 'main')) {
  const names = new Set();
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const code = readFileSync(join(entry.parentPath ?? entry.path, entry.name), 'utf8');
    for (const match of code.matchAll(/(?:from\s*|import\(\s*|require\(\s*)["']([^"'./][^"']*)["']/g)) {
      const specifier = match[1];
      if (specifier.startsWith('node:') || specifier === 'electron') continue;
      names.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);
    }
  }
  return [...names].sort();
}

/** The node_modules packages build.files lets into the app: patterns like "node_modules/{a,b}/**". */
function packagedModules() {
  const { files = [] } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')).build ?? {};
  const names = new Set();
  for (const pattern of files) {
    const match = /^node_modules\/(.+)\/\*\*$/.exec(pattern);
    if (!match) continue;
    const braces = /^(.*)\{([^}]*)\}(.*)$/.exec(match[1]);
    const expanded = braces ? braces[2].split(',').map((name) => `${braces[1]}${name}${braces[3]}`) : [match[1]];
    for (const name of expanded) names.add(name);
  }
  return names;
}

async function main() {
  const args = process.argv.slice(2);
  const hostFlag = PLATFORM_FLAGS[process.platform];
  if (!hostFlag) stop(`npm run dist builds installers for Linux, macOS and Windows only, not for ${process.platform}.`);
  const foreign = Object.values(PLATFORM_FLAGS).find((flag) => flag !== hostFlag && args.includes(flag));
  if (foreign) stop(`npm run dist builds for this machine's platform only (${hostFlag}), because the database addon is compiled here; run it on the other platform for ${foreign}.`);

  try {
    require.resolve('electron-builder/package.json');
  } catch {
    stop('npm run dist needs electron-builder, a devDependency: run "npm install" (without --omit=dev) first.');
  }

  const binary = await ensureElectronBinary(say);
  if (!binary) {
    stop(
      `npm run dist needs Electron ${electronVersion()}'s binary (in node_modules/electron/dist or ELECTRON_OVERRIDE_DIST_PATH) and could not download it, which happens offline; connect to the internet and run it again.`,
    );
  }

  // Prints its own one-sentence reason when it cannot build (e.g. offline: no Electron headers).
  if (!runNode(join(projectRoot, 'scripts', 'build-electron-native.mjs'), [])) process.exit(1);
  const builtAddon = join(projectRoot, '.juxta-native', `electron-${electronVersion()}`, ADDON_FILE);
  mkdirSync(dirname(STAGED_ADDON), { recursive: true });
  copyFileSync(builtAddon, `${STAGED_ADDON}.partial`);
  renameSync(`${STAGED_ADDON}.partial`, STAGED_ADDON);

  if (!runNode(binScript('electron-vite'), ['build', '--logLevel', 'error'])) stop('The desktop app could not be built (see the errors above).');

  const unpackaged = mainProcessPackages().filter((name) => !packagedModules().has(name));
  if (unpackaged.length > 0) {
    stop(`The built main process imports ${unpackaged.join(', ')}, which package.json's build.files does not copy into the installer; add it there.`);
  }

  const builderArgs = [
    hostFlag,
    '--publish',
    'never',
    // Package the Electron we already have instead of downloading it again.
    `--config.electronDist=${electronDistDirectory()}`,
    `--config.electronVersion=${electronVersion()}`,
    ...args,
  ];
  if (!runNode(binScript('electron-builder'), builderArgs)) {
    stop('electron-builder failed (see above); on a first run it downloads its packaging tools (AppImage, fpm, NSIS) from GitHub, which fails offline.');
  }
  say(`Installers are in ${join(projectRoot, 'dist')}.`);
}

if (!existsSync(join(projectRoot, 'node_modules', 'electron', 'package.json'))) {
  stop('npm run dist needs the project\'s dependencies: run "npm ci" first.');
}
main().catch((error) => stop(`npm run dist failed: ${error instanceof Error ? error.message : String(error)}`));
