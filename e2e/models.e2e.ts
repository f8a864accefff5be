// Trained models are saved to IndexedDB and come back after a reload: an
// evaluate cell runs without retraining (its inputs are rebuilt by the cheap
// cells above it; the train cell does not run).
import { describe, expect, it } from 'vitest';
import { useApp } from './session.ts';
import { allDone, cells, openNotebook, penguins, runAll, summary } from './helpers.ts';

type WB = { workbench: { ready: Promise<void>; cells(): { id: string; kind: string; status: string }[] } };

describe('saved models', () => {
  const s = useApp();

  it('keeps a trained model across a reload and evaluates it without retraining', async () => {
    const nb = penguins();
    // load → split → transform → train (baseline) → evaluate
    const firstEval = nb.cells.findIndex((c) => c.metadata.workbench?.kind === 'evaluate');
    nb.cells = nb.cells.slice(0, firstEval + 1).filter((c) => !['eda', 'visualize'].includes(c.metadata.workbench?.kind ?? ''));
    (nb.metadata as Record<string, unknown>).title = 'Saved model';
    await openNotebook(s.page, nb);
    await runAll(s.page);
    const ran = await cells(s.page);
    expect(allDone(ran), summary(ran)).toBe(true);
    const metricsOf = (list: typeof ran) => list.find((c) => c.kind === 'evaluate')!.outputs.find((o) => o.type === 'metrics')!.metrics;
    const trained = metricsOf(ran);
    await s.page.locator('[data-testid="saved-models"] [data-model="baseline"]').waitFor({ timeout: 30_000 });
    await s.page.locator('[data-testid="save-state"].save-saved').waitFor();

    await s.page.reload();
    await s.page.waitForFunction(() => (window as unknown as Partial<WB>).workbench !== undefined);
    await s.page.evaluate(() => (window as unknown as WB).workbench.ready);
    await s.page.locator('[data-testid="saved-models"] [data-model="baseline"]').waitFor();
    // Record every status the train cell goes through from now on.
    await s.page.evaluate(() => {
      const w = window as unknown as WB & { trainStatuses: string[] };
      w.trainStatuses = [];
      const train = w.workbench.cells().find((c) => c.kind === 'train')!;
      const tick = () => {
        const now = w.workbench.cells().find((c) => c.id === train.id)!.status;
        if (w.trainStatuses[w.trainStatuses.length - 1] !== now) w.trainStatuses.push(now);
        requestAnimationFrame(tick);
      };
      tick();
    });
    const evaluate = s.page.locator('article.cell[data-kind="evaluate"]');
    expect(await evaluate.getAttribute('data-status')).toBe('idle');
    await evaluate.locator('.run-cell').click();
    await s.page.waitForFunction(() => {
      const st = document.querySelector('article.cell[data-kind="evaluate"]')?.getAttribute('data-status');
      return st === 'done' || st === 'error';
    }, null, { timeout: 0 }); // computation: no limit but the hang guard (vitest.e2e.config.ts)
    const after = await cells(s.page);
    const ev = after.find((c) => c.kind === 'evaluate')!;
    expect(ev.status, summary(after)).toBe('done');
    // The restored model predicts exactly as the trained one did (same seeded split).
    expect(metricsOf(after)).toEqual(trained);
    await evaluate.locator('.metric-card').first().waitFor();
    const statuses = await s.page.evaluate(() => (window as unknown as { trainStatuses: string[] }).trainStatuses);
    expect(statuses).not.toContain('running');
    expect(after.find((c) => c.kind === 'train')!.status).toBe('idle');

    // Deleting it in the sidebar removes it from the store.
    await s.page.locator('[data-testid="saved-models"] [data-model="baseline"] [data-action="delete-model"]').click();
    await s.page.locator('[data-testid="saved-models"] [data-model="baseline"]').waitFor({ state: 'detached' });
  });
});
