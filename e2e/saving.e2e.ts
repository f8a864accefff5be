// Saving holds in one tab (issue 14, item 4): five run-alls in a row, then a
// reload: "Saved", no conflict banner, every output back. Every course
// notebook of the gallery (the English UI's; the Korean copies have the same
// cells), one after another in one browser and one tab, run-alls back to
// back. E2E_COURSES=a.ipynb,b.ipynb narrows it.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { useApp } from './session.ts';
import { cells, openNotebook, penguins, ROOT } from './helpers.ts';

const COURSES = process.env.E2E_COURSES
  ? process.env.E2E_COURSES.split(',').map((f) => f.trim()).filter(Boolean)
  : readdirSync(resolve(ROOT, 'notebooks')).filter((f) => f.endsWith('.ipynb') && !f.endsWith('.ko.ipynb')).sort();

describe('saving in one tab', () => {
  const s = useApp();

  for (const course of COURSES) {
    it(`${course}: five run-alls, then a reload, lose nothing and see no conflict`, async () => {
      await s.page.locator(`[data-course="${course}"]`).click();
      await s.page.locator(`[data-course="${course}"][aria-current="page"]`).waitFor();
      for (let round = 0; round < 5; round++) {
        await s.page.evaluate(() => (window as unknown as { workbench: { runAll(): Promise<void> } }).workbench.runAll());
        expect(await s.page.locator('[data-testid="conflict-banner"]').count()).toBe(0);
        // A course notebook runs clean: a cell left erred or stopped would hide a lost input.
        const unfinished = (await cells(s.page)).filter((c) => c.kind !== 'markdown' && c.status !== 'done').map((c) => `${c.kind} ${c.id}: ${c.status}`);
        expect(unfinished, `round ${round + 1}`).toEqual([]);
      }
      await s.page.locator('[data-testid="save-state"].save-saved').waitFor({ timeout: 30_000 });
      expect(await s.page.locator('[data-testid="conflict-banner"]').count()).toBe(0);
      const before = await cells(s.page);
      await s.page.reload();
      await s.page.waitForFunction(() => (window as unknown as { workbench?: unknown }).workbench !== undefined);
      await s.page.evaluate(() => (window as unknown as { workbench: { ready: Promise<void> } }).workbench.ready);
      const after = await cells(s.page);
      expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id));
      expect(after.map((c) => c.outputs)).toEqual(before.map((c) => c.outputs));
      expect(await s.page.locator('[data-testid="conflict-banner"]').count()).toBe(0);
      await s.page.locator('[data-testid="save-state"].save-saved').waitFor();
    });
  }

  it('a reload during a run, then another at once, keeps every finished cell\'s output', async () => {
    await openNotebook(s.page, penguins(), { trusted: true });
    void s.page.evaluate(() => (window as unknown as { workbench: { runAll(): Promise<void> } }).workbench.runAll()).catch(() => undefined);
    await s.page.waitForFunction(() => {
      const list = (window as unknown as { workbench: { cells(): { kind: string; status: string }[] } }).workbench.cells();
      return list.filter((c) => c.status === 'done').length >= 4;
    }, null, { timeout: 60_000 });
    const finished = (await cells(s.page)).filter((c) => c.status === 'done');
    await s.page.reload();
    await s.page.reload();
    await s.page.waitForFunction(() => (window as unknown as { workbench?: unknown }).workbench !== undefined);
    await s.page.evaluate(() => (window as unknown as { workbench: { ready: Promise<void> } }).workbench.ready);
    const after = await cells(s.page);
    for (const c of finished) expect(after.find((a) => a.id === c.id)?.outputs, `${c.kind} ${c.id}`).toEqual(c.outputs);
    expect(await s.page.locator('[data-testid="conflict-banner"]').count()).toBe(0);
  });
});
