// Emitter for the join cell's equi-joins: join_tables (helpers-steps.ts)
// gives the workbench's rows in its order; as-of joins stay TODO cells.
import { Untranslated, header, pyLiteral, pyName, type Emitter } from './context.ts';
import { pyString } from './jsexpr.ts';

export const emitJoin: Emitter = (cell, p, ctx) => {
  if (p.asof) return new Untranslated('as-of joins have no Python translation yet (pandas.merge_asof needs sorted keys and orders rows differently)');
  const on = (p.on as string[] | undefined) ?? [];
  const leftOn = (p.leftOn as string[] | undefined) ?? on;
  const rightOn = (p.rightOn as string[] | undefined) ?? on;
  const suffixes = (p.suffixes as [string, string] | undefined) ?? ['_x', '_y'];
  const out = pyName(String(p.output));
  const lines = [
    header(cell),
    `# ${p.how} join on ${leftOn.join(', ')}${rightOn.join() !== leftOn.join() ? ` = ${rightOn.join(', ')}` : ''}: like pandas merge, but in the workbench's row order`,
    '# (each left row followed by its matches), and a row with a missing key never matches (pandas would match NaN with NaN).',
    `${out} = join_tables(${pyName(String(p.left))}, ${pyName(String(p.right))}, ${pyString(String(p.how))}, ${pyLiteral(leftOn)}, ${pyLiteral(rightOn)}, suffixes=(${suffixes.map(pyString).join(', ')}))`,
    `report(${pyString(cell.id)}, 'shape', list(${out}.shape))`,
    `report(${pyString(cell.id)}, 'head', records(${out}))`,
    `${out}.head()`,
  ];
  ctx.defined.set(String(p.output), 'table');
  return [{ type: 'code', source: lines.join('\n'), from: cell.id }];
};
