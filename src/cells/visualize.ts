// Visualize: a Plotly figure spec (line, bar, scatter, histogram, box,
// heatmap) from any table. The spec is plain JSON: the UI draws it with
// Plotly, the runner writes it to the JSON report, Jupyter shows it through
// the Plotly MIME type.
import { z } from 'zod';
import type { ColumnTable } from 'arquero';
import { defineCell } from './types.ts';
import { CellError } from '../core/errors.ts';
import type { FigureOutput, FigureSpec, Scalar } from '../core/outputs.ts';
import { toScalar, columnType } from '../data/preview.ts';
import { seededRandom, shuffledIndices } from '../core/random.ts';

const CHARTS = ['line', 'bar', 'scatter', 'histogram', 'box', 'heatmap'] as const;
const AGGREGATES = ['none', 'count', 'sum', 'mean', 'median', 'min', 'max'] as const;

/** More points than this are sampled (seeded) so figures stay light to save and draw. */
export const MAX_POINTS = 20_000;

const schema = z.object({
  input: z.string().default('data').describe('Table to plot'),
  chart: z.enum(CHARTS).default('scatter').describe('Chart type'),
  x: z.string().default('').describe('X column (category for bar, grouping for box)'),
  y: z.array(z.string()).default([]).describe('Y column(s); one trace each'),
  color: z.string().default('').describe('Group column: one trace per value'),
  aggregate: z.enum(AGGREGATES).default('none').describe('Aggregate y per x (line, bar, heatmap)'),
  bins: z.number().int().min(1).max(500).default(30).describe('Histogram bins'),
  title: z.string().default('').describe('Figure title'),
  output: z.string().default('').describe('Store the figure under this name (optional)'),
});
type Params = z.output<typeof schema>;

function column(table: ColumnTable, name: string, param: string): Scalar[] {
  if (!table.columnNames().includes(name)) {
    throw CellError.coded('column.chartNotIn', { column: name, columns: table.columnNames().join(', ') }, { where: `params.${param}` });
  }
  const col = table.column(name)!;
  const idx = table.indices();
  const out: Scalar[] = new Array(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = toScalar(col.at(idx[i]));
  return out;
}

function numeric(table: ColumnTable, name: string, param: string): (number | null)[] {
  const type = columnType(table, name);
  if (type !== 'number' && type !== 'integer' && type !== 'boolean' && type !== 'unknown') {
    throw CellError.coded('column.chartNotNumeric', { column: name, type }, { where: `params.${param}` });
  }
  return column(table, name, param).map((v) => (typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : null));
}

function aggregateValues(values: number[], how: (typeof AGGREGATES)[number]): number {
  const v = values.filter((x) => Number.isFinite(x));
  switch (how) {
    case 'count': return values.length;
    case 'sum': return v.reduce((a, b) => a + b, 0);
    case 'mean': return v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN;
    case 'min': return v.length ? Math.min(...v) : NaN;
    case 'max': return v.length ? Math.max(...v) : NaN;
    case 'median': {
      if (!v.length) return NaN;
      const s = [...v].sort((a, b) => a - b);
      const m = (s.length - 1) / 2;
      return (s[Math.floor(m)] + s[Math.ceil(m)]) / 2;
    }
    case 'none': return v[0] ?? NaN;
  }
}

/** Group row indices by a key column (insertion order of first appearance). */
function groupBy(keys: Scalar[], rows: number[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const r of rows) {
    const k = String(keys[r] ?? '(missing)');
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(r);
  }
  return groups;
}

function sortKey(a: Scalar, b: Scalar): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

function xyTraces(table: ColumnTable, p: Params, rows: number[]): Record<string, unknown>[] {
  if (!p.x) throw CellError.coded('chart.needsX', { chart: p.chart, columns: table.columnNames().join(', ') }, { where: 'params.x' });
  const ys = p.y.length ? p.y : p.aggregate === 'count' || p.chart === 'bar' ? [] : [];
  const xs = column(table, p.x, 'x');
  const groups = p.color ? groupBy(column(table, p.color, 'color'), rows) : new Map([['', rows]]);
  const traces: Record<string, unknown>[] = [];
  const series = ys.length ? ys : ['count'];
  for (const yName of series) {
    const yv = yName === 'count' && !ys.length ? null : numeric(table, yName, 'y');
    for (const [group, groupRows] of groups) {
      let tx: Scalar[];
      let ty: (number | null)[];
      const how = yv === null ? 'count' : p.aggregate;
      if (how !== 'none' || p.chart === 'bar' && yv === null) {
        const byX = groupBy(xs, groupRows);
        const keys = [...byX.keys()];
        const firstRow = (k: string) => byX.get(k)![0];
        const order = keys.sort((a, b) => sortKey(xs[firstRow(a)], xs[firstRow(b)]));
        tx = order.map((k) => xs[firstRow(k)]);
        ty = order.map((k) => aggregateValues(byX.get(k)!.map((r) => (yv ? (yv[r] ?? NaN) : 1)), how === 'none' ? 'count' : how));
      } else {
        const ordered = p.chart === 'line' ? [...groupRows].sort((a, b) => sortKey(xs[a], xs[b])) : groupRows;
        tx = ordered.map((r) => xs[r]);
        ty = ordered.map((r) => yv![r]);
      }
      const name = [series.length > 1 || !p.color ? yName : '', group].filter(Boolean).join(' · ') || yName;
      const trace: Record<string, unknown> = { x: tx, y: ty, name };
      if (p.chart === 'bar') trace.type = 'bar';
      else {
        trace.type = tx.length > 5000 ? 'scattergl' : 'scatter';
        trace.mode = p.chart === 'line' ? 'lines' : 'markers';
      }
      traces.push(trace);
    }
  }
  return traces;
}

function histogramTraces(table: ColumnTable, p: Params, rows: number[]): Record<string, unknown>[] {
  const name = p.x || p.y[0];
  if (!name) throw CellError.coded('chart.histogramX', {}, { where: 'params.x' });
  const values = column(table, name, p.x ? 'x' : 'y');
  const groups = p.color ? groupBy(column(table, p.color, 'color'), rows) : new Map([[name, rows]]);
  return [...groups].map(([group, g]) => ({ type: 'histogram', x: g.map((r) => values[r]), name: group, nbinsx: p.bins, opacity: groups.size > 1 ? 0.6 : 1 }));
}

function boxTraces(table: ColumnTable, p: Params, rows: number[]): Record<string, unknown>[] {
  const ys = p.y.length ? p.y : [];
  if (!ys.length) throw CellError.coded('chart.boxY', {}, { where: 'params.y' });
  const by = p.x || p.color;
  const groups = by ? groupBy(column(table, by, p.x ? 'x' : 'color'), rows) : new Map([['', rows]]);
  const traces: Record<string, unknown>[] = [];
  for (const yName of ys) {
    const yv = numeric(table, yName, 'y');
    for (const [group, g] of groups) traces.push({ type: 'box', y: g.map((r) => yv[r]), name: [ys.length > 1 ? yName : '', group].filter(Boolean).join(' · ') || yName, boxmean: true });
  }
  return traces;
}

function pearson(a: (number | null)[], b: (number | null)[]): number {
  let n = 0, sa = 0, sb = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== null && b[i] !== null) { n++; sa += a[i]!; sb += b[i]!; }
  const ma = sa / n, mb = sb / n;
  let cov = 0, va = 0, vb = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== null && b[i] !== null) {
    const da = a[i]! - ma, db = b[i]! - mb;
    cov += da * db; va += da * da; vb += db * db;
  }
  return cov / Math.sqrt(va * vb);
}

function heatmapTraces(table: ColumnTable, p: Params): Record<string, unknown>[] {
  if (!p.x && !p.y.length) {
    // No axes given: the Pearson correlation matrix of the numeric columns.
    const names = table.columnNames().filter((n) => ['number', 'integer'].includes(columnType(table, n)));
    if (names.length < 2) throw CellError.coded('chart.correlationTwo', {}, { where: 'params.input' });
    const cols = names.map((n) => numeric(table, n, 'input'));
    const z = cols.map((a) => cols.map((b) => pearson(a, b)));
    return [{ type: 'heatmap', x: names, y: names, z, zmin: -1, zmax: 1, colorscale: 'RdBu', reversescale: true }];
  }
  if (!p.x || !p.color) throw CellError.coded('chart.heatmapAxes', {}, { where: 'params.color' });
  const xs = column(table, p.x, 'x');
  const rowsCat = column(table, p.color, 'color');
  const yv = p.y.length ? numeric(table, p.y[0], 'y') : null;
  const xKeys = [...new Set(xs.map(String))].sort();
  const yKeys = [...new Set(rowsCat.map(String))].sort();
  const cells = new Map<string, number[]>();
  for (let r = 0; r < xs.length; r++) {
    const k = `${String(rowsCat[r])}\u0000${String(xs[r])}`;
    let c = cells.get(k);
    if (!c) cells.set(k, (c = []));
    c.push(yv ? (yv[r] ?? NaN) : 1);
  }
  const how = yv ? (p.aggregate === 'none' ? 'mean' : p.aggregate) : 'count';
  const z = yKeys.map((yk) => xKeys.map((xk) => {
    const c = cells.get(`${yk}\u0000${xk}`);
    return c ? aggregateValues(c, how) : null;
  }));
  return [{ type: 'heatmap', x: xKeys, y: yKeys, z, colorscale: 'Viridis' }];
}

export function buildFigure(table: ColumnTable, p: Params): FigureSpec {
  let rows = Array.from({ length: table.numRows() }, (_, i) => i);
  let sampled = false;
  if (rows.length > MAX_POINTS && (p.chart === 'scatter' || (p.chart === 'line' && p.aggregate === 'none'))) {
    rows = Array.from(shuffledIndices(rows.length, seededRandom(0)).subarray(0, MAX_POINTS)).sort((a, b) => a - b);
    sampled = true;
  }
  const data =
    p.chart === 'histogram' ? histogramTraces(table, p, rows)
    : p.chart === 'box' ? boxTraces(table, p, rows)
    : p.chart === 'heatmap' ? heatmapTraces(table, p)
    : xyTraces(table, p, rows);
  const title = (p.title || `${p.chart}${p.y.length ? ` of ${p.y.join(', ')}` : ''}${p.x ? ` by ${p.x}` : ''}`) + (sampled ? ` (sample of ${MAX_POINTS.toLocaleString('en-US')} rows)` : '');
  const layout: Record<string, unknown> = {
    title: { text: title },
    xaxis: { title: { text: p.x || (p.chart === 'histogram' ? '' : '') } },
    yaxis: { title: { text: p.chart === 'histogram' ? 'count' : p.y.join(', ') || (p.chart === 'bar' ? 'count' : '') } },
    showlegend: data.length > 1,
    barmode: p.chart === 'histogram' ? 'overlay' : 'group',
    margin: { t: 48, r: 16, b: 48, l: 56 },
  };
  return { data, layout };
}

const CHART_KO: Record<string, string> = { line: '선 그래프', bar: '막대 그래프', scatter: '산점도', histogram: '히스토그램', box: '상자 그림', heatmap: '히트맵' };

/**
 * The figure's words in Korean for the UI (a title the student typed is theirs and stays).
 * Whether the rows were sampled is read from the English title the figure got.
 */
function koreanWords(p: Params, spec: FigureSpec): { titleKo: string; ko: NonNullable<FigureOutput['ko']> } | undefined {
  if (p.title) return undefined;
  const sampled = String((spec.layout.title as { text: string }).text).endsWith(' rows)');
  const chart = CHART_KO[p.chart] ?? p.chart;
  const titleKo = `${p.x ? `${p.x}별 ` : ''}${p.y.length ? `${p.y.join(', ')}의 ` : ''}${chart}` + (sampled ? ` (${MAX_POINTS.toLocaleString('en-US')}행 표본)` : '');
  const counts = p.chart === 'histogram' || (p.chart === 'bar' && !p.y.length);
  return { titleKo, ko: { layout: { title: titleKo, ...(counts ? { yaxis: '개수' } : {}) } } };
}

export const visualizeCell = defineCell({
  kind: 'visualize',
  label: 'Visualize',
  description: 'A chart (line, bar, scatter, histogram, box, heatmap) of a table.',
  schema,
  runnable: true,
  reads: (p) => [p.input],
  writes: (p) => (p.output ? [p.output] : []),
  render: (p) =>
    `// visualize ${p.chart} of ${p.input}` +
    (p.x ? `, x: ${p.x}` : '') +
    (p.y.length ? `, y: ${p.y.join(', ')}` : '') +
    (p.color ? `, color: ${p.color}` : '') +
    (p.aggregate !== 'none' ? `, ${p.aggregate}` : '') +
    (p.output ? ` → ${p.output}` : ''),
  async run(p, ctx) {
    const spec = buildFigure(ctx.table(p.input, 'params.input'), p);
    if (p.output) ctx.set(p.output, { type: 'figure', spec });
    return [{ type: 'figure', title: String((spec.layout.title as { text: string }).text), ...koreanWords(p, spec), spec }];
  },
});
