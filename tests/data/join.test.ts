import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { asofJoin, joinTables, type AsofDirection, type JoinHow } from '../../src/data/join/index.ts';

type Records = { columns: string[]; rows: unknown[][] };
const fx = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/data_join.json', import.meta.url)), 'utf8')) as {
  left: Records; right: Records; trades: Records; quotes: Records;
  cases: (Records & { how: JoinHow; on?: string[]; leftOn?: string[]; rightOn?: string[] })[];
  asof: (Records & { direction: AsofDirection; by: string[]; toleranceDays: number | null })[];
};

function tableOf(r: Records, dates: string[] = []): ColumnTable {
  const cols: Record<string, unknown[]> = {};
  r.columns.forEach((c, j) => {
    cols[c] = r.rows.map((row) => (dates.includes(c) && row[j] !== null ? new Date(row[j] as string) : row[j]));
  });
  return aq.table(cols, r.columns);
}

function rowsOf(t: ColumnTable): unknown[][] {
  const cols = t.columnNames().map((c) => t.array(c) as unknown[]);
  return Array.from({ length: t.numRows() }, (_, i) => cols.map((c) => (c[i] instanceof Date ? (c[i] as Date).toISOString() : c[i])));
}

const sortRows = (rows: unknown[][]) => [...rows].map((r) => JSON.stringify(r)).sort();

describe('joinTables matches pandas merge', () => {
  const left = tableOf(fx.left);
  const right = tableOf(fx.right);
  for (const c of fx.cases) {
    const label = `${c.how} on ${(c.on ?? c.leftOn ?? []).join('+')}${c.rightOn ? ` / ${c.rightOn.join('+')}` : ''}`;
    it(label, () => {
      const r = c.rightOn ? right.rename({ k: 'key' }) : right;
      const res = joinTables(left, r, { how: c.how, leftOn: c.leftOn ?? c.on ?? [], rightOn: c.rightOn ?? c.on ?? [] });
      expect(res.table.columnNames()).toEqual(c.columns);
      expect(sortRows(rowsOf(res.table))).toEqual(sortRows(c.rows));
      if (c.how === 'left') expect(rowsOf(res.table).map((row) => row[c.columns.indexOf('lid')])).toEqual(c.rows.map((row) => row[c.columns.indexOf('lid')]));
      expect(res.matchedLeft + res.unmatchedLeft).toBe(left.numRows());
    });
  }

  it('counts matched and unmatched rows', () => {
    const a = aq.table({ id: [1, 2, 3, null], x: [1, 2, 3, 4] });
    const b = aq.table({ id: [2, 3, 3, 9], x: [20, 30, 31, 90] });
    const res = joinTables(a, b, { how: 'outer', leftOn: ['id'], rightOn: ['id'] });
    expect(res).toMatchObject({ matchedLeft: 2, unmatchedLeft: 2, unmatchedRight: 1 });
    expect(res.table.columnNames()).toEqual(['id', 'x_x', 'x_y']);
    expect(rowsOf(res.table)).toEqual([[1, 1, null], [2, 2, 20], [3, 3, 30], [3, 3, 31], [null, 4, null], [9, null, 90]]);
  });
});

describe('asofJoin matches pandas merge_asof', () => {
  const trades = tableOf(fx.trades, ['time']);
  const quotes = tableOf(fx.quotes, ['time']);
  for (const c of fx.asof) {
    it(`${c.direction}, by [${c.by.join(',')}], tolerance ${c.toleranceDays ?? 'none'}`, () => {
      const res = asofJoin(trades, quotes, { leftTime: 'time', rightTime: 'time', by: c.by, direction: c.direction, toleranceDays: c.toleranceDays });
      expect(res.table.columnNames()).toEqual(c.columns);
      expect(rowsOf(res.table)).toEqual(c.rows);
      expect(res.matched).toBe(c.rows.filter((r) => r[c.columns.indexOf('bid')] !== null).length);
    });
  }

  it('works on unsorted input and numeric times', () => {
    const l = aq.table({ t: [5, 1, 3], a: ['x', 'y', 'z'] });
    const r = aq.table({ t: [4, 0, 2], b: [40, 0, 20] });
    expect(asofJoin(l, r, { leftTime: 't', rightTime: 't' }).table.array('b')).toEqual([40, 0, 20]);
    expect(asofJoin(l, r, { leftTime: 't', rightTime: 't', direction: 'forward' }).table.array('b')).toEqual([null, 20, 40]);
  });
});
