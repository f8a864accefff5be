// Vite: React app, the kernel and Monaco workers as ES modules, everything
// (wasm, datasets, notebooks) served from the app's own origin and precached
// by the service worker for offline use (see /work/shared/PLATFORM.md).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    react(),
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
  },
  server: { port: 5173 },
  preview: { port: 4173 },
});
