// The inventory simulation (COURSE.md §4.6 inv_simulator) on a five-day case
// worked out by hand, and the cell around it.
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { inventoryStudy, simulateInventory, summarizeInventory } from '../../src/data/inventory.ts';
import { inventoryCell, inventorySchema } from '../../src/cells/inventory.ts';
import { testContext } from '../helpers/context.ts';
import { CellError } from '../../src/core/errors.ts';
import type { FigureOutput, TextOutput } from '../../src/core/outputs.ts';

// Demand and a flat forecast of 10; lead time 2.
const y = [10, 12, 8, 15, 10];
const p = [10, 10, 10, 10, 10];

describe('simulateInventory', () => {
  it('follows the course rule with no safety stock (worked by hand)', () => {
    const days = simulateInventory(y, p, { leadTime: 2, safetyStock: 0 });
    // receive: days 0–1 the pipeline (= forecast), then order_{i-2}.
    expect(days.map((d) => d.receive)).toEqual([10, 10, 10, 10, 8]);
    expect(days.map((d) => d.base)).toEqual([10, 10, 10, 12, 8]);
    expect(days.map((d) => d.sold)).toEqual([10, 10, 8, 12, 8]);
    expect(days.map((d) => d.lost)).toEqual([0, 2, 0, 3, 2]);
    expect(days.map((d) => d.close)).toEqual([0, 0, 2, 0, 0]);
    // order_i = max(p_{i+2} + SS − close_i, 0); none once i + 2 is past the period.
    expect(days.map((d) => d.order)).toEqual([10, 10, 8, 0, 0]);
    const s = summarizeInventory(days, 0, 0, 2);
    expect(s.avg_stock).toBeCloseTo(0.4);
    expect(s.stock_value).toBeCloseTo(0.8);
    expect(s.sold_units).toBe(48);
    expect(s.turnover).toBeCloseTo(120);
    expect(s.lost_units).toBe(7);
    expect(s.lost_days).toBe(3);
    expect(s.fill_rate).toBeCloseTo(48 / 55);
  });

  it('a safety stock of 5 units loses nothing (worked by hand)', () => {
    const days = simulateInventory(y, p, { leadTime: 2, safetyStock: 5 });
    expect(days.map((d) => d.close)).toEqual([5, 3, 5, 2, 2]);
    expect(days.map((d) => d.order)).toEqual([10, 12, 10, 0, 0]);
    expect(days.map((d) => d.receive)).toEqual([10, 10, 10, 12, 10]);
    const s = summarizeInventory(days, 5, 5, 2);
    expect(s.lost_units).toBe(0);
    expect(s.avg_stock).toBeCloseTo(3.4);
    expect(s.turnover).toBeCloseTo(55 / 3.4);
  });

  it('turnover is null when no stock is ever held; bad inputs are refused', () => {
    const days = simulateInventory([5, 5], [0, 0], { leadTime: 1, safetyStock: 0 });
    expect(summarizeInventory(days, 0, 0, 1).turnover).toBeNull();
    expect(() => simulateInventory([1, 2], [1], { leadTime: 2, safetyStock: 0 })).toThrow(CellError);
    expect(() => simulateInventory([1, NaN], [1, 1], { leadTime: 2, safetyStock: 0 })).toThrow(CellError);
    expect(() => simulateInventory([1], [1], { leadTime: -1, safetyStock: 0 })).toThrow(CellError);
  });

  it('lead time 0 orders for the same day', () => {
    const days = simulateInventory([4, 6], [5, 5], { leadTime: 0, safetyStock: 1 });
    expect(days.map((d) => d.receive)).toEqual([5, 4]); // 5 + 1 − 1, then 5 + 1 − 2
    expect(days.map((d) => d.close)).toEqual([2, 0]);
  });
});

describe('inventoryStudy', () => {
  it('runs every level, in units or % of mean demand, and finds the smallest with no lost sales', () => {
    const units = inventoryStudy(y, p, { leadTime: 2, safetyStocks: [0, 5, 10], unit: 'units', price: 2 });
    expect(units.rows.map((r) => r.lost_units)).toEqual([7, 0, 0]);
    expect(units.smallestNoLoss).toBe(5);
    const pct = inventoryStudy(y, p, { leadTime: 2, safetyStocks: [0, 50], unit: 'percent', price: 2 });
    expect(pct.meanDemand).toBe(11);
    expect(pct.rows[1].safety_units).toBeCloseTo(5.5);
    expect(pct.smallestNoLoss).toBe(50);
    expect(inventoryStudy(y, p, { leadTime: 2, safetyStocks: [0, 1], unit: 'units', price: 2 }).smallestNoLoss).toBeNull();
  });
});

describe('inventory cell', () => {
  it('has defaults, renders, reads and writes', () => {
    const d = inventorySchema.parse({});
    expect(d.leadTime).toBe(2);
    expect(d.safetyStocks).toEqual([0, 5, 10, 15, 20]);
    const q = inventorySchema.parse({ input: 'pred', priceFrom: { input: 'products', keyColumn: 'Product_ID', key: 3 } });
    expect(inventoryCell.reads(q)).toEqual(['pred', 'products']);
    expect(inventoryCell.writes(q)).toEqual(['inventory']);
    expect(inventoryCell.render(q)).toContain('products.Price where Product_ID = 3');
  });

  it('simulates a table, reads the price from a products table, and reports the smallest safe level', async () => {
    const ctx = testContext({
      pred: { type: 'table', table: aq.table({ truth: y, prediction: p }) },
      products: { type: 'table', table: aq.table({ Product_ID: [1, 3], Price: [9, 8] }) },
    });
    const params = inventorySchema.parse({ input: 'pred', safetyStocks: [10, 0, 5], priceFrom: { input: 'products', keyColumn: 'Product_ID', key: 3 }, output: 'inv' });
    const out = await inventoryCell.run(params, ctx);
    const v = ctx.values.get('inv');
    if (v?.type !== 'table') throw new Error('no table');
    expect(v.table.array('safety_stock')).toEqual([0, 5, 10]);
    expect(v.table.array('stock_value')[1]).toBeCloseTo(3.4 * 8);
    expect((out[0] as TextOutput).text).toContain('smallest safety stock with no lost sales is 5 units');
    expect((out[2] as FigureOutput).spec.data).toHaveLength(2);
  });

  it('names a missing column and a missing price row', async () => {
    const ctx = testContext({ pred: { type: 'table', table: aq.table({ truth: y, prediction: p }) }, products: { type: 'table', table: aq.table({ Product_ID: [1], Price: [9] }) } });
    await expect(inventoryCell.run(inventorySchema.parse({ input: 'pred', actual: 'qty' }), ctx)).rejects.toThrow(/qty/);
    await expect(inventoryCell.run(inventorySchema.parse({ input: 'pred', priceFrom: { input: 'products', keyColumn: 'Product_ID', key: 3 } }), ctx)).rejects.toThrow(/Product_ID = 3/);
    const none = await inventoryCell.run(inventorySchema.parse({ input: 'pred', safetyStocks: [0, 1] }), ctx);
    expect((none[0] as TextOutput).text).toContain('Every simulated safety stock loses sales');
  });
});
