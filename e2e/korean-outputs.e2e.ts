// A Korean student's run of the lifecycle courses (issue 13): after Run all on
// the Korean copies of bank-marketing and ml-lifecycle, every table and chart
// title an output gives in Korean (titleKo) is what the page shows, no English
// title is left where a Korean one exists, and the monitor / invoke / deploy /
// compare / drift / crossval outputs (and the profile) are kept as screenshots at 1440 and 1024
// wide (test-results/korean-*.png).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useApp } from './session.ts';
import { cells, ROOT, summary, waitForBackend, type CellInfo } from './helpers.ts';

const SHOTS = resolve(ROOT, 'test-results');
const HANGUL = /[가-힣]/;

type Titled = { type: string; title?: string; titleKo?: string };

async function runKoreanCourse(page: import('playwright-core').Page, file: string): Promise<CellInfo[]> {
  await page.locator(`[data-course="${file}"]`).click();
  await page.waitForFunction((f) => document.querySelector(`[data-course="${f}"]`)?.getAttribute('aria-current') === 'page', file, { timeout: 30_000 });
  await waitForBackend(page);
  await page.locator('[data-action="run-all"]').click();
  await page.waitForFunction(() => {
    const list = (window as unknown as { workbench: { cells(): { kind: string; status: string }[] } }).workbench.cells();
    return list.filter((c) => c.kind !== 'markdown' && c.kind !== 'foreign').every((c) => ['done', 'error', 'cancelled'].includes(c.status));
  }, null, { timeout: 0, polling: 500 }); // vitest.e2e.config.ts's hang guard bounds it
  const list = (await cells(page)).filter((c) => c.kind !== 'markdown' && c.kind !== 'foreign');
  expect(list.every((c) => c.status === 'done'), summary(list)).toBe(true);
  return list;
}

/** The titles the page shows for one cell's outputs (table, figure, metrics, profile headers). */
async function shownTitles(page: import('playwright-core').Page, id: string): Promise<string[]> {
  return page.locator(`[data-cell-id="${id}"] .output-title`).allTextContents();
}

async function keepShots(page: import('playwright-core').Page, list: CellInfo[], kinds: string[], name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    for (const kind of kinds) {
      const cell = list.find((c) => c.kind === kind);
      if (!cell) continue;
      const box = page.locator(`[data-cell-id="${cell.id}"]`);
      await box.scrollIntoViewIfNeeded();
      // Plotly draws after the chart chunk loads: wait for every figure of the cell.
      await page.waitForFunction((cid) => [...document.querySelectorAll(`[data-cell-id="${cid}"] [data-testid="plot"]`)].every((p) => p.querySelector('.main-svg')), cell.id, { timeout: 30_000 });
      await box.screenshot({ path: resolve(SHOTS, `korean-${name}-${kind}-${width}.png`) });
    }
  }
}

describe('outputs in Korean', () => {
  const s = useApp({ backend: false });

  for (const [file, kinds] of [
    ['bank-marketing.ko.ipynb', ['eda', 'monitor', 'invoke', 'deploy', 'compare', 'tune']],
    ['ml-lifecycle.ko.ipynb', ['crossval', 'compare', 'drift', 'explain', 'pipeline']],
  ] as const) {
    it(`${file}: every output title a cell gives in Korean is the one shown`, async () => {
      const page = s.page;
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.locator('[data-testid="language"]').selectOption('ko');
      const list = await runKoreanCourse(page, file);
      let checked = 0;
      for (const cell of list) {
        if (cell.kind === 'code') continue;
        const expected = (cell.outputs as Titled[]).filter((o) => o.titleKo && ['table', 'figure', 'metrics', 'profile'].includes(o.type));
        if (!expected.length) continue;
        const shown = await shownTitles(page, cell.id);
        for (const o of expected) {
          expect(shown, `${cell.kind} ${cell.id}`).toContain(o.titleKo);
          expect(shown, `${cell.kind} ${cell.id}: the English title is not shown`).not.toContain(o.title);
          checked++;
        }
      }
      // The lifecycle cells' tables are among them (the monitor's, the endpoint's, the comparison's).
      expect(checked).toBeGreaterThan(5);
      const titles = await page.locator('.output-title').allTextContents();
      expect(titles.filter((t) => HANGUL.test(t)).length).toBeGreaterThan(5);
      await keepShots(page, list, [...kinds], file.replace('.ko.ipynb', ''));
      // The comparison table's metric column shows the metric names in Korean (its rows keep the English labels).
      const compare = list.find((c) => c.kind === 'compare');
      if (compare) {
        const cellsShown = await page.locator(`[data-cell-id="${compare.id}"] [role="gridcell"]`).allTextContents();
        expect(cellsShown).toContain('정확도');
        expect(cellsShown).not.toContain('Accuracy');
      }
      // A figure's own title and axis titles are drawn in Korean too: the cross-validation strip's.
      const crossval = list.find((c) => c.kind === 'crossval');
      if (crossval) {
        const plot = page.locator(`[data-cell-id="${crossval.id}"] [data-testid="plot"]`).last();
        expect(await plot.locator('.ytitle').textContent()).toBe('값');
        expect(await plot.locator('.gtitle').textContent()).toBe('폴드별 지표');
      }
    });
  }
});
