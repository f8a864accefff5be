// The sequences cell's sliding windows exported to Python are the
// workbench's: the same windows in the same order (groups by first
// appearance, rows sorted by date within each), every float32 value equal,
// the same targets and last-row indices, the scaling fitted on the training
// table and reused for the test table; standard and min-max scaling, with
// and without groups, horizon 0 and 2.
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { sequencesCell, sequencesSchema } from '../../src/cells/sequences.ts';
import type { WindowSequences } from '../../src/ml/sequences/index.ts';
import { seededRandom } from '../../src/core/random.ts';
import type { NotebookDoc } from '../../src/notebook/model.ts';
import { testContext } from '../helpers/context.ts';
import { pythonMissing, runExported, typedCell } from './helpers.ts';

const missing = pythonMissing(['numpy', 'pandas']);

/** Two stores' daily rows, shuffled: qty, customers and a label to predict. */
function table(days: number, seed: number, start: number) {
  const r = seededRandom(seed);
  const rows = ['north', 'south'].flatMap((store) => Array.from({ length: days }, (_, d) => ({
    date: new Date(Date.UTC(2024, 0, 1) + (start + d) * 86_400_000), store,
    qty: Math.round((40 + 10 * Math.sin(d / 3) + r() * 8) * 10) / 10, customers: Math.floor(20 + r() * 30),
    busy: r() < 0.4 ? 'yes' : 'no',
  })));
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows;
}

const csv = (rows: ReturnType<typeof table>) => ['date,store,qty,customers,busy', ...rows.map((x) => `${x.date.toISOString().slice(0, 10)},${x.store},${x.qty},${x.customers},${x.busy}`)].join('\n');

describe.skipIf(missing !== undefined)(`sequences exported to Python match the workbench${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it.each([
    { scale: 'standard', group: 'store', horizon: 2, target: 'qty' },
    { scale: 'minmax', group: '', horizon: 0, target: 'busy' },
  ])('windows: $scale scaling, group "$group", horizon $horizon', async ({ scale, group, horizon, target }) => {
    const train = table(60, 1, 0);
    const test = table(25, 2, 60);
    const params = sequencesSchema.parse({
      input: 'train', mode: 'windows', features: ['qty', 'customers'], target, steps: 7, horizon, group, time: 'date', scale,
      applyTo: [{ input: 'test', output: 'test_w' }], output: 'train_w',
    });
    const doc = {
      title: 'Sequences export',
      cells: [
        typedCell('load-1', 'load', { source: { type: 'file', fileId: 'train.csv', fileName: 'train.csv' }, output: 'train' }),
        typedCell('load-2', 'load', { source: { type: 'file', fileId: 'test.csv', fileName: 'test.csv' }, output: 'test' }),
        typedCell('seq-1', 'sequences', params),
      ],
    } as unknown as NotebookDoc;
    const epilogue = ['train_w', 'test_w'].map((n) => `report('seq-1', 'all:${n}', {'X': ${n}['X'].ravel().tolist(), 'y': ${n}['y'], 'index': ${n}['index']})`).join('\n');
    const { reported, exported } = runExported(doc, { 'train.csv': csv(train), 'test.csv': csv(test) }, epilogue);
    expect(exported.todos).toEqual([]);
    const ctx = testContext({ train: { type: 'table', table: aq.from(train) }, test: { type: 'table', table: aq.from(test) } });
    await sequencesCell.run(params, ctx);
    for (const name of ['train_w', 'test_w']) {
      const wb = (ctx.values.get(name) as { type: 'object'; value: WindowSequences }).value;
      const py = reported.get(`seq-1 all:${name}`) as { X: number[]; y: unknown[]; index: number[] };
      expect(reported.get(`seq-1 shape:${name}`), `${name} shape`).toEqual([wb.n, 7, 2]);
      expect(py.y, `${name} targets`).toEqual(wb.y);
      expect(py.index, `${name} last rows`).toEqual(Array.from(wb.index));
      expect(py.X.length).toBe(wb.X.length);
      const differ = py.X.findIndex((v, i) => v !== wb.X[i]);
      expect(differ, differ < 0 ? '' : `${name} X[${differ}]: workbench ${wb.X[differ]}, python ${py.X[differ]}`).toBe(-1);
    }
  });
});
