// The sequences cell's sliding windows exported to Python are the
// workbench's: the same windows in the same order (groups by first
// appearance, rows sorted by date within each), every float32 value equal,
// the same targets and last-row indices, the scaling fitted on the training
// table and reused for the test table; standard and min-max scaling, with
// and without groups, horizon 0 and 2.
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { sequencesCell, sequencesSchema } from '../../src/cells/sequences.ts';
import type { PaddedSequences, WindowSequences } from '../../src/ml/sequences/index.ts';
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

/** Sessions of 1–9 events in shuffled order: a state, two numbers; the test table has a state training never saw. */
function sessions(count: number, seed: number, extra: string) {
  const r = seededRandom(seed);
  const pages = ['/home', '/search', '/product', '/cart', extra];
  const rows = Array.from({ length: count }, (_, s) => Array.from({ length: 1 + Math.floor(r() * 9) }, (_, depth) => ({
    session: `s${seed}-${s}`, depth: depth + 1, page: pages[Math.floor(r() * (extra ? 5 : 4))],
    items: Math.floor(r() * 5), elapsed: Math.round(r() * 1000) / 10,
  }))).flat();
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows;
}

const sessionCsv = (rows: ReturnType<typeof sessions>) => ['session,depth,page,items,elapsed', ...rows.map((x) => `${x.session},${x.depth},${x.page},${x.items},${x.elapsed}`)].join('\n');

describe.skipIf(missing !== undefined)(`padded sequences exported to Python match the workbench${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('the same vocabulary, states, next-state targets, lengths and float32 features; an unseen state is <UNK>', async () => {
    const train = sessions(40, 5, '');
    const test = sessions(15, 6, '/help');
    const params = sequencesSchema.parse({
      input: 'train', mode: 'padded', group: 'session', state: 'page', time: 'depth', features: ['items', 'elapsed'], maxLength: 5, minLength: 3, scale: 'standard',
      applyTo: [{ input: 'test', output: 'test_seq' }], output: 'train_seq',
    });
    const doc = {
      title: 'Padded export',
      cells: [
        typedCell('load-1', 'load', { source: { type: 'file', fileId: 'train.csv', fileName: 'train.csv' }, output: 'train' }),
        typedCell('load-2', 'load', { source: { type: 'file', fileId: 'test.csv', fileName: 'test.csv' }, output: 'test' }),
        typedCell('seq-1', 'sequences', params),
      ],
    } as unknown as NotebookDoc;
    const epilogue = ['train_seq', 'test_seq'].map((n) => `report('seq-1', 'all:${n}', {k: (${n}[k].ravel().tolist() if hasattr(${n}[k], 'ravel') else ${n}[k]) for k in ('states', 'targets', 'lengths', 'numeric', 'vocab', 'groups', 'steps')})`).join('\n');
    const { reported, exported } = runExported(doc, { 'train.csv': sessionCsv(train), 'test.csv': sessionCsv(test) }, epilogue);
    expect(exported.todos).toEqual([]);
    const ctx = testContext({ train: { type: 'table', table: aq.from(train) }, test: { type: 'table', table: aq.from(test) } });
    await sequencesCell.run(params, ctx);
    for (const name of ['train_seq', 'test_seq']) {
      const wb = (ctx.values.get(name) as { type: 'object'; value: PaddedSequences }).value;
      const py = reported.get(`seq-1 all:${name}`) as Record<string, unknown[]> & { steps: number };
      expect(py.vocab, `${name} vocabulary`).toEqual(wb.vocab);
      expect(py.groups, `${name} groups`).toEqual(wb.groups);
      expect(py.steps, `${name} steps`).toBe(wb.steps);
      expect(py.states, `${name} states`).toEqual(Array.from(wb.states));
      expect(py.targets, `${name} targets`).toEqual(Array.from(wb.targets));
      expect(py.lengths, `${name} lengths`).toEqual(Array.from(wb.lengths));
      const differ = py.numeric.findIndex((v, i) => v !== wb.numeric[i]);
      expect(differ, differ < 0 ? '' : `${name} numeric[${differ}]: workbench ${wb.numeric[differ]}, python ${String(py.numeric[differ])}`).toBe(-1);
    }
    // The unseen /help is <UNK> (1) in the test sequences, and some sessions were cut to the last 5 transitions.
    const testSeq = (ctx.values.get('test_seq') as { type: 'object'; value: PaddedSequences }).value;
    expect(Array.from(testSeq.states)).toContain(1);
    expect(Math.max(...(ctx.values.get('train_seq') as { type: 'object'; value: PaddedSequences }).value.lengths)).toBe(5);
  });
});
