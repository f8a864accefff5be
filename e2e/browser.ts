// Launch Debian's Chromium through playwright-core with a persistent profile
// (no browser download is possible here; flags from PLATFORM.md).
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { FLAGS, chromiumPath } from './chromium.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

export { FLAGS, chromiumPath };

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

/**
 * Open the app and wait until window.workbench is ready. A first visit lands
 * on the course gallery (the first course opens behind it); most tests want
 * the notebook in view, so the browser counts as a returning visitor unless
 * `gallery` is set (for every page of the context: other tabs too).
 */
export async function openApp(page: Page, path = '/', options: { gallery?: boolean } = {}): Promise<void> {
  if (!options.gallery) {
    await page.context().addInitScript(() => {
      try {
        localStorage.setItem('mlwb.gallerySeen', '1');
      } catch {
        // An opaque origin (about:blank) has no storage; the app's pages do.
      }
    });
  }
  await page.goto(baseUrl() + path);
  await page.waitForFunction(() => (window as unknown as { workbench?: unknown }).workbench !== undefined, null, { timeout: 60_000 });
  await page.evaluate(() => (window as unknown as { workbench: { ready: Promise<void> } }).workbench.ready);
}
