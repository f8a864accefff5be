import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as aq from 'arquero';
import { fitPipeline } from '../../src/data/transforms/pipeline.ts';
import { stepSchema, type Step } from '../../src/data/transforms/schema.ts';
import { CellError } from '../../src/core/errors.ts';
import type { Scalar } from '../../src/core/outputs.ts';

type Col = (number | null)[];
const fx = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/ts_features.json', import.meta.url)), 'utf8')) as {
  table: Record<string, Scalar[]>;
  expected: Record<string, Col> & {
    dateparts: Record<string, Scalar[]>;
    bin_edges: Col;
    bin_count: { codes: Col; edges: number[] };
    split_at: number;
    robust: { center: number[]; scale: number[]; test_amount: Col; test_page_depth: Col };
    ordinal: { categories: string[]; test_store: string[]; test: number[] };
    target_enc: { m: number; global: number; map: Record<string, number>; test: number[] };
  };
};
const e = fx.expected;
const data = { ...fx.table, ts: (fx.table.ts as string[]).map((s) => new Date(s)) };
const table = aq.table(data);
const n = table.numRows();
const rows = (from: number, to: number) => table.reify(Array.from({ length: to - from }, (_, i) => from + i));
const train = rows(0, e.split_at);
const test = rows(e.split_at, n);
const steps = (...s: unknown[]): Step[] => s.map((x) => stepSchema.parse(x));
const run = (...s: unknown[]) => fitPipeline(steps(...s), table).fitted;

function close(actual: unknown[], expected: readonly Scalar[], label: string): void {
  expect(actual, label).toHaveLength(expected.length);
  expected.forEach((b, i) => {
    const a = actual[i];
    if (b === null) expect(a, `${label}[${i}]`).toBeNull();
    else if (typeof b !== 'number') expect(a, `${label}[${i}]`).toBe(b);
    else expect(Math.abs((a as number) - b), `${label}[${i}]: ${String(a)} vs ${b}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
  });
}

const grouped = { by: 'session', orderBy: 'ts' };

describe('time-ordered steps match pandas groupby on shuffled rows', () => {
  it('lag and lead', () => {
    const out = run({ op: 'lag', column: 'sales', periods: [1, 2], ...grouped }, { op: 'lead', column: 'sales', periods: [1], ...grouped });
    close(out.array('sales_lag1') as unknown[], e.lag_sales_1, 'lag1');
    close(out.array('sales_lag2') as unknown[], e.lag_sales_2, 'lag2');
    close(out.array('sales_lead1') as unknown[], e.lead_sales_1, 'lead1');
  });
  it('shiftTarget (shift(-2))', () => {
    const out = run({ op: 'shiftTarget', column: 'sales', lead: 2, name: 'y_ahead', ...grouped });
    close(out.array('y_ahead') as unknown[], e.target_lead_2, 'lead2');
  });
  it('diff', () => {
    const out = run({ op: 'diff', column: 'sales', periods: 1, ...grouped }, { op: 'diff', column: 'sales', periods: 2, ...grouped });
    close(out.array('sales_diff1') as unknown[], e.diff_sales_1, 'diff1');
    close(out.array('sales_diff2') as unknown[], e.diff_sales_2, 'diff2');
  });
  for (const stat of ['mean', 'std', 'min', 'max', 'sum'] as const) {
    it(`rolling ${stat}`, () => {
      const a = run({ op: 'rolling', column: 'sales', window: 3, stat, minPeriods: 1, ...grouped });
      close(a.array(`sales_rolling_${stat}3`) as unknown[], e[`rolling_${stat}_3_1`], 'min_periods 1');
      const b = run({ op: 'rolling', column: 'sales', window: 3, stat, ...grouped });
      close(b.array(`sales_rolling_${stat}3`) as unknown[], e[`rolling_${stat}_3_3`], 'min_periods = window');
    });
  }
  it('rolling without groups', () => {
    const out = run({ op: 'rolling', column: 'sales', window: 4, minPeriods: 2, orderBy: 'ts' });
    close(out.array('sales_rolling_mean4') as unknown[], e.rolling_mean_ungrouped_4_2, 'rolling');
  });
  it('gaps and deltas (session-log features)', () => {
    const out = run({ op: 'gaps', time: 'ts', by: 'session' }, { op: 'deltas', columns: ['page_depth', 'search_count'], ...grouped }, { op: 'deltas', columns: ['page_depth', 'search_count'], prefix: 'dc_', clip: true, ...grouped });
    close(out.array('gap_sec') as unknown[], e.gap_sec, 'gap_sec');
    close(out.array('delta_page_depth') as unknown[], e.delta_page_depth, 'delta depth');
    close(out.array('delta_search_count') as unknown[], e.delta_search_count, 'delta search');
    close(out.array('dc_search_count') as unknown[], e.delta_search_count_clip, 'clipped');
    expect((out.array('delta_search_count') as number[]).some((v) => v < 0), 'the fixture has a negative delta to clip').toBe(true);
  });
  it('ffill per group and overall', () => {
    const a = run({ op: 'impute', columns: ['sales'], strategy: 'ffill', ...grouped });
    close(a.array('sales') as unknown[], e.ffill_by_session, 'by session');
    const b = run({ op: 'impute', columns: ['sales'], strategy: 'ffill', orderBy: 'ts' });
    close(b.array('sales') as unknown[], e.ffill_all, 'all');
  });
});

describe('dateparts match pandas .dt', () => {
  it('all parts', () => {
    const out = run({ op: 'dateparts', column: 'ts', parts: ['year', 'month', 'day', 'weekday', 'hour', 'weekend', 'dayofyear'] });
    for (const [part, values] of Object.entries(e.dateparts)) close(out.array(`ts_${part}`) as unknown[], values, part);
  });
});

describe('bin matches pandas cut', () => {
  it('explicit edges', () => {
    const out = run({ op: 'bin', column: 'amount', bins: [0, 5, 10, 30, 1000] });
    close(out.array('amount_bin') as unknown[], e.bin_edges, 'codes');
  });
  it('a bin count learns edges on train', () => {
    const p = fitPipeline(steps({ op: 'bin', column: 'amount', bins: 4, labels: ['a', 'b', 'c', 'd'] }), table);
    close((p.steps[0].state as { edges: number[] }).edges, e.bin_count.edges, 'edges');
    close(p.fitted.array('amount_bin') as unknown[], e.bin_count.codes.map((c) => (c === null ? null : 'abcd'[c])), 'labels');
    expect(() => fitPipeline(steps({ op: 'bin', column: 'amount', bins: 2, labels: ['x'] }), table)).toThrow(CellError);
  });
});

describe('fitted encoders match sklearn and apply unchanged', () => {
  it('robust scaling', () => {
    const p = fitPipeline(steps({ op: 'scale', columns: ['amount', 'page_depth'], method: 'robust' }), train);
    const st = (p.steps[0].state as { columns: Record<string, { median: number; iqr: number }> }).columns;
    close([st.amount.median, st.page_depth.median], e.robust.center, 'center');
    close([st.amount.iqr, st.page_depth.iqr], e.robust.scale, 'scale');
    const out = p.apply(test);
    close(out.array('amount') as unknown[], e.robust.test_amount, 'amount');
    close(out.array('page_depth') as unknown[], e.robust.test_page_depth, 'page_depth');
  });
  it('ordinal: sorted categories, unseen → -1', () => {
    const p = fitPipeline(steps({ op: 'ordinal', columns: ['store'] }), train);
    expect((p.steps[0].state as { categories: { store: string[] } }).categories.store).toEqual(e.ordinal.categories);
    const out = p.apply(aq.table({ store: [...e.ordinal.test_store, null] }));
    expect(out.array('store')).toEqual([...e.ordinal.test, null]);
  });
  it('target encoding with smoothing; unseen → global mean', () => {
    const p = fitPipeline(steps({ op: 'target', columns: ['store'], target: 'target', smoothing: e.target_enc.m }), train);
    const st = p.steps[0].state as { global: number; means: { store: Record<string, number> } };
    close([st.global], [e.target_enc.global], 'global');
    for (const [k, v] of Object.entries(e.target_enc.map)) close([st.means.store[k]], [v], k);
    close(p.apply(aq.table({ store: e.ordinal.test_store })).array('store') as unknown[], e.target_enc.test, 'test');
    expect(() => fitPipeline(steps({ op: 'target', columns: ['store'], target: 'session' }), train)).toThrow(/numeric or 0\/1/);
  });
});

describe('errors name the step', () => {
  it('missing and non-numeric columns', () => {
    try {
      run({ op: 'lag', column: 'sales', by: 'nope' });
      throw new Error('expected a CellError');
    } catch (err) {
      expect(err).toBeInstanceOf(CellError);
      expect((err as CellError).where).toBe('params.steps.0.by');
    }
    expect(() => run({ op: 'diff', column: 'store' })).toThrow(/not numeric/);
  });
  it('a fitted pipeline serializes its state', () => {
    expect(n).toBeGreaterThan(20);
    const p = fitPipeline(steps({ op: 'bin', column: 'amount', bins: [0, 1, 2] }, { op: 'lag', column: 'sales' }), table);
    expect(JSON.parse(JSON.stringify(p.toJSON()))).toMatchObject({ steps: [{ op: 'bin', state: { edges: [0, 1, 2] } }, { op: 'lag', periods: [1] }] });
  });
});
