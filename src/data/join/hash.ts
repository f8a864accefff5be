// Equi-joins (inner, left, right, outer) on one or more key columns, with a
// hash index of the right table. Row order: left/inner/outer follow the left
// table (each left row followed by its matches in right order), outer then
// appends the unmatched right rows in right order; right follows the right
// table. pandas gives the same rows (its inner/outer order can differ: it
// groups by key and sorts outer keys).
import type { ColumnTable } from 'arquero';
import { CellError } from '../../core/errors.ts';
import { requireColumn } from '../columns.ts';
import { assemble } from './assemble.ts';
import { indexRows, keyOf } from './keys.ts';

export type JoinHow = 'inner' | 'left' | 'right' | 'outer';

export interface JoinOptions {
  how: JoinHow;
  leftOn: readonly string[];
  rightOn: readonly string[];
  suffixes?: readonly [string, string];
  /** Parameter paths for errors about the keys (default params.leftOn / params.rightOn). */
  where?: { left: string; right: string };
}

export interface JoinResult {
  table: ColumnTable;
  /** Left rows with at least one match. */
  matchedLeft: number;
  unmatchedLeft: number;
  unmatchedRight: number;
}

export function checkKeys(left: ColumnTable, right: ColumnTable, leftOn: readonly string[], rightOn: readonly string[], where = { left: 'params.leftOn', right: 'params.rightOn' }): void {
  if (leftOn.length === 0) throw CellError.coded('join.noKeys', {}, { where: 'params.on' });
  if (leftOn.length !== rightOn.length) {
    throw CellError.coded('join.keysUnpaired', { left: leftOn.length, right: rightOn.length }, { where: where.right });
  }
  leftOn.forEach((k, i) => requireColumn(left, k, `${where.left}.${i}`, 'left'));
  rightOn.forEach((k, i) => requireColumn(right, k, `${where.right}.${i}`, 'right'));
}

export function joinTables(left: ColumnTable, right: ColumnTable, o: JoinOptions): JoinResult {
  checkKeys(left, right, o.leftOn, o.rightOn, o.where);
  const nl = left.numRows();
  const nr = right.numRows();
  const index = indexRows(o.rightOn.map((k) => right.array(k) as unknown[]), nr);
  const leftCols = o.leftOn.map((k) => left.array(k) as unknown[]);
  const li: number[] = [];
  const ri: number[] = [];
  const rightUsed = new Uint8Array(nr);
  const matchesOf = (i: number) => {
    const k = keyOf(leftCols.map((c) => c[i]));
    return k === null ? undefined : index.get(k);
  };
  let matchedLeft = 0;
  if (o.how === 'right') {
    // Right order: for each right row, its left matches in left order.
    const leftIndex = indexRows(leftCols, nl);
    const rightCols = o.rightOn.map((k) => right.array(k) as unknown[]);
    const leftMatched = new Uint8Array(nl);
    for (let r = 0; r < nr; r++) {
      const k = keyOf(rightCols.map((c) => c[r]));
      const m = k === null ? undefined : leftIndex.get(k);
      if (m) {
        rightUsed[r] = 1;
        for (const i of m) {
          li.push(i);
          ri.push(r);
          leftMatched[i] = 1;
        }
      } else {
        li.push(-1);
        ri.push(r);
      }
    }
    matchedLeft = leftMatched.reduce((a, b) => a + b, 0);
  } else {
    for (let i = 0; i < nl; i++) {
      const m = matchesOf(i);
      if (m) {
        matchedLeft++;
        for (const r of m) {
          li.push(i);
          ri.push(r);
          rightUsed[r] = 1;
        }
      } else if (o.how !== 'inner') {
        li.push(i);
        ri.push(-1);
      }
    }
    if (o.how === 'outer') {
      for (let r = 0; r < nr; r++) {
        if (!rightUsed[r]) {
          li.push(-1);
          ri.push(r);
        }
      }
    }
  }
  const unmatchedRight = nr - rightUsed.reduce((a, b) => a + b, 0);
  const table = assemble(left, right, Int32Array.from(li), Int32Array.from(ri), {
    leftKeys: o.leftOn, rightKeys: o.rightOn, suffixes: o.suffixes ?? ['_x', '_y'],
  });
  return { table, matchedLeft, unmatchedLeft: nl - matchedLeft, unmatchedRight };
}
