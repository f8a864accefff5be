// Launch Debian's Chromium through playwright-core with a persistent profile
// (no browser download is possible here; flags from PLATFORM.md).
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

export const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
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

export interface Session {
  context: BrowserContext;
  page: Page;
  profile: string;
  close(keepProfile?: boolean): Promise<void>;
}

/** A browser with its own profile dir; pass a profile to reopen the same one (a relaunch keeps IndexedDB). */
export async function launch(profile?: string): Promise<Session> {
  const dir = profile ?? mkdtempSync(join(tmpdir(), 'mlwb-e2e-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: chromiumPath(), args: FLAGS, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    profile: dir,
    async close(keepProfile = false) {
      await context.close();
      if (!keepProfile) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL ?? (inject as (key: string) => string | undefined)('baseUrl');
  if (!url) throw new Error('E2E_BASE_URL is not set: run through vitest.e2e.config.ts (its global setup starts vite preview).');
  return url;
}

/** Open the app and wait until window.workbench is ready. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(baseUrl() + path);
  await page.waitForFunction(() => (window as unknown as { workbench?: unknown }).workbench !== undefined, null, { timeout: 60_000 });
  await page.evaluate(() => (window as unknown as { workbench: { ready: Promise<void> } }).workbench.ready);
}
