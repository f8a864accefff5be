import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as aq from 'arquero';
import { timeseriesCell, timeseriesSchema, readAdf, type TimeseriesResults } from '../../src/cells/timeseries.ts';
import { buildSeries } from '../../src/data/timeseries/resample.ts';
import { testContext } from '../helpers/context.ts';
import { CellError } from '../../src/core/errors.ts';
import type { FigureOutput, MarkdownOutput, TableOutput } from '../../src/core/outputs.ts';

const fx = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/ts_stats.json', import.meta.url)), 'utf8')) as {
  series: Record<string, number[]>;
  decompose: { series: string; period: number; model: string; trend: (number | null)[] }[];
  adf: Record<string, { stat: number; pvalue: number }>;
  acf: Record<string, { acf: number[] }>;
};
const DAY = 86_400_000;
const retail = fx.series.retail;
const start = Date.UTC(2024, 0, 1);
// Two stores; rows shuffled so that sorting by date matters.
const rows = retail.flatMap((v, i) => [
  { date: new Date(start + i * DAY), store: 'A', sales: v },
  { date: new Date(start + i * DAY), store: 'B', sales: 1 },
]);
const order = rows.map((_, i) => (i * 7919) % rows.length);
const table = aq.from(order.map((i) => rows[i]));

describe('timeseries cell', () => {
  it('has defaults and renders', () => {
    const p = timeseriesSchema.parse({ value: 'sales' });
    expect(p).toMatchObject({ input: 'data', period: 7, model: 'additive', lags: 30, resample: 'none', analyses: ['decompose', 'acf', 'pacf', 'adf', 'shapiro'] });
    expect(timeseriesCell.reads(p)).toEqual(['data']);
    expect(timeseriesCell.writes(p)).toEqual(['timeseries']);
    expect(timeseriesCell.render({ ...p, time: 'date' })).toContain('data.sales over date');
  });

  it('filters a group, sorts by time and matches statsmodels', async () => {
    const ctx = testContext({ data: { type: 'table', table } });
    const out = await timeseriesCell.run(timeseriesSchema.parse({ value: 'sales', time: 'date', group: { column: 'store', value: 'A' } }), ctx);
    const res = (ctx.values.get('timeseries') as { value: TimeseriesResults }).value;
    expect(res.n).toBe(retail.length);
    const trend = fx.decompose.find((d) => d.series === 'retail' && d.period === 7)!.trend;
    res.decomposition!.trend.forEach((v, i) => (trend[i] === null ? expect(v).toBeNull() : expect(Math.abs(v! - trend[i]!)).toBeLessThan(1e-9)));
    expect(Math.abs(res.adf!.pValue - fx.adf.retail.pvalue)).toBeLessThan(1e-9);
    expect(Math.abs(res.acf!.values[7] - fx.acf.retail.acf[7])).toBeLessThan(1e-9);
    expect(res.shapiro!.on).toBe('residuals');
    const figures = out.filter((o): o is FigureOutput => o.type === 'figure');
    expect(figures.map((f) => f.title)).toEqual(['Additive decomposition of sales (period 7)', 'ACF', 'PACF']);
    expect(figures[0].spec.data.map((t) => t.yaxis)).toEqual(['y', 'y2', 'y3', 'y4']);
    expect(figures[0].spec.data[0].x).toHaveLength(retail.length);
    expect((figures[0].spec.data[0].x as string[])[0]).toBe('2024-01-01T00:00:00.000Z');
    const tests = out.find((o): o is TableOutput => o.type === 'table')!;
    expect(tests.rows.map((r) => r.test)).toEqual(['ADF (constant, lag by AIC)', 'Shapiro–Wilk (residuals)']);
    const md = out.find((o): o is MarkdownOutput => o.type === 'markdown')!;
    expect(md.markdown).toContain(readAdf(res.adf!));
  });

  it('explains the ADF result in words', () => {
    const base = { statistic: 0, usedLag: 0, nobs: 10, critical: { '1%': 0, '5%': 0, '10%': 0 }, icBest: 0 };
    expect(readAdf({ ...base, pValue: 0.0031 })).toBe('p = 0.0031 < 0.05: reject a unit root — the series looks stationary.');
    expect(readAdf({ ...base, pValue: 0.41 })).toMatch(/^p = 0.41 ≥ 0.05: cannot reject a unit root/);
  });

  it('resamples by week (sum) and month (mean) like pandas', () => {
    const t = aq.table({ d: [new Date('2024-01-03T10:00Z'), new Date('2024-01-01T00:00Z'), new Date('2024-01-16T00:00Z'), new Date('2024-02-29T23:00Z')], v: [2, 1, 5, 4] });
    // 2024-01-01 is a Monday: weeks of Jan 1, Jan 8 (empty → 0), Jan 15, ..., Feb 26.
    const w = buildSeries(t, { time: 'd', value: 'v', resample: 'week', aggregate: 'sum' });
    expect(w.times!.slice(0, 3)).toEqual(['2024-01-01T00:00:00.000Z', '2024-01-08T00:00:00.000Z', '2024-01-15T00:00:00.000Z']);
    expect(w.values.slice(0, 3)).toEqual([3, 0, 5]);
    expect(w.values.at(-1)).toBe(4);
    const m = buildSeries(t, { time: 'd', value: 'v', resample: 'month', aggregate: 'mean' });
    expect(m).toEqual({ times: ['2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z'], values: [8 / 3, 4] });
  });

  it('reports bad parameters where they are', async () => {
    const ctx = testContext({ data: { type: 'table', table } });
    const err = await timeseriesCell.run(timeseriesSchema.parse({ value: 'nope' }), ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CellError);
    expect((err as CellError).where).toBe('params.value');
    const err2 = await timeseriesCell.run(timeseriesSchema.parse({ value: 'store' }), ctx).catch((e: unknown) => e);
    expect((err2 as CellError).message).toMatch(/not numeric/);
    const err3 = await timeseriesCell.run(timeseriesSchema.parse({ value: 'sales', group: { column: 'store', value: 'Z' } }), ctx).catch((e: unknown) => e);
    expect((err3 as CellError).where).toBe('params.group.value');
  });
});
