// The join cell: combine two tables on key columns (inner, left, right,
// outer; like pandas merge) or by time (as-of, like pandas merge_asof).
import { z } from 'zod';
import { CellError, checkAborted } from '../core/errors.ts';
import type { CellOutput } from '../core/outputs.ts';
import { defineCell } from './types.ts';
import { asofJoin, joinTables } from '../data/join/index.ts';
import { tablePreview } from '../data/preview.ts';

const asofSchema = z.object({
  leftTime: z.string().describe('Time column of the left table.'),
  rightTime: z.string().describe('Time column of the right table.'),
  by: z.array(z.string()).default(() => []).describe('Match only rows with equal values in these columns (in both tables), e.g. a ticker or store.'),
  direction: z.enum(['backward', 'forward', 'nearest']).default('backward').describe('backward: the last right row at or before the left time; forward: the first at or after; nearest: the closer one.'),
  toleranceDays: z.number().min(0).nullable().default(null).describe('Largest time gap (days) that still counts as a match; empty for any gap.'),
});

export const joinSchema = z.object({
  left: z.string().default('left').describe('Left table: every row of it is kept by left and as-of joins.'),
  right: z.string().default('right').describe('Right table.'),
  how: z.enum(['inner', 'left', 'right', 'outer']).default('inner').describe('inner: rows with a match on both sides; left/right: every row of that side; outer: every row of both.'),
  on: z.array(z.string()).default(() => []).describe('Key columns with the same name in both tables.'),
  leftOn: z.array(z.string()).optional().describe('Key columns of the left table when the names differ (pair them with rightOn).'),
  rightOn: z.array(z.string()).optional().describe('Key columns of the right table, in the same order as leftOn.'),
  suffixes: z.tuple([z.string(), z.string()]).default(['_x', '_y']).describe('Added to column names found in both tables (left, right).'),
  asof: asofSchema.nullable().default(null).describe('Join by time instead of equal keys (like pandas merge_asof); "how" is then left.'),
  output: z.string().default('joined').describe('Name for the joined table.'),
});

export type JoinParams = z.output<typeof joinSchema>;

function keys(p: JoinParams): { leftOn: string[]; rightOn: string[] } {
  return { leftOn: p.leftOn ?? p.on, rightOn: p.rightOn ?? p.on };
}

export const joinCell = defineCell({
  kind: 'join',
  label: 'Join tables',
  description:
    'Combine two tables: on equal key columns (inner, left, right or outer, like pandas merge; clashing column names get suffixes; ' +
    'missing keys never match), or as-of by time (for each left row the last, next or nearest right row in time, optionally per group and within a tolerance).',
  schema: joinSchema,
  runnable: true,
  reads: (p) => [p.left, p.right],
  writes: (p) => [p.output],
  render(p) {
    if (p.asof) {
      const a = p.asof;
      const by = a.by.length ? `, by ${a.by.join(', ')}` : '';
      const tol = a.toleranceDays !== null ? `, within ${a.toleranceDays} days` : '';
      return `// as-of join ${p.left}.${a.leftTime} with ${p.right}.${a.rightTime} (${a.direction}${by}${tol}) → ${p.output}`;
    }
    const { leftOn, rightOn } = keys(p);
    const on = leftOn.join(', ') === rightOn.join(', ') ? leftOn.join(', ') : `${leftOn.join(', ')} = ${rightOn.join(', ')}`;
    return `// ${p.how} join ${p.left} with ${p.right} on ${on} → ${p.output}`;
  },
  async run(params, ctx): Promise<CellOutput[]> {
    if (params.output.trim() === '') throw CellError.coded('name.joined', {}, { where: 'params.output' });
    const left = ctx.table(params.left, 'params.left');
    const right = ctx.table(params.right, 'params.right');
    ctx.progress({ phase: 'join' });
    checkAborted(ctx.signal);
    let summary: string;
    let summaryKo: string;
    let table;
    if (params.asof) {
      const a = params.asof;
      const res = asofJoin(left, right, { ...a, suffixes: params.suffixes });
      table = res.table;
      summary = `As-of join: ${left.numRows()} left rows, ${res.matched} matched a right row, ${res.unmatched} did not.`;
      summaryKo = `as-of 조인: 왼쪽 행 ${left.numRows()}개 중 ${res.matched}개가 오른쪽 행과 짝지어졌고 ${res.unmatched}개는 못 짝지었어요.`;
    } else {
      const { leftOn, rightOn } = keys(params);
      const where = { left: params.leftOn ? 'params.leftOn' : 'params.on', right: params.rightOn ? 'params.rightOn' : 'params.on' };
      const res = joinTables(left, right, { how: params.how, leftOn, rightOn, suffixes: params.suffixes, where });
      table = res.table;
      summary = `${params.how} join: ${left.numRows()} left rows (${res.matchedLeft} matched, ${res.unmatchedLeft} unmatched), ` +
        `${right.numRows()} right rows (${res.unmatchedRight} unmatched) → ${table.numRows()} rows.`;
      summaryKo = `${params.how} 조인: 왼쪽 행 ${left.numRows()}개 (짝지음 ${res.matchedLeft}, 못 짝지음 ${res.unmatchedLeft}), ` +
        `오른쪽 행 ${right.numRows()}개 (못 짝지음 ${res.unmatchedRight}) → ${table.numRows()}행.`;
    }
    ctx.set(params.output, { type: 'table', table });
    return [{ type: 'text', text: summary, ko: summaryKo }, tablePreview(table, { name: params.output })];
  },
});
