// Every bundled course notebook runs in the real app: run all from the
// toolbar, and step-through (window.workbench.runNext until the end) for
// every one. English copies only: the Korean ones run the same cells.
import { describe, expect, it } from 'vitest';
import { useApp } from './session.ts';
import { type Session } from './browser.ts';
import { cells, summary, waitForBackend, type CellInfo } from './helpers.ts';

const RUN_ALL = ['penguins.ipynb', 'session-drop.ipynb', 'bank-marketing.ipynb', 'next-state.ipynb', 'sales-forecast.ipynb', 'ml-lifecycle.ipynb', 'retrieval.ipynb', 'review-sentiment.ipynb'];
const STEP_THROUGH = RUN_ALL;

function runnable(list: CellInfo[]): CellInfo[] {
  return list.filter((c) => c.kind !== 'markdown' && c.kind !== 'foreign');
}

async function openCourse(s: Session, file: string): Promise<void> {
  await s.page.locator(`[data-course="${file}"]`).click();
  await s.page.waitForFunction((f) => document.querySelector(`[data-course="${f}"]`)?.getAttribute('aria-current') === 'page', file, { timeout: 30_000 });
  await waitForBackend(s.page);
}

describe('course notebooks in the browser', () => {
  const s = useApp({ backend: false });

  for (const file of RUN_ALL) {
    it(`${file}: run all from the toolbar`, async () => {
      await openCourse(s, file);
      await s.page.locator('[data-action="run-all"]').click();
      await s.page.waitForFunction(() => {
        const list = (window as unknown as { workbench: { cells(): { kind: string; status: string }[] } }).workbench.cells();
        return list.filter((c) => c.kind !== 'markdown' && c.kind !== 'foreign').every((c) => c.status === 'done' || c.status === 'error' || c.status === 'cancelled');
      }, null, { timeout: 0, polling: 500 }); // no limit of its own: vitest.e2e.config.ts's hang guard
      const list = runnable(await cells(s.page));
      expect(list.every((c) => c.status === 'done'), summary(list)).toBe(true);
    });
  }

  for (const file of STEP_THROUGH) {
    it(`${file}: step through with run next`, async () => {
      await openCourse(s, file);
      // Restart: fresh values, the step cursor back at the first cell.
      await s.page.locator('[data-action="restart"]').click();
      await s.page.waitForFunction(() => {
        const list = (window as unknown as { workbench: { cells(): { kind: string; status: string }[] } }).workbench.cells();
        return list.every((c) => c.status === 'idle');
      }, null, { timeout: 30_000 });
      const steps = await s.page.evaluate(async () => {
        const wb = (window as unknown as { workbench: { runNext(): Promise<string | null> } }).workbench;
        let n = 0;
        while ((await wb.runNext()) !== null && n < 500) n++;
        return n;
      });
      const list = runnable(await cells(s.page));
      expect(steps).toBeGreaterThanOrEqual(list.length);
      expect(list.every((c) => c.status === 'done'), summary(list)).toBe(true);
    });
  }
});
