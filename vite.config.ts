// Vite: React app, the kernel and Monaco workers as ES modules, everything
// (wasm, datasets, notebooks) served from the app's own origin and precached
// by the service worker for offline use (see /work/shared/PLATFORM.md).
import { build, defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

/**
 * The app page's Content-Security-Policy (docs/security.md), as a meta tag in
 * the production build only (the dev server injects inline scripts for hot
 * reload). No inline script, no eval in the page: code cells compile inside
 * the kernel worker, which is a separate script with its own policy.
 * style-src needs 'unsafe-inline' for Plotly (it injects a <style> element
 * and sets style attributes) and Monaco (dynamic styles).
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data:",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "manifest-src 'self'",
].join('; ');

/**
 * The sandboxed kernel frame's own policy (docs/security.md, "Isolation").
 * Its kernel worker, started from a blob: URL, inherits it: eval for code
 * cells and Arquero expressions (and WebAssembly), blob: for the worker and
 * the WASM binaries the app hands over, and no network at all — the app
 * fetches for it. The app page's policy above stays without eval.
 */
export const FRAME_CSP = [
  "default-src 'none'",
  "script-src 'self' 'unsafe-eval' blob:",
  "worker-src blob:",
  "connect-src blob:",
  "img-src 'none'",
  "style-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const ROOT = fileURLToPath(new URL('.', import.meta.url));
const SANDBOX_MODULE = 'virtual:kernel-sandbox';

/** One entry as ONE classic script: an IIFE with every dynamic import inlined (no chunk imports, which a blob: worker could not resolve). */
async function classicScript(entry: string): Promise<string> {
  const result = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    mode: 'production',
    build: {
      write: false,
      target: 'es2022',
      copyPublicDir: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 16384,
      // Dynamic imports are inlined: no chunks to preload (and no import.meta in a classic script).
      modulePreload: false,
      rolldownOptions: {
        input: entry,
        output: { format: 'iife', codeSplitting: false },
        // Vite's preload helper mentions import.meta; with every dynamic import inlined it has nothing to preload and never reads it.
        onwarn(warning, warn) {
          if (warning.code === 'EMPTY_IMPORT_META' && String(warning.id ?? warning.loc?.file ?? '').includes('preload-helper')) return;
          warn(warning);
        },
      },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const out of outputs) {
    if (!('output' in out)) continue;
    for (const file of out.output) if (file.type === 'chunk' && file.isEntry) return file.code;
  }
  throw new Error(`The classic build of ${entry} produced no script.`);
}

const contentHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 10);

/**
 * The sandboxed kernel (production builds): the kernel as one classic script
 * and the frame that starts it (its document and script), emitted as hashed
 * assets (precached by the service worker like every script). The app gets
 * their URLs from `virtual:kernel-sandbox`; the dev server gets null and runs
 * the kernel on the app's origin.
 */
function kernelSandbox(): Plugin {
  let command: 'build' | 'serve' = 'serve';
  let base = '/';
  return {
    name: 'ml-workbench-kernel-sandbox',
    configResolved(config) {
      command = config.command;
      base = config.base;
    },
    resolveId: (id) => (id === SANDBOX_MODULE ? '\0' + SANDBOX_MODULE : undefined),
    async load(id) {
      if (id !== '\0' + SANDBOX_MODULE) return undefined;
      if (command !== 'build') return 'export default null;';
      const [kernel, frameScript] = await Promise.all([classicScript('src/worker/kernel.sandbox.ts'), classicScript('src/worker/frame/kernelFrame.ts')]);
      const scriptFile = `assets/kernel-sandbox-${contentHash(kernel)}.js`;
      const frameScriptFile = `assets/kernel-frame-${contentHash(frameScript)}.js`;
      const html = `<!doctype html>\n<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}"><title>kernel sandbox</title></head><body><script src="${base}${frameScriptFile}"></script></body></html>\n`;
      const frameFile = `assets/kernel-frame-${contentHash(html)}.html`;
      this.emitFile({ type: 'asset', fileName: scriptFile, source: kernel });
      this.emitFile({ type: 'asset', fileName: frameScriptFile, source: frameScript });
      this.emitFile({ type: 'asset', fileName: frameFile, source: html });
      return `export default ${JSON.stringify({ frame: base + frameFile, script: base + scriptFile })};`;
    },
  };
}

function contentSecurityPolicy(): Plugin {
  return {
    name: 'ml-workbench-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    contentSecurityPolicy(),
    kernelSandbox(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,wasm,ipynb,json,csv,tsv,svg,png,webmanifest}'],
        maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
        clientsClaim: true,
        skipWaiting: true,
        navigateFallback: 'index.html',
      },
    }),
  ],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    // The sandboxed kernel's own build runs inside one plugin hook (kernelSandbox) and is meant to take a while.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: { port: 5173 },
  preview: { port: 4173 },
});
