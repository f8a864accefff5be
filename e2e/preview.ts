// The production build served by `vite preview` on a free port: what the
// e2e tests (global-setup.ts) and the app benchmarks run against, as users
// get the app.
import { execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

/** Build dist/ (course datasets first: they are build outputs under public/datasets). `reuse` keeps an existing build. */
export function buildApp(reuse = false): void {
  if (reuse && existsSync(resolve(ROOT, 'dist/index.html'))) return;
  execSync(`"${process.execPath}" bin/ml-workbench.mjs generate`, { cwd: ROOT, stdio: 'ignore' });
  // Vitest sets NODE_ENV=test; a build under it would be a development build (no service worker).
  execSync(`"${process.execPath}" node_modules/vite/bin/vite.js build --logLevel warn`, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => ok(port));
    });
    srv.on('error', fail);
  });
}

async function waitFor(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer at ${url}`);
}

export interface Preview {
  url: string;
  stop(): Promise<void>;
}

/** Serve dist/ with `vite preview` on 127.0.0.1 and a free port; resolves once it answers. */
export async function startPreview(): Promise<Preview> {
  const port = await freePort();
  const server = spawn(process.execPath, [resolve(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: ROOT, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' },
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  try {
    await waitFor(url + '/', 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
