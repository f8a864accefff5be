// Training runs in the worker: the main thread has no long task while a
// model trains, Stop cancels it, and the backend can be switched.
import { describe, expect, it } from 'vitest';
import { useApp } from './session.ts';
import { backend, cells, openNotebook, penguinsLongTraining, waitForBackend } from './helpers.ts';

describe('training', () => {
  const s = useApp();

  it('keeps the main thread free while training, and Stop cancels the run', async () => {
    await openNotebook(s.page, penguinsLongTraining(2000));
    await s.page.locator('[data-action="run-all"]').click();
    await s.page.waitForFunction(() => document.querySelector('article.cell[data-kind="train"]')?.getAttribute('data-status') === 'running', null, { timeout: 60_000 });
    // Live progress and a loss curve while it trains.
    await s.page.locator('article.cell[data-kind="train"] .progress').waitFor();
    await s.page.locator('article.cell[data-kind="train"] .training-chart').first().waitFor({ timeout: 30_000 });
    // From here on the model trains: watch the main thread for long tasks.
    await s.page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    await s.page.evaluate(() => new Promise((r) => setTimeout(r, 3000)));
    const longTasks = await s.page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    expect(Math.max(0, ...longTasks), `long tasks: ${longTasks.join(', ')}`).toBeLessThan(200);
    const t0 = Date.now();
    await s.page.locator('[data-action="stop"]').click();
    await s.page.waitForFunction(() => document.querySelector('article.cell[data-kind="train"]')?.getAttribute('data-status') === 'cancelled', null, { timeout: 30_000 });
    expect(Date.now() - t0).toBeLessThan(5000);
    const train = (await cells(s.page)).find((c) => c.kind === 'train')!;
    expect(train.outputs.some((o) => o.type === 'error' && /Stopped/.test(String(o.message)))).toBe(true);
  });

  it('switches the backend', async () => {
    expect(await backend(s.page)).toBe('wasm');
    await s.page.locator('[data-testid="backend"]').selectOption('cpu');
    await s.page.waitForFunction(() => (window as unknown as { workbench: { backend(): string } }).workbench.backend() === 'cpu');
    await openNotebook(s.page, penguinsLongTraining(3));
    await s.page.evaluate(() => (window as unknown as { workbench: { runAll(): Promise<void> } }).workbench.runAll());
    const train = (await cells(s.page)).find((c) => c.kind === 'train')!;
    expect(train.status).toBe('done');
    await s.page.locator('[data-testid="backend"]').selectOption('wasm');
    await s.page.waitForFunction(() => (window as unknown as { workbench: { backend(): string } }).workbench.backend() === 'wasm');
  });

  it('stops a code cell that never checks the signal by restarting the kernel', async () => {
    const code = (id: string, source: string) => ({ cell_type: 'code', id, metadata: { workbench: { kind: 'code', params: {} } }, source, outputs: [], execution_count: null });
    await openNotebook(s.page, { nbformat: 4, nbformat_minor: 5, metadata: { title: 'Busy loop' }, cells: [code('busy', 'while (true) {}'), code('after', 'return 1 + 1')] }, { trusted: true });
    await s.page.locator('article.cell[data-cell-id="busy"] .run-cell').click();
    await s.page.waitForFunction(() => document.querySelector('article.cell[data-cell-id="busy"]')?.getAttribute('data-status') === 'running');
    await s.page.locator('[data-action="stop"]').click();
    await s.page.waitForFunction(() => document.querySelector('article.cell[data-cell-id="busy"]')?.getAttribute('data-status') === 'cancelled', null, { timeout: 20_000 });
    await waitForBackend(s.page);
    await s.page.locator('article.cell[data-cell-id="after"] .run-cell').click();
    await s.page.waitForFunction(() => document.querySelector('article.cell[data-cell-id="after"]')?.getAttribute('data-status') === 'done', null, { timeout: 30_000 });
    expect(await s.page.locator('article.cell[data-cell-id="after"] .text-output').textContent()).toBe('2');
  });
});
