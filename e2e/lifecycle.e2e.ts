// The ML lifecycle in the browser: two training runs with different
// params are tracked, compared in the runs panel (params diff), the better
// one is registered by a register cell, promoted to production in the
// registry panel and loaded by stage in a predict cell
// (`registry:<name>@production`); runs and registry survive a reload and
// come back from window.workbench.runs() / registry().
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openApp, type Session } from './browser.ts';
import { cells, openNotebook, penguins, runAll, summary, waitForBackend } from './helpers.ts';

type Run = { id: string; kind: string; output?: string; params: Record<string, unknown>; metrics: Record<string, number>; notebookTitle: string; curves: unknown[] };
type Version = { name: string; version: number; stage: string; runId: string; modelRef?: string };
type WB = { workbench: { ready: Promise<void>; runs(): Promise<Run[]>; registry(): Promise<Version[]> } };

const NAME = 'penguins-mlp';
const TITLE = 'Lifecycle e2e';

function cell(id: string, kind: string, params: Record<string, unknown>) {
  return { cell_type: 'code', execution_count: null, id, metadata: { workbench: { kind, params } }, outputs: [], source: [`// ${kind}`] };
}

function lifecycleNotebook() {
  const nb = penguins();
  const keep = nb.cells.filter((c) => ['load', 'split', 'transform'].includes(c.metadata.workbench?.kind ?? ''));
  const train = nb.cells.find((c) => c.metadata.workbench?.kind === 'train' && c.metadata.workbench.params.model === 'mlp')!.metadata.workbench!.params;
  const mlp = (epochs: number, output: string) => ({ ...train, hidden: [8], epochs, batchSize: 16, output });
  nb.cells = [
    ...keep,
    cell('train-a', 'train', mlp(2, 'mlp_a')),
    cell('train-b', 'train', mlp(12, 'mlp_b')),
    cell('eval-b', 'evaluate', { input: 'test_x', model: 'mlp_b', output: 'mlp_b_metrics' }),
    cell('register-b', 'register', { model: 'mlp_b', name: NAME, metric: 'accuracy', metrics: 'mlp_b_metrics', condition: null, stage: 'none', description: 'MLP, 12 epochs', tags: { course: 'penguins' }, data: '', output: 'registered' }),
    cell('card-b', 'modelcard', { model: 'mlp_b', metrics: 'mlp_b_metrics', title: 'Penguins MLP card', intendedUse: 'Teaching.', output: 'model_card' }),
    cell('predict-prod', 'predict', { model: `registry:${NAME}@production`, transform: '', input: 'test_x', row: {}, output: 'prod_predictions' }),
  ] as typeof nb.cells;
  (nb.metadata as Record<string, unknown>).title = TITLE;
  return nb;
}

describe('ML lifecycle', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
    await openApp(s.page, '/?backend=wasm');
    await waitForBackend(s.page);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('tracks, compares, registers, promotes and serves a model by stage', async () => {
    const page = s.page;
    await openNotebook(page, lifecycleNotebook());
    await runAll(page);
    let list = await cells(page);
    // Everything up to the register cell ran; the predict cell fails: nothing is in production yet.
    expect(list.filter((c) => c.kind !== 'predict').every((c) => c.status === 'done'), summary(list)).toBe(true);
    expect(list.find((c) => c.kind === 'predict')!.status).toBe('error');
    await page.getByText(`"${NAME}" has no version in production`).first().waitFor({ timeout: 10_000 });

    // The model card downloads as a standalone HTML page.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('article.cell[data-kind="modelcard"] [data-action="download-html"]').click()]);
    expect(download.suggestedFilename()).toMatch(/\.html$/);
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('Penguins MLP card');

    // Two tracked runs with different epochs.
    const runs = await page.evaluate(() => (window as unknown as WB).workbench.runs());
    const mine = runs.filter((r) => r.notebookTitle === TITLE && r.kind === 'train');
    expect(mine.map((r) => r.output).sort()).toEqual(['mlp_a', 'mlp_b']);
    expect(mine.find((r) => r.output === 'mlp_a')!.params.epochs).toBe(2);
    expect(mine.find((r) => r.output === 'mlp_b')!.params.epochs).toBe(12);
    expect(mine.every((r) => r.curves.length > 0)).toBe(true);

    // Compare them in the runs panel: the params diff shows epochs changed.
    await page.locator('[data-action="runs-panel"]').click();
    const panel = page.locator('[data-testid="runs-panel"]');
    await panel.waitFor();
    for (const r of mine) await panel.locator(`tr[data-run="${r.id}"] input[type="checkbox"]`).check();
    const compare = page.locator('[data-testid="compare"]');
    await compare.waitFor();
    await compare.locator('[data-testid="params-diff"] tr.differs[data-param="epochs"]').waitFor();
    expect(await compare.locator('[data-testid="params-diff"] tr[data-param="epochs"] td').allTextContents()).toEqual(expect.arrayContaining(['2', '12']));
    expect(await compare.locator('[data-testid="params-diff"] tr.differs').count()).toBeGreaterThanOrEqual(2); // epochs and output
    expect(await compare.locator('[data-testid="params-diff"] tr[data-param="seed"]').getAttribute('class')).not.toContain('differs');
    expect(await compare.locator('[data-testid="parcoords"] polyline').count()).toBe(2);
    await compare.locator('.figure-output .js-plotly-plot').waitFor({ timeout: 30_000 });
    // Search narrows the table.
    await panel.locator('[data-testid="runs-search"]').fill('epochs=12');
    await expect.poll(() => panel.locator('[data-testid="runs-table"] tbody tr').count()).toBe(1);
    await panel.locator('[data-testid="runs-search"]').fill('');

    // The register cell registered mlp_b as v1 with a saved model.
    let versions = await page.evaluate(() => (window as unknown as WB).workbench.registry());
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ name: NAME, version: 1, stage: 'none', runId: mine.find((r) => r.output === 'mlp_b')!.id });
    expect(versions[0].modelRef).toBeTruthy();

    // Promote it to production in the registry panel; an invalid move shows the state machine's error.
    await page.locator('[data-action="registry-panel"]').click();
    const registry = page.locator(`[data-testid="registry-panel"] [data-model-name="${NAME}"]`);
    await registry.waitFor();
    await registry.locator('[data-version="1"] [data-action="stage-production"]').click();
    await registry.locator('[data-version="1"][data-stage="production"]').waitFor();
    await registry.locator('[data-version="1"] [data-action="stage-none"]').click();
    await page.locator('[data-testid="registry-error"]').getByText('cannot go from production to none').waitFor();
    expect(await registry.locator('[data-version="1"]').getAttribute('data-stage')).toBe('production');
    // The version links to its run.
    await registry.locator('[data-version="1"] [data-action="show-run"]').click();
    await page.locator(`[data-testid="runs-panel"] tr.focused[data-run="${versions[0].runId}"]`).waitFor();
    await page.locator('[data-action="close-panel"]').click();

    // Load it by stage in the predict cell.
    const predict = page.locator('article.cell[data-kind="predict"]');
    await predict.locator('.run-cell').click();
    await page.waitForFunction(() => {
      const st = document.querySelector('article.cell[data-kind="predict"]')?.getAttribute('data-status');
      return st === 'done' || st === 'error';
    }, null, { timeout: 60_000 });
    list = await cells(page);
    const pred = list.find((c) => c.kind === 'predict')!;
    expect(pred.status, summary(list)).toBe('done');
    const table = pred.outputs.find((o) => o.type === 'table') as { columns: { name: string }[]; rows: unknown[] } | undefined;
    expect(table?.columns.map((c) => c.name)).toContain('prediction');
    expect(table!.rows.length).toBeGreaterThan(0);

    // After a reload the runs and the registry are still there.
    await page.locator('[data-testid="save-state"].save-saved').waitFor();
    await page.reload();
    await page.waitForFunction(() => (window as unknown as Partial<WB>).workbench !== undefined);
    await page.evaluate(() => (window as unknown as WB).workbench.ready);
    await page.locator('[data-action="runs-panel"]').click();
    for (const r of mine) await page.locator(`[data-testid="runs-panel"] tr[data-run="${r.id}"]`).waitFor();
    await page.locator('[data-action="registry-panel"]').click();
    await page.locator(`[data-testid="registry-panel"] [data-model-name="${NAME}"] [data-version="1"][data-stage="production"]`).waitFor();
    const after = await page.evaluate(() => (window as unknown as WB).workbench.runs());
    expect(after.filter((r) => r.notebookTitle === TITLE).map((r) => r.id).sort()).toEqual(mine.map((r) => r.id).sort());
    versions = await page.evaluate(() => (window as unknown as WB).workbench.registry());
    expect(versions.map((v) => [v.name, v.version, v.stage])).toEqual([[NAME, 1, 'production']]);
  });

  it('refuses a bad runs file and changes nothing', async () => {
    const page = s.page;
    const before = await page.evaluate(() => (window as unknown as WB).workbench.runs());
    await page.locator('[data-action="runs-panel"]').click();
    const panel = page.locator('[data-testid="runs-panel"]');
    await panel.waitFor();
    const bad = JSON.stringify({ format: 'ml-workbench-runs', version: 1, runs: [{ ...before[0], id: 'run-imported', durationMs: -5 }] });
    await panel.locator('[data-testid="import-runs"]').setInputFiles({ name: 'bad-runs.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    await panel.locator('[data-testid="import-message"]').getByText('runs.0.durationMs').waitFor();
    expect(await page.evaluate(() => (window as unknown as WB).workbench.runs())).toHaveLength(before.length);
    // A good file (the export of one run, renamed) is imported.
    const good = JSON.stringify({ format: 'ml-workbench-runs', version: 1, runs: [{ ...before[0], id: 'run-imported' }] });
    await panel.locator('[data-testid="import-runs"]').setInputFiles({ name: 'runs.json', mimeType: 'application/json', buffer: Buffer.from(good) });
    await panel.locator('tr[data-run="run-imported"]').waitFor();
    expect(await page.evaluate(() => (window as unknown as WB).workbench.runs())).toHaveLength(before.length + 1);
  });
});
