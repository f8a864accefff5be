// Uploading a CSV and loading it; exporting the notebook and opening the
// file again; a broken notebook file leaves the store untouched.
import { describe, expect, it } from 'vitest';
import { useApp } from './session.ts';
import { readFileSync } from 'node:fs';
import { cells } from './helpers.ts';

const CSV = 'x,y,label\n' + Array.from({ length: 120 }, (_, i) => `${i},${(i * 0.5).toFixed(1)},${i % 2 ? 'odd' : 'even'}`).join('\n') + '\n';

describe('files', () => {
  const s = useApp();

  it('uploads a CSV and reads it with a load cell', async () => {
    await s.page.locator('[data-testid="upload-data"]').setInputFiles({ name: 'numbers.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    const row = s.page.locator('.files li', { hasText: 'numbers.csv' });
    await row.waitFor();
    await row.getByRole('button', { name: /load cell/i }).click();
    // The new load cell is inserted after the selected cell and selected.
    const cell = s.page.locator('article.cell.selected[data-kind="load"]');
    await cell.waitFor();
    const id = await cell.getAttribute('data-cell-id');
    await cell.locator('.run-cell').click();
    await s.page.waitForFunction((cid) => {
      const status = document.querySelector(`article.cell[data-cell-id="${cid}"]`)?.getAttribute('data-status');
      return status === 'done' || status === 'error';
    }, id);
    const load = (await cells(s.page)).find((c) => c.id === id)!;
    expect(load.status, JSON.stringify(load.outputs)).toBe('done');
    const table = load.outputs.find((o) => o.type === 'table')!;
    expect(table.rowCount).toBe(120);
    expect((table.columns as { name: string }[]).map((c) => c.name)).toEqual(['x', 'y', 'label']);
  });

  it('exports the notebook and opens the exported file', async () => {
    const before = await cells(s.page);
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.locator('[data-action="export"]').click()]);
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    expect(JSON.parse(text).nbformat).toBe(4);
    await s.page.locator('[data-testid="open-notebook"]').setInputFiles({ name: 'again.ipynb', mimeType: 'application/json', buffer: Buffer.from(text) });
    await s.page.waitForFunction(() => document.querySelector('.nav-item.active')?.textContent?.length);
    const after = await cells(s.page);
    expect(after.map((c) => c.kind)).toEqual(before.map((c) => c.kind));
    expect(after.map((c) => c.outputs.length)).toEqual(before.map((c) => c.outputs.length));
  });

  it('reports a broken notebook file and stores nothing', async () => {
    // The notebook opened above is the only one of the user's.
    await s.page.waitForFunction(() => document.querySelectorAll('[data-testid=my-notebooks] li').length === 1);
    const count = await s.page.locator('[data-testid=my-notebooks] li').count();
    await s.page.locator('[data-testid="open-notebook"]').setInputFiles({ name: 'broken.ipynb', mimeType: 'application/json', buffer: Buffer.from('{"cells": [ {"cell_type": "code", ') });
    const notice = s.page.locator('.notice-error');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/broken\.ipynb.*(JSON|ends early)/);
    expect(await s.page.locator('[data-testid=my-notebooks] li').count()).toBe(count);
  });
});
