// Builds better-sqlite3 for this Node when its addon is missing or built for another ABI.
// Install scripts are off in .npmrc (Electron's postinstall cannot download offline), so this
// step replaces better-sqlite3's own install script; it is quick when the addon already loads.
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';

const require = createRequire(import.meta.url);

function addonLoads() {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return true;
  } catch {
    return false;
  }
}

if (!addonLoads()) {
  console.error('[juxta] Building better-sqlite3 for Node ' + process.version + ' (about a minute, once)...');
  const result = spawnSync('npm', ['rebuild', 'better-sqlite3', '--ignore-scripts=false'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0 || !addonLoads()) {
    console.error('[juxta] better-sqlite3 could not be built: a C++ toolchain (python3, make, g++) is needed.');
    process.exit(1);
  }
}
