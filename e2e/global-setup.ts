// Build the app once, serve the production build with `vite preview` on a
// free port, and stop it afterwards. E2E_SKIP_BUILD=1 reuses dist/.
import { spawn, execSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

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
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer at ${url}`);
}

let server: ChildProcess | undefined;

export async function setup({ provide }: { provide: (key: string, value: unknown) => void }): Promise<void> {
  if (process.env.E2E_SKIP_BUILD !== '1' || !existsSync(resolve(ROOT, 'dist/index.html'))) {
    // Vitest sets NODE_ENV=test; a build under it would be a development build (no service worker).
    // The generated course datasets are build outputs under public/datasets.
    execSync(`"${process.execPath}" bin/ml-workbench.mjs generate`, { cwd: ROOT, stdio: 'ignore' });
    execSync(`"${process.execPath}" node_modules/vite/bin/vite.js build --logLevel warn`, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  }
  const port = await freePort();
  server = spawn(process.execPath, [resolve(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(url + '/', 30_000);
  process.env.E2E_BASE_URL = url;
  provide('baseUrl', url);
}

export async function teardown(): Promise<void> {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
  }
}
