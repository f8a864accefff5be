// Sequence models and boosted trees downloaded as the app does
// (modelDownloadFiles + modelZip, after a notebook ran headless) and loaded
// back into a predict cell (modelFile): the predictions table equals the one
// the in-notebook model gives on the same raw rows. Windows models put each
// prediction on its window's last row (null elsewhere); a padded model loads
// and gets the in-notebook model's refusal (one prediction per step, not per
// row). An XGBoost JSON from Python (feature names in it) loads too; what the
// workbench's trees cannot do is refused with a catalogued error.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as aq from 'arquero';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotebookBuilder } from '../../notebooks/source/builder.ts';
import { cellRegistry } from '../../src/cells/registry.ts';
import { predictCell, predictSchema } from '../../src/cells/predict.ts';
import { nodeHost } from '../../src/cli/nodeHost.ts';
import { CellError } from '../../src/core/errors.ts';
import type { Value } from '../../src/core/values.ts';
import { modelDownloadFiles } from '../../src/export/model-download.ts';
import { modelZip } from '../../src/export/model-zip.ts';
import { thresholdFromCondition } from '../../src/export/xgboost-load.ts';
import { nextFloat32Up } from '../../src/export/xgboost.ts';
import { Kernel } from '../../src/kernel/kernel.ts';
import { initBackend } from '../../src/ml/backend.ts';
import { testContext } from '../helpers/context.ts';
import { PYTHON, pythonMissing } from './helpers.ts';

const XGB_FIXTURE = new URL('../fixtures/xgboost_python_model.py', import.meta.url).pathname;

/** Two stores' daily series, rows shuffled so that grouping and time order matter. */
function seriesCsv(days: number, seed: number): string {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const rows: string[] = [];
  for (const store of ['north', 'south']) {
    for (let d = 0; d < days; d++) {
      const qty = +(10 + 5 * Math.sin(d / 3) + (store === 'south' ? 4 : 0) + 2 * rand()).toFixed(2);
      const state = ['calm', 'busy', 'rush'][(d + (store === 'south' ? 1 : 0)) % 3];
      const weekday = store === 'north' && d === 4 ? '' : String(d % 7);
      rows.push(`${store},${1000 + d * 7},${qty},${weekday},${qty > 13 ? 'high' : 'low'},${state}`);
    }
  }
  rows.reverse();
  return `store,day,qty,weekday,level,state\n${rows.join('\n')}\n`;
}

let dir: string;
let kernel: Kernel;
beforeAll(async () => {
  const { backend } = await initBackend({ order: ['cpu'] });
  dir = mkdtempSync(join(tmpdir(), 'mlwb-reload-'));
  writeFileSync(join(dir, 'series.csv'), seriesCsv(60, 3));
  writeFileSync(join(dir, 'fresh.csv'), seriesCsv(12, 9));
  const file = (name: string) => ({ type: 'file', fileId: name, fileName: name });
  const fit = { epochs: 6, batchSize: 16, learningRate: 0.01, optimizer: 'adam', seed: 4 };
  const windows = { input: 'full', mode: 'windows', features: ['qty', 'weekday'], steps: 5, group: 'store', time: 'day', scale: 'minmax' };
  const trees = { input: 'raw_t', model: 'gbdt', features: ['qty', 'weekday', 'day'], gbdt: { rounds: 15, maxDepth: 3 } };
  const doc = new NotebookBuilder('Models loaded back')
    .cell('load', { source: file('series.csv'), output: 'raw' })
    .cell('transform', { input: 'raw', output: 'raw_t', transform: 'prep', steps: [{ op: 'impute', columns: ['weekday'], strategy: 'median' }, { op: 'scale', columns: ['weekday'], method: 'standard' }] })
    .cell('sequences', { ...windows, input: 'raw_t', target: 'qty', horizon: 1, output: 'win_qty' })
    .cell('sequences', { ...windows, input: 'raw_t', target: 'level', horizon: 0, scale: 'standard', output: 'win_level' })
    .cell('sequences', { input: 'raw_t', mode: 'padded', features: ['qty'], group: 'store', time: 'day', state: 'state', output: 'padded' })
    .cell('train', { input: 'win_qty', model: 'lstm', sequence: { units: [8, 4] }, ...fit, output: 'lstm' })
    .cell('train', { input: 'win_level', model: 'gru', sequence: { units: [5], dense: [6] }, ...fit, output: 'gru' })
    .cell('train', { input: 'win_qty', model: 'cnn1d', sequence: { filters: [4], kernelSize: 2, pooling: 'max', dense: [5] }, ...fit, output: 'cnn' })
    .cell('train', { input: 'padded', model: 'lstm', sequence: { units: [4], embeddingDim: 3 }, ...fit, epochs: 1, output: 'next_state' })
    .cell('train', { ...trees, target: 'level', output: 'trees_binary' })
    .cell('train', { ...trees, target: 'state', output: 'trees_multi' })
    .cell('train', { ...trees, features: ['weekday', 'day'], target: 'qty', output: 'trees_reg' })
    .cell('load', { source: file('fresh.csv'), output: 'fresh' })
    .build();
  kernel = new Kernel(cellRegistry, nodeHost({ notebookDir: dir, backend: () => backend }));
  kernel.setCells(doc.cells);
  await kernel.runAll();
  const failed = kernel.cells().filter((c) => c.status !== 'done');
  if (failed.length) throw new Error(`cells failed: ${JSON.stringify(failed.map((c) => [c.id, c.outputs]))}`);
});
afterAll(() => {
  kernel?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const host = () => nodeHost({ notebookDir: dir, backend: () => 'cpu' });

async function download(name: string): Promise<string> {
  const files = await modelDownloadFiles(kernel, name);
  if (!files) throw new Error(`no download for ${name}`);
  const { fileName, bytes } = modelZip(name, files);
  writeFileSync(join(dir, fileName), bytes);
  return fileName;
}

/** The predict cell's table: the model named `model` in the notebook, or the one in `fileName`. */
async function predictTable(model: string, fileName?: string, transform = 'prep') {
  const values: Record<string, Value> = { fresh: kernel.getValue('fresh')!, prep: kernel.getValue('prep')!, [model]: kernel.getValue(model)! };
  const ctx = testContext(values, host());
  const params = predictSchema.parse({ model, input: 'fresh', transform, ...(fileName ? { modelFile: { fileId: fileName, fileName } } : {}) });
  await predictCell.run(params, ctx);
  return ctx.table('predictions');
}

async function failure(fileName: string, model = 'absent'): Promise<CellError> {
  const values: Record<string, Value> = { fresh: kernel.getValue('fresh')!, prep: kernel.getValue('prep')! };
  const ctx = testContext(values, host());
  const error = await predictCell.run(predictSchema.parse({ model, modelFile: { fileId: fileName, fileName }, input: 'fresh', transform: 'prep' }), ctx).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(CellError);
  return error as CellError;
}

function expectSameTables(got: aq.ColumnTable, want: aq.ColumnTable, tolerance: number) {
  expect(got.columnNames()).toEqual(want.columnNames());
  for (const column of want.columnNames()) {
    const a = got.array(column) as unknown[];
    const b = want.array(column) as unknown[];
    b.forEach((v, i) => {
      if (typeof v === 'number' && typeof a[i] === 'number' && tolerance > 0) expect(Math.abs((a[i] as number) - v), `${column}[${i}]`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(v)));
      else expect(a[i], `${column}[${i}]`).toEqual(v);
    });
  }
}

describe('sequence models loaded back into a predict cell', () => {
  for (const name of ['lstm', 'gru', 'cnn']) {
    it(`${name}: each window's prediction on its last row, as in the notebook`, async () => {
      const want = await predictTable(name);
      const got = await predictTable(name, await download(name));
      // The same weights through the same forward pass on the same backend: the same float32 results.
      expectSameTables(got, want, 0);
      const predictions = want.array('prediction') as unknown[];
      // 24 raw rows, two stores, 5-step windows: 4 rows of each store end no window (horizon 1 drops one more each).
      expect(predictions.filter((p) => p === null).length).toBe(name === 'gru' ? 8 : 10);
      expect(new Set(predictions.filter((p) => p !== null)).size).toBeGreaterThan(1);
    });
  }

  it('a padded (next-state) model loads, and is refused per row as the notebook\'s own model is', async () => {
    const fileName = await download('next_state');
    const own = await predictTable('next_state').then(() => undefined, (e: unknown) => e as CellError);
    const loaded = await failure(fileName);
    expect(own?.code).toBe('predict.notPerRow');
    expect(loaded.code).toBe('predict.notPerRow');
    expect(loaded.message).toBe(own!.message);
  });

  it('a damaged sequence download says what is wrong with which part', async () => {
    const fileName = await download('gru');
    const { readZip } = await import('../../src/export/unzip.ts');
    const { zipStored } = await import('../../src/export/zip.ts');
    const files = readZip(new Uint8Array(readFileSync(join(dir, fileName))));
    const edit = (part: string, change: (json: Record<string, unknown>) => void, out: string) => {
      const entries = [...files].map(([name, data]) => {
        if (!name.endsWith(part)) return { name, data };
        const json = JSON.parse(new TextDecoder().decode(data)) as Record<string, unknown>;
        change(json);
        return { name, data: JSON.stringify(json) };
      });
      writeFileSync(join(dir, out), zipStored(entries));
    };
    edit('weights.json', (j) => (j.layers as { className: string }[]).splice(1, 1), 'nolayer.zip');
    const layers = await failure('nolayer.zip');
    expect(layers.code).toBe('modelFile.sequenceLayers');
    expect(layers.where).toBe('params.modelFile.fileId');
    edit('preprocessing.json', (j) => delete (j.sequences as Record<string, unknown>).scaling, 'noscaling.zip');
    expect((await failure('noscaling.zip')).code).toBe('modelFile.sequenceSettings');
  });
});

describe('boosted trees loaded back from their XGBoost JSON', () => {
  for (const name of ['trees_binary', 'trees_multi', 'trees_reg']) {
    it(`${name}: identical predictions and probabilities (a missing value included)`, async () => {
      const fileName = await download(name);
      expectSameTables(await predictTable(name, fileName), await predictTable(name), 0);
      // Without the transform the raw weekday column has a missing value: each tree's default branch takes it.
      const raw = await predictTable(name, undefined, '');
      expect((raw.array('weekday') as unknown[]).filter((v) => v === null || Number.isNaN(v)).length).toBe(1);
      expectSameTables(await predictTable(name, fileName, ''), raw, 0);
      expect(new Set(raw.array('prediction') as unknown[]).size).toBeGreaterThan(1);
    });
  }

  it('an XGBoost JSON from Python (feature names inside, no workbench meta) loads as XGBoost predicts it', async () => {
    const fileName = await download('trees_multi');
    const { readZip } = await import('../../src/export/unzip.ts');
    const files = readZip(new Uint8Array(readFileSync(join(dir, fileName))));
    const modelJson = [...files].find(([n]) => n.endsWith('/model.json'))![1];
    writeFileSync(join(dir, 'from-python.json'), modelJson);
    const want = await predictTable('trees_multi');
    const got = await predictTable('trees_multi', 'from-python.json');
    // Classes are XGBoost's indices (0, 1, 2) without the meta file; the probabilities are the same.
    for (const k of [0, 1, 2]) {
      const label = (kernel.getValue('trees_multi') as { model: { classes: unknown[] } }).model.classes[k];
      expectSameTables(got.select(`p_${k}`).rename({ [`p_${k}`]: 'p' }), want.select(`p_${String(label)}`).rename({ [`p_${String(label)}`]: 'p' }), 1e-12);
    }
    const json = JSON.parse(new TextDecoder().decode(modelJson)) as { learner: Record<string, unknown> };
    writeFileSync(join(dir, 'unnamed.json'), JSON.stringify({ ...json, learner: { ...json.learner, feature_names: [] } }));
    expect((await failure('unnamed.json')).code).toBe('modelFile.xgboostNoFeatures');
    writeFileSync(join(dir, 'ranker.json'), JSON.stringify({ ...json, learner: { ...json.learner, objective: { name: 'rank:pairwise' } } }));
    const ranker = await failure('ranker.json');
    expect(ranker.code).toBe('modelFile.xgboostUnsupported');
    expect(ranker.message).toMatch(/the objective "rank:pairwise"/);
  });

  it('a split condition becomes the float64 threshold that sends the same values left as XGBoost', () => {
    const f32 = (x: number) => Math.fround(x);
    for (const t of [0.1, -2.5, 1e-30, 123456.789, 0, -1e-40]) {
      const condition = nextFloat32Up(t);
      const threshold = thresholdFromCondition(condition);
      // XGBoost: left when f32(x) < condition. Check x at and next to the threshold.
      const after = threshold + Math.abs(threshold) * 2 ** -52 + Number.MIN_VALUE;
      expect(f32(threshold) < condition, `${t}: threshold goes left`).toBe(true);
      expect(f32(after) < condition, `${t}: just above goes right`).toBe(false);
      expect(threshold).toBeGreaterThanOrEqual(t);
    }
    expect(thresholdFromCondition(3.4028234663852886e38)).toBe(Infinity);
  });
});

describe.skipIf(pythonMissing(['xgboost', 'pandas']))('an XGBoost model saved by Python (python3-xgboost) in a predict cell', () => {
  for (const objective of ['binary:logistic', 'multi:softprob', 'reg:squarederror']) {
    it(`${objective}: XGBoost's own predictions, missing and far-out values included`, async () => {
      const folder = join(dir, objective.replace(':', '_'));
      mkdirSync(folder, { recursive: true });
      const run = spawnSync(PYTHON, [XGB_FIXTURE, folder, objective], { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1' } });
      if (run.status !== 0) throw new Error(`python failed: ${run.stderr}`);
      const want = (JSON.parse(run.stdout) as { predictions: (number | number[])[] }).predictions;
      const rows = aq.fromCSV(readFileSync(join(folder, 'rows.csv'), 'utf8'));
      const fileName = `${objective.replace(':', '_')}/model.json`;
      const ctx = testContext({ rows: { type: 'table', table: rows } }, host());
      await predictCell.run(predictSchema.parse({ modelFile: { fileId: fileName, fileName }, input: 'rows' }), ctx);
      const got = ctx.table('predictions');
      expect(got.numRows()).toBe(want.length);
      // XGBoost adds leaves and applies the link in float32: about 1e-7 apart.
      if (objective === 'reg:squarederror') {
        (got.array('prediction') as number[]).forEach((v, i) => expect(Math.abs(v - (want[i] as number))).toBeLessThan(1e-5 * Math.max(1, Math.abs(want[i] as number))));
      } else if (objective === 'binary:logistic') {
        (got.array('p_1') as number[]).forEach((v, i) => expect(Math.abs(v - (want[i] as number))).toBeLessThan(1e-6));
      } else {
        for (const k of [0, 1, 2]) (got.array(`p_${k}`) as number[]).forEach((v, i) => expect(Math.abs(v - (want[i] as number[])[k])).toBeLessThan(1e-6));
      }
      const spread = want.map((w) => (Array.isArray(w) ? w[0] : w));
      expect(Math.max(...spread) - Math.min(...spread)).toBeGreaterThan(0.3);
    });
  }
});
