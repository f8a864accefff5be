// Shared helpers for the browser tests: the bundled notebook, window.workbench calls.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Download, Locator, Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..');

export interface CellInfo {
  id: string;
  kind: string;
  status: string;
  outputs: { type: string; [k: string]: unknown }[];
}

/** The bundled course notebook as parsed JSON. */
export function penguins(): { cells: { cell_type: string; metadata: { workbench?: { kind: string; params: Record<string, unknown> } } }[] } & Record<string, unknown> {
  return JSON.parse(readFileSync(resolve(ROOT, 'notebooks/penguins.ipynb'), 'utf8'));
}

/** The penguins notebook with a longer training run (for Stop and long-task tests). */
export function penguinsLongTraining(epochs = 400): ReturnType<typeof penguins> {
  const nb = penguins();
  nb.cells = nb.cells.filter((c) => !['evaluate', 'visualize', 'eda'].includes(c.metadata.workbench?.kind ?? ''));
  let seen = false;
  nb.cells = nb.cells.filter((c) => {
    if (c.metadata.workbench?.kind !== 'train') return true;
    if (seen) return false;
    seen = true;
    c.metadata.workbench.params = { ...c.metadata.workbench.params, model: 'mlp', hidden: [64, 64], epochs, batchSize: 8 };
    return true;
  });
  (nb.metadata as Record<string, unknown>).title = 'Long training';
  return nb;
}

export function cells(page: Page): Promise<CellInfo[]> {
  return page.evaluate(() => (window as unknown as { workbench: { cells(): CellInfo[] } }).workbench.cells());
}

export function runAll(page: Page): Promise<void> {
  return page.evaluate(() => (window as unknown as { workbench: { runAll(): Promise<void> } }).workbench.runAll());
}

/** window.workbench.open(); pass trusted to open a notebook with code cells that should run. */
export function openNotebook(page: Page, nb: unknown, options: { trusted?: boolean } = {}): Promise<void> {
  return page.evaluate(([json, opts]) => (window as unknown as { workbench: { open(j: unknown, o: { trusted?: boolean }): Promise<void> } }).workbench.open(json, opts), [nb as object, options] as const);
}

export function backend(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { workbench: { backend(): string } }).workbench.backend());
}

export async function waitForBackend(page: Page): Promise<string> {
  await page.waitForFunction(() => (window as unknown as { workbench: { backend(): string } }).workbench.backend() !== '', null, { timeout: 60_000 });
  return backend(page);
}

export function summary(list: CellInfo[]): string {
  return list.map((c) => `${c.kind}:${c.status}${c.outputs.some((o) => o.type === 'error') ? `(${String(c.outputs.find((o) => o.type === 'error')!.message)})` : ''}`).join(' ');
}

/** Every runnable cell is done. */
export function allDone(list: CellInfo[]): boolean {
  return list.filter((c) => c.kind !== 'markdown' && c.kind !== 'foreign').every((c) => c.status === 'done');
}

/**
 * Clicks a button inside a cell and returns the download it starts. A click
 * can land on a moving target: cells near the viewport render their heavy
 * outputs as they scroll in (nearViewport.ts), so the button may shift
 * between Playwright's hit test and the mouse event, and the click is lost
 * (seen in CI: lifecycle.e2e.ts waited 30 s for a model card). A click that
 * starts nothing within `retryAfter` is made again; the last try waits `timeout`.
 */
export async function clickForDownload(page: Page, button: Locator, options: { timeout?: number; retryAfter?: number; tries?: number } = {}): Promise<Download> {
  const { timeout = 30_000, retryAfter = 10_000, tries = 3 } = options;
  for (let attempt = 1; ; attempt++) {
    const last = attempt >= tries;
    const download = page.waitForEvent('download', { timeout: last ? timeout : retryAfter });
    await button.click();
    try {
      return await download;
    } catch (e) {
      if (last) throw e;
    }
  }
}

/** The cell's data-status attribute ('' when the cell is not on the page). */
export function cellStatus(page: Page, id: string): Promise<string> {
  return page.evaluate((cellId) => document.querySelector(`article.cell[data-cell-id="${cellId}"]`)?.getAttribute('data-status') ?? '', id);
}

/**
 * Runs one cell from its Run button (the cell is idle or stale before) and
 * waits for this run's outcome; returns the status it ended in. Two things
 * lose such a click, both seen in CI: the button moves while outputs above it
 * render (see clickForDownload), and a notice (fixed at the bottom right,
 * over the page) covers it, where Playwright's click would wait for it to go
 * away, for ever. So each try is bounded, notices are closed before the
 * next one, and the click is repeated until the cell starts.
 */
export async function runCellFromButton(page: Page, id: string, options: { until?: string[]; timeout?: number } = {}): Promise<string> {
  const { until = ['done', 'error', 'cancelled'], timeout = 0 } = options;
  const cell = page.locator(`article.cell[data-cell-id="${id}"]`);
  const started = ['queued', 'running', ...until];
  for (let attempt = 1; ; attempt++) {
    const clicked = await cell.locator('.run-cell').click({ timeout: 15_000 }).then(() => true, () => false);
    const began = clicked && (await page.waitForFunction(([cellId, states]) => states.includes(document.querySelector(`article.cell[data-cell-id="${cellId}"]`)?.getAttribute('data-status') ?? ''), [id, started] as const, { timeout: 5_000 }).then(() => true, () => false));
    if (began) break;
    if (attempt === 3) throw new Error(`The Run button of cell "${id}" did not start it in 3 tries (status "${await cellStatus(page, id)}"; notices: ${JSON.stringify(await page.locator('.notices .notice').allTextContents())}).`);
    for (const close of await page.locator('.notices .notice button[aria-label]').all()) await close.click({ timeout: 5_000 }).catch(() => undefined);
  }
  // `timeout` 0: computation has no limit of its own but the hang guard (vitest.e2e.config.ts).
  try {
    await page.waitForFunction(([cellId, states]) => states.includes(document.querySelector(`article.cell[data-cell-id="${cellId}"]`)?.getAttribute('data-status') ?? ''), [id, until] as const, { timeout });
  } catch (error) {
    throw new Error(`Cell "${id}" did not reach ${until.join('/')} (status "${await cellStatus(page, id).catch(() => '?')}"; notices: ${JSON.stringify(await page.locator('.notices .notice').allTextContents().catch(() => []))}): ${String(error)}`);
  }
  return cellStatus(page, id);
}
