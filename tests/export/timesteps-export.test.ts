// The transform cell's time-ordered steps exported to Python reach the
// workbench's rows: lag, lead and shiftTarget (the value k rows away within
// the group, in time order), diff, rolling mean and std (missing values
// skipped, min_periods), date parts (weekday, month, weekend, day of year)
// ordinal codes and target encoding learned on the training table and applied unchanged
// to the test table, on two stores' shuffled daily rows with missing values.
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { transformCell, transformSchema } from '../../src/cells/transform.ts';
import { seededRandom } from '../../src/core/random.ts';
import type { NotebookDoc } from '../../src/notebook/model.ts';
import { testContext } from '../helpers/context.ts';
import { pythonMissing, runExported, typedCell } from './helpers.ts';

const missing = pythonMissing(['numpy', 'pandas']);

interface Row { date: Date; store: string; qty: number | null; kind: string | null }

/** Two stores' daily rows in shuffled order; some quantities and kinds missing. */
function table(days: number, seed: number, start: number): Row[] {
  const r = seededRandom(seed);
  const rows: Row[] = ['north', 'south'].flatMap((store) => Array.from({ length: days }, (_, d) => ({
    date: new Date(Date.UTC(2024, 0, 1) + (start + d) * 86_400_000), store,
    qty: r() < 0.1 ? null : Math.round((40 + 10 * Math.sin(d / 3) + r() * 8) * 10) / 10,
    kind: r() < 0.1 ? null : ['a', 'b', 'c'][Math.floor(r() * 3)],
  })));
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows;
}

const csv = (rows: Row[]) => ['date,store,qty,kind', ...rows.map((x) => `${x.date.toISOString().slice(0, 10)},${x.store},${x.qty ?? ''},${x.kind ?? ''}`)].join('\n');

/** A workbench value as the Python report shows it: dates as their time, numbers and text as they are. */
function same(wb: unknown, py: unknown): boolean {
  if (wb instanceof Date) return typeof py === 'string' && Date.parse(`${py}T00:00:00Z`) === wb.getTime();
  if (typeof wb === 'number' && typeof py === 'number') return Math.abs(wb - py) <= 1e-12 * Math.max(1, Math.abs(wb));
  return (wb ?? null) === (py ?? null);
}

describe.skipIf(missing !== undefined)(`time-ordered transform steps exported to Python match the workbench${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('lag, lead, shiftTarget, diff, rolling, dateparts, ordinal and target encoding: every row and column', async () => {
    const train = table(40, 3, 0);
    const test = table(15, 4, 40);
    const params = transformSchema.parse({
      input: 'train', output: 'train_t', transform: 'features',
      steps: [
        { op: 'dateparts', column: 'date', parts: ['weekday', 'month', 'weekend', 'dayofyear'] },
        { op: 'lag', column: 'qty', periods: [1, 2], by: 'store', orderBy: 'date' },
        { op: 'lead', column: 'qty', periods: [1], by: 'store', orderBy: 'date' },
        { op: 'shiftTarget', column: 'qty', lead: 2, by: 'store', orderBy: 'date', name: 'target' },
        { op: 'diff', column: 'qty', periods: 1, by: 'store', orderBy: 'date' },
        { op: 'rolling', column: 'qty', window: 3, stat: 'mean', by: 'store', orderBy: 'date' },
        { op: 'rolling', column: 'qty', window: 4, stat: 'std', minPeriods: 2, orderBy: 'date' },
        { op: 'derive', name: 'kind_code', expr: 'd => d.kind' },
        { op: 'ordinal', columns: ['kind_code', 'store'] },
        { op: 'target', columns: ['kind', 'date_weekday'], target: 'target', smoothing: 2 },
      ],
      applyTo: [{ input: 'test', output: 'test_t' }],
    });
    const doc = {
      title: 'Time steps export',
      cells: [
        typedCell('load-1', 'load', { source: { type: 'file', fileId: 'train.csv', fileName: 'train.csv' }, output: 'train' }),
        typedCell('load-2', 'load', { source: { type: 'file', fileId: 'test.csv', fileName: 'test.csv' }, output: 'test' }),
        typedCell('transform-1', 'transform', params),
      ],
    } as unknown as NotebookDoc;
    const epilogue = ['train_t', 'test_t'].map((n) => `report('transform-1', 'all:${n}', records(${n}, n=len(${n})))`).join('\n');
    const { reported, exported } = runExported(doc, { 'train.csv': csv(train), 'test.csv': csv(test) }, epilogue);
    expect(exported.todos).toEqual([]);
    const ctx = testContext({ train: { type: 'table', table: aq.from(train) }, test: { type: 'table', table: aq.from(test) } });
    await transformCell.run(params, ctx);
    for (const name of ['train_t', 'test_t']) {
      const wb = (ctx.values.get(name) as { type: 'table'; table: ColumnTable }).table.objects() as Record<string, unknown>[];
      const py = reported.get(`transform-1 all:${name}`) as Record<string, unknown>[];
      expect(py.length, `${name} rows`).toBe(wb.length);
      expect(Object.keys(py[0]), `${name} columns`).toEqual(Object.keys(wb[0]));
      // Missing values and lags at group starts are there to be compared.
      expect(wb.filter((r) => r.qty_lag2 === null).length).toBeGreaterThan(4);
      wb.forEach((row, i) => {
        for (const [col, v] of Object.entries(row)) expect(same(v, py[i][col]), `${name} row ${i} ${col}: workbench ${String(v)}, python ${String(py[i][col])}`).toBe(true);
      });
    }
  });
});
