// electron-vite build of the desktop app: main -> out/main (ESM), preload -> out/preload/index.cjs
// (one CommonJS file: a sandboxed preload can require only 'electron'), renderer -> out/renderer
// with the same settings as renderer/vite.config.ts (the web host serves that same build).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type RendererViteConfig, type UserConfig } from 'electron-vite';
import { loadConfigFromFile, mergeConfig } from 'vite';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const fromRoot = (path: string): string => resolve(projectRoot, path);

export default defineConfig(async ({ command, mode }): Promise<UserConfig> => {
  // Reuse the renderer's own config (plugins, aliases, workers) rather than a copy that drifts.
  const rendererConfigFile = fromRoot('renderer/vite.config.ts');
  const rendererConfig = existsSync(rendererConfigFile) ? await loadConfigFromFile({ command, mode }, rendererConfigFile, projectRoot) : null;
  const renderer = mergeConfig((rendererConfig?.config ?? {}) as Record<string, unknown>, {
    root: fromRoot('renderer'),
    build: {
      outDir: fromRoot('out/renderer'),
      // electron-vite's preset turns minification off; keep Vite's default, as the web build does.
      minify: rendererConfig?.config.build?.minify ?? true,
      emptyOutDir: true,
      rolldownOptions: { input: fromRoot('renderer/index.html') },
    },
  }) as RendererViteConfig;

  return {
    main: {
      build: {
        outDir: fromRoot('out/main'),
        // Dependencies stay in node_modules (externalizeDeps, the default); better-sqlite3 must,
        // since its addon is chosen at run time (nativeBinding) for Electron's ABI.
        externalizeDeps: { include: ['better-sqlite3'] },
        rolldownOptions: { input: { index: fromRoot('electron/main/index.ts') } },
      },
    },
    preload: {
      build: {
        outDir: fromRoot('out/preload'),
        // Bundle everything: the sandbox has no module resolution beyond 'electron'.
        externalizeDeps: false,
        rolldownOptions: {
          input: { index: fromRoot('electron/preload/index.ts') },
          external: ['electron'],
          output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
        },
      },
    },
    renderer,
  };
});
