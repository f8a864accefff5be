// The inventory simulation (COURSE.md §4.6 inv_simulator) on a five-day case
// worked out by hand, and the cell around it.
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { inventoryStudy, simulateInventory, smallestZeroLoss, summarizeInventory } from '../../src/data/inventory.ts';
import { inventoryCell, inventorySchema } from '../../src/cells/inventory.ts';
import { testContext } from '../helpers/context.ts';
import { CellError } from '../../src/core/errors.ts';
import type { FigureOutput, TableOutput, TextOutput } from '../../src/core/outputs.ts';
import fixture from '../fixtures/inventory_course.json';

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
    // Daily average stock = mean of (opening = base + closing) / 2 = mean(5, 5, 6, 6, 4).
    expect(s.avg_stock).toBeCloseTo(5.2);
    expect(s.avg_close).toBeCloseTo(0.4);
    expect(s.stock_value).toBeCloseTo(10.4);
    expect(s.sold_units).toBe(48);
    // Daily turnover = mean daily sold (48 / 5) / daily average stock.
    expect(s.turnover).toBeCloseTo(9.6 / 5.2);
    expect(s.lost_units).toBe(7);
    expect(s.lost_days).toBe(3);
    expect(s.fill_rate).toBeCloseTo(48 / 55);
  });

  it('a safety stock of 5 units loses nothing (worked by hand)', () => {
    const days = simulateInventory(y, p, { leadTime: 2, safetyStock: 5 });
    expect(days.map((d) => d.close)).toEqual([5, 3, 5, 2, 2]);
    expect(days.map((d) => d.order)).toEqual([10, 12, 10, 0, 0]);
    expect(days.map((d) => d.receive)).toEqual([10, 10, 10, 12, 10]);
    expect(days.map((d) => d.base)).toEqual([15, 15, 13, 17, 12]);
    const s = summarizeInventory(days, 5, 5, 2);
    expect(s.lost_units).toBe(0);
    expect(s.avg_stock).toBeCloseTo(8.9); // mean of 10, 9, 9, 9.5, 7
    expect(s.turnover).toBeCloseTo(11 / 8.9);
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

describe('the course\'s measures against Python (tests/fixtures/make_inventory_fixture.py)', () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      for (const ref of c.levels) {
        const s = summarizeInventory(simulateInventory(c.actual, c.predicted, { leadTime: c.lead, safetyStock: ref.safety_units }), ref.safety_units, ref.safety_units, c.price);
        expect(s.avg_stock).toBeCloseTo(ref.avg_stock, 6);
        expect(s.avg_close).toBeCloseTo(ref.avg_close, 6);
        expect(s.stock_value).toBeCloseTo(ref.stock_value, 5);
        expect(s.turnover!).toBeCloseTo(ref.turnover, 8);
        expect(s.lost_units).toBeCloseTo(ref.lost_units, 6);
      }
      expect(smallestZeroLoss(c.actual, c.predicted, c.lead)).toBe(c.smallest_zero_loss);
      const study = inventoryStudy(c.actual, c.predicted, { leadTime: c.lead, safetyStocks: [0], unit: 'units', price: c.price, searchZeroLoss: true });
      expect(study.zeroLoss!.safety_units).toBe(c.smallest_zero_loss);
      expect(study.zeroLoss!.avg_stock).toBeCloseTo(c.at_smallest.avg_stock, 6);
      expect(study.zeroLoss!.turnover!).toBeCloseTo(c.at_smallest.turnover, 8);
      expect(study.zeroLoss!.lost_units).toBe(0);
    });
  }

  it('finds no zero-loss level when none exists under the cap, and 0 when nothing is ever lost', () => {
    // Demand on day 0 can never be met: the forecast already on its way is 0 and the cap is 8 units.
    expect(smallestZeroLoss([10, 1], [0, 1], 2, 8)).toBeNull();
    expect(smallestZeroLoss([1, 1, 1], [2, 2, 2], 2)).toBe(0);
  });
});

describe('inventory cell', () => {
  it('has defaults, renders, reads and writes', () => {
    const d = inventorySchema.parse({});
    expect(d.leadTime).toBe(2);
    expect(d.searchZeroLoss).toBe(true);
    expect(inventoryCell.writes(inventorySchema.parse({ zeroLossOutput: 'best' }))).toEqual(['inventory', 'best']);
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
    expect(v.table.array('stock_value')[1]).toBeCloseTo(8.9 * 8);
    expect((out[0] as TextOutput).text).toContain('smallest safety stock with no lost sales is 5 units');
    // The whole-unit search, worked by hand: with 2 units day 3 opens with 14 against a demand of 15; 3 lose nothing.
    expect((out[0] as TextOutput).text).toContain('smallest safety stock with zero lost sales is 3 units');
    expect(smallestZeroLoss(y, p, 2)).toBe(3);
    expect((out[1] as TableOutput).title).toBe('The smallest safety stock with zero lost sales');
    expect((out[3] as FigureOutput).spec.data).toHaveLength(2);
  });

  it('names a missing column and a missing price row', async () => {
    const ctx = testContext({ pred: { type: 'table', table: aq.table({ truth: y, prediction: p }) }, products: { type: 'table', table: aq.table({ Product_ID: [1], Price: [9] }) } });
    await expect(inventoryCell.run(inventorySchema.parse({ input: 'pred', actual: 'qty' }), ctx)).rejects.toThrow(/qty/);
    await expect(inventoryCell.run(inventorySchema.parse({ input: 'pred', priceFrom: { input: 'products', keyColumn: 'Product_ID', key: 3 } }), ctx)).rejects.toThrow(/Product_ID = 3/);
    const none = await inventoryCell.run(inventorySchema.parse({ input: 'pred', safetyStocks: [0, 1] }), ctx);
    expect((none[0] as TextOutput).text).toContain('Every simulated safety stock loses sales');
  });
});
