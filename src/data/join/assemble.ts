// Build a joined table from pairs of row indices (-1: no row on that side),
// naming columns the way pandas merge does: a key column that has the same
// name on both sides appears once (taken from whichever side has the row),
// other clashing names get the suffixes (_x, _y by default).
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';

export interface AssembleSpec {
  leftKeys: readonly string[];
  rightKeys: readonly string[];
  suffixes: readonly [string, string];
  /** Right columns left out of the result (merge_asof drops the right `by` columns). */
  dropRight?: readonly string[];
}

export function assemble(left: ColumnTable, right: ColumnTable, li: Int32Array, ri: Int32Array, spec: AssembleSpec): ColumnTable {
  const leftNames = left.columnNames();
  const rightNames = right.columnNames();
  // Same-named key pairs are shared: one output column.
  const shared = new Set<string>();
  spec.leftKeys.forEach((k, i) => {
    if (spec.rightKeys[i] === k) shared.add(k);
  });
  const drop = new Set(spec.dropRight ?? []);
  const rightKept = rightNames.filter((n) => !shared.has(n) && !drop.has(n));
  const clash = new Set(rightKept.filter((n) => leftNames.includes(n)));
  const take = (values: readonly unknown[], idx: Int32Array) => Array.from(idx, (i) => (i < 0 ? null : values[i] ?? null));
  const columns: Record<string, unknown[]> = {};
  const order: string[] = [];
  for (const name of leftNames) {
    const lv = left.array(name) as unknown[];
    let out: unknown[];
    if (shared.has(name)) {
      const rv = right.array(name) as unknown[];
      out = Array.from(li, (i, r) => (i >= 0 ? lv[i] : ri[r] >= 0 ? rv[ri[r]] : null));
    } else out = take(lv, li);
    const outName = clash.has(name) ? name + spec.suffixes[0] : name;
    columns[outName] = out;
    order.push(outName);
  }
  for (const name of rightKept) {
    const outName = clash.has(name) ? name + spec.suffixes[1] : name;
    columns[outName] = take(right.array(name) as unknown[], ri);
    order.push(outName);
  }
  return aq.table(columns, order);
}
