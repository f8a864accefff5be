// Outputs and files, continued: sorting a virtualized table, downloading a
// figure as PNG, dropping an .ipynb and a CSV on the window, resetting a
// course notebook to its original, and an edit made right before a reload.
import { describe, expect, it } from 'vitest';
import { useApp } from './session.ts';
import { type Session } from './browser.ts';
import { cells, clickForDownload, penguins } from './helpers.ts';

type WB = { workbench: { ready: Promise<void> } };

async function reloadApp(s: Session): Promise<void> {
  await s.page.reload();
  await s.page.waitForFunction(() => (window as unknown as Partial<WB>).workbench !== undefined);
  await s.page.evaluate(() => (window as unknown as WB).workbench.ready);
}

/** Drop files on the app, with a DataTransfer built in the page. */
async function dropFiles(s: Session, files: { name: string; type: string; text: string }[]): Promise<void> {
  await s.page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: f.type }));
    const target = document.querySelector('.app')!;
    target.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: dt }));
    target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt }));
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
  }, files);
}

describe('outputs and files', () => {
  const s = useApp({ course: 'penguins.ipynb' });

  it('sorts the whole table (not just the preview) by clicking a header, keeping only the visible rows in the DOM', async () => {
    const load = s.page.locator('article.cell[data-kind="load"]');
    await load.locator('.run-cell').click();
    await s.page.waitForFunction(() => document.querySelector('article.cell[data-kind="load"]')?.getAttribute('data-status') === 'done');
    const table = load.locator('.table-output').first();
    await table.waitFor();
    const column = 'Body Mass (g)';
    const values = () =>
      table.evaluate((el, name) => {
        const heads = [...el.querySelectorAll('[role=columnheader]')].map((h) => h.querySelector('.col-name')?.textContent ?? '');
        const index = heads.indexOf(name);
        return [...el.querySelectorAll('[role=row]:not(.grid-head)')].map((r) => r.children[index]?.textContent ?? '');
      }, column);
    const shown = (await values()).length;
    const total = await table.evaluate((el) => Number(el.querySelector('[role=grid]')!.getAttribute('aria-rowcount')) - 1);
    // The preview holds 50 rows; the grid covers all 344 penguins through the kernel.
    expect(total).toBe(344);
    expect(shown).toBeLessThan(total); // virtualized: only the rows in view (and a few more) are in the DOM
    const header = table.locator('[role=columnheader]', { hasText: column });
    const numbers = (xs: string[]) => xs.filter((x) => x !== '—').map((x) => Number(x.replace(/[, ]/g, '')));
    // The header changes at once; the sorted rows come from the kernel a moment
    // later, so wait for them (the lightest penguin first) before reading.
    await header.locator('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(async () => numbers(await values())[0], { timeout: 60_000 }).toBe(2700);
    const up = numbers(await values());
    expect(up.length).toBeGreaterThan(5);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await header.locator('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(async () => numbers(await values())[0], { timeout: 60_000 }).toBe(6300);
    const down = numbers(await values());
    expect(down).toEqual([...down].sort((a, b) => b - a));
    expect(down[0]).toBeGreaterThan(up[0]);
    // The lightest (2700 g, a Chinstrap) and heaviest (6300 g, a Gentoo) penguins are far past the first 50 rows.
    expect(up[0]).toBe(2700);
    expect(down[0]).toBe(6300);
    // Scrolling to the end of the unsorted table fetches the last rows from the kernel.
    await header.locator('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('none');
    await table.locator('[role=grid]').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await table.locator('[role=rowheader]', { hasText: /^344$/ }).waitFor();
    await s.page.waitForFunction(() => !document.querySelector('article.cell[data-kind="load"] .grid-row.loading'));
  });

  it('downloads a figure as PNG and a table as CSV', async () => {
    const viz = s.page.locator('article.cell[data-kind="visualize"]').first();
    await viz.locator('.run-cell').click();
    const png = viz.locator('.figure-output button', { hasText: 'PNG' });
    await png.and(s.page.locator(':not([disabled])')).waitFor({ timeout: 60_000 });
    await viz.locator('.plot .main-svg').first().waitFor({ timeout: 60_000 });
    const download = await clickForDownload(s.page, png);
    expect(download.suggestedFilename()).toMatch(/\.png$/);

    const table = s.page.locator('article.cell[data-kind="load"] .table-output').first();
    const csv = await clickForDownload(s.page, table.getByRole('button', { name: /csv/i }));
    expect(csv.suggestedFilename()).toBe('penguins.csv');
    const text = await (await import('node:fs/promises')).readFile((await csv.path())!, 'utf8');
    expect(text.trim().split('\n').length).toBe(345); // header + every row, not only the preview
  });

  it('keeps an edit made right before a reload (save on pagehide)', async () => {
    const title = s.page.locator('.notebook-title');
    await title.fill('Penguins, edited just now');
    // No waiting for the autosave timer: reload at once.
    await reloadApp(s);
    await s.page.locator('.notebook-title').waitFor();
    expect(await s.page.locator('.notebook-title').inputValue()).toBe('Penguins, edited just now');
  });

  it('resets a course notebook to the original', async () => {
    const original = penguins();
    const before = await s.page.locator('article.cell').count();
    await s.page.locator('article.cell[data-kind="load"] .cell-index').click();
    await s.page.keyboard.press('Escape');
    await s.page.keyboard.press('d');
    await s.page.keyboard.press('d');
    await s.page.waitForFunction((n) => document.querySelectorAll('article.cell').length === n - 1, before);
    s.page.once('dialog', (d) => void d.accept());
    await s.page.getByRole('button', { name: 'Reset to original' }).click();
    await s.page.waitForFunction((n) => document.querySelectorAll('article.cell').length === n, original.cells.length);
    expect(await s.page.locator('.notebook-title').inputValue()).not.toBe('Penguins, edited just now');
    const list = await cells(s.page);
    expect(list.some((c) => c.kind === 'load')).toBe(true);
    expect(list.every((c) => c.status === 'idle')).toBe(true);
  });

  it('opens a dropped .ipynb and uploads a dropped CSV', async () => {
    const nb = penguins();
    (nb.metadata as Record<string, unknown>).title = 'Dropped notebook';
    await dropFiles(s, [{ name: 'dropped.ipynb', type: 'application/x-ipynb+json', text: JSON.stringify(nb) }]);
    await s.page.waitForFunction(() => (document.querySelector('.notebook-title') as HTMLInputElement | null)?.value === 'Dropped notebook');
    await s.page.locator('[data-testid="my-notebooks"] li', { hasText: 'Dropped notebook' }).waitFor();
    expect(await s.page.locator('article.cell').count()).toBe(nb.cells.length);

    await dropFiles(s, [{ name: 'dropped.csv', type: 'text/csv', text: 'a,b\n1,2\n3,4\n' }]);
    await s.page.locator('.files li', { hasText: 'dropped.csv' }).waitFor();
  });
});
