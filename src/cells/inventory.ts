// The inventory cell: the course's inventory simulation (`inv_simulator`,
// COURSE.md §4.6) over a list of safety-stock levels. Reads a table of
// consecutive days with the actual demand and its forecast (an evaluate
// cell's predictions table, or one a code cell builds), replays the course's
// order rule with a lead time, and reports per level the daily average stock,
// its value, the daily turnover and lost sales, plus the smallest level with
// no lost sales.
// The rules and definitions are in src/data/inventory.ts.
import { z } from 'zod';
import * as aq from 'arquero';
import type { CellOutput, FigureOutput } from '../core/outputs.ts';
import { CellError } from '../core/errors.ts';
import { defineCell } from './types.ts';
import { requireColumn } from '../data/columns.ts';
import { columnValues } from '../data/stats.ts';
import { tablePreview, toScalar } from '../data/preview.ts';
import { inventoryStudy, type InventorySummary } from '../data/inventory.ts';

export const inventorySchema = z.object({
  input: z.string().default('predictions').describe('Table of consecutive days (in row order) with the actual demand and its forecast, e.g. an evaluate cell\'s predictions table.'),
  actual: z.string().default('truth').describe('Column with the actual demand (units sold) of each day.'),
  predicted: z.string().default('prediction').describe('Column with the forecast of that day\'s demand, made lead-time days before.'),
  price: z.number().min(0).default(1).describe('Unit price: stock value = average stock × price (used when priceFrom is absent).'),
  priceFrom: z.object({
    input: z.string().describe('Table holding the price, e.g. the products table.'),
    keyColumn: z.string().describe('Column identifying the row, e.g. Product_ID.'),
    key: z.union([z.string(), z.number()]).describe('The row\'s key, e.g. 3.'),
    column: z.string().default('Price').describe('Column holding the price.'),
  }).optional().describe('Optional: read the price from a table row instead of the price field.'),
  leadTime: z.number().int().min(1).max(365).default(2).describe('Days between placing an order and receiving it (the course uses 2). The last lead-time days are not simulated: no forecast exists for the day their order would arrive.'),
  safetyStocks: z.array(z.number().min(0)).default(() => [0, 5, 10, 15, 20]).describe('Safety-stock levels to simulate.'),
  unit: z.enum(['units', 'percent']).default('units').describe('units: safety stock in units; percent: in % of the mean actual daily demand.'),
  searchZeroLoss: z.boolean().default(true).describe('Also search every whole-unit safety stock for the smallest with no lost sales, and report its daily average stock, value and turnover (the course\'s business evaluation).'),
  output: z.string().default('inventory').describe('Name to store the per-level results table under.'),
  zeroLossOutput: z.string().optional().describe('Optional: name to store the one-row table of the smallest zero-loss safety stock under.'),
});

export type InventoryParams = z.output<typeof inventorySchema>;

function numbers(table: aq.ColumnTable, name: string, where: string): number[] {
  return columnValues(table, name).map((v, i) => {
    const x = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    if (!Number.isFinite(x)) throw CellError.coded('inventory.notNumeric', { column: name, row: i + 1, value: JSON.stringify(toScalar(v)) }, { where });
    return x;
  });
}

function readPrice(p: InventoryParams, table: (name: string, where: string) => aq.ColumnTable): number {
  if (!p.priceFrom) return p.price;
  const t = table(p.priceFrom.input, 'params.priceFrom.input');
  requireColumn(t, p.priceFrom.keyColumn, 'params.priceFrom.keyColumn', p.priceFrom.input);
  requireColumn(t, p.priceFrom.column, 'params.priceFrom.column', p.priceFrom.input);
  const keys = columnValues(t, p.priceFrom.keyColumn);
  const row = keys.findIndex((k) => String(toScalar(k)) === String(p.priceFrom!.key));
  if (row < 0) throw CellError.coded('inventory.noPriceRow', { table: p.priceFrom.input, column: p.priceFrom.keyColumn, key: String(p.priceFrom.key) }, { where: 'params.priceFrom.key' });
  const price = Number(toScalar(columnValues(t, p.priceFrom.column)[row]));
  if (!Number.isFinite(price) || price < 0) throw CellError.coded('inventory.badPrice', { column: p.priceFrom.column }, { where: 'params.priceFrom.column' });
  return price;
}

function chart(rows: { safety_stock: number; avg_stock: number; lost_units: number }[], unit: string): FigureOutput {
  const x = rows.map((r) => r.safety_stock);
  const title = 'Average stock and lost sales by safety stock';
  return {
    type: 'figure', title, titleKo: '안전 재고별 평균 재고와 판매 손실',
    ko: {
      layout: {
        title: '안전 재고별 평균 재고와 판매 손실', xaxis: unit === 'percent' ? '안전 재고 (하루 평균 수요의 %)' : '안전 재고 (개)',
        yaxis: '하루 평균 재고 (개)', yaxis2: '판매 손실 (개)',
      },
      traces: ['판매 손실 (개)', '평균 재고'],
    },
    spec: {
      data: [
        { type: 'bar', name: 'lost units', x, y: rows.map((r) => r.lost_units), yaxis: 'y2', opacity: 0.6 },
        { type: 'scatter', mode: 'lines+markers', name: 'average stock', x, y: rows.map((r) => r.avg_stock) },
      ],
      layout: {
        title: { text: title },
        xaxis: { title: { text: unit === 'percent' ? 'safety stock (% of mean daily demand)' : 'safety stock (units)' }, type: 'category' },
        yaxis: { title: { text: 'daily average stock (units)' } },
        yaxis2: { title: { text: 'lost units' }, overlaying: 'y', side: 'right' },
        legend: { orientation: 'h' },
      },
    },
  };
}

/** The course's business evaluation row: safety stock, price, daily average stock, its value, daily turnover, lost units. */
function zeroLossTable(row: InventorySummary | null, price: number): aq.ColumnTable {
  if (!row) return aq.table({ safety_stock: [], price: [], daily_avg_stock: [], daily_avg_value: [], daily_turnover: [], lost_units: [] });
  return aq.from([{
    safety_stock: row.safety_units, price, daily_avg_stock: round(row.avg_stock, 1), daily_avg_value: round(row.stock_value, 1),
    daily_turnover: row.turnover === null ? null : round(row.turnover, 3), lost_units: round(row.lost_units, 3),
  }]);
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export const inventoryCell = defineCell({
  kind: 'inventory',
  label: 'Inventory simulation',
  description: 'Simulate ordering from a demand forecast with a lead time (the course\'s inv_simulator) for several safety-stock levels: average stock, stock value, turnover and lost sales.',
  schema: inventorySchema,
  runnable: true,
  reads: (p) => [p.input, ...(p.priceFrom ? [p.priceFrom.input] : [])],
  writes: (p) => [p.output, ...(p.searchZeroLoss && p.zeroLossOutput ? [p.zeroLossOutput] : [])],
  render(p) {
    const price = p.priceFrom ? `${p.priceFrom.input}.${p.priceFrom.column} where ${p.priceFrom.keyColumn} = ${String(p.priceFrom.key)}` : String(p.price);
    const levels = p.safetyStocks.map((s) => `${s}${p.unit === 'percent' ? '%' : ''}`).join(', ');
    return `// inventory simulation on ${p.input} (actual ${p.actual}, forecast ${p.predicted}) → ${p.output}\n// lead time ${p.leadTime} days, price ${price}, safety stock ${levels}${p.unit === 'percent' ? ' of mean daily demand' : ' units'}`;
  },
  async run(params, ctx): Promise<CellOutput[]> {
    if (!params.output.trim()) throw CellError.coded('name.resultsOutput', {}, { where: 'params.output' });
    if (params.safetyStocks.length === 0) throw CellError.coded('inventory.noSafetyStock', {}, { where: 'params.safetyStocks' });
    const table = ctx.table(params.input, 'params.input');
    if (table.numRows() === 0) throw CellError.coded('table.noRows', { table: params.input }, { where: 'params.input' });
    requireColumn(table, params.actual, 'params.actual', params.input);
    requireColumn(table, params.predicted, 'params.predicted', params.input);
    const actual = numbers(table, params.actual, 'params.actual');
    const predicted = numbers(table, params.predicted, 'params.predicted');
    const price = readPrice(params, (name, where) => ctx.table(name, where));
    const levels = [...new Set(params.safetyStocks)].sort((a, b) => a - b);
    const study = inventoryStudy(actual, predicted, { leadTime: params.leadTime, safetyStocks: levels, unit: params.unit, price, searchZeroLoss: params.searchZeroLoss });
    const result = aq.from(study.rows);
    ctx.set(params.output, { type: 'table', table: result });
    const zeroLoss = params.searchZeroLoss ? zeroLossTable(study.zeroLoss ?? null, price) : null;
    if (zeroLoss && params.zeroLossOutput) ctx.set(params.zeroLossOutput, { type: 'table', table: zeroLoss });
    const u = params.unit === 'percent' ? '%' : ' units';
    const best = study.smallestNoLoss === null
      ? `Every simulated safety stock loses sales (the largest, ${levels.at(-1)}${u}, loses ${study.rows.at(-1)!.lost_units.toFixed(0)} units): try larger levels or a better forecast.`
      : `The smallest safety stock with no lost sales is ${study.smallestNoLoss}${u}` +
        (params.unit === 'percent' ? ` (${study.rows.find((r) => r.safety_stock === study.smallestNoLoss)!.safety_units.toFixed(1)} units)` : '') + '.';
    const uKo = params.unit === 'percent' ? '%' : '개';
    const bestKo = study.smallestNoLoss === null
      ? `시뮬레이션한 모든 안전 재고에서 판매 손실이 나요 (가장 큰 ${levels.at(-1)}${uKo}에서도 ${study.rows.at(-1)!.lost_units.toFixed(0)}개 손실): 더 큰 수준이나 더 나은 예측을 써 보세요.`
      : `판매 손실이 없는 가장 작은 안전 재고는 ${study.smallestNoLoss}${uKo}예요` +
        (params.unit === 'percent' ? ` (${study.rows.find((r) => r.safety_stock === study.smallestNoLoss)!.safety_units.toFixed(1)}개)` : '') + '.';
    const simulated = study.rows[0].days;
    const summary = `${simulated} of ${actual.length} days simulated (the last ${params.leadTime} have no forecast for their order's arrival), lead time ${params.leadTime}, price ${price}, mean daily demand ${study.meanDemand.toFixed(1)}. ${best}`;
    const searched = !params.searchZeroLoss ? ''
      : study.zeroLoss ? ` Searching every whole unit: the smallest safety stock with zero lost sales is ${study.zeroLoss.safety_units} units (daily average stock ${study.zeroLoss.avg_stock.toFixed(1)}, value ${study.zeroLoss.stock_value.toFixed(1)}, daily turnover ${study.zeroLoss.turnover === null ? '—' : study.zeroLoss.turnover.toFixed(3)}).`
      : ' No whole-unit safety stock up to a million units avoids every lost sale.';
    const summaryKo = `${actual.length}일 중 ${simulated}일을 시뮬레이션했어요 (마지막 ${params.leadTime}일은 주문이 도착할 날의 예측이 없어요), 리드 타임 ${params.leadTime}, 단가 ${price}, 하루 평균 수요 ${study.meanDemand.toFixed(1)}. ${bestKo}`;
    const z = study.zeroLoss;
    const searchedKo = !params.searchZeroLoss ? ''
      : z ? ` 정수 단위로 모두 찾아보면 판매 손실이 0인 가장 작은 안전 재고는 ${z.safety_units}개예요 (하루 평균 재고 ${z.avg_stock.toFixed(1)}, 재고 가치 ${z.stock_value.toFixed(1)}, 하루 회전율 ${z.turnover === null ? '—' : z.turnover.toFixed(3)}).`
      : ' 100만 개까지의 어떤 정수 안전 재고도 판매 손실을 모두 막지 못해요.';
    return [
      { type: 'text', text: summary + searched, ko: summaryKo + searchedKo },
      ...(zeroLoss ? [tablePreview(zeroLoss, { ...(params.zeroLossOutput ? { name: params.zeroLossOutput } : {}), title: 'The smallest safety stock with zero lost sales', titleKo: '판매 손실이 0인 가장 작은 안전 재고' })] : []),
      tablePreview(result, { name: params.output, title: 'Inventory simulation per safety stock', titleKo: '안전 재고별 재고 시뮬레이션' }),
      chart(study.rows, params.unit),
    ];
  },
});
