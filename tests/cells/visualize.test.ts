import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { visualizeCell, buildFigure, MAX_POINTS } from '../../src/cells/visualize.ts';
import { testContext } from '../helpers/context.ts';
import { CellError } from '../../src/core/errors.ts';

const table = aq.table({
  day: [3, 1, 2, 1, 2, 3],
  sales: [30, 10, 20, 12, 22, 31],
  store: ['a', 'a', 'a', 'b', 'b', 'b'],
  when: [new Date('2024-01-03'), new Date('2024-01-01'), new Date('2024-01-02'), new Date('2024-01-01'), new Date('2024-01-02'), new Date('2024-01-03')],
});
const p = (over: Record<string, unknown>) => visualizeCell.schema.parse({ input: 't', ...over });

describe('visualize cell', () => {
  it('draws a line per group, sorted by x', () => {
    const fig = buildFigure(table, p({ chart: 'line', x: 'day', y: ['sales'], color: 'store' }));
    expect(fig.data).toEqual([
      { type: 'scatter', mode: 'lines', name: 'a', x: [1, 2, 3], y: [10, 20, 30] },
      { type: 'scatter', mode: 'lines', name: 'b', x: [1, 2, 3], y: [12, 22, 31] },
    ]);
    expect(fig.layout.showlegend).toBe(true);
  });

  it('aggregates y per x for bars, and counts rows when no y is given', () => {
    const sum = buildFigure(table, p({ chart: 'bar', x: 'store', y: ['sales'], aggregate: 'sum' }));
    expect(sum.data[0]).toMatchObject({ type: 'bar', x: ['a', 'b'], y: [60, 65] });
    const mean = buildFigure(table, p({ chart: 'bar', x: 'day', y: ['sales'], aggregate: 'mean' }));
    expect(mean.data[0]).toMatchObject({ x: [1, 2, 3], y: [11, 21, 30.5] });
    const median = buildFigure(table, p({ chart: 'bar', x: 'store', y: ['sales'], aggregate: 'median' }));
    expect(median.data[0]).toMatchObject({ y: [20, 22] });
    const count = buildFigure(table, p({ chart: 'bar', x: 'store' }));
    expect(count.data[0]).toMatchObject({ x: ['a', 'b'], y: [3, 3] });
  });

  it('serializes dates as ISO strings so the spec is plain JSON', () => {
    const fig = buildFigure(table, p({ chart: 'line', x: 'when', y: ['sales'], aggregate: 'sum' }));
    expect(fig.data[0].x).toEqual(['2024-01-01T00:00:00.000Z', '2024-01-02T00:00:00.000Z', '2024-01-03T00:00:00.000Z']);
    expect(fig.data[0].y).toEqual([22, 42, 61]);
    expect(JSON.parse(JSON.stringify(fig))).toEqual(fig);
  });

  it('makes histograms and box plots per group', () => {
    const h = buildFigure(table, p({ chart: 'histogram', x: 'sales', color: 'store', bins: 5 }));
    expect(h.data.map((t) => [t.type, t.name, t.x, t.nbinsx])).toEqual([['histogram', 'a', [30, 10, 20], 5], ['histogram', 'b', [12, 22, 31], 5]]);
    const b = buildFigure(table, p({ chart: 'box', x: 'store', y: ['sales'] }));
    expect(b.data.map((t) => [t.type, t.name, t.y])).toEqual([['box', 'a', [30, 10, 20]], ['box', 'b', [12, 22, 31]]]);
  });

  it('draws a correlation heatmap of the numeric columns when no axes are given', () => {
    const fig = buildFigure(table, p({ chart: 'heatmap' }));
    const z = fig.data[0].z as number[][];
    expect(fig.data[0].x).toEqual(['day', 'sales']);
    expect(z[0][0]).toBeCloseTo(1, 12);
    // numpy.corrcoef([3,1,2,1,2,3], [30,10,20,12,22,31])[0,1]
    expect(z[0][1]).toBeCloseTo(0.9940272039973074, 12);
  });

  it('pivots a heatmap of counts or means', () => {
    const fig = buildFigure(table, p({ chart: 'heatmap', x: 'day', color: 'store', y: ['sales'], aggregate: 'mean' }));
    expect(fig.data[0]).toMatchObject({ x: ['1', '2', '3'], y: ['a', 'b'], z: [[10, 20, 30], [12, 22, 31]] });
  });

  it('samples very large scatter plots, reproducibly', () => {
    const n = MAX_POINTS + 5000;
    const big = aq.table({ x: Float64Array.from({ length: n }, (_, i) => i), y: Float64Array.from({ length: n }, (_, i) => i * 2) });
    const a = buildFigure(big, p({ chart: 'scatter', x: 'x', y: ['y'] }));
    const b = buildFigure(big, p({ chart: 'scatter', x: 'x', y: ['y'] }));
    expect((a.data[0].x as number[]).length).toBe(MAX_POINTS);
    expect(a).toEqual(b);
    expect(a.data[0].type).toBe('scattergl');
    expect(String((a.layout.title as { text: string }).text)).toContain('sample');
  });

  it('names the missing column and lists the real ones', () => {
    expect(() => buildFigure(table, p({ chart: 'scatter', x: 'dya', y: ['sales'] }))).toThrow(CellError);
    try {
      buildFigure(table, p({ chart: 'scatter', x: 'dya', y: ['sales'] }));
    } catch (e) {
      expect((e as CellError).where).toBe('params.x');
      expect((e as CellError).hint).toContain('day, sales, store, when');
    }
    expect(() => buildFigure(table, p({ chart: 'line', x: 'day', y: ['store'] }))).toThrow(/needs numbers/);
  });

  it('runs as a cell: reads its input, stores the figure when asked', async () => {
    const ctx = testContext({ t: { type: 'table', table } });
    const params = p({ chart: 'scatter', x: 'day', y: ['sales'], output: 'fig' });
    expect(visualizeCell.reads(params)).toEqual(['t']);
    expect(visualizeCell.writes(params)).toEqual(['fig']);
    const [out] = await visualizeCell.run(params, ctx);
    expect(out.type).toBe('figure');
    expect(ctx.values.get('fig')?.type).toBe('figure');
    expect(visualizeCell.render(params)).toBe('// visualize scatter of t, x: day, y: sales → fig');
  });
});
