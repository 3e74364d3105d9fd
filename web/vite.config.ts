import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** The web lab: a static site (dist/web) that runs the core in Web Workers; `follisim serve` serves it too. */
export default defineConfig({
  root: import.meta.dirname,
  // relative asset URLs: the site works from any folder or sub-path it is published under
  base: './',
  build: { outDir: resolve(import.meta.dirname, '..', 'dist', 'web'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000 },
  worker: { format: 'es' },
  server: { fs: { allow: [resolve(import.meta.dirname, '..')] } },
});
