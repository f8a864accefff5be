// The split cell: random, stratified, group or time-ordered
// train/validation/test parts, seeded.
// Parts of size 0 are not stored. The output summarises sizes and, with a
// target, each part's class balance.
import { z } from 'zod';
import * as aq from 'arquero';
import type { CellOutput, TextOutput } from '../core/outputs.ts';
import { CellError } from '../core/errors.ts';
import { defineCell } from './types.ts';
import { PARTS, groupSplit, randomSplit, stratifiedSplit, timeSplit, type Fractions, type SplitIndices } from '../data/split.ts';
import { requireColumn } from '../data/columns.ts';
import { tablePreview, toScalar } from '../data/preview.ts';
import { columnValues } from '../data/stats.ts';
import { topValues } from '../data/profile.ts';

/** The catalogued "name this part" error of each part. */
const NAME_PART = { train: 'split.nameTrain', validation: 'split.nameValidation', test: 'split.nameTest' } as const;

const fraction = (d: number, text: string) => z.number().min(0).max(1).default(d).describe(text);

export const splitSchema = z.object({
  input: z.string().default('data').describe('Table to split.'),
  method: z
    .enum(['random', 'stratified', 'group', 'time'])
    .default('random')
    .describe('random; stratified keeps each class\'s share of the target in every part; group keeps whole groups (sessions, users) in one part; time trains on the earliest rows and holds out the latest.'),
  group: z.string().optional().describe('Group column for the group method (e.g. session_id).'),
  time: z.string().optional().describe('Date column for the time method.'),
  lastDays: z.number().positive().optional().describe('Time method: hold out the last N days (test, and the N days before for validation) instead of fractions.'),
  target: z.string().optional().describe('Target column (needed for stratified; also shows class balance per part).'),
  train: fraction(0.7, 'Fraction of rows for training.'),
  validation: fraction(0.15, 'Fraction of rows for validation (0 for none).'),
  test: fraction(0.15, 'Fraction of rows for the final test (0 for none).'),
  seed: z.number().int().default(42).describe('Random seed: the same seed gives the same split.'),
  outputs: z
    .object({
      train: z.string().default('train').describe('Name of the training part.'),
      validation: z.string().default('valid').describe('Name of the validation part.'),
      test: z.string().default('test').describe('Name of the test part.'),
    })
    .prefault({})
    .describe('Names for the parts.'),
});

export type SplitParams = z.output<typeof splitSchema>;

export const splitCell = defineCell({
  kind: 'split',
  label: 'Split',
  description: 'Split a table into train, validation and test parts, at random or stratified by a target column, with a seed.',
  schema: splitSchema,
  runnable: true,
  reads: (p) => [p.input],
  writes: (p) => PARTS.filter((part) => p[part] > 0).map((part) => p.outputs[part]),
  render(p) {
    const parts = PARTS.filter((part) => p[part] > 0).map((part) => `${p.outputs[part]} ${p[part]}`).join(', ');
    const by =
      p.method === 'stratified' ? ` stratified by ${p.target ?? '?'}`
      : p.method === 'group' ? ` by group ${p.group ?? '?'}`
      : p.method === 'time' ? ` by time ${p.time ?? '?'}${p.lastDays ? ` (last ${p.lastDays} days held out)` : ''}`
      : ' random';
    return `// split ${p.input}${by} (seed ${p.seed}) → ${parts}`;
  },
  async run(params, ctx): Promise<CellOutput[]> {
    const table = ctx.table(params.input, 'params.input').reify();
    const target = params.target?.trim() ? params.target : undefined;
    if (params.method === 'stratified' && !target) {
      throw CellError.coded('split.needsTarget', { columns: table.columnNames().join(', ') }, { where: 'params.target' });
    }
    if (target) requireColumn(table, target, 'params.target', params.input);
    const used = PARTS.filter((part) => params[part] > 0);
    for (const part of used) if (params.outputs[part].trim() === '') throw CellError.coded(NAME_PART[part], {}, { where: `params.outputs.${part}` });
    const fractions: Fractions = { train: params.train, validation: params.validation, test: params.test };
    const labels = target ? columnValues(table, target) : [];
    const notes: TextOutput[] = [];
    let parts: SplitIndices;
    if (params.method === 'stratified') parts = stratifiedSplit(labels, fractions, params.seed);
    else if (params.method === 'group') {
      const group = params.group?.trim();
      if (!group) throw CellError.coded('split.needsGroup', { columns: table.columnNames().join(', ') }, { where: 'params.group' });
      requireColumn(table, group, 'params.group', params.input);
      parts = groupSplit(columnValues(table, group), fractions, params.seed);
    } else if (params.method === 'time') {
      const time = params.time?.trim();
      if (!time) throw CellError.coded('split.needsTime', { columns: table.columnNames().join(', ') }, { where: 'params.time' });
      requireColumn(table, time, 'params.time', params.input);
      const split = timeSplit(columnValues(table, time), fractions, { lastDays: params.lastDays });
      if (split.dropped.length > 0) notes.push({ type: 'text', text: `${split.dropped.length} row${split.dropped.length === 1 ? '' : 's'} without a ${time} left out.`, ko: `${time} 값이 없는 행 ${split.dropped.length}개는 뺐어요.` });
      parts = split;
    } else parts = randomSplit(table.numRows(), fractions, params.seed);
    const classes = target ? topValues(labels, Infinity).top.map((t) => t.value) : [];

    const summary: Record<string, unknown[]> = { part: [], name: [], rows: [], fraction: [] };
    const classCols = classes.map((c) => `${target}=${String(c)}`);
    classCols.forEach((c) => (summary[c] = []));
    const n = table.numRows();
    for (const part of used) {
      const rows = parts[part];
      ctx.set(params.outputs[part], { type: 'table', table: table.reify(rows) });
      summary.part.push(part);
      summary.name.push(params.outputs[part]);
      summary.rows.push(rows.length);
      summary.fraction.push(n ? rows.length / n : 0);
      if (target) {
        const counts = new Map<unknown, number>();
        for (const r of rows) {
          const k = toScalar(labels[r]);
          counts.set(k, (counts.get(k) ?? 0) + 1);
        }
        classes.forEach((c, i) => summary[classCols[i]].push(rows.length ? (counts.get(c) ?? 0) / rows.length : 0));
      }
    }
    const names = ['part', 'name', 'rows', 'fraction', ...classCols];
    return [tablePreview(aq.table(summary, names), {
      title: target ? `Split sizes and share of each ${target} class` : 'Split sizes',
      titleKo: target ? `분할 크기와 ${target} 클래스별 비율` : '분할 크기',
    }), ...notes];
  },
});
