// Outputs that teach (issue 13, items 1–3): training curves as Plotly charts
// with axis titles, named series and the best epoch marked; an evaluated
// binary classifier with headline metrics first (explained on focus), the
// rest folded, ROC / precision-recall / calibration curves and a threshold
// slider that updates the confusion matrix; a regressor's predicted-vs-actual
// and residual plots; the same in Korean and after a reload. Screenshots go
// to test-results/ (git-ignored) as artifacts.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { useApp } from './session.ts';
import { ROOT, allDone, clickForDownload, cells, openNotebook, penguins, runAll, summary } from './helpers.ts';

const SHOTS = resolve(ROOT, 'test-results');

type Nb = ReturnType<typeof penguins>;
type Cell = Nb['cells'][number];

/** Penguins made binary (Adelie or other), with early stopping, a boosted-trees model and a regression on body mass. */
function teachingNotebook(): Nb {
  const nb = penguins();
  const keep: Cell[] = [];
  let trains = 0;
  for (const c of nb.cells) {
    const w = c.metadata.workbench;
    if (w?.kind === 'eda' || w?.kind === 'visualize') continue;
    if (w?.kind === 'transform') {
      const steps = w.params.steps as Record<string, unknown>[];
      w.params.steps = [{ op: 'derive', name: 'Species', expr: "d => d.Species === 'Adelie' ? 'Adelie' : 'other'" }, ...steps];
    }
    if (w?.kind === 'train' && trains++ === 1) w.params = { ...w.params, epochs: 120, patience: 6 };
    keep.push(c);
  }
  const cell = (kind: string, params: Record<string, unknown>): Cell => ({ cell_type: 'code', metadata: { workbench: { kind, params } } }) as Cell;
  keep.push(
    cell('train', { input: 'train_x', target: 'Species', model: 'gbdt', output: 'trees', validation: 'valid_x', seed: 1, gbdt: { rounds: 30 } }),
    cell('evaluate', { input: 'test_x', model: 'trees', output: 'trees_metrics' }),
    cell('train', { input: 'train_x', target: 'body_mass', features: ['beak_length', 'beak_depth', 'flipper_length'], task: 'regression', model: 'linear', epochs: 40, learningRate: 0.05, output: 'mass', seed: 1 }),
    cell('evaluate', { input: 'test_x', model: 'mass', output: 'mass_metrics' }),
  );
  nb.cells = keep.map((c) => ({ ...c, source: (c as { source?: unknown }).source ?? '', outputs: [], execution_count: null }) as Cell);
  (nb.metadata as Record<string, unknown>).title = 'Outputs that teach';
  return nb;
}

async function axisTitles(figure: Locator): Promise<string[]> {
  await figure.locator('.plot .main-svg').first().waitFor({ timeout: 60_000 });
  return figure.locator('.xtitle, .ytitle').allTextContents();
}

describe('outputs that teach', () => {
  const s = useApp();

  it('runs a binary classifier, a boosted-trees model and a regressor', async () => {
    await s.page.setViewportSize({ width: 1440, height: 1000 });
    await openNotebook(s.page, teachingNotebook(), { trusted: true });
    await runAll(s.page);
    const list = await cells(s.page);
    expect(allDone(list), summary(list)).toBe(true);
  }, 240_000);

  it('draws training curves with axis titles, named series and the best epoch marked', async () => {
    const trains = s.page.locator('article.cell[data-kind="train"]');
    const mlp = trains.nth(1);
    const figures = mlp.locator('.training-output .figure-output');
    await figures.first().waitFor();
    expect(await axisTitles(figures.first())).toEqual(['Epoch', 'Loss']);
    const legend = await figures.first().locator('.legendtext').allTextContents();
    expect(legend).toEqual(['training loss', 'validation loss']);
    expect(await mlp.getByTestId('training-target').textContent()).toBe('predicting Species');
    const out = (await cells(s.page)).filter((c) => c.kind === 'train')[1].outputs.find((o) => o.type === 'training')!;
    if (out.bestEpoch !== undefined && out.stoppedEarly) {
      await expect.poll(() => mlp.locator('.best-epoch').textContent()).toBe(`best epoch ${String(out.bestEpoch)} (weights restored)`);
      expect(await figures.first().locator('.annotation-text').allTextContents()).toContain(`best epoch ${String(out.bestEpoch)}`);
    }
    // The legend sits below the plot area, never over the curves.
    const [legendBox, plotBox] = await Promise.all([figures.first().locator('.legend').boundingBox(), figures.first().locator('.nsewdrag').first().boundingBox()]);
    expect(legendBox!.y).toBeGreaterThan(plotBox!.y + plotBox!.height);
    // Boosted trees count rounds, not epochs.
    const trees = trains.nth(2).locator('.training-output .figure-output').first();
    expect(await axisTitles(trees)).toEqual(['Boosting round', 'Loss']);
  });

  it('shows the binary headline metrics first, explained on focus, the rest folded', async () => {
    const evaluate = s.page.locator('article.cell[data-kind="evaluate"]').nth(1);
    const headline = evaluate.getByTestId('headline-metrics');
    await headline.locator('.metric-card').first().waitFor();
    expect(await headline.locator('.metric-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-metric')))).toEqual(['roc_auc', 'accuracy', 'f1', 'precision', 'recall']);
    const more = evaluate.locator('details.more-metrics');
    expect(await more.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    const accuracy = headline.locator('[data-metric="accuracy"]');
    expect(await accuracy.locator('.metric-value').textContent()).toMatch(/^\d{1,3}(\.\d)?%$/);
    await accuracy.focus();
    const help = accuracy.locator('[role=tooltip]');
    expect(await help.isVisible()).toBe(true);
    expect(await help.textContent()).toBe('Share of rows whose class was predicted correctly.');
    expect(await accuracy.getAttribute('aria-describedby')).toBe(await help.getAttribute('id'));
  });

  it('moves the decision threshold: the confusion matrix and metrics follow', async () => {
    const evaluate = s.page.locator('article.cell[data-kind="evaluate"]').nth(1);
    const slider = evaluate.getByTestId('threshold-slider');
    const matrix = () => evaluate.locator('.threshold-panel table.confusion td').allTextContents();
    const initial = (await matrix()).map(Number);
    const out = (await cells(s.page)).filter((c) => c.kind === 'evaluate')[1].outputs[0] as unknown as { confusion: { matrix: number[][] } };
    expect(initial).toEqual(out.confusion.matrix.flat());
    const total = initial.reduce((a, b) => a + b, 0);
    mkdirSync(SHOTS, { recursive: true });
    await evaluate.locator('.eval-charts .plot .main-svg').nth(2).waitFor({ timeout: 60_000 });
    await evaluate.screenshot({ path: resolve(SHOTS, 'evaluated-binary-classifier.png') });
    // Highest threshold: nothing is predicted positive.
    await slider.evaluate((el: HTMLInputElement) => {
      el.focus();
    });
    await s.page.keyboard.press('End');
    const top = (await matrix()).map(Number);
    expect(top[1] + top[3]).toBe(0);
    expect(top[0] + top[2]).toBe(total);
    expect(await evaluate.getByTestId('threshold-value').textContent()).toMatch(/above every score/);
    expect(await evaluate.locator('[data-testid="threshold-metrics"] [data-metric="recall"] .metric-value').textContent()).toBe('0%');
    // Lowest: everything is positive.
    await s.page.keyboard.press('Home');
    const bottom = (await matrix()).map(Number);
    expect(bottom[0] + bottom[2]).toBe(0);
    expect(await evaluate.locator('[data-testid="threshold-metrics"] [data-metric="recall"] .metric-value').textContent()).toBe('100%');
    // ROC, precision-recall and calibration curves, each downloadable.
    const charts = evaluate.locator('.eval-charts .figure-output');
    expect(await charts.count()).toBe(3);
    expect(await axisTitles(charts.nth(0))).toEqual(['False positive rate', 'True positive rate (recall)']);
    expect(await axisTitles(charts.nth(1))).toEqual(['Recall', 'Precision']);
    expect(await axisTitles(charts.nth(2))).toEqual(['Mean predicted probability', 'Share actually "other"']);
    const download = await clickForDownload(s.page, charts.nth(0).locator('button', { hasText: 'SVG' }));
    expect(download.suggestedFilename()).toMatch(/_roc\.svg$/);
  });

  it('plots a regressor\'s predictions against the truth and its residuals', async () => {
    const evaluate = s.page.locator('article.cell[data-kind="evaluate"]').nth(3);
    const headline = evaluate.getByTestId('headline-metrics');
    await headline.locator('.metric-card').first().waitFor();
    expect(await headline.locator('.metric-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-metric')))).toEqual(['rmse', 'mae', 'mape', 'r2']);
    const charts = evaluate.locator('.eval-charts .figure-output');
    expect(await axisTitles(charts.nth(0))).toEqual(['Actual', 'Predicted']);
    expect(await axisTitles(charts.nth(1))).toEqual(['Predicted', 'Actual − predicted']);
  });

  it('keeps the order after a reload and speaks Korean', async () => {
    await s.page.evaluate(() => localStorage.setItem('mlwb.lang', 'ko'));
    await s.page.reload();
    await s.page.waitForFunction(() => (window as unknown as { workbench?: { ready: Promise<void> } }).workbench !== undefined);
    await s.page.evaluate(() => (window as unknown as { workbench: { ready: Promise<void> } }).workbench.ready);
    const evaluate = s.page.locator('article.cell[data-kind="evaluate"]').nth(1);
    const headline = evaluate.getByTestId('headline-metrics');
    await headline.locator('.metric-card .metric-help').first().waitFor({ state: 'attached', timeout: 30_000 });
    expect(await headline.locator('.metric-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-metric')))).toEqual(['roc_auc', 'accuracy', 'f1', 'precision', 'recall']);
    expect(await headline.locator('[data-metric="accuracy"] .metric-name').textContent()).toBe('정확도');
    expect(await evaluate.locator('.eval-charts .output-title').allTextContents()).toEqual(['ROC 곡선', '정밀도–재현율 곡선', '보정(신뢰도) 곡선']);
    const mlp = s.page.locator('article.cell[data-kind="train"]').nth(1).locator('.training-output .figure-output').first();
    expect(await axisTitles(mlp)).toEqual(['에포크', '손실']);
    await s.page.setViewportSize({ width: 1024, height: 768 });
    await evaluate.scrollIntoViewIfNeeded();
    mkdirSync(SHOTS, { recursive: true });
    await s.page.screenshot({ path: resolve(SHOTS, 'evaluated-binary-classifier-ko-1024.png') });
    await s.page.evaluate(() => localStorage.setItem('mlwb.lang', 'en'));
  });
});

describe('code cells', () => {
  const s = useApp();

  it('opens a Monaco code cell without page errors (no ICodeLensCache failure)', async () => {
    const errors: string[] = [];
    s.page.on('pageerror', (e) => errors.push(e.message));
    s.page.on('console', (m) => {
      if (m.type() === 'error' && /createInstance|ICodeLensCache/.test(m.text())) errors.push(m.text());
    });
    for (let i = 0; i < 2; i++) {
      await s.page.locator('.notebook > .add-cell [data-action="add-step"]').click();
      await s.page.locator('.notebook > .add-cell .add-menu [data-add-kind="code"]').click();
      await s.page.locator('article.cell.selected[data-kind="code"] .monaco-editor').waitFor({ timeout: 30_000 });
    }
    await s.page.locator('article.cell.selected[data-kind="code"] .monaco-editor .view-lines').click();
    await s.page.keyboard.type('return 1 + 1');
    await s.page.keyboard.press('Control+Enter');
    await s.page.waitForFunction(() => document.querySelector('article.cell.selected[data-kind="code"]')?.getAttribute('data-status') === 'done');
    expect(errors).toEqual([]);
  });

  it('completes a table\'s column names, the Arquero verbs and a model\'s methods', async () => {
    await runAll(s.page);
    const suggestions = async (text: string): Promise<string[]> => {
      const cell = s.page.locator('article.cell.selected[data-kind="code"]');
      await cell.locator('.monaco-editor .view-lines').click();
      await s.page.keyboard.press('Control+A');
      await s.page.keyboard.press('Delete');
      await s.page.keyboard.type(text);
      await s.page.keyboard.press('Control+Space');
      const rows = s.page.locator('.suggest-widget .monaco-list-row');
      await rows.first().waitFor({ timeout: 30_000 });
      const labels = await rows.locator('.label-name').allTextContents();
      await s.page.keyboard.press('Escape');
      return labels;
    };
    expect(await suggestions("tables.penguins.array('")).toEqual(expect.arrayContaining(['Species', 'Island']));
    // The list is virtualized: a prefix brings each verb into view.
    expect(await suggestions('tables.penguins.fil')).toContain('filter');
    expect(await suggestions('tables.penguins.rol')).toContain('rollup');
    expect(await suggestions('penguins.groupby(\'Species\').der')).toContain('derive');
    expect(await suggestions('mlp.')).toEqual(expect.arrayContaining(['predict', 'features', 'target', 'classes']));
  }, 240_000);
});

describe('a trained LSTM', () => {
  const s = useApp();

  it('charts its training against epochs, names its target, and plots its forecasts', async () => {
    const cell = (kind: string, params: Record<string, unknown>) => ({ cell_type: 'code', source: '', outputs: [], execution_count: null, metadata: { workbench: { kind, params } } });
    const nb = {
      nbformat: 4, nbformat_minor: 5, metadata: { title: 'A small LSTM' },
      cells: [
        cell('load', { source: { type: 'dataset', name: 'kmart-orders' }, output: 'orders' }),
        cell('transform', { input: 'orders', output: 'store', steps: [{ op: 'filter', expr: 'd => d.Store_ID == 44' }, { op: 'select', columns: ['Date', 'CustomerCount'] }] }),
        cell('split', { input: 'store', method: 'time', time: 'Date', train: 0.8, validation: 0.2, test: 0, outputs: { train: 'days_train', validation: 'days_valid' } }),
        cell('sequences', { input: 'days_train', mode: 'windows', features: ['CustomerCount'], target: 'CustomerCount', steps: 14, horizon: 1, time: 'Date', applyTo: [{ input: 'days_valid', output: 'w_valid' }], output: 'w_train' }),
        cell('train', { input: 'w_train', validation: 'w_valid', model: 'lstm', task: 'regression', sequence: { units: [16] }, epochs: 8, batchSize: 64, learningRate: 0.01, patience: 3, seed: 1, output: 'lstm' }),
        cell('evaluate', { model: 'lstm', input: 'w_valid', output: 'lstm_metrics' }),
      ],
    };
    await openNotebook(s.page, nb, { trusted: true });
    await runAll(s.page);
    const list = await cells(s.page);
    expect(allDone(list), summary(list)).toBe(true);
    const train = s.page.locator('article.cell[data-kind="train"]');
    expect(await train.getByTestId('training-target').textContent()).toBe('predicting CustomerCount');
    const loss = train.locator('.training-output .figure-output').first();
    expect(await axisTitles(loss)).toEqual(['Epoch', 'Loss']);
    const evaluate = s.page.locator('article.cell[data-kind="evaluate"]');
    expect(await axisTitles(evaluate.locator('.eval-charts .figure-output').first())).toEqual(['Actual', 'Predicted']);
    mkdirSync(SHOTS, { recursive: true });
    await train.screenshot({ path: resolve(SHOTS, 'trained-lstm.png') });
  }, 300_000);
});
