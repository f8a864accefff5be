// The inventory simulation (COURSE.md §4.6 inv_simulator) on a five-day case
// worked out by hand, and the cell around it.
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { inventoryStudy, roundHalfEven, simulateInventory, smallestZeroLoss, summarizeInventory } from '../../src/data/inventory.ts';
import { inventoryCell, inventorySchema } from '../../src/cells/inventory.ts';
import { testContext } from '../helpers/context.ts';
import { CellError } from '../../src/core/errors.ts';
import type { FigureOutput, TableOutput, TextOutput } from '../../src/core/outputs.ts';
import fixture from '../fixtures/inventory_course.json';

// Demand and a flat forecast of 10; lead time 2: days 0–4 are simulated, the last two are not.
const y = [10, 12, 8, 15, 10, 9, 11];
const p = [10, 10, 10, 10, 10, 10, 10];

describe('simulateInventory', () => {
  it('follows the course rule with no safety stock (worked by hand)', () => {
    const days = simulateInventory(y, p, { leadTime: 2, safetyStock: 0 });
    expect(days).toHaveLength(5);
    // receive: days 0–1 their actual demand (no order was placed before the period), then order_{i-2}.
    expect(days.map((d) => d.receive)).toEqual([10, 12, 10, 10, 8]);
    expect(days.map((d) => d.base)).toEqual([10, 12, 10, 12, 8]);
    expect(days.map((d) => d.sold)).toEqual([10, 12, 8, 12, 8]);
    expect(days.map((d) => d.lost)).toEqual([0, 0, 0, 3, 2]);
    expect(days.map((d) => d.close)).toEqual([0, 0, 2, 0, 0]);
    // order_i = max(p_{i+2} + SS − close_i, 0).
    expect(days.map((d) => d.order)).toEqual([10, 10, 8, 10, 10]);
    const s = summarizeInventory(days, 0, 0, 2);
    // Daily average stock = mean of (opening = base + closing) / 2 = mean(5, 6, 6, 6, 4).
    expect(s.days).toBe(5);
    expect(s.avg_stock).toBeCloseTo(5.4);
    expect(s.avg_close).toBeCloseTo(0.4);
    expect(s.stock_value).toBeCloseTo(10.8);
    expect(s.sold_units).toBe(50);
    // Daily turnover = the mean of each day's sold / stock: (10/5 + 12/6 + 8/6 + 12/6 + 8/4) / 5.
    expect(s.turnover).toBeCloseTo((2 + 2 + 8 / 6 + 2 + 2) / 5);
    expect(s.lost_units).toBe(5);
    expect(s.lost_days).toBe(2);
    expect(s.fill_rate).toBeCloseTo(50 / 55);
  });

  it('a safety stock of 5 units loses nothing (worked by hand)', () => {
    const days = simulateInventory(y, p, { leadTime: 2, safetyStock: 5 });
    expect(days.map((d) => d.close)).toEqual([5, 5, 7, 2, 0]);
    expect(days.map((d) => d.order)).toEqual([10, 10, 8, 13, 15]);
    expect(days.map((d) => d.receive)).toEqual([10, 12, 10, 10, 8]);
    expect(days.map((d) => d.base)).toEqual([15, 17, 15, 17, 10]);
    const s = summarizeInventory(days, 5, 5, 2);
    expect(s.lost_units).toBe(0);
    expect(s.avg_stock).toBeCloseTo(9.3); // mean of 10, 11, 11, 9.5, 5
    expect(s.turnover).toBeCloseTo((10 / 10 + 12 / 11 + 8 / 11 + 15 / 9.5 + 10 / 5) / 5);
  });

  it('rounds the forecast and the closing stock as numpy does: halves to even', () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4, 2.6].map(roundHalfEven)).toEqual([0, 2, 2, -0, -2, -2, 2, 3]);
    // Forecast 10.5 → 10 and 11.5 → 12; a closing stock of 2.5 → 2.
    const days = simulateInventory([10, 10, 7.5, 10, 10, 10], [0, 0, 10.5, 11.5, 0, 0], { leadTime: 2, safetyStock: 0 });
    expect(days.map((d) => d.order)).toEqual([10, 12, 0, 0]);
    expect(days[2].close).toBe(2);
  });

  it('turnover is null when no day holds stock; bad inputs are refused', () => {
    const days = simulateInventory([0, 0], [0, 0], { leadTime: 1, safetyStock: 0 });
    expect(summarizeInventory(days, 0, 0, 1).turnover).toBeNull();
    expect(() => simulateInventory([1, 2, 3], [1, 1], { leadTime: 2, safetyStock: 0 })).toThrow(CellError);
    expect(() => simulateInventory([1, NaN, 1], [1, 1, 1], { leadTime: 2, safetyStock: 0 })).toThrow(CellError);
    expect(() => simulateInventory([1, 1], [1, 1], { leadTime: 2, safetyStock: 0 })).toThrow(/more than 2 days/);
    expect(() => simulateInventory([1, 1], [1, 1], { leadTime: 0, safetyStock: 0 })).toThrow(/≥ 1/);
  });
});

describe('inventoryStudy', () => {
  it('runs every level, in units or % of mean demand, and finds the smallest with no lost sales', () => {
    const units = inventoryStudy(y, p, { leadTime: 2, safetyStocks: [0, 5, 10], unit: 'units', price: 2 });
    expect(units.rows.map((r) => r.lost_units)).toEqual([5, 0, 0]);
    expect(units.smallestNoLoss).toBe(5);
    const pct = inventoryStudy(y, p, { leadTime: 2, safetyStocks: [0, 50], unit: 'percent', price: 2 });
    expect(pct.meanDemand).toBeCloseTo(75 / 7);
    expect(pct.rows[1].safety_units).toBeCloseTo(75 / 14);
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
        expect(s.days).toBe(ref.days);
      }
      const atSmallest = simulateInventory(c.actual, c.predicted, { leadTime: c.lead, safetyStock: c.smallest_zero_loss });
      expect(atSmallest.map((d) => d.close)).toEqual(c.at_smallest.close);
      expect(smallestZeroLoss(c.actual, c.predicted, c.lead)).toBe(c.smallest_zero_loss);
      const study = inventoryStudy(c.actual, c.predicted, { leadTime: c.lead, safetyStocks: [0], unit: 'units', price: c.price, searchZeroLoss: true });
      expect(study.zeroLoss!.safety_units).toBe(c.smallest_zero_loss);
      expect(study.zeroLoss!.avg_stock).toBeCloseTo(c.at_smallest.avg_stock, 6);
      expect(study.zeroLoss!.turnover!).toBeCloseTo(c.at_smallest.turnover, 8);
      expect(study.zeroLoss!.lost_units).toBe(0);
    });
  }

  it('finds no zero-loss level when none exists under the cap, and 0 when nothing is ever lost', () => {
    // Day 2 sells 10 against 1 delivered: only a safety stock of 9 covers it, above the cap of 8.
    expect(smallestZeroLoss([1, 1, 10, 1], [1, 1, 1, 1], 1, 8)).toBeNull();
    expect(smallestZeroLoss([1, 1, 10, 1], [1, 1, 1, 1], 1)).toBe(9);
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
    expect(v.table.array('stock_value')[1]).toBeCloseTo(9.3 * 8);
    expect((out[0] as TextOutput).text).toContain('smallest safety stock with no lost sales is 5 units');
    expect((out[0] as TextOutput).text).toContain('5 of 7 days simulated');
    // The whole-unit search, worked by hand: with 4 units day 3 opens with 14 against a demand of 15; 5 lose nothing.
    expect((out[0] as TextOutput).text).toContain('smallest safety stock with zero lost sales is 5 units');
    expect(smallestZeroLoss(y, p, 2)).toBe(5);
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
