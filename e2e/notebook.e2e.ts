// Toolbar run all, editing a parameter and re-running, and a reload that
// brings the notebook back with its outputs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openApp, type Session } from './browser.ts';
import { allDone, cells, summary, waitForBackend } from './helpers.ts';

describe('notebook', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
    await openApp(s.page, '/?backend=wasm');
    await s.page.locator('[data-course="penguins.ipynb"]').click();
    await waitForBackend(s.page);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('runs all from the toolbar', async () => {
    await s.page.locator('[data-action="run-all"]').click();
    await s.page.waitForFunction(() => {
      const list = (window as unknown as { workbench: { cells(): { kind: string; status: string }[] } }).workbench.cells();
      return list.filter((c) => c.kind !== 'markdown').every((c) => c.status === 'done' || c.status === 'error');
    }, null, { timeout: 0 }); // computation: no limit but the hang guard (vitest.e2e.config.ts)
    const list = await cells(s.page);
    expect(allDone(list), summary(list)).toBe(true);
    await s.page.locator('.metric-card').first().waitFor();
  });

  it('edits a parameter in the form and re-runs the cell', async () => {
    const cell = s.page.locator('article.cell[data-kind="visualize"]').first();
    await cell.locator('[data-testid="toggle-form"]').click();
    const title = cell.locator('.param-form input[data-field="params.title"]');
    await title.fill('Flippers and beaks');
    await s.page.waitForFunction(() => document.querySelector('article.cell[data-kind="visualize"]')?.getAttribute('data-status') === 'stale');
    await cell.locator('.run-cell').click();
    await s.page.waitForFunction(() => document.querySelector('article.cell[data-kind="visualize"]')?.getAttribute('data-status') === 'done');
    const list = await cells(s.page);
    const viz = list.find((c) => c.kind === 'visualize')!;
    expect(viz.outputs[0].title).toBe('Flippers and beaks');
    // An invalid number shows an inline message naming the parameter.
    const bins = cell.locator('.param-form input[type=number]').first();
    await bins.fill('0');
    await cell.locator('.field-error').first().waitFor();
    await bins.fill('30');
    await s.page.waitForFunction(() => !document.querySelector('article.cell[data-kind="visualize"] .field-error'));
  });

  it('autosaves and restores the notebook with its outputs after a reload', async () => {
    await s.page.locator('[data-testid="save-state"].save-saved').waitFor();
    const before = await cells(s.page);
    await s.page.reload();
    await s.page.waitForFunction(() => (window as unknown as { workbench?: { ready: Promise<void> } }).workbench !== undefined);
    await s.page.evaluate(() => (window as unknown as { workbench: { ready: Promise<void> } }).workbench.ready);
    await s.page.waitForFunction(() => document.querySelectorAll('article.cell').length > 5);
    const after = await cells(s.page);
    expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id));
    expect(after.map((c) => c.outputs.map((o) => o.type))).toEqual(before.map((c) => c.outputs.map((o) => o.type)));
    const metrics = (l: typeof before) => l.flatMap((c) => c.outputs).filter((o) => o.type === 'metrics').map((o) => o.metrics);
    expect(metrics(after)).toEqual(metrics(before));
    expect(after.find((c) => c.kind === 'visualize')!.outputs[0].title).toBe('Flippers and beaks');
    await s.page.locator('.metric-card').first().waitFor();
  });

  it('steps through with run next and the keyboard', async () => {
    await s.page.locator('[data-action="restart"]').click();
    await s.page.locator('[data-action="run-next"]').click();
    await s.page.waitForFunction(() => document.querySelector('article.cell[data-kind="load"]')?.getAttribute('data-status') === 'done');
    const count = await s.page.locator('article.cell').count();
    // Command mode: B inserts a cell below the selected one, D D deletes it.
    await s.page.locator('article.cell[data-kind="load"] .cell-index').click();
    await s.page.keyboard.press('b');
    await s.page.waitForFunction((n) => document.querySelectorAll('article.cell').length === n + 1, count);
    await s.page.keyboard.press('Escape');
    await s.page.keyboard.press('d');
    await s.page.keyboard.press('d');
    await s.page.waitForFunction((n) => document.querySelectorAll('article.cell').length === n, count);
  });
});
