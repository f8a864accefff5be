// Accessibility (issue 13, item 8): axe-core, injected from node_modules,
// reports no serious or critical violation on the course gallery (a first
// visit), a notebook after run all, an open cell form, the runs panel and the
// Korean UI. Also: the gallery opens a notebook, the sidebar collapses, and
// nothing is cut at 1024×768. Screenshots go to test-results/ as artifacts.
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './session.ts';
import { ROOT, allDone, cells, runAll, summary } from './helpers.ts';

const AXE = readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const SHOTS = resolve(ROOT, 'test-results');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Serious and critical axe violations on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function noHorizontalCut(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('accessibility', () => {
  const s = useApp({ gallery: true });

  it('lands a first visit on the course gallery, with no serious violation, at 1440 and 1024 wide', async () => {
    await s.page.setViewportSize({ width: 1440, height: 900 });
    const gallery = s.page.getByTestId('gallery');
    await gallery.waitFor();
    // The gallery itself, not a notebook under it; the first course is open behind it for window.workbench.
    expect(await s.page.locator('main.notebook').count()).toBe(0);
    expect((await s.page.evaluate(() => (window as unknown as { workbench: { cells(): unknown[] } }).workbench.cells())).length).toBeGreaterThan(5);
    const cards = gallery.locator('[data-gallery-card]');
    expect(await cards.count()).toBeGreaterThanOrEqual(6);
    // Each card: what is learnt, a level, a measured time and the language.
    for (const text of await cards.allTextContents()) expect(text).toMatch(/(Beginner|Intermediate|Advanced).*(under 1 min|about \d+ min).*English/);
    mkdirSync(SHOTS, { recursive: true });
    await s.page.screenshot({ path: resolve(SHOTS, 'gallery-1440.png') });
    expect(await seriousViolations(s.page)).toEqual([]);
    await s.page.setViewportSize({ width: 1024, height: 768 });
    await noHorizontalCut(s.page);
    await s.page.screenshot({ path: resolve(SHOTS, 'gallery-1024.png') });
  });

  it('leaves the notebook behind the gallery alone: run actions are off and run shortcuts do nothing', async () => {
    const statuses = () => s.page.evaluate(() => (window as unknown as { workbench: { cells(): { status: string }[] } }).workbench.cells().map((c) => c.status));
    const before = await statuses();
    expect(before.length).toBeGreaterThan(5);
    for (const action of ['run-all', 'run-next', 'restart', 'export-report', 'export-python']) {
      expect(await s.page.locator(`[data-action="${action}"]`).isDisabled(), action).toBe(true);
    }
    // The notebook's keyboard shortcuts (run and advance, run, insert, delete) are not listening either.
    await s.page.getByTestId('gallery').click({ position: { x: 5, y: 5 } });
    for (const key of ['Shift+Enter', 'Control+Enter', 'b', 'd', 'd']) await s.page.keyboard.press(key);
    await s.page.waitForTimeout(500); // a run would have started by now; nothing to wait for when none does
    expect(await statuses()).toEqual(before);
  });

  it('opens a notebook from a card; the sidebar collapses and comes back', async () => {
    await s.page.locator('[data-open-course="penguins.ipynb"]').click();
    await s.page.locator('[data-course="penguins.ipynb"][aria-current="page"]').waitFor();
    expect(await s.page.getByTestId('gallery').count()).toBe(0);
    // The open course's title is readable in full beside its actions (it was squeezed to "P…" by the reset button's words).
    const open = s.page.locator('[data-course="penguins.ipynb"][aria-current="page"]');
    expect(await open.evaluate((e) => ({ cut: e.scrollWidth > e.clientWidth, wide: e.clientWidth > 120 }))).toEqual({ cut: false, wide: true });
    expect(await s.page.getByRole('button', { name: 'Reset to original' }).getAttribute('title')).toBe('Reset to original');
    await s.page.locator('[data-action="toggle-sidebar"]').click();
    expect(await s.page.locator('#sidebar').isVisible()).toBe(false);
    await s.page.locator('[data-action="toggle-sidebar"]').click();
    expect(await s.page.locator('#sidebar').isVisible()).toBe(true);
    // The sidebar's entry returns to the gallery in the notebook's place; its back button returns to the notebook.
    await s.page.locator('[data-action="show-gallery"]').click();
    await s.page.getByTestId('gallery').waitFor();
    expect(await s.page.locator('main.notebook').count()).toBe(0);
    await s.page.locator('[data-action="hide-gallery"]').click();
    await s.page.locator('main.notebook').waitFor();
    expect(await s.page.locator('[data-action="run-all"]').isDisabled()).toBe(false);
  });

  it('keeps the toolbar on as many rows whatever the save state says (1024 wide)', async () => {
    // Edit the title: the badge goes unsaved → saving → saved; sample the header's height meanwhile.
    const sampling = s.page.evaluate(async () => {
      const head = document.querySelector('.workspace-head')!;
      const seen = new Map<string, Set<number>>();
      const t0 = performance.now();
      while (performance.now() - t0 < 2500) {
        const state = document.querySelector('[data-testid="save-state"]')!.className;
        if (!seen.has(state)) seen.set(state, new Set());
        seen.get(state)!.add(Math.round(head.getBoundingClientRect().height));
        await new Promise((r) => requestAnimationFrame(r));
      }
      return [...seen].map(([state, heights]) => [state, [...heights]] as const);
    });
    await s.page.locator('.notebook-title').focus();
    await s.page.keyboard.press('End');
    await s.page.keyboard.type(' x');
    const seen = await sampling;
    expect(seen.length, JSON.stringify(seen)).toBeGreaterThanOrEqual(2);
    expect(new Set(seen.flatMap(([, h]) => h)).size, JSON.stringify(seen)).toBe(1);
    await s.page.keyboard.press('Backspace');
    await s.page.keyboard.press('Backspace');
  });

  it('has no serious violation on a notebook after run all (1024×768, nothing cut)', async () => {
    await runAll(s.page);
    const list = await cells(s.page);
    expect(allDone(list), summary(list)).toBe(true);
    await s.page.locator('.training-output .plot .main-svg').first().waitFor({ timeout: 60_000 });
    await s.page.locator('.metric-card .metric-help').first().waitFor({ state: 'attached' });
    await noHorizontalCut(s.page);
    expect(await seriousViolations(s.page)).toEqual([]);
  }, 180_000);

  it('has no serious violation with a cell form open', async () => {
    const split = s.page.locator('article.cell[data-kind="split"]');
    await split.getByTestId('toggle-form').click();
    await split.locator('[data-testid="toggle-form"][aria-expanded="true"]').waitFor();
    await split.locator('.typed input, .typed select').first().waitFor();
    expect(await seriousViolations(s.page)).toEqual([]);
    await split.getByTestId('toggle-form').click();
  });

  it('has no serious violation with the runs panel open', async () => {
    await s.page.locator('[data-action="runs-panel"]').click();
    await s.page.locator('.drawer table, .drawer [role=table]').first().waitFor({ timeout: 30_000 });
    try {
      expect(await seriousViolations(s.page)).toEqual([]);
      await noHorizontalCut(s.page);
    } finally {
      // At 1024 wide the drawer overlays the workspace (its own close button, not the toolbar's toggle under it).
      await s.page.locator('.drawer [data-action="close-panel"]').click();
    }
  });

  it('has no serious violation in Korean', async () => {
    await s.page.locator('[data-testid="language"]').selectOption('ko');
    await s.page.locator('[data-action="show-gallery"]').click();
    await s.page.getByTestId('gallery').waitFor();
    expect(await s.page.getByTestId('gallery').locator('h2').textContent()).toBe('강의 갤러리');
    expect(await seriousViolations(s.page)).toEqual([]);
    await noHorizontalCut(s.page);
    await s.page.screenshot({ path: resolve(SHOTS, 'gallery-ko-1024.png') });
    await s.page.setViewportSize({ width: 1440, height: 900 });
    await s.page.screenshot({ path: resolve(SHOTS, 'gallery-ko-1440.png') });
    expect(await s.page.evaluate(() => document.querySelector('.workspace')!.scrollTop)).toBe(0);
    await s.page.locator('[data-testid="language"]').selectOption('en');
  });

  it('leaves the gallery when a notebook opens through window.workbench.open', async () => {
    await s.page.getByTestId('gallery').waitFor();
    await s.page.evaluate(() => {
      const doc = { nbformat: 4, nbformat_minor: 5, metadata: { title: 'Opened by API' }, cells: [{ cell_type: 'markdown', metadata: {}, source: '# Hello' }] };
      return (window as unknown as { workbench: { open(nb: object): Promise<void> } }).workbench.open(doc);
    });
    await s.page.locator('main.notebook').waitFor();
    expect(await s.page.getByTestId('gallery').count()).toBe(0);
  });
});
