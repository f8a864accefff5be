// Builds the browser data bench page (bench/browser/index.html) into
// node_modules/.cache/mlwb-bench-browser (a build output that lint and git
// already ignore, like vite's own node_modules/.vite); DuckDB-wasm is excluded from dependency optimisation
// (PLATFORM.md) and its wasm/worker files are emitted as assets.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  worker: { format: 'es' },
  build: { outDir: fileURLToPath(new URL('../../node_modules/.cache/mlwb-bench-browser', import.meta.url)), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 8192 },
});
