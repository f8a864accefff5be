// The inventory cell exported to Python reproduces the workbench's ledger
// measures exactly: every column of every safety-stock level and the
// zero-loss row, on the course fixture's five demand series (halves, lead
// times 1–3) in units and in percent, and end to end through an exported
// script that reads the price from a products table.
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { inventoryStudy } from '../../src/data/inventory.ts';
import { inventoryCell, inventorySchema } from '../../src/cells/inventory.ts';
import { pyLiteral } from '../../src/export/python/context.ts';
import type { NotebookDoc } from '../../src/notebook/model.ts';
import type { TableOutput } from '../../src/core/outputs.ts';
import { testContext } from '../helpers/context.ts';
import fixture from '../fixtures/inventory_course.json';
import { pythonMissing, runExported, runWithHelpers, typedCell } from './helpers.ts';

const missing = pythonMissing(['numpy', 'pandas']);
/** Identical: the same operations in the same order on doubles (relative, for values in the thousands). */
const EXACT = 1e-12;

function expectSameRows(py: Record<string, unknown>[], wb: Record<string, unknown>[], what: string) {
  expect(py.length, `${what}: rows`).toBe(wb.length);
  wb.forEach((row, i) => {
    expect(Object.keys(py[i]), `${what} row ${i}: columns`).toEqual(Object.keys(row));
    for (const [key, value] of Object.entries(row)) {
      const got = py[i][key];
      if (typeof value === 'number') expect(Math.abs(Number(got) - value), `${what} row ${i} ${key}: workbench ${value}, python ${String(got)}`).toBeLessThanOrEqual(EXACT * Math.max(1, Math.abs(value)));
      else expect(got, `${what} row ${i} ${key}`).toEqual(value);
    }
  });
}

describe.skipIf(missing !== undefined)(`inventory exported to Python matches the workbench${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it.each(fixture.cases.flatMap((c) => [[c.name, 'units', c], [c.name, 'percent', c]] as const))('%s, safety stock in %s', (_name, unit, c) => {
    const levels = unit === 'units' ? c.levels.map((l) => l.safety_units) : [0, 10, 25, 50];
    const wb = inventoryStudy(c.actual, c.predicted, { leadTime: c.lead, safetyStocks: levels, unit, price: c.price, searchZeroLoss: true });
    const py = runWithHelpers(`t = pd.DataFrame({'y': ${pyLiteral(c.actual)}, 'p': ${pyLiteral(c.predicted)}})
levels, zero, mean_demand = inventory_study(t, 'y', 'p', lead_time=${c.lead}, safety_stocks=${pyLiteral(levels)}, unit='${unit}', price=${c.price})
print(json.dumps({'levels': records(levels, 100), 'zero': records(zero, 1), 'mean': mean_demand}))`) as { levels: Record<string, unknown>[]; zero: Record<string, unknown>[]; mean: number };
    expectSameRows(py.levels, wb.rows as unknown as Record<string, unknown>[], 'levels');
    expect(py.mean).toBeCloseTo(wb.meanDemand, 12);
    expect(py.zero[0].safety_stock, 'smallest zero-loss safety stock').toBe(wb.zeroLoss!.safety_units);
    expect(py.zero[0].safety_stock, 'and the course reference').toBe(c.smallest_zero_loss);
  });

  it('an exported notebook with the price from a products table reaches the cell\'s own tables', async () => {
    const c = fixture.cases[1];
    const demand = ['truth,prediction', ...c.actual.map((y, i) => `${y},${c.predicted[i]}`)].join('\n');
    const products = 'Product_ID,Price\n1,2.5\n3,4.25\n12,9';
    const params = inventorySchema.parse({
      input: 'pred', leadTime: 2, unit: 'percent', safetyStocks: [0, 10, 20, 50, 100],
      priceFrom: { input: 'products', keyColumn: 'Product_ID', key: 3, column: 'Price' }, output: 'inv', zeroLossOutput: 'inv_best',
    });
    const doc = {
      title: 'Inventory export',
      cells: [
        typedCell('load-1', 'load', { source: { type: 'file', fileId: 'demand.csv', fileName: 'demand.csv' }, output: 'pred' }),
        typedCell('load-2', 'load', { source: { type: 'file', fileId: 'products.csv', fileName: 'products.csv' }, output: 'products' }),
        typedCell('inv-1', 'inventory', params),
      ],
    } as unknown as NotebookDoc;
    const { reported, exported } = runExported(doc, { 'demand.csv': demand, 'products.csv': products });
    expect(exported.todos).toEqual([]);
    const ctx = testContext({ pred: { type: 'table', table: aq.fromCSV(demand) }, products: { type: 'table', table: aq.fromCSV(products) } });
    const out = await inventoryCell.run(params, ctx);
    const table = (name: string) => out.find((o): o is TableOutput => o.type === 'table' && o.name === name)!;
    expectSameRows(reported.get('inv-1 levels') as Record<string, unknown>[], table('inv').rows, 'levels');
    expectSameRows(reported.get('inv-1 zero_loss') as Record<string, unknown>[], table('inv_best').rows, 'zero-loss row');
    expect(table('inv').rows[0].stock_value).toBeCloseTo(table('inv').rows[0].avg_stock as number * 4.25, 9);
  });
});
