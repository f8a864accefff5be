// The ML lifecycle in the browser: two training runs with different
// params are tracked, compared in the runs panel (params diff), the better
// one is registered by a register cell, promoted to production in the
// registry panel and loaded by stage in a predict cell
// (`registry:<name>@production`); runs and registry survive a reload and
// come back from window.workbench.runs() / registry(). Every train run
// keeps its model as an artifact, shown in the runs panel, and a run's
// model can be registered from there. The runs panel speaks Korean when the
// UI does. "Export HTML report" downloads a standalone page with every
// figure as an SVG image, which opens offline without errors.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useApp } from './session.ts';
import { allDone, clickForDownload, cells, openNotebook, penguins, runAll, summary } from './helpers.ts';

type Run = { id: string; kind: string; output?: string; params: Record<string, unknown>; metrics: Record<string, number>; notebookTitle: string; curves: unknown[]; modelRef?: string; model?: { type: string; saved: boolean; bytes?: number } };
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
  const s = useApp();

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
    const download = await clickForDownload(page, page.locator('article.cell[data-kind="modelcard"] [data-action="download-html"]'));
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
    // Each run saved its own model as an artifact.
    for (const r of mine) {
      expect(r.modelRef).toBe(`run-artifacts::${r.id}`);
      expect(r.model).toMatchObject({ type: 'mlp', saved: true });
    }
    const runA = mine.find((r) => r.output === 'mlp_a')!;
    const runB = mine.find((r) => r.output === 'mlp_b')!;

    // Compare them in the runs panel: the params diff shows epochs changed.
    await page.locator('[data-action="runs-panel"]').click();
    const panel = page.locator('[data-testid="runs-panel"]');
    await panel.waitFor();
    // The runs table shows each run's artifact: kind and size.
    for (const r of mine) {
      const artifact = panel.locator(`tr[data-run="${r.id}"] [data-testid="run-artifact"][data-artifact="saved"]`);
      await artifact.waitFor();
      expect(await artifact.textContent()).toMatch(/^mlp · [\d.]+ (B|KB|MB)$/);
    }
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

    // The register cell registered mlp_b as v1, reusing its run's artifact (no second copy).
    let versions = await page.evaluate(() => (window as unknown as WB).workbench.registry());
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ name: NAME, version: 1, stage: 'none', runId: runB.id, modelRef: runB.modelRef });

    // Register mlp_a's model from its run in the panel: v2, with that run's artifact.
    await panel.locator(`tr[data-run="${runB.id}"] input[type="checkbox"]`).uncheck();
    const detail = page.locator(`[data-testid="run-detail"][data-run="${runA.id}"]`);
    await detail.waitFor();
    expect(await detail.locator('[data-testid="run-detail-artifact"]').getAttribute('data-artifact')).toBe('saved');
    await detail.locator('[data-testid="register-run-name"]').fill(NAME);
    await detail.locator('[data-action="register-run"]').click();
    await detail.locator('[data-testid="run-message"]').getByText(`Registered "${NAME}" version 2.`).waitFor();
    versions = await page.evaluate(() => (window as unknown as WB).workbench.registry());
    expect(versions.map((v) => [v.version, v.runId, v.modelRef])).toEqual([[1, runB.id, runB.modelRef], [2, runA.id, runA.modelRef]]);
    await panel.locator(`tr[data-run="${runA.id}"] input[type="checkbox"]`).uncheck();

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
    // The cell failed in the run above: wait for this run's outcome, not that error.
    await page.waitForFunction(() => {
      const el = document.querySelector('article.cell[data-kind="predict"]');
      const st = el?.getAttribute('data-status');
      return st === 'done' || (st === 'error' && !/has no version in production|no cell has produced it yet/.test(el?.textContent ?? ''));
    }, null, { timeout: 0 }); // computation: no limit but the hang guard (vitest.e2e.config.ts)
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
    expect(after.filter((r) => r.notebookTitle === TITLE).map((r) => r.modelRef).sort()).toEqual(mine.map((r) => r.modelRef).sort());
    versions = await page.evaluate(() => (window as unknown as WB).workbench.registry());
    expect(versions.map((v) => [v.name, v.version, v.stage, v.modelRef])).toEqual([[NAME, 1, 'production', runB.modelRef], [NAME, 2, 'none', runA.modelRef]]);
    // The artifacts are intact after the reload: both still shown as saved models.
    await page.locator('[data-action="runs-panel"]').click();
    for (const r of mine) await page.locator(`[data-testid="runs-panel"] tr[data-run="${r.id}"] [data-testid="run-artifact"][data-artifact="saved"]`).waitFor();

    // In Korean, the runs panel speaks Korean.
    await page.locator('[data-testid="language"]').selectOption('ko');
    const runsKo = page.locator('[data-testid="runs-panel"]');
    await runsKo.locator('[data-testid="runs-table"] th').getByText('시작 시각').waitFor();
    expect(await runsKo.locator('[data-testid="runs-table"] thead').textContent()).toContain('소요 시간');
    expect(await runsKo.locator(`tr[data-run="${runA.id}"]`).textContent()).toContain('학습');
    expect(await runsKo.locator('[data-testid="runs-count"]').textContent()).toMatch(/실행 \d+개 중 \d+개/);
    expect(await runsKo.locator('[data-action="export-runs"]').textContent()).toContain('JSON 내보내기');
    await page.locator('[data-action="registry-panel"]').click();
    expect(await page.locator(`[data-testid="registry-panel"] [data-version="1"] [data-testid="stage-badge"]`).textContent()).toBe('프로덕션');
    await page.locator('[data-testid="language"]').selectOption('en');
    expect(await page.locator(`[data-testid="registry-panel"] [data-version="1"] [data-testid="stage-badge"]`).textContent()).toBe('production');
    await page.locator('[data-action="close-panel"]').click();
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

    // Runs whose model was not saved, or whose saved model is not in this browser, say so.
    const original = before.find((r) => r.modelRef)!;
    const { modelRef: _ref, ...bare } = original;
    const others = JSON.stringify({ format: 'ml-workbench-runs', version: 1, runs: [
      { ...bare, id: 'run-lstm', model: { type: 'lstm', saved: false, error: 'lstm models cannot be saved yet' } },
      { ...original, id: 'run-elsewhere', modelRef: 'run-artifacts::run-from-another-browser' },
    ] });
    await panel.locator('[data-testid="import-runs"]').setInputFiles({ name: 'more.json', mimeType: 'application/json', buffer: Buffer.from(others) });
    const artifactOf = (id: string) => panel.locator(`tr[data-run="${id}"] [data-testid="run-artifact"]`);
    await artifactOf('run-lstm').waitFor();
    expect(await artifactOf('run-lstm').getAttribute('data-artifact')).toBe('not-saved');
    expect(await artifactOf('run-lstm').textContent()).toBe('model not saved (lstm)');
    expect(await artifactOf('run-elsewhere').getAttribute('data-artifact')).toBe('missing');

    // Deleting the imported copy keeps the saved model its original still uses.
    await panel.locator('tr[data-run="run-imported"] input[type="checkbox"]').check();
    page.once('dialog', (d) => void d.accept());
    await panel.locator('[data-action="delete-runs"]').click();
    await panel.locator('tr[data-run="run-imported"]').waitFor({ state: 'detached' });
    expect(await artifactOf(original.id).getAttribute('data-artifact')).toBe('saved');
  });

  it('exports the penguins notebook as a standalone HTML report with every figure as an SVG image; it opens offline without errors', async () => {
    const page = s.page;
    const nb = penguins();
    // Fewer epochs: the report, not the training, is under test.
    for (const c of nb.cells) if (c.metadata.workbench?.kind === 'train') c.metadata.workbench.params = { ...c.metadata.workbench.params, epochs: 5 };
    (nb.metadata as Record<string, unknown>).title = 'Penguins <report> & "figures"';
    await openNotebook(page, nb);
    await runAll(page);
    const list = await cells(page);
    expect(allDone(list), summary(list)).toBe(true);
    const figures = list.flatMap((c) => c.outputs.filter((o) => o.type === 'figure'));
    expect(figures.length).toBeGreaterThanOrEqual(3);
    const metrics = list.flatMap((c) => c.outputs.filter((o) => o.type === 'metrics')) as unknown as { metrics: Record<string, number> }[];
    expect(metrics.length).toBeGreaterThanOrEqual(2);

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.locator('[data-action="export-report"]').click()]);
    expect(download.suggestedFilename()).toMatch(/\.html$/);
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(`content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"`);
    expect(html).toContain('<title>Penguins &lt;report&gt; &amp; &quot;figures&quot;</title>');
    // The metrics of each evaluate cell, as cards.
    for (const m of metrics) for (const k of Object.keys(m.metrics)) expect(html).toContain(`data-metric="${k}"`);
    expect(html).toContain('data-metric="accuracy"');
    // One SVG image per figure, each a real SVG document.
    const imgs = [...html.matchAll(/<img src="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)"/g)];
    expect(imgs.length).toBe(figures.length);
    for (const m of imgs) expect(Buffer.from(m[1], 'base64').toString('utf8')).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(html).toContain('Flipper and beak length by species');

    // Open it offline in the browser: it renders, every image decodes, nothing errs.
    const dir = mkdtempSync(join(tmpdir(), 'mlwb-report-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    const view = await s.context.newPage();
    const errors: string[] = [];
    view.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    view.on('pageerror', (e) => errors.push(e.message));
    await s.context.setOffline(true);
    try {
      await view.goto(`file://${file}`);
      await view.waitForLoadState('load');
      expect(await view.locator('header h1').textContent()).toBe('Penguins <report> & "figures"');
      const decoded = await view.locator('img').evaluateAll((els) => els.map((e) => (e as HTMLImageElement).complete && (e as HTMLImageElement).naturalWidth > 0));
      expect(decoded).toEqual(figures.map(() => true));
      expect(await view.locator('[data-output="metrics"] .card').count()).toBeGreaterThan(0);
      expect(await view.evaluate(() => document.scripts.length)).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await s.context.setOffline(false);
      await view.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
