// A sequence model used outside the workbench from its download alone: a
// notebook loads a CSV of two series, scales a column with a transform cell,
// cuts windows (sequences cell, grouped and time-sorted) and trains an LSTM
// (regression), a 1D-CNN (regression) and a GRU (classes); each model is
// downloaded as the app does (modelDownloadFiles + modelZip). Debian's
// python3 (tests/fixtures/portable_preprocessing.py) applies the transform,
// cuts and scales the windows from preprocessing.json's `sequences`, runs
// the layers of weights.json with numpy, and gets the workbench's
// predictions (transform, then the model's predict on the raw rows) to
// 1e-5. A padded model's download carries its state vocabulary (token →
// index).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotebookBuilder } from '../../notebooks/source/builder.ts';
import { cellRegistry } from '../../src/cells/registry.ts';
import { predictCell, predictSchema } from '../../src/cells/predict.ts';
import { nodeHost } from '../../src/cli/nodeHost.ts';
import { CellError } from '../../src/core/errors.ts';
import { modelDownloadFiles } from '../../src/export/model-download.ts';
import { modelZip } from '../../src/export/model-zip.ts';
import { Kernel } from '../../src/kernel/kernel.ts';
import { initBackend } from '../../src/ml/backend.ts';
import { PYTHON, pythonMissing } from './helpers.ts';
import { testContext } from '../helpers/context.ts';

const FIXTURE = new URL('../fixtures/portable_preprocessing.py', import.meta.url).pathname;
const missing = pythonMissing(['numpy', 'pandas']);

/** Two stores' daily series, rows shuffled by store and day so that grouping and time order matter. */
function seriesCsv(days: number, seed: number): string {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const rows: string[] = [];
  for (const store of ['north', 'south']) {
    for (let d = 0; d < days; d++) {
      const qty = +(10 + 5 * Math.sin(d / 3) + (store === 'south' ? 4 : 0) + 2 * rand()).toFixed(2);
      const state = ['calm', 'busy', 'rush'][(d + (store === 'south' ? 1 : 0)) % 3];
      rows.push(`${store},${1000 + d * 7},${qty},${d % 7},${qty > 13 ? 'high' : 'low'},${state}`);
    }
  }
  // Days interleaved in reverse: the time column, not the file order, orders each store.
  rows.reverse();
  return `store,day,qty,weekday,level,state\n${rows.join('\n')}\n`;
}

let dir: string;
let kernel: Kernel;
beforeAll(async () => {
  if (missing) return;
  const { backend } = await initBackend({ order: ['cpu'] });
  dir = mkdtempSync(join(tmpdir(), 'mlwb-seqprep-'));
  writeFileSync(join(dir, 'series.csv'), seriesCsv(60, 3));
  writeFileSync(join(dir, 'fresh.csv'), seriesCsv(12, 9));
  const file = (name: string) => ({ type: 'file', fileId: name, fileName: name });
  const fit = { epochs: 6, batchSize: 16, learningRate: 0.01, optimizer: 'adam', seed: 4 };
  const windows = { input: 'raw_t', mode: 'windows', features: ['qty', 'weekday'], steps: 5, group: 'store', time: 'day', scale: 'minmax' };
  const doc = new NotebookBuilder('Sequence preprocessing beside the model')
    .cell('load', { source: file('series.csv'), output: 'raw' })
    .cell('transform', { input: 'raw', output: 'raw_t', transform: 'prep', steps: [{ op: 'scale', columns: ['weekday'], method: 'standard' }] })
    .cell('sequences', { ...windows, target: 'qty', horizon: 1, output: 'win_qty' })
    .cell('sequences', { ...windows, target: 'level', horizon: 0, scale: 'standard', output: 'win_level' })
    .cell('sequences', { input: 'raw', mode: 'padded', features: ['qty'], group: 'store', time: 'day', state: 'state', output: 'padded' })
    .cell('train', { input: 'win_qty', model: 'lstm', sequence: { units: [8, 4] }, ...fit, output: 'lstm' })
    .cell('train', { input: 'win_level', model: 'gru', sequence: { units: [5], dense: [6] }, ...fit, output: 'gru' })
    .cell('train', { input: 'win_qty', model: 'cnn1d', sequence: { filters: [4], kernelSize: 2, pooling: 'max', dense: [5] }, ...fit, output: 'cnn' })
    .cell('train', { input: 'padded', model: 'lstm', sequence: { units: [4], embeddingDim: 3 }, ...fit, epochs: 1, output: 'next_state' })
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

async function download(name: string) {
  const files = await modelDownloadFiles(kernel, name);
  if (!files) throw new Error(`no download for ${name}`);
  const { fileName, bytes } = modelZip(name, files);
  writeFileSync(join(dir, fileName), bytes);
  const json = (file: string) => JSON.parse(files.find((f) => f.name === file)!.data as string) as Record<string, unknown>;
  return { path: join(dir, fileName), names: files.map((f) => f.name), prep: json('preprocessing.json'), meta: json('model.meta.json') };
}

function python(zip: string): number[][] {
  const run = spawnSync(PYTHON, [FIXTURE, zip, join(dir, 'fresh.csv')], { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1' } });
  if (run.status !== 0) throw new Error(`python failed: ${run.stderr}`);
  return (JSON.parse(run.stdout) as { rows: number[][] }).rows;
}

/**
 * The workbench's predictions on the fresh raw rows: the fitted transform,
 * then the model's own predict (windows rebuilt with its settings), as the
 * predict cell calls them.
 */
async function workbench(name: string) {
  const [model, prep, fresh] = [kernel.getValue(name), kernel.getValue('prep'), kernel.getValue('fresh')];
  if (model?.type !== 'model' || prep?.type !== 'transform' || fresh?.type !== 'table') throw new Error('values missing');
  return model.model.predict(prep.transform.apply(fresh.table));
}

describe.skipIf(missing)('sequence models: weights and preprocessing.json reproduce the workbench in Python', () => {
  it('an LSTM on windows (regression): the files, the window settings, and the predictions to 1e-5', async () => {
    const { path, names, prep, meta } = await download('lstm');
    expect(names).toEqual(['weights.json', 'weights.bin', 'model.meta.json', 'preprocessing.json']);
    expect(meta.kind).toBe('sequence-weights');
    const seq = prep.sequences as { mode: string; steps: number; options: Record<string, unknown>; scaling: { method: string; offset: number[] } };
    expect([seq.mode, seq.steps, seq.options.group, seq.options.time, seq.options.horizon, seq.scaling.method]).toEqual(['windows', 5, 'store', 'day', 1, 'minmax']);
    expect((prep.transforms as { name: string }[]).map((t) => t.name)).toEqual(['prep']);
    expect((prep.lineage as { complete: boolean; path: { kind: string }[] })).toMatchObject({ complete: true, path: [{ kind: 'train' }, { kind: 'sequences' }, { kind: 'transform' }, { kind: 'load' }] });
    const want = (await workbench('lstm')).predictions as number[];
    const got = python(path);
    expect(got).toHaveLength(want.length);
    expect(want.length).toBe(2 * (12 - 5));
    got.forEach(([v], i) => expect(Math.abs(v - want[i])).toBeLessThan(1e-5 * Math.max(1, Math.abs(want[i]))));
    expect(new Set(want).size).toBe(want.length);
  });

  it('a 1D-CNN on windows (regression, even kernel, max pooling, flatten, dense): values to 1e-5', async () => {
    const { path } = await download('cnn');
    const want = (await workbench('cnn')).predictions as number[];
    const got = python(path);
    expect(got).toHaveLength(want.length);
    got.forEach(([v], i) => expect(Math.abs(v - want[i])).toBeLessThan(1e-5 * Math.max(1, Math.abs(want[i]))));
    expect(new Set(want).size).toBeGreaterThan(want.length / 2);
  });

  it('a GRU on windows (classes): class probabilities to 1e-5', async () => {
    const { path, prep } = await download('gru');
    expect(prep.classes).toEqual(['high', 'low']);
    const prediction = await workbench('gru');
    expect(prediction.classes).toEqual(['high', 'low']);
    const got = python(path);
    const want = prediction.probabilities!;
    expect(got).toHaveLength(want.length);
    got.forEach((row, i) => row.forEach((p, k) => expect(Math.abs(p - want[i][k])).toBeLessThan(1e-5)));
    expect(new Set(want.map((r) => r[0].toFixed(6))).size).toBeGreaterThan(1);
  });

  it('a padded model carries its state vocabulary: token → index, PAD 0 and UNK 1; a predict cell loads the zip and reads the state column', async () => {
    const { path, prep, meta } = await download('next_state');
    const seq = prep.sequences as { mode: string; vocabulary: Record<string, number>; pad: string; unknown: string; options: { state: string } };
    expect(seq.mode).toBe('padded');
    expect(seq.vocabulary).toEqual({ '<PAD>': 0, '<UNK>': 1, busy: 2, calm: 3, rush: 4 });
    expect([seq.pad, seq.unknown, seq.options.state]).toEqual(['<PAD>', '<UNK>', 'state']);
    expect(prep.classes).toEqual(['<PAD>', '<UNK>', 'busy', 'calm', 'rush']);
    expect(meta.kind).toBe('sequence-weights');
    const fileName = 'next_state-model.zip';
    expect(path.endsWith(fileName)).toBe(true);
    const ctx = testContext({}, nodeHost({ notebookDir: dir, backend: () => 'cpu' }));
    const refused = await predictCell.run(predictSchema.parse({ modelFile: { fileId: fileName, fileName }, row: { qty: 1 } }), ctx).then(() => undefined, (e: unknown) => e);
    // Loaded (portable-reload.test.ts predicts with it): the typed-in row lacks the state the model reads.
    expect((refused as CellError).code).toBe('predict.lacksFeature');
    expect((refused as Error).message).toMatch(/"state"/);
  });
});
