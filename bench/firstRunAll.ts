// The first Run all of a course notebook in a freshly opened page of the
// production build (Debian Chromium, ?backend=wasm): from the toolbar click
// to the last cell done, and when each cell finished (ms from the click).
// Used by app.bench.ts's app/first-run-all-* lines.
import type { Browser } from 'playwright-core';

export interface FirstRunAll {
  ms: number;
  /** Cells that did not end done. */
  failed: number;
  /** "id (kind) end-ms" for each runnable cell, in notebook order. */
  ends: string[];
}

interface Shown {
  id: string;
  kind: string;
  status: string;
}

/** One fresh context (nothing cached, a returning student's gallery flag), the course notebook opened from the sidebar, Run all clicked once. */
export async function firstRunAll(browser: Browser, url: string, file: string): Promise<FirstRunAll> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript(() => localStorage.setItem('mlwb.gallerySeen', '1'));
    const page = await context.newPage();
    await page.goto(url + '/?backend=wasm', { waitUntil: 'commit' });
    const link = page.locator(`[data-course="${file}"]`);
    await link.waitFor({ timeout: 60_000 });
    await link.click();
    await page.waitForFunction((f) => document.querySelector(`[data-course="${f}"]`)?.getAttribute('aria-current') === 'page', file, { timeout: 60_000 });
    await page.waitForFunction(() => (window as unknown as { workbench?: { backend(): string } }).workbench?.backend() !== '', null, { timeout: 60_000 });
    await page.locator('[data-action="run-all"]:not([disabled])').waitFor({ timeout: 60_000 });
    // The page records when each cell ends (polled in the page, not over the wire, so the driver adds no round trips).
    // A string, not a function: tsx's name helper (__name) does not exist in the page.
    await page.evaluate(`(() => {
      const w = window;
      w.__ends = {};
      w.__t0 = 0;
      const tick = function () {
        if (w.__t0) {
          for (const c of w.workbench.cells()) {
            if (c.kind === 'markdown' || c.kind === 'foreign') continue;
            if ((c.status === 'done' || c.status === 'error' || c.status === 'cancelled') && w.__ends[c.id] === undefined) w.__ends[c.id] = performance.now() - w.__t0;
          }
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      document.querySelector('[data-action="run-all"]').addEventListener('click', function () { w.__t0 = performance.now(); }, { capture: true, once: true });
    })()`);
    await page.locator('[data-action="run-all"]').click();
    const done = await page.waitForFunction(() => {
      const w = window as unknown as { workbench: { cells(): Shown[] }; __t0: number };
      const list = w.workbench.cells().filter((c) => c.kind !== 'markdown' && c.kind !== 'foreign');
      return w.__t0 && list.every((c) => c.status === 'done' || c.status === 'error' || c.status === 'cancelled') ? performance.now() - w.__t0 : 0;
    }, null, { timeout: 300_000, polling: 20 });
    const ms = (await done.jsonValue()) as number;
    const { cells, ends } = await page.evaluate(() => {
      const w = window as unknown as { workbench: { cells(): Shown[] }; __ends: Record<string, number> };
      return { cells: w.workbench.cells().filter((c) => c.kind !== 'markdown' && c.kind !== 'foreign').map(({ id, kind, status }) => ({ id, kind, status })), ends: w.__ends };
    });
    return {
      ms,
      failed: cells.filter((c) => c.status !== 'done').length,
      ends: cells.map((c) => `${c.id} (${c.kind}) ${Math.round(ends[c.id] ?? -1)}`),
    };
  } finally {
    await context.close();
  }
}
