// After a first visit the service worker has precached the app: with the
// network off, a reload still opens the app and runs a notebook.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openApp, type Session } from './browser.ts';
import { allDone, cells, runAll, summary, waitForBackend } from './helpers.ts';

describe('offline', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('reloads and runs a notebook with no network', async () => {
    await openApp(s.page, '/?backend=wasm');
    await s.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    });
    await s.context.setOffline(true);
    await s.page.reload();
    await s.page.waitForFunction(() => (window as unknown as { workbench?: unknown }).workbench !== undefined, null, { timeout: 60_000 });
    await s.page.evaluate(() => (window as unknown as { workbench: { ready: Promise<void> } }).workbench.ready);
    // The sandboxed kernel frame is not served offline: the kernel falls back to the app's origin (docs/security.md).
    expect(await s.page.evaluate(() => (window as unknown as { workbench: { isolation(): string } }).workbench.isolation())).toBe('same-origin');
    await s.page.locator('[data-course="penguins.ipynb"]').click();
    expect(await waitForBackend(s.page)).toBe('wasm');
    await runAll(s.page);
    const list = await cells(s.page);
    expect(allDone(list), summary(list)).toBe(true);
    await s.page.locator('.js-plotly-plot').first().waitFor({ timeout: 30_000 });
    await s.context.setOffline(false);
  });
});
