// `npm run dist`: the electron-builder config in package.json agrees with what main expects at run
// time (the Electron-ABI addon in resources/native, the packages main imports), and the script
// stops early with one sentence when what it needs is missing (here: Electron's binary).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { NATIVE_ADDON_FILE, nativeAddonPath } from '../../electron/main/native-addon';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const packageJson = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
  version: string;
  main: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  build: {
    appId: string;
    productName: string;
    directories: { output: string; buildResources: string };
    files: string[];
    extraResources: Array<{ from: string; to: string }>;
    asar: boolean;
    npmRebuild: boolean;
    linux: { target: string[]; icon: string };
    mac: { target: string[]; icon: string };
    win: { target: string[]; icon: string };
  };
};
const build = packageJson.build;

/** Bare package names imported at run time by the files reachable from entry (type-only imports skipped). */
function runtimePackages(entry: string): Set<string> {
  const builtins = new Set(builtinModules);
  const packages = new Set<string>();
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    const specifiers = [
      ...[...source.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^;]*?\sfrom\s+)?'([^']+)'/gm)].map((match) => match[1]),
      ...[...source.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((match) => match[1]),
    ];
    for (const specifier of specifiers) {
      if (!specifier) continue;
      if (specifier.startsWith('.')) {
        const base = resolve(dirname(file), specifier);
        const target = [`${base}.ts`, join(base, 'index.ts'), base].find((candidate) => existsSync(candidate) && candidate.endsWith('.ts'));
        if (target) pending.push(target);
        continue;
      }
      const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? specifier);
      if (name === 'electron' || name.startsWith('node:') || builtins.has(name)) continue;
      packages.add(name);
    }
  }
  return packages;
}

/** Packages that build.files lets into the app ("node_modules/{a,b}/**"). */
function packagedModules(files: string[]): Set<string> {
  const names = new Set<string>();
  for (const pattern of files) {
    const match = /^node_modules\/(.+)\/\*\*$/.exec(pattern);
    if (!match?.[1]) continue;
    const braces = /^(.*)\{([^}]*)\}(.*)$/.exec(match[1]);
    for (const name of braces ? (braces[2] ?? '').split(',').map((part) => `${braces[1]}${part}${braces[3]}`) : [match[1]]) names.add(name);
  }
  return names;
}

describe('electron-builder config (package.json "build")', () => {
  it('names the app and targets each platform', () => {
    expect(build.appId).toBe('dev.juxta.app');
    expect(build.productName).toBe('Juxta');
    // electron-builder takes the version from package.json itself: no second copy to drift.
    expect(JSON.stringify(build)).not.toContain(packageJson.version);
    expect(build.linux.target).toEqual(['AppImage', 'deb']);
    expect(build.mac.target).toEqual(['dmg']);
    expect(build.win.target).toEqual(['nsis']);
    expect(build.directories.output).toBe('dist');
  });

  it('has an icon of at least 512 x 512 pixels (electron-builder derives .icns and .ico from it)', () => {
    for (const icon of new Set([build.linux.icon, build.mac.icon, build.win.icon])) {
      const png = readFileSync(join(projectRoot, icon));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
      expect(png.readUInt32BE(20)).toBe(png.readUInt32BE(16));
    }
  });

  it('ships the Electron-ABI addon where the packaged main looks for it', () => {
    expect(build.extraResources).toEqual([{ from: `.juxta-native/package/${NATIVE_ADDON_FILE}`, to: `native/${NATIVE_ADDON_FILE}` }]);
    const packagedPath = nativeAddonPath({ isPackaged: true, appPath: '/unused', resourcesPath: '/opt/Juxta/resources', electronVersion: '45.0.0' });
    expect(packagedPath).toBe(join('/opt/Juxta/resources', build.extraResources[0]?.to ?? ''));
    // node_modules' addon is built for Node's ABI: it must neither be rebuilt nor shipped.
    expect(build.npmRebuild).toBe(false);
    expect(build.files).toContain('!node_modules/better-sqlite3/{build,deps,src,docs}{,/**}');
    expect(build.asar).toBe(true);
  });

  it('copies every package the main process imports, and no renderer-only package', () => {
    expect(build.files.slice(0, 3)).toEqual(['out/**', '!out/**/*.map', 'package.json']);
    expect(build.files).toContain('!node_modules/**');
    const packaged = packagedModules(build.files);
    const needed = runtimePackages(join(projectRoot, 'electron/main/index.ts'));
    // The ones the built bundle (out/main) imports today; more is fine, fewer means the scan broke.
    expect([...needed]).toEqual(expect.arrayContaining(['better-sqlite3', 'openai', 'zod', '@pydantic/genai-prices']));
    for (const name of needed) {
      expect(packaged.has(name), `${name} is imported by main but not in build.files`).toBe(true);
      expect(packageJson.dependencies[name], `${name} is imported by main but not a dependency`).toBeDefined();
    }
    for (const rendererOnly of ['react', 'monaco-editor', 'zustand']) expect(packaged.has(rendererOnly)).toBe(false);
    expect(packageJson.main.startsWith('out/')).toBe(true);
  });

  it('is never part of an install: no lifecycle script packages or builds for Electron', () => {
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare', 'prepublish']) {
      expect(packageJson.scripts[hook] ?? '').not.toMatch(/dist|electron-builder|build-electron-native/);
    }
    expect(packageJson.scripts.dist).toBe('node scripts/dist.mjs');
  });
});

describe('npm run dist without what it needs', () => {
  const emptyDist = mkdtempSync(join(tmpdir(), 'juxta-no-electron-'));
  afterAll(() => rmSync(emptyDist, { recursive: true, force: true }));

  const runDist = (args: string[], environment: Record<string, string> = {}) =>
    spawnSync(process.execPath, [join(projectRoot, 'scripts/dist.mjs'), ...args], {
      cwd: projectRoot,
      encoding: 'utf8',
      timeout: 60_000,
      // No binary on disk, and Electron's installer told not to download one: the offline case, fast.
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: emptyDist, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ...environment },
    });

  it('stops with one sentence naming the missing Electron binary', () => {
    const result = runDist([]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[juxta\] npm run dist needs Electron [\d.]+'s binary .* could not download it, which happens offline; .*\.$/);
  });

  it('refuses another platform in one sentence (the addon is compiled for this one)', () => {
    const foreign = process.platform === 'win32' ? '--mac' : '--win';
    const result = runDist([foreign]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^\[juxta\] npm run dist builds for this machine's platform only/)]);
  });
});
