// Authoring as a student (issue 12): forms that fit the model, cells that
// wire themselves, undo and the Jupyter keys, leakage named where it is used.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { useApp } from './session.ts';
import { allDone, cells, ROOT, summary } from './helpers.ts';

const BANK = resolve(ROOT, '../shared/datasets/bank-marketing/bank-additional.csv');

function exported(page: Page): Promise<{ cells: { id?: string; cell_type: string; metadata: { workbench?: { kind: string; params: Record<string, unknown> } } }[] }> {
  return page.evaluate(() => JSON.parse((window as unknown as { workbench: { exportNotebook(): string } }).workbench.exportNotebook()));
}

async function waitSettled(page: Page, timeout = 180_000): Promise<void> {
  await page.waitForFunction(() => {
    const list = (window as unknown as { workbench: { cells(): { kind: string; status: string }[] } }).workbench.cells();
    return list.filter((c) => c.kind !== 'markdown').every((c) => c.status === 'done' || c.status === 'error' || c.status === 'cancelled');
  }, null, { timeout });
}

describe('forms that fit the model', () => {
  const s = useApp({ course: 'penguins.ipynb' });

  it('the MLP train form shows at most 14 inputs until Advanced is opened, and no number above 10^7', async () => {
    const cell = s.page.locator('article.cell[data-kind="train"]', { hasText: 'MLP' }).first();
    await cell.locator('[data-testid="toggle-form"]').click();
    const form = cell.locator('.param-form');
    await form.waitFor();
    const inputs = form.locator('input:visible, select:visible, textarea:visible');
    const basic = await inputs.count();
    expect(basic).toBeGreaterThan(5);
    expect(basic).toBeLessThanOrEqual(14);
    // Layer sizes are a list of numbers, not JSON.
    expect(await form.locator('.number-list input').count()).toBe(1);
    expect(await form.locator('textarea').count()).toBe(0);
    const numbers = async () => {
      const text = (await form.innerText()).match(/\d[\d,.]*/g) ?? [];
      const attrs = await form.locator('input').evaluateAll((els) => els.flatMap((e) => [e.getAttribute('min'), e.getAttribute('max')]).filter((v): v is string => v !== null));
      return [...text.map((t) => Number(t.replace(/,/g, ''))), ...attrs.map(Number)];
    };
    expect(Math.max(...(await numbers()))).toBeLessThanOrEqual(1e7);
    await form.locator('[data-action="advanced"]').first().click();
    expect(await inputs.count()).toBeGreaterThan(basic);
    expect(Math.max(...(await numbers()))).toBeLessThanOrEqual(1e7);
    // Boosted-tree settings appear only for that model.
    expect(await form.getByText('Rounds', { exact: false }).count()).toBe(0);
    expect(await form.getByText('Max Depth', { exact: false }).count()).toBe(0);
  });

  it('Ctrl+Z undoes a parameter edit', async () => {
    const cell = s.page.locator('article.cell[data-kind="train"]', { hasText: 'MLP' }).first();
    const epochs = cell.locator('[data-param="params.epochs"] input');
    const before = await epochs.inputValue();
    await epochs.fill('7');
    await s.page.keyboard.press('Escape');
    const params = async () => (await exported(s.page)).cells.map((c) => c.metadata.workbench).find((w) => w?.kind === 'train' && w.params.model === 'mlp')!.params;
    expect((await params()).epochs).toBe(7);
    await s.page.keyboard.press('Control+z');
    await s.page.waitForFunction((v) => (document.querySelector('article.cell[data-kind="train"] [data-param="params.epochs"] input') as HTMLInputElement | null)?.value !== '7' || v === '7', before);
    expect(String((await params()).epochs)).toBe(before);
    expect(await epochs.inputValue()).toBe(before);
  });
});

describe('undo and the Jupyter keys', () => {
  const s = useApp({ course: 'penguins.ipynb' });

  it('delete → Z restores the cell with its outputs', async () => {
    await s.page.locator('[data-action="run-all"]').click();
    await waitSettled(s.page);
    const before = await cells(s.page);
    const target = before.find((c) => c.kind === 'eda')!;
    expect(target.outputs.length).toBeGreaterThan(0);
    await s.page.locator(`article.cell[data-cell-id="${target.id}"] .cell-index`).click();
    await s.page.keyboard.press('d');
    await s.page.keyboard.press('d');
    await s.page.waitForFunction((id) => !document.querySelector(`article.cell[data-cell-id="${id}"]`), target.id);
    await s.page.keyboard.press('z');
    await s.page.locator(`article.cell[data-cell-id="${target.id}"]`).waitFor();
    const after = await cells(s.page);
    expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id));
    expect(after.find((c) => c.id === target.id)!.outputs).toEqual(target.outputs);
    // Outputs render from a lazy chunk; waitFor fails the test if they never come back.
    await s.page.locator(`article.cell[data-cell-id="${target.id}"] .profile, article.cell[data-cell-id="${target.id}"] table`).first().waitFor({ timeout: 30_000 });
  });

  it('the notice after a delete has an Undo button', async () => {
    const before = await cells(s.page);
    const md = before.find((c) => c.kind === 'markdown')!;
    await s.page.locator(`article.cell[data-cell-id="${md.id}"] button[aria-label="Delete cell"], article.cell[data-cell-id="${md.id}"] .cell-actions .danger`).first().click();
    await s.page.locator('.notice [data-action="notice-action"]').click();
    await s.page.locator(`article.cell[data-cell-id="${md.id}"]`).waitFor();
    expect((await cells(s.page)).map((c) => c.id)).toEqual(before.map((c) => c.id));
  });

  it('Y and M switch a cell between code and markdown; C and V copy and paste a cell', async () => {
    const md = (await cells(s.page)).find((c) => c.kind === 'markdown')!;
    const sel = `article.cell[data-cell-id="${md.id}"]`;
    await s.page.locator(`${sel} .cell-index`).click();
    await s.page.keyboard.press('y');
    await s.page.waitForFunction((q) => document.querySelector(q)?.getAttribute('data-kind') === 'code', sel);
    await s.page.keyboard.press('m');
    await s.page.waitForFunction((q) => document.querySelector(q)?.getAttribute('data-kind') === 'markdown', sel);
    const count = (await cells(s.page)).length;
    await s.page.keyboard.press('c');
    await s.page.keyboard.press('v');
    await s.page.waitForFunction((n) => document.querySelectorAll('article.cell').length === n + 1, count);
    const list = await cells(s.page);
    const i = list.findIndex((c) => c.id === md.id);
    expect(list[i + 1].kind).toBe('markdown');
    expect(list[i + 1].id).not.toBe(md.id);
    // Z undoes the paste.
    await s.page.keyboard.press('z');
    await s.page.waitForFunction((n) => document.querySelectorAll('article.cell').length === n, count);
  });
});

describe('cells that wire themselves', () => {
  const s = useApp();

  it('builds load → explore → split → train → evaluate on an uploaded CSV in at most 12 interactions plus typing the target once', async () => {
    let interactions = 0;
    const act = async (f: () => Promise<unknown>) => {
      interactions++;
      await f();
    };
    await act(() => s.page.getByRole('button', { name: /New notebook/ }).click());
    await s.page.waitForFunction(() => document.querySelectorAll('article.cell').length === 1);
    await act(() => s.page.locator('[data-testid="upload-data"]').setInputFiles({ name: 'bank-additional.csv', mimeType: 'text/csv', buffer: readFileSync(BANK) }));
    const row = s.page.locator('.files li', { hasText: 'bank-additional.csv' });
    await act(() => row.getByRole('button', { name: /load cell/i }).click());
    await s.page.locator('article.cell[data-kind="load"]').waitFor();
    await act(() => s.page.locator('.notebook > .add-cell [data-add-kind="eda"]').click());
    // The new cell's form is open at once; its input is the uploaded table. The target is typed once.
    const eda = s.page.locator('article.cell[data-kind="eda"]');
    await eda.locator('[data-field="params.target"]').fill('y');
    await act(() => s.page.locator('.notebook > .add-cell [data-add-kind="split"]').click());
    await act(() => s.page.locator('.notebook > .add-cell [data-add-kind="train"]').click());
    await act(() => s.page.locator('.notebook > .add-cell [data-add-kind="evaluate"]').click());
    await act(() => s.page.locator('[data-action="run-all"]').click());
    await waitSettled(s.page, 300_000);
    expect(interactions).toBeLessThanOrEqual(12);
    const list = await cells(s.page);
    expect(list.map((c) => c.kind)).toEqual(['markdown', 'load', 'eda', 'split', 'train', 'evaluate']);
    expect(allDone(list), summary(list)).toBe(true);
    const params = (await exported(s.page)).cells.map((c) => c.metadata.workbench?.params ?? {});
    expect(params[2]).toMatchObject({ input: 'bank_additional', target: 'y' });
    expect(params[3]).toMatchObject({ input: 'bank_additional', target: 'y' });
    expect(params[4]).toMatchObject({ input: 'train', target: 'y' });
    expect(params[5]).toMatchObject({ input: 'test', model: 'model' });
    const metrics = list[5].outputs.find((o) => o.type === 'metrics');
    expect(metrics, summary(list)).toBeTruthy();
  });

  it('names the leaking column on the train cell, and dropping it is one undoable click', async () => {
    const train = s.page.locator('article.cell[data-kind="train"]');
    const warning = train.locator('[data-testid="leak-warning"][data-column="duration"]');
    await warning.waitFor();
    expect(await warning.innerText()).toMatch(/duration/);
    await s.page.locator('article.cell[data-kind="split"] [data-testid="leak-warning"][data-column="duration"]').waitFor();
    await warning.locator('[data-action="drop-leak"]').click();
    await warning.waitFor({ state: 'detached' });
    const features = async () => ((await exported(s.page)).cells[4].metadata.workbench!.params.features ?? []) as string[];
    expect(await features()).not.toContain('duration');
    expect((await features()).length).toBeGreaterThan(3);
    await s.page.locator('.notice [data-action="notice-action"]').first().click();
    await warning.waitFor();
    expect(await features()).toEqual([]);
  });
});
