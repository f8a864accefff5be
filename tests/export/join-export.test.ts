// The exported join cell gives the workbench's rows in the workbench's order
// for every kind of equi-join: duplicate keys on both sides, missing keys
// (never matching), a number key that must not match its string twin,
// clashing column names with suffixes, differently named key pairs.
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { joinTables, type JoinHow } from '../../src/data/join/index.ts';
import { pyLiteral } from '../../src/export/python/context.ts';
import { pythonMissing, runWithHelpers } from './helpers.ts';

const missing = pythonMissing(['numpy', 'pandas']);

const left = { id: [1, 2, 2, null, 5, 7], code: ['a', 'b', 'b', 'c', null, 'x'], value: [10, 20, 21, 30, 50, 70], note: ['l1', 'l2', 'l3', 'l4', 'l5', 'l6'] };
const right = { id: [2, 1, 2, null, 9, 5], ref: ['b', 'a', 'z', 'c', 'q', '5'], value: [200, 100, 201, 300, 900, 500], extra: [true, false, true, false, true, null] };

const cases: [string, JoinHow, string[], string[]][] = [
  ['inner on id', 'inner', ['id'], ['id']],
  ['left on id', 'left', ['id'], ['id']],
  ['right on id', 'right', ['id'], ['id']],
  ['outer on id', 'outer', ['id'], ['id']],
  ['outer on code = ref (differently named keys)', 'outer', ['code'], ['ref']],
  ['left on id and code = id and ref', 'left', ['id', 'code'], ['id', 'ref']],
];

describe.skipIf(missing !== undefined)(`join exported to Python: the workbench's rows in its order${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it.each(cases)('%s', (_, how, leftOn, rightOn) => {
    const wb = joinTables(aq.table(left), aq.table(right), { how, leftOn, rightOn, suffixes: ['_l', '_r'] }).table;
    const py = runWithHelpers(`out = join_tables(pd.DataFrame(${pyLiteral(left)}), pd.DataFrame(${pyLiteral(right)}), ${pyLiteral(how)}, ${pyLiteral(leftOn)}, ${pyLiteral(rightOn)}, suffixes=('_l', '_r'))
print(json.dumps({'columns': list(out.columns), 'rows': [[None if isinstance(v, float) and math.isnan(v) else v for v in row] for row in out.astype(object).values.tolist()]}))`) as { columns: string[]; rows: unknown[][] };
    expect(py.columns).toEqual(wb.columnNames());
    const rows = wb.objects().map((o) => wb.columnNames().map((c) => (o as Record<string, unknown>)[c] ?? null));
    expect(py.rows).toEqual(rows);
  });
});
