import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { MAX_PAGE_ROWS, sortedOrder, tablePage } from '../../src/data/tablePage.ts';

const table = () =>
  aq.table({
    id: [1, 2, 3, 4, 5, 6],
    x: [3.5, null, -1, 3.5, Number.NaN, 10],
    s: ['x10', 'x2', null, 'b', 'A', 'x1'],
    d: [new Date('2024-03-01'), new Date('2023-01-01'), null, new Date('2025-06-30'), new Date('2024-01-01'), new Date('2020-01-01')],
  });

const ids = (page: { rows: Record<string, unknown>[] }) => page.rows.map((r) => r.id);

describe('tablePage (whole-table rows for the grid)', () => {
  it('returns rows in the table order with their positions', () => {
    const page = tablePage(table(), { offset: 2, limit: 3 });
    expect(page.rowCount).toBe(6);
    expect(page.index).toEqual([2, 3, 4]);
    expect(ids(page)).toEqual([3, 4, 5]);
    expect(page.rows[0].d).toBeNull();
    expect(page.rows[1].d).toBe('2025-06-30T00:00:00.000Z');
  });

  it('sorts numbers with missing values (null and NaN) last in both directions, ties stable', () => {
    expect(ids(tablePage(table(), { sort: { column: 'x' }, offset: 0, limit: 10 }))).toEqual([3, 1, 4, 6, 2, 5]);
    expect(ids(tablePage(table(), { sort: { column: 'x', descending: true }, offset: 0, limit: 10 }))).toEqual([6, 1, 4, 3, 2, 5]);
  });

  it('sorts strings in natural order and dates by time', () => {
    // Intl.Collator numeric: "x1" < "x2" < "x10"; case-insensitive base letters first.
    expect(ids(tablePage(table(), { sort: { column: 's' }, offset: 0, limit: 10 }))).toEqual([5, 4, 6, 2, 1, 3]);
    expect(ids(tablePage(table(), { sort: { column: 'd', descending: true }, offset: 0, limit: 10 }))).toEqual([4, 1, 5, 2, 6, 3]);
  });

  it('pages through a sorted order consistently and respects the table\'s own filter and order', () => {
    const big = aq.table({ v: Array.from({ length: 2500 }, (_, i) => (i * 7919) % 2500) });
    const all = [0, 1, 2].flatMap((p) => tablePage(big, { sort: { column: 'v' }, offset: p * 1000, limit: 1000 }).rows.map((r) => r.v));
    expect(all).toEqual(Array.from({ length: 2500 }, (_, i) => i));
    const filtered = big.filter((d: { v: number }) => d.v % 2 === 0).orderby(aq.desc('v'));
    const page = tablePage(filtered, { offset: 0, limit: 3 });
    expect(page.rowCount).toBe(1250);
    expect(page.rows.map((r) => r.v)).toEqual([2498, 2496, 2494]);
    expect(tablePage(filtered, { sort: { column: 'v' }, offset: 0, limit: 2 }).rows.map((r) => r.v)).toEqual([0, 2]);
  });

  it('caps a page, clamps past the end and rejects bad offsets or columns', () => {
    const big = aq.table({ v: Array.from({ length: 3000 }, (_, i) => i) });
    expect(tablePage(big, { offset: 0, limit: 5000 }).rows).toHaveLength(MAX_PAGE_ROWS);
    expect(tablePage(big, { offset: 2990, limit: 100 }).rows).toHaveLength(10);
    expect(tablePage(big, { offset: 5000, limit: 100 }).rows).toHaveLength(0);
    expect(() => tablePage(big, { offset: -1, limit: 1 })).toThrow(/offset/);
    expect(() => sortedOrder(big, { column: 'nope' })).toThrow(/no column "nope"/);
  });
});
