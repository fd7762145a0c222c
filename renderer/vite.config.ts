// Renderer build: index.html in renderer/, output to out/renderer, relative base so the same
// files load from app:// in Electron and from the web host.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Monaco is one large lazy chunk by nature; the entry chunk is what first paint waits for.
    chunkSizeWarningLimit: 3000,
  },
  // Monaco's editor worker is imported with ?worker and bundled as a same-origin ES module worker.
  worker: { format: 'es' },
});
