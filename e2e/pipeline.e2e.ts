// The course's conditional pipeline in the browser (ml-lifecycle notebook,
// section 15): the student runs the Abalone load cell and the pipeline cell,
// sees the steps drawn as a graph with the register branch taken, sets a
// stricter threshold in the cell's form and runs it again: "Not registered",
// the fail branch in the graph, and two pipeline runs in the runs panel
// whose comparison shows the threshold as the param that differs. In Korean
// the verdict is Korean.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './session.ts';
import { cells, runCellFromButton, summary } from './helpers.ts';

type Run = { id: string; kind: string; notebookTitle: string; params: Record<string, unknown>; tags?: Record<string, string> };
type WB = { workbench: { runs(): Promise<Run[]> } };

/** Step → status of the graph image in a cell's output (the SVG is the image's data: URL). */
async function graphStatuses(page: Page, cellId: string): Promise<Record<string, string>> {
  const src = await page.locator(`article.cell[data-cell-id="${cellId}"] .outputs img[alt^="Pipeline graph"], article.cell[data-cell-id="${cellId}"] .outputs img[alt^="파이프라인 그래프"]`).first().getAttribute('src');
  const svg = Buffer.from(src!.slice(src!.indexOf(',') + 1), 'base64').toString('utf8');
  return Object.fromEntries([...svg.matchAll(/data-step="(\w+)" data-status="(\w+)"/g)].map((m) => [m[1], m[2]]));
}

/** Runs one cell from its button and waits for this run's outcome (training: no limit but the hang guard). */
async function runCell(page: Page, cellId: string): Promise<void> {
  await runCellFromButton(page, cellId, { until: ['done', 'error'] });
}

describe('conditional pipeline', () => {
  const s = useApp({ course: 'ml-lifecycle.ipynb' });

  it('registers at MSE ≤ 6, refuses when re-run at a stricter threshold, and tracks both runs', async () => {
    const page = s.page;
    const list = await cells(page);
    const at = list.findIndex((c) => c.kind === 'pipeline');
    expect(at, summary(list)).toBeGreaterThan(0);
    const pipeline = list[at].id;
    const load = list[at - 1];
    expect(load.kind).toBe('load');

    await runCell(page, load.id);
    await runCell(page, pipeline);
    let state = (await cells(page)).find((c) => c.id === pipeline)!;
    expect(state.status, summary(await cells(page))).toBe('done');
    const cell = page.locator(`article.cell[data-cell-id="${pipeline}"]`);
    await cell.getByText(/Registered "abalone-rings" version \d+/).waitFor();
    // The graph: the register branch ran, the fail branch did not.
    await cell.locator('.outputs img[alt^="Pipeline graph"]').waitFor();
    expect(await cell.locator('.outputs img[alt^="Pipeline graph"]').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await graphStatuses(page, pipeline)).toEqual({ preprocess: 'succeeded', train: 'succeeded', evaluate: 'succeeded', condition: 'succeeded', register: 'succeeded', fail: 'skipped' });
    // The steps table lists every step.
    expect(await cell.locator('.outputs').textContent()).toContain('preprocess');

    // The student sets a stricter threshold in the form and runs the cell again.
    if (!(await cell.locator('[data-param="params.condition.threshold"] input').isVisible())) await cell.locator('[data-testid="toggle-form"]').click();
    const threshold = cell.locator('[data-param="params.condition.threshold"] input');
    expect(await threshold.inputValue()).toBe('6');
    await threshold.fill('4');
    await page.keyboard.press('Escape');
    await runCell(page, pipeline);
    state = (await cells(page)).find((c) => c.id === pipeline)!;
    expect(state.status).toBe('done');
    await cell.getByText(/Not registered: MSE \d\.\d+ > 4\./).waitFor();
    expect(await graphStatuses(page, pipeline)).toMatchObject({ condition: 'succeeded', register: 'skipped', fail: 'failed' });

    // Two pipeline runs, thresholds 6 and 4; the runs panel lists and compares them.
    const runs = (await page.evaluate(() => (window as unknown as WB).workbench.runs())).filter((r) => r.kind === 'pipeline');
    expect(runs.map((r) => r.params.threshold).sort()).toEqual([4, 6]);
    expect(runs.find((r) => r.params.threshold === 4)!.tags).toMatchObject({ 'step:register': 'skipped', 'step:fail': 'failed', registered: 'no' });
    await page.locator('[data-action="runs-panel"]').click();
    const panel = page.locator('[data-testid="runs-panel"]');
    await panel.waitFor();
    await panel.locator('[data-testid="runs-kind"]').selectOption('pipeline');
    await expect.poll(() => panel.locator('[data-testid="runs-table"] tbody tr').count()).toBe(2);
    for (const r of runs) await panel.locator(`tr[data-run="${r.id}"] input[type="checkbox"]`).check();
    const compare = page.locator('[data-testid="compare"]');
    await compare.locator('[data-testid="params-diff"] tr.differs[data-param="threshold"]').waitFor();
    expect(await compare.locator('[data-testid="params-diff"] tr[data-param="seed"]').getAttribute('class')).not.toContain('differs');
    await page.locator('[data-action="close-panel"]').click();

    // In Korean the verdict and the graph speak Korean.
    await page.locator('[data-testid="language"]').selectOption('ko');
    await cell.getByText(/등록하지 않음: MSE \d\.\d+ > 4\./).waitFor();
    await cell.locator('.outputs img[alt^="파이프라인 그래프"]').waitFor();
    await page.locator('[data-testid="language"]').selectOption('en');
  });
});
