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

export const edaSchema = z.object({
  input: z.string().default('data').describe('Table to explore.'),
  columns: z.array(z.string()).default(() => []).describe('Columns to profile; empty means all.'),
  target: z.string().optional().describe('Target column: also show how many rows each class has.'),
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
    spec: {
      data: [{ type: 'bar', x: classes.map((c) => (c === null ? '(missing)' : String(c))), y: counts }],
      layout: { title: { text: `Rows per ${target}` }, xaxis: { title: { text: target }, type: 'category' }, yaxis: { title: { text: 'rows' } } },
    },
  };
  return { table: balance, figure };
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
    const outputs: CellOutput[] = [profileTable(table, { columns: params.columns, name: params.input, title: `Profile of ${params.input}` })];
    if (target) {
      const { table: balance, figure } = classBalance(table, target);
      outputs.push(tablePreview(balance, { title: `Class balance of ${target}`, rows: 1000 }), figure);
    }
    return outputs;
  },
});
