import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { edaCell, edaSchema } from '../../src/cells/eda.ts';
import { testContext } from '../helpers/context.ts';
import { CellError } from '../../src/core/errors.ts';
import type { FigureOutput, ProfileOutput, TableOutput } from '../../src/core/outputs.ts';

const table = aq.table({ x: [1, 2, 3, 4, null], y: ['a', 'b', 'a', 'a', null] });

describe('eda cell', () => {
  it('has defaults, reads its input and writes nothing', () => {
    const p = edaSchema.parse({});
    expect(p).toEqual({ input: 'data', columns: [] });
    expect(edaCell.reads(p)).toEqual(['data']);
    expect(edaCell.writes(p)).toEqual([]);
    expect(edaCell.render({ ...p, target: 'y' })).toBe('// explore data, target y');
  });

  it('profiles the chosen columns', async () => {
    const ctx = testContext({ data: { type: 'table', table } });
    const [profile] = (await edaCell.run(edaSchema.parse({ columns: ['x'] }), ctx)) as ProfileOutput[];
    expect(profile.type).toBe('profile');
    expect(profile.columns.map((c) => c.name)).toEqual(['x']);
    expect(profile.columns[0]).toMatchObject({ count: 4, missing: 1, mean: 2.5, median: 2.5, min: 1, max: 4 });
  });

  it('adds the class balance of a target as a table and a bar chart', async () => {
    const ctx = testContext({ data: { type: 'table', table } });
    const out = await edaCell.run(edaSchema.parse({ target: 'y' }), ctx);
    expect(out).toHaveLength(3);
    const balance = out[1] as TableOutput;
    expect(balance.rows).toEqual([
      { y: 'a', count: 3, fraction: 0.6 },
      { y: 'b', count: 1, fraction: 0.2 },
      { y: null, count: 1, fraction: 0.2 },
    ]);
    expect((out[2] as FigureOutput).spec.data[0]).toMatchObject({ type: 'bar', y: [3, 1, 1] });
  });

  it('names the parameter and lists the columns when one is absent', async () => {
    const ctx = testContext({ data: { type: 'table', table } });
    await expect(edaCell.run(edaSchema.parse({ target: 'z' }), ctx)).rejects.toMatchObject({ where: 'params.target', hint: 'Available columns: x, y.' });
    await expect(edaCell.run(edaSchema.parse({ columns: ['x', 'q'] }), ctx)).rejects.toBeInstanceOf(CellError);
    await expect(edaCell.run(edaSchema.parse({ columns: ['x', 'q'] }), ctx)).rejects.toMatchObject({ where: 'params.columns.1' });
  });
});

describe('eda cell: correlations, outliers, missing patterns, leakage', () => {
  const t = aq.table({ a: [1, 2, 3, 4, 100, null], b: [2, 4, 6, 8, 10, 12], y: [1, 2, 3, 4, 5, 6] });
  it('adds heatmaps and tables only when asked', async () => {
    const ctx = testContext({ data: { type: 'table', table: t } });
    const plain = await edaCell.run(edaSchema.parse({}), ctx);
    expect(plain).toHaveLength(1);
    const out = await edaCell.run(edaSchema.parse({ correlations: ['pearson', 'spearman'], outliers: true, missingPatterns: true }), ctx);
    const figs = out.filter((o): o is FigureOutput => o.type === 'figure');
    expect(figs.map((f) => f.title)).toEqual(['Pearson correlation', 'Spearman correlation']);
    const z = figs[1].spec.data[0].z as number[][];
    expect(z[0][1]).toBeCloseTo(1, 12); // a and b rank identically where both are present
    const tables = out.filter((o): o is TableOutput => o.type === 'table');
    expect(tables[0].rows.find((r) => r.column === 'a')).toMatchObject({ outliers_iqr: 1 });
    expect(tables[1].rows).toEqual([{ missing: '(none)', rows: 5 }, { missing: 'a', rows: 1 }]);
  });
  it('warns about a leaking feature when a target is given', async () => {
    const ctx = testContext({ data: { type: 'table', table: t } });
    const [profile] = (await edaCell.run(edaSchema.parse({ target: 'y' }), ctx)) as ProfileOutput[];
    expect(profile.warnings.some((w) => w.startsWith('"b" is almost perfectly correlated with the target "y"'))).toBe(true);
  });
});

describe('eda cell: isolation forest and time series', () => {
  it('counts Isolation Forest outliers and lists the planted one first', async () => {
    const xs = Array.from({ length: 300 }, (_, i) => Math.sin(i) * 2);
    const ys = Array.from({ length: 300 }, (_, i) => Math.cos(i * 1.3) * 2);
    xs[42] = 30;
    ys[42] = -30;
    const ctx = testContext({ data: { type: 'table', table: aq.table({ x: xs, y: ys, label: xs.map(() => 'k') }) } });
    const out = await edaCell.run(edaSchema.parse({ isolationForest: true }), ctx);
    const text = out.find((o) => o.type === 'text' && o.text.startsWith('Isolation Forest'));
    expect(text).toBeDefined();
    const top = out.find((o): o is TableOutput => o.type === 'table' && (o.title ?? '').startsWith('Most anomalous'));
    expect(top?.rows[0]).toMatchObject({ row: 42, x: 30, y: -30 });
  });

  it('draws a resampled line per group', async () => {
    const day = (d: number) => new Date(Date.UTC(2024, 0, 1 + d));
    const t = aq.table({
      when: [0, 1, 8, 0, 2, 9].map(day),
      sales: [1, 2, 3, 10, 20, 30],
      store: ['a', 'a', 'a', 'b', 'b', 'b'],
    });
    const ctx = testContext({ data: { type: 'table', table: t } });
    const out = await edaCell.run(edaSchema.parse({ timeseries: { time: 'when', value: 'sales', resample: 'week', aggregate: 'sum', groupBy: 'store' } }), ctx);
    const fig = out.find((o): o is FigureOutput => o.type === 'figure' && (o.title ?? '').includes('over time'));
    expect(fig?.spec.data.map((d) => d.name)).toEqual(['a', 'b']);
    expect(fig?.spec.data[0]).toMatchObject({ type: 'scatter', mode: 'lines', x: ['2024-01-01T00:00:00.000Z', '2024-01-08T00:00:00.000Z'], y: [3, 3] });
    expect(fig?.spec.data[1]).toMatchObject({ y: [30, 30] });
    await expect(edaCell.run(edaSchema.parse({ timeseries: { time: 'nope', value: 'sales' } }), ctx)).rejects.toMatchObject({ where: 'params.timeseries.time' });
  });
});
