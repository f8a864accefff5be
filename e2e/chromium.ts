// Debian's Chromium for the browser tests and the browser benchmarks: where
// it is and the flags it needs here (/work/shared/PLATFORM.md). No vitest
// import, so benchmarks run by tsx can use it too.
import { execSync } from 'node:child_process';

export const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // Without these Chromium keeps trying hosts it cannot reach.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // WebGPU on SwiftShader (no GPU here); WebGL2 works with the flags above.
  '--enable-unsafe-webgpu',
];

export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execSync('command -v chromium || command -v chromium-browser', { shell: '/bin/sh' }).toString().trim() || '/usr/bin/chromium';
  } catch {
    return '/usr/bin/chromium';
  }
}
