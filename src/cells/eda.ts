// The EDA cell: a profile of a table's columns (like pandas describe plus
// value counts and histograms) and, with a target, the class balance.
import { z } from 'zod';
import type { ColumnTable } from 'arquero';
import * as aq from 'arquero';
import type { CellOutput, FigureOutput } from '../core/outputs.ts';
import { defineCell } from './types.ts';
import { profileTable, topValues } from '../data/profile.ts';
import { requireColumn } from '../data/columns.ts';
import { tablePreview } from '../data/preview.ts';
import { columnValues, isMissing } from '../data/stats.ts';
import { columnType } from '../data/preview.ts';
import { correlationMatrix, missingPatterns, outlierCounts, skewness, type CorrelationMethod } from '../data/features/correlation.ts';
import { isolationForestOutputs } from '../data/features/outlier-report.ts';
import { timeseriesFigure } from '../data/timeseries/lines.ts';

export const edaSchema = z.object({
  input: z.string().default('data').describe('Table to explore.'),
  columns: z.array(z.string()).default(() => []).describe('Columns to profile; empty means all.'),
  target: z.string().optional().describe('Target column: also show how many rows each class has, and warn about columns that leak it.'),
  correlations: z.array(z.enum(['pearson', 'spearman'])).optional().describe('Correlation heatmaps of the numeric columns (pairwise complete rows, like pandas corr).'),
  outliers: z.boolean().optional().describe('Per numeric column: skewness and outlier counts (beyond 1.5 IQR, and |z| > 3).'),
  missingPatterns: z.boolean().optional().describe('Rows per combination of missing columns (top 10).'),
  isolationForest: z.boolean().optional().describe('Multivariate outliers of the numeric columns by Isolation Forest (100 trees, 256 rows each, seeded): how many rows score above 0.5, and the top 10.'),
  timeseries: z.object({
    time: z.string().describe('Date column.'),
    value: z.string().describe('Numeric column to plot.'),
    resample: z.enum(['none', 'day', 'week', 'month']).default('day').describe('Calendar buckets (UTC; weeks start on Monday).'),
    aggregate: z.enum(['sum', 'mean']).default('mean').describe('How values in a bucket combine.'),
    groupBy: z.string().optional().describe('One line per value of this column (the 10 largest groups).'),
  }).optional().describe('A line chart of a value over time, resampled, optionally one line per group.'),
});

export type EdaParams = z.output<typeof edaSchema>;

/** Rows per class of `target` (all classes, most frequent first), with their share. */
export function classBalance(table: ColumnTable, target: string): { table: ColumnTable; figure: FigureOutput } {
  const values = columnValues(table, target);
  const { top } = topValues(values, Infinity);
  const missing = values.filter(isMissing).length;
  const classes = top.map((t) => t.value);
  const counts = top.map((t) => t.count);
  if (missing > 0) {
    classes.push(null);
    counts.push(missing);
  }
  const n = values.length;
  const balance = aq.table({ [target]: classes, count: counts, fraction: counts.map((c) => (n ? c / n : 0)) }, [target, 'count', 'fraction']);
  const figure: FigureOutput = {
    type: 'figure',
    title: `Class balance of ${target}`,
    titleKo: `${target}의 클래스 균형`,
    spec: {
      data: [{ type: 'bar', x: classes.map((c) => (c === null ? '(missing)' : String(c))), y: counts }],
      layout: { title: { text: `Rows per ${target}` }, xaxis: { title: { text: target }, type: 'category' }, yaxis: { title: { text: 'rows' } } },
    },
    ko: { layout: { title: `${target}별 행 수`, yaxis: '행 수' } },
  };
  return { table: balance, figure };
}

function numericColumns(table: ColumnTable, names: readonly string[]): string[] {
  return names.filter((n) => ['number', 'integer'].includes(columnType(table, n)));
}

export function correlationFigure(table: ColumnTable, columns: string[], method: CorrelationMethod): FigureOutput {
  const z = correlationMatrix(table, columns, method);
  const title = `${method === 'pearson' ? 'Pearson' : 'Spearman'} correlation`;
  const titleKo = `${method === 'pearson' ? '피어슨' : '스피어만'} 상관계수`;
  return {
    type: 'figure',
    title,
    titleKo,
    ko: { layout: { title: titleKo } },
    spec: {
      data: [{ type: 'heatmap', x: columns, y: columns, z, zmin: -1, zmax: 1, colorscale: 'RdBu', reversescale: true, text: z.map((r) => r.map((v) => (v === null ? '' : v.toFixed(2)))), texttemplate: '%{text}' }],
      layout: { title: { text: title }, yaxis: { autorange: 'reversed' } },
    },
  };
}

/** Correlation heatmaps, skew/outlier table and missing-value patterns, as asked for. */
function extraOutputs(table: ColumnTable, params: EdaParams): CellOutput[] {
  const names = params.columns.length > 0 ? params.columns : table.columnNames();
  const numeric = numericColumns(table, names);
  const out: CellOutput[] = [];
  for (const method of params.correlations ?? []) if (numeric.length > 1) out.push(correlationFigure(table, numeric, method));
  if (params.outliers && numeric.length > 0) {
    const stats = numeric.map((c) => ({ c, skew: skewness(columnValues(table, c)), ...outlierCounts(columnValues(table, c)) }));
    const t = aq.table({ column: stats.map((s) => s.c), skew: stats.map((s) => s.skew), outliers_iqr: stats.map((s) => s.iqr), outliers_z3: stats.map((s) => s.z) });
    out.push(tablePreview(t, { title: 'Skewness and outliers (1.5 × IQR, |z| > 3)', titleKo: '왜도와 이상값 (1.5 × IQR, |z| > 3)', rows: 1000 }));
  }
  if (params.missingPatterns) {
    const patterns = missingPatterns(table, names);
    const t = aq.table({ missing: patterns.map((p) => (p.missing.length ? p.missing.join(', ') : '(none)')), rows: patterns.map((p) => p.count) });
    out.push(tablePreview(t, { title: 'Missing-value patterns (top 10)', titleKo: '결측값 패턴 (상위 10개)' }));
  }
  return out;
}

export const edaCell = defineCell({
  kind: 'eda',
  label: 'Explore data',
  description: 'Profile a table: per column the count, missing values, distinct values, mean, std, quartiles, top values and a histogram, with warnings for constant, empty and identifier-like columns and duplicate rows.',
  schema: edaSchema,
  runnable: true,
  reads: (p) => [p.input],
  writes: () => [],
  render(p) {
    const cols = p.columns.length > 0 ? ` columns ${p.columns.join(', ')}` : '';
    const target = p.target ? `, target ${p.target}` : '';
    return `// explore ${p.input}${cols}${target}`;
  },
  async run(params, ctx): Promise<CellOutput[]> {
    const table = ctx.table(params.input, 'params.input');
    params.columns.forEach((c, i) => requireColumn(table, c, `params.columns.${i}`, params.input));
    const target = params.target?.trim() ? params.target : undefined;
    if (target) requireColumn(table, target, 'params.target', params.input);
    ctx.progress({ phase: 'profile' });
    const outputs: CellOutput[] = [profileTable(table, { columns: params.columns, name: params.input, title: `Profile of ${params.input}`, titleKo: `${params.input} 프로파일`, target })];
    if (target) {
      const { table: balance, figure } = classBalance(table, target);
      outputs.push(tablePreview(balance, { title: `Class balance of ${target}`, titleKo: `${target}의 클래스 균형`, rows: 1000 }), figure);
    }
    outputs.push(...extraOutputs(table, params));
    if (params.isolationForest) {
      ctx.progress({ phase: 'isolation forest' });
      const names = params.columns.length > 0 ? params.columns : table.columnNames();
      outputs.push(...isolationForestOutputs(table, numericColumns(table, names.filter((n) => n !== target))));
    }
    if (params.timeseries) outputs.push(timeseriesFigure(table, params.timeseries, params.input));
    return outputs;
  },
});
