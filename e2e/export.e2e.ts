// "Export as Python notebook" in the toolbar downloads a zip with the
// exported Jupyter notebook and the data files it reads, fetched from the
// app's own origin; the notebook inside is the engine's export of the open
// notebook. The button speaks Korean when the UI does. A table output
// downloads as Parquet too, and a saved model as portable files, which a
// predict cell loads back from an upload: a network, and (the second
// describe) an LSTM on windows and boosted trees, whose predictions from the
// uploaded file equal the trained model's. A code cell's Python twin, written
// in the "Python for export" disclosure under its editor, is one undoable
// edit and takes the place of the cell's TODO in the export.
// E2E_SCREENSHOTS=<folder> also saves the toolbar at 1440 and 1024 wide.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { useApp } from './session.ts';
import type { Page } from 'playwright-core';
import { allDone, cells, clickForDownload, openNotebook, runAll, summary } from './helpers.ts';
import { parseParquet } from '../src/data/binary/parquet.ts';

describe('export as Python notebook', () => {
  const s = useApp({ course: 'penguins.ipynb' });
  let downloaded: Buffer | undefined;

  it('downloads the notebook and its data as a zip', async () => {
    const page = s.page;
    const button = page.locator('[data-action="export-python"]');
    await expect(button.textContent()).resolves.toBe('Export as Python notebook');
    const shots = process.env.E2E_SCREENSHOTS;
    if (shots) {
      for (const width of [1440, 1024]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: join(shots, `export-en-${width}.png`) });
      }
    }
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }).catch(async (e) => {
        throw new Error(`${e}; notices: ${await page.locator('.notice').allTextContents()}; errors: ${errors.join(' | ')}`);
      }),
      button.click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-python\.zip$/);
    const dir = mkdtempSync(join(tmpdir(), 'mlwb-export-'));
    const zip = join(dir, 'export.zip');
    writeFileSync(zip, readFileSync((await download.path())!));
    // Read it back with Python's zipfile: the names, and the data file byte for byte.
    const listed = spawnSync('/usr/bin/python3', ['-c', `import zipfile, json, sys; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; z.extractall(sys.argv[2]); print(json.dumps(z.namelist()))`, zip, dir], { encoding: 'utf8' });
    expect(listed.stderr).toBe('');
    const names = JSON.parse(listed.stdout) as string[];
    const notebook = names.find((n) => n.endsWith('.ipynb'))!;
    expect(notebook).toMatch(/^Penguins[^/]*\/Penguins[^/]*\.ipynb$/);
    const base = notebook.split('/')[0];
    expect(names).toContain(`${base}/datasets/penguins.json`);
    expect(readFileSync(join(dir, base, 'datasets/penguins.json'))).toEqual(readFileSync('node_modules/vega-datasets/data/penguins.json'));
    const nb = JSON.parse(readFileSync(join(dir, notebook), 'utf8'));
    expect(nb.metadata.kernelspec.name).toBe('python3');
    const sources = nb.cells.map((c: { source: string[] }) => c.source.join(''));
    expect(sources.some((src: string) => src.includes('split_rows(penguins, "stratified", (0.7, 0.15, 0.15), seed=42, target="Species")'))).toBe(true);
    await expect(page.locator('.notice, [role="status"]').filter({ hasText: /saved as .*-python\.zip/ }).first().textContent()).resolves.toMatch(/0 step\(s\) marked TODO/);
  });

  it('downloads a table as Parquet that reads back whole', async () => {
    const page = s.page;
    await runAll(page);
    const button = page.locator('[data-action="download-parquet"]').first();
    const download = await clickForDownload(page, button, { timeout: 60_000, retryAfter: 20_000 });
    expect(download.suggestedFilename()).toBe('penguins.parquet');
    const bytes = readFileSync((await download.path())!);
    const table = await parseParquet(new Uint8Array(bytes));
    expect(table.numRows()).toBe(344);
    expect(table.columnNames()).toEqual(['Species', 'Island', 'Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)', 'Sex']);
    expect(table.get('Beak Length (mm)', 0)).toBe(39.1);
  });

  it('downloads a trained network as a TensorFlow.js layers model', async () => {
    const page = s.page;
    const button = page.locator('[data-model="mlp"] [data-action="download-model"]').first();
    const download = await clickForDownload(page, button, { timeout: 60_000, retryAfter: 20_000 });
    expect(download.suggestedFilename()).toBe('mlp-model.zip');
    const dir = mkdtempSync(join(tmpdir(), 'mlwb-model-'));
    const zip = join(dir, 'model.zip');
    writeFileSync(zip, readFileSync((await download.path())!));
    const listed = spawnSync('/usr/bin/python3', ['-c', 'import zipfile, json, sys; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; z.extractall(sys.argv[2]); print(json.dumps(z.namelist()))', zip, dir], { encoding: 'utf8' });
    expect(listed.stderr).toBe('');
    expect(JSON.parse(listed.stdout)).toEqual(['mlp/model.json', 'mlp/weights.bin', 'mlp/model.meta.json', 'mlp/preprocessing.json']);
    const model = JSON.parse(readFileSync(join(dir, 'mlp/model.json'), 'utf8'));
    expect(model.format).toBe('layers-model');
    const bytes = model.weightsManifest[0].weights.reduce((n: number, w: { shape: number[] }) => n + 4 * w.shape.reduce((a, b) => a * b, 1), 0);
    expect(readFileSync(join(dir, 'mlp/weights.bin')).length).toBe(bytes);
    const meta = JSON.parse(readFileSync(join(dir, 'mlp/model.meta.json'), 'utf8'));
    expect(meta.features).toEqual(['beak_length', 'beak_depth', 'flipper_length', 'body_mass']);
    expect(meta.classes).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    // The notebook's transform cell (renames, select, mean imputation, standard scaling), found from the train cell.
    const prep = JSON.parse(readFileSync(join(dir, 'mlp/preprocessing.json'), 'utf8'));
    expect(prep.features).toEqual(meta.features);
    expect(prep.transforms.map((t: { fitted: { steps: { op: string }[] } }) => t.fitted.steps.map((st) => st.op))).toEqual([['rename', 'rename', 'rename', 'rename', 'select', 'impute', 'scale']]);
    expect(prep.lineage.complete).toBe(true);
    downloaded = readFileSync(zip);
  });

  it('loads the downloaded model back into a predict cell from an upload', async () => {
    const page = s.page;
    expect(downloaded).toBeDefined();
    await page.locator('[data-testid="upload-data"]').setInputFiles({ name: 'mlp-model.zip', mimeType: 'application/zip', buffer: downloaded! });
    const row = page.locator('.files li', { hasText: 'mlp-model.zip' });
    await row.locator('[data-action="add-predict-cell"]').click();
    const cell = page.locator('article.cell.selected[data-kind="predict"]');
    await cell.waitFor();
    await cell.locator('[data-field="params.input"]').fill('test_x');
    const id = await cell.getAttribute('data-cell-id');
    await cell.locator('.run-cell').click();
    await page.waitForFunction((cid) => ['done', 'error'].includes(document.querySelector(`article.cell[data-cell-id="${cid}"]`)?.getAttribute('data-status') ?? ''), id, { timeout: 60_000 });
    const predict = (await cells(page)).find((c) => c.id === id)!;
    expect(predict.status, JSON.stringify(predict.outputs)).toBe('done');
    const table = predict.outputs.find((o) => o.type === 'table')! as unknown as { rows: Record<string, unknown>[]; columns: { name: string }[] };
    expect(table.columns.map((c) => c.name)).toEqual(expect.arrayContaining(['prediction', 'p_Adelie', 'p_Chinstrap', 'p_Gentoo']));
    // The trained network, not a fresh one: it names the species of the test rows it shows.
    const right = table.rows.filter((r) => r.prediction === r.Species).length;
    expect(right / table.rows.length).toBeGreaterThan(0.8);
    const shots = process.env.E2E_SCREENSHOTS;
    if (shots) {
      for (const width of [1440, 1024]) {
        await page.setViewportSize({ width, height: 900 });
        await cell.screenshot({ path: join(shots, `predict-file-en-${width}.png`) });
      }
    }
  });

  it('speaks Korean', async () => {
    const page = s.page;
    await page.getByTestId('language').selectOption('ko');
    // The Korean texts load lazily: wait for them, then read.
    await page.waitForFunction(() => document.querySelector('[data-action="export-python"]')?.textContent === 'Python 노트북으로 내보내기', undefined, { timeout: 10_000 }).catch(() => undefined);
    await expect(page.locator('[data-action="export-python"]').textContent()).resolves.toBe('Python 노트북으로 내보내기');
    const shots = process.env.E2E_SCREENSHOTS;
    if (shots) {
      for (const width of [1440, 1024]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: join(shots, `export-ko-${width}.png`) });
        const predict = page.locator('article.cell[data-kind="predict"]').last();
        if (await predict.count()) await predict.screenshot({ path: join(shots, `predict-file-ko-${width}.png`) });
      }
    }
    await page.getByTestId('language').selectOption('en');
  });

  it("writes a code cell's Python twin under its editor, undoably, and exports it instead of a TODO", async () => {
    const page = s.page;
    const twin = 'heavy = penguins.query("body_mass_g > 4000")';
    await openNotebook(page, {
      nbformat: 4, nbformat_minor: 5, metadata: { workbench: { version: 1 } },
      cells: [
        { cell_type: 'code', id: 'load', metadata: { workbench: { kind: 'load', params: { source: { type: 'dataset', name: 'penguins' }, output: 'penguins' } } }, source: [], outputs: [], execution_count: null },
        { cell_type: 'code', id: 'heavy', metadata: { workbench: { kind: 'code', params: {} } }, source: ["set('heavy', penguins.filter((d) => d.body_mass_g > 4000));"], outputs: [], execution_count: null },
      ],
    }, { trusted: true });
    const cell = page.locator('article.cell[data-kind="code"]').first();
    const disclosure = cell.getByTestId('python-twin');
    await expect(disclosure.locator('summary').textContent()).resolves.toBe('Python for export (none)');
    expect(await disclosure.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await disclosure.locator('summary').click();
    await expect(disclosure.locator('.python-twin-help').textContent()).resolves.toMatch(/instead of a TODO/);
    const editor = disclosure.locator('.monaco-editor');
    await editor.waitFor({ timeout: 30_000 });
    await editor.click();
    await page.keyboard.type(twin);
    await page.waitForFunction(() => document.querySelector('[data-testid="python-twin"] summary')?.textContent === 'Python for export (1 line)', undefined, { timeout: 10_000 });
    const params = async () => page.evaluate(() => JSON.parse((window as unknown as { workbench: { exportNotebook(): string } }).workbench.exportNotebook()).cells[1].metadata.workbench.params as { python?: string });
    expect((await params()).python).toBe(twin);
    const shots = process.env.E2E_SCREENSHOTS;
    if (shots) {
      for (const lang of ['en', 'ko'] as const) {
        await page.getByTestId('language').selectOption(lang);
        if (lang === 'ko') await page.waitForFunction(() => document.querySelector('[data-testid="python-twin"] summary')?.textContent?.startsWith('내보내기용 Python'), undefined, { timeout: 10_000 });
        for (const width of [1440, 1024]) {
          await page.setViewportSize({ width, height: 900 });
          await cell.screenshot({ path: join(shots, `python-twin-${lang}-${width}.png`) });
        }
      }
      await page.getByTestId('language').selectOption('en');
    }
    // The export: the twin, where the JavaScript would have been a TODO.
    const download = await clickForDownload(page, page.locator('[data-action="export-python"]'));
    const dir = mkdtempSync(join(tmpdir(), 'mlwb-twin-'));
    const zip = join(dir, 'export.zip');
    writeFileSync(zip, readFileSync((await download.path())!));
    const read = spawnSync('/usr/bin/python3', ['-c', `import zipfile, sys; z = zipfile.ZipFile(sys.argv[1]); print(next(z.read(n).decode() for n in z.namelist() if n.endswith('.ipynb')))`, zip], { encoding: 'utf8' });
    const nb = JSON.parse(read.stdout) as { cells: { source: string[]; metadata: { workbench_export?: { from: string; todo?: boolean } } }[] };
    const exportedTwin = nb.cells.filter((c) => c.metadata.workbench_export?.from === 'heavy');
    expect(exportedTwin.map((c) => c.metadata.workbench_export?.todo ?? false)).toEqual([false]);
    expect(exportedTwin[0].source.join('')).toContain(twin);
    // The JavaScript sets "heavy": the twin defines it, and reports it like the other cells' values.
    expect(exportedTwin[0].source.join('')).toContain('report_value("heavy", "heavy", heavy)');
    // Undo (outside the editor) takes the twin back out, as it does a code edit.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelector('[data-testid="python-twin"] summary')?.textContent === 'Python for export (none)', undefined, { timeout: 10_000 });
    expect((await params()).python ?? '').toBe('');
  });
});

/** Upload `bytes` as `name`, add a predict cell for it from the files list, predict `input` into `output`; the cell's id and table preview. */
async function predictFromUpload(page: Page, name: string, bytes: Buffer, input: string, output: string) {
  await page.locator('[data-testid="upload-data"]').setInputFiles({ name, mimeType: 'application/zip', buffer: bytes });
  await page.locator('.files li', { hasText: name }).locator('[data-action="add-predict-cell"]').click();
  const cell = page.locator('article.cell.selected[data-kind="predict"]');
  await cell.waitFor();
  await cell.locator('[data-field="params.input"]').fill(input);
  await cell.locator('[data-field="params.output"]').fill(output);
  const id = (await cell.getAttribute('data-cell-id'))!;
  await cell.locator('.run-cell').click();
  await page.waitForFunction((cid) => ['done', 'error'].includes(document.querySelector(`article.cell[data-cell-id="${cid}"]`)?.getAttribute('data-status') ?? ''), id, { timeout: 120_000 });
  const predict = (await cells(page)).find((c) => c.id === id)!;
  expect(predict.status, JSON.stringify(predict.outputs)).toBe('done');
  return { id, table: tableOf(predict.outputs) };
}

const tableOf = (outputs: { type: string }[]) => outputs.find((o) => o.type === 'table') as unknown as { rows: Record<string, unknown>[]; columns: { name: string }[] };

describe('an LSTM and boosted trees loaded back from their downloads', () => {
  const s = useApp();

  it('predict from the uploaded zips as the trained models do', async () => {
    const page = s.page;
    const cell = (kind: string, params: Record<string, unknown>) => ({ cell_type: 'code', source: '', outputs: [], execution_count: null, metadata: { workbench: { kind, params } } });
    const features = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'];
    await openNotebook(page, {
      nbformat: 4, nbformat_minor: 5, metadata: { title: 'Models back' },
      cells: [
        cell('load', { source: { type: 'dataset', name: 'kmart-orders' }, output: 'orders' }),
        cell('transform', { input: 'orders', output: 'store', steps: [{ op: 'filter', expr: 'd => d.Store_ID == 44' }, { op: 'select', columns: ['Date', 'CustomerCount'] }] }),
        cell('sequences', { input: 'store', mode: 'windows', features: ['CustomerCount'], target: 'CustomerCount', steps: 14, horizon: 1, time: 'Date', output: 'w_train' }),
        cell('train', { input: 'w_train', model: 'lstm', task: 'regression', sequence: { units: [8] }, epochs: 2, batchSize: 64, learningRate: 0.01, seed: 1, output: 'lstm' }),
        // The last days: the first 13 rows end no 14-day window, then one forecast per day (but the last).
        cell('split', { input: 'store', method: 'time', time: 'Date', train: 0.97, validation: 0, test: 0.03, outputs: { train: 'days_old', test: 'days_recent' } }),
        cell('predict', { model: 'lstm', input: 'days_recent', output: 'lstm_own' }),
        cell('load', { source: { type: 'dataset', name: 'penguins' }, output: 'penguins' }),
        cell('train', { input: 'penguins', model: 'gbdt', target: 'Species', features, gbdt: { rounds: 10, maxDepth: 3 }, output: 'trees' }),
        cell('predict', { model: 'trees', input: 'penguins', output: 'trees_own' }),
      ],
    }, { trusted: true });
    await runAll(page);
    const list = await cells(page);
    expect(allDone(list), summary(list)).toBe(true);
    const own = (kind: number) => tableOf(list.filter((c) => c.kind === 'predict')[kind].outputs);

    const bytes = async (model: string) => {
      const download = await clickForDownload(page, page.locator(`[data-model="${model}"] [data-action="download-model"]`).first(), { timeout: 60_000, retryAfter: 20_000 });
      expect(download.suggestedFilename()).toBe(`${model}-model.zip`);
      return readFileSync((await download.path())!);
    };
    const lstm = await predictFromUpload(page, 'lstm-model.zip', await bytes('lstm'), 'days_recent', 'lstm_back');
    const trees = await predictFromUpload(page, 'trees-model.zip', await bytes('trees'), 'penguins', 'trees_back');
    // The preview's rows: the first 13 days end no window (null), then one forecast per day, as the notebook's model gives.
    const column = (t: { rows: Record<string, unknown>[] }, name: string) => t.rows.map((r) => r[name]);
    expect(lstm.table.rows.length).toBeGreaterThan(20);
    expect(column(lstm.table, 'prediction')).toEqual(column(own(0), 'prediction'));
    expect(column(lstm.table, 'prediction').slice(0, 13).every((v) => v === null)).toBe(true);
    // (The last day's window has no next day to be the target of, so the notebook's sequences drop it: null too.)
    expect(column(lstm.table, 'prediction').slice(13, -1).every((v) => typeof v === 'number')).toBe(true);
    for (const name of ['prediction', 'p_Adelie', 'p_Chinstrap', 'p_Gentoo']) expect(column(trees.table, name)).toEqual(column(own(1), name));
    expect(new Set(column(trees.table, 'prediction')).size).toBeGreaterThan(1);

    // A file that is no model: the refusal on the cell says so, in Korean too.
    await page.locator('[data-testid="upload-data"]').setInputFiles({ name: 'notes-model.zip', mimeType: 'application/zip', buffer: Buffer.from('not a model') });
    await page.locator('.files li', { hasText: 'notes-model.zip' }).locator('[data-action="add-predict-cell"]').click();
    const broken = page.locator('article.cell.selected[data-kind="predict"]');
    await broken.waitFor();
    await broken.locator('[data-field="params.input"]').fill('penguins');
    await broken.locator('[data-field="params.output"]').fill('nothing');
    await broken.locator('.run-cell').click();
    const message = broken.locator('.error-output .error-message');
    await message.waitFor({ timeout: 60_000 });
    expect(await message.textContent()).toMatch(/"notes-model\.zip" is not a model file/);

    const shots = process.env.E2E_SCREENSHOTS;
    await page.getByTestId('language').selectOption('ko');
    await page.waitForFunction(() => /모델 파일이 아니에요/.test(document.querySelector('article.cell.selected .error-output .error-message')?.textContent ?? ''), undefined, { timeout: 10_000 });
    if (shots) await broken.screenshot({ path: join(shots, 'predict-refused-ko.png') });
    await page.getByTestId('language').selectOption('en');
    if (shots) {
      for (const lang of ['en', 'ko']) {
        await page.getByTestId('language').selectOption(lang);
        const label = lang === 'ko' ? 'Python 노트북으로 내보내기' : 'Export as Python notebook';
        await page.waitForFunction((text) => document.querySelector('[data-action="export-python"]')?.textContent === text, label, { timeout: 10_000 });
        for (const width of [1440, 1024]) {
          await page.setViewportSize({ width, height: 900 });
          for (const [name, id] of [['lstm', lstm.id], ['trees', trees.id]]) await page.locator(`article.cell[data-cell-id="${id}"]`).screenshot({ path: join(shots, `predict-${name}-file-${lang}-${width}.png`) });
        }
      }
      await page.getByTestId('language').selectOption('en');
    }
  }, 600_000);
});
