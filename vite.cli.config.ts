// The headless runner, built for the npm package (`npm run build:cli`, run by
// `prepack`): src/cli/main.ts and src/cli/thread.ts (the kernel thread) as
// ES modules for Node in dist-cli/cli/, so that an installed package runs
// plain JavaScript (no tsx). Every npm dependency stays an import (SSR
// builds leave node_modules external): the package lists them.
// The output keeps the sources' depth (dist-cli/cli/ like src/cli/), so the
// paths the runner derives from import.meta.url (the package root in
// src/cli/nodeHost.ts) hold. The kernel process (src/cli/kernelProcess.ts)
// runs dist-cli/cli/thread.js here; in a clone it bundles src/cli/thread.ts
// into dist-cli/kernel/ (same depth) with esbuild.
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    ssr: true,
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    rollupOptions: {
      input: { 'cli/main': 'src/cli/main.ts', 'cli/thread': 'src/cli/thread.ts' },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'cli/[name]-[hash].js' },
    },
  },
});
