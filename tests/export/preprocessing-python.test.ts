// A model used outside the workbench from its download alone: a notebook
// loads a CSV, splits it, fits a transform (rename, impute, standard and min-max
// scaling, one-hot) and trains networks and boosted trees on it; each model
// is downloaded as the app does (modelDownloadFiles, the kernel worker's
// modelFiles, zipped by modelZip). Debian's python3 then reads the zip
// (tests/fixtures/portable_preprocessing.py): applies the fitted transforms
// from preprocessing.json to raw rows it never saw transformed, and predicts
// with xgboost (XGBoost JSON) or numpy (the tfjs weights file). Its
// predictions equal the workbench's predict cell (model + transform) on the
// same raw rows to 1e-5.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotebookBuilder } from '../../notebooks/source/builder.ts';
import { cellRegistry } from '../../src/cells/registry.ts';
import { nodeHost } from '../../src/cli/nodeHost.ts';
import { modelDownloadFiles } from '../../src/export/model-download.ts';
import { modelZip } from '../../src/export/model-zip.ts';
import { modelLineage } from '../../src/export/preprocessing.ts';
import { Kernel } from '../../src/kernel/kernel.ts';
import { initBackend } from '../../src/ml/backend.ts';
import { PYTHON, pythonMissing } from './helpers.ts';

const FIXTURE = new URL('../fixtures/portable_preprocessing.py', import.meta.url).pathname;
const missing = pythonMissing(['numpy', 'pandas', 'xgboost']);

/** 240 rows: numbers (x2 with gaps), a colour, a flag, a class label and a number to predict. */
function trainingCsv(): string {
  let s = 7;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const colours = ['red', 'green', 'blue'];
  const lines = ['x1,x2,x3,colour,flag,label,y'];
  for (let i = 0; i < 240; i++) {
    const x1 = +(rand() * 4 - 2).toFixed(3);
    const x2 = i % 9 === 4 ? '' : +(rand() * 10).toFixed(2);
    const x3 = +(rand() * 100).toFixed(1);
    const colour = colours[Math.floor(rand() * 3)];
    const flag = rand() < 0.4;
    const score = x1 + (colour === 'blue' ? 1.2 : 0) + (x2 === '' ? 0 : Number(x2) / 5) - 1;
    const label = score < -0.5 ? 'low' : score < 1 ? 'mid' : 'high';
    const y = +(3 * x1 + x3 / 20 + (colour === 'red' ? 2 : 0) + (flag ? 1 : 0) + rand()).toFixed(3);
    lines.push([x1, x2, x3, colour, flag, label, y].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Raw rows the model never saw: a missing x2, an unseen and a missing colour, values beyond the training range. */
const FRESH = ['x1,x2,x3,colour,flag', '0.5,3.2,40,red,true', '-1.7,,12.5,blue,false', '1.9,9.9,99,green,true', '0,5,150,purple,false', '-3,0.1,-5,,true', '1.234,7.77,63.3,blue,true'].join('\n');

const FEATURES = ['x1', 'x2', 'size', 'colour_blue', 'colour_green', 'colour_red', 'flag'];

let dir: string;
let kernel: Kernel;
beforeAll(async () => {
  if (missing) return;
  const { backend } = await initBackend({ order: ['cpu'] });
  dir = mkdtempSync(join(tmpdir(), 'mlwb-prep-'));
  writeFileSync(join(dir, 'data.csv'), trainingCsv());
  writeFileSync(join(dir, 'fresh.csv'), `${FRESH}\n`);
  const file = (name: string) => ({ type: 'file', fileId: name, fileName: name });
  const nn = { hidden: [8], activation: 'tanh', optimizer: 'adam', learningRate: 0.05, epochs: 15, batchSize: 32, seed: 3 };
  const doc = new NotebookBuilder('Preprocessing beside the model')
    .cell('load', { source: file('data.csv'), output: 'raw' })
    .cell('split', { input: 'raw', train: 0.8, validation: 0, test: 0.2, seed: 11 })
    .cell('transform', {
      input: 'train', output: 'train_t', applyTo: [{ input: 'test', output: 'test_t' }], transform: 'prep',
      steps: [
        { op: 'rename', from: 'x3', to: 'size' },
        { op: 'impute', columns: ['x2'], strategy: 'median' },
        { op: 'scale', columns: ['x1', 'x2'], method: 'standard' },
        { op: 'scale', columns: ['size'], method: 'minmax' },
        { op: 'onehot', columns: ['colour'] },
      ],
    })
    .cell('train', { input: 'train_t', target: 'label', features: FEATURES, model: 'mlp', ...nn, output: 'net' })
    .cell('train', { input: 'train_t', target: 'label', features: FEATURES, model: 'gbdt', rounds: 20, maxDepth: 3, output: 'trees' })
    .cell('train', { input: 'train_t', target: 'y', features: FEATURES, model: 'linear', ...nn, output: 'line' })
    .cell('train', { input: 'train_t', target: 'flag', features: FEATURES.slice(0, 6), model: 'logistic', ...nn, output: 'logit' })
    .cell('train', { input: 'test_t', target: 'y', features: FEATURES, model: 'gbdt', rounds: 15, maxDepth: 3, output: 'trees_y' })
    .cell('load', { source: file('fresh.csv'), output: 'fresh' })
    .build();
  for (const model of ['net', 'trees', 'line', 'logit', 'trees_y']) {
    doc.cells.push({ id: `predict-${model}`, kind: 'predict', params: { model, transform: 'prep', input: 'fresh', output: `p_${model}` }, outputs: [], jupyter: { cellType: 'code', metadata: {}, source: '' } });
  }
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

/** The model downloaded as the app does; Python's rows for the fresh table. */
async function pythonPredicts(name: string): Promise<{ rows: number[][]; prep: Record<string, unknown> }> {
  const files = await modelDownloadFiles(kernel, name);
  if (!files) throw new Error(`no download for ${name}`);
  const { fileName, bytes } = modelZip(name, files);
  writeFileSync(join(dir, fileName), bytes);
  const run = spawnSync(PYTHON, [FIXTURE, join(dir, fileName), join(dir, 'fresh.csv')], { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1' } });
  if (run.status !== 0) throw new Error(`python failed: ${run.stderr}`);
  const prep = JSON.parse(files.find((f) => f.name === 'preprocessing.json')!.data as string) as Record<string, unknown>;
  return { rows: (JSON.parse(run.stdout) as { rows: number[][] }).rows, prep };
}

/** The workbench's predict cell (model + fitted transform) on the fresh raw rows. */
function workbench(name: string): { prediction: unknown[]; probabilities?: number[][]; classes: string[] } {
  const v = kernel.getValue(`p_${name}`);
  if (v?.type !== 'table') throw new Error(`no predictions for ${name}`);
  const classes = v.table.columnNames().filter((c) => c.startsWith('p_')).map((c) => c.slice(2));
  const probabilities = classes.length ? v.table.objects().map((r) => classes.map((c) => (r as Record<string, number>)[`p_${c}`])) : undefined;
  return { prediction: v.table.array('prediction') as unknown[], probabilities, classes };
}

describe.skipIf(missing)('preprocessing.json: a downloaded model predicts raw rows in Python as in the workbench', () => {
  it('writes the fitted transform, the feature order, the classes and how it got there', async () => {
    const { prep } = await pythonPredicts('net');
    expect(prep.format).toBe('ml-workbench/preprocessing');
    expect(prep.version).toBe(1);
    expect(prep.features).toEqual(FEATURES);
    expect(prep.classes).toEqual(['high', 'low', 'mid']);
    const [transform] = prep.transforms as { cell: string; name: string; fittedOn: string; fitted: { steps: { op: string; state: Record<string, unknown> }[] } }[];
    expect([transform.cell, transform.name, transform.fittedOn]).toEqual(['transform-1', 'prep', 'train']);
    expect(transform.fitted.steps.map((s) => s.op)).toEqual(['rename', 'impute', 'scale', 'scale', 'onehot']);
    expect(transform.fitted.steps[4].state.categories).toEqual({ colour: ['blue', 'green', 'red'] });
    expect(prep.lineage).toEqual({ complete: true, path: [
      { cell: 'train-1', kind: 'train', reads: 'train_t' }, { cell: 'transform-1', kind: 'transform', reads: 'train' },
      { cell: 'split-1', kind: 'split', reads: 'raw' }, { cell: 'load-1', kind: 'load', reads: '' },
    ] });
  });

  for (const name of ['net', 'trees', 'logit']) {
    it(`${name}: class probabilities equal to 1e-5`, async () => {
      const { rows, prep } = await pythonPredicts(name);
      const want = workbench(name);
      expect(want.classes.map(String)).toEqual((prep.classes as unknown[]).map(String));
      expect(rows).toHaveLength(6);
      rows.forEach((row, i) => row.forEach((p, k) => expect(Math.abs(p - want.probabilities![i][k])).toBeLessThan(1e-5)));
      // Not a constant model: the rows get different answers.
      expect(new Set(want.prediction.map(String)).size).toBeGreaterThan(1);
    });
  }

  it('regression (network with output scaling; trees fitted on the test part through applyTo): values equal to 1e-5 relative', async () => {
    for (const name of ['line', 'trees_y']) {
      const { rows, prep } = await pythonPredicts(name);
      const want = workbench(name).prediction as number[];
      rows.forEach(([v], i) => expect(Math.abs(v - want[i])).toBeLessThan(1e-5 * Math.max(1, Math.abs(want[i]))));
      expect(new Set(want).size).toBe(6);
      if (name === 'trees_y') expect((prep.lineage as { path: { reads: string }[] }).path.map((p) => p.reads)).toEqual(['test_t', 'test', 'raw', '']);
    }
  });
});

describe('modelLineage', () => {
  const cells = [
    { id: 'l', kind: 'load', reads: [], writes: ['raw'] },
    { id: 'c', kind: 'code', reads: ['raw'], writes: ['clean'] },
    { id: 't', kind: 'transform', reads: ['clean'], writes: ['clean_t', 'prep'] },
    { id: 'm', kind: 'train', reads: ['clean_t'], writes: ['model'] },
  ];
  const value = (name: string) => (name === 'prep' ? { type: 'transform' as const, transform: { apply: (t: never) => t, toJSON: () => ({ steps: [] }) } } : undefined);

  it('stops at a cell that is not a transform or a split, and says the recipe is not complete', () => {
    const lineage = modelLineage(cells, value, 'model');
    expect(lineage.complete).toBe(false);
    expect(lineage.transforms.map((t) => t.cell)).toEqual(['t']);
    expect(lineage.path.map((p) => p.kind)).toEqual(['train', 'transform', 'code']);
  });

  it('an unknown model has no lineage', () => {
    expect(modelLineage(cells, value, 'other')).toEqual({ transforms: [], path: [], complete: false });
  });
});
