// The course's inventory simulation (COURSE.md §4.6, `inv_simulator(y, pred,
// safe_stock, price)`): replay a period day by day with a store that orders
// from a demand forecast, and measure the stock it holds and the sales it
// loses, for several safety-stock levels.
//
// Rows are consecutive days i = 0 … n−1; y[i] is the day's actual demand and
// p[i] the forecast of that demand, made lead-time days before it (the
// evaluate cell's predictions of a target shifted by the lead time are such a
// pair once read as "the day the target belongs to").
//
// Each day, with lead time L and safety stock SS (units):
//   receive_i = order_{i−L}                      (for i < L: p_i, the orders already
//                                                 on their way when the period starts)
//   base_i    = close_{i−1} + receive_i          (close_{−1} = SS: the period opens
//                                                 holding the safety stock)
//   sold_i    = min(y_i, base_i)
//   lost_i    = max(y_i − base_i, 0)             (unmet demand is lost, not back-ordered)
//   close_i   = max(base_i − y_i, 0)
//   order_i   = max(p_{i+L} + SS − close_i, 0)   (0 once i + L is past the period)
// The order rule is the course's: it looks at today's closing stock only — not at
// the orders still on their way (over-ordering) nor at the sales of the days
// before the order arrives (under-ordering after a slow day) — so with L > 1 it
// can lose sales at any safety stock. The simulation reproduces that rule
// rather than an optimal policy.
//
// Per safety-stock level, the course's measures (its document: "daily average
// stock value = (opening + closing stock) / 2 × price"):
//   avg_stock   = mean over the days of (base_i + close_i) / 2 — the opening
//                 stock (after the day's delivery) and the closing stock,
//                 averaged: the daily average stock (units)
//   stock_value = avg_stock × price (the daily average stock value)
//   turnover    = (Σ sold_i / n) / avg_stock — the daily turnover: how many
//                 times a day the average stock is sold through (the course's
//                 1.08–1.24); null when avg_stock is 0
//   avg_close   = mean of close_i (the stock left on the shelf each night)
//   lost_units  = Σ lost_i; lost_days = #{i: lost_i > 0}; fill_rate = Σ sold / Σ y
// smallestZeroLoss() searches the whole-unit safety stocks for the smallest
// with no lost sales, as the course reports it (P3 2216 units, …).
import { CellError } from '../core/errors.ts';

export interface InventoryDay {
  day: number;
  actual: number;
  predicted: number;
  receive: number;
  base: number;
  sold: number;
  lost: number;
  close: number;
  order: number;
}

export interface InventorySummary {
  /** The safety stock as given (units, or % of mean demand). */
  safety_stock: number;
  /** The safety stock in units. */
  safety_units: number;
  /** Daily average stock: mean of (opening + closing) / 2, units. */
  avg_stock: number;
  /** Mean closing stock, units. */
  avg_close: number;
  stock_value: number;
  /** Daily turnover: mean daily units sold / avg_stock; null when the average stock is 0. */
  turnover: number | null;
  sold_units: number;
  lost_units: number;
  lost_days: number;
  fill_rate: number;
  ordered_units: number;
}

export interface InventoryOptions {
  leadTime: number;
  /** Safety stock in units. */
  safetyStock: number;
}

/** One simulation: the day-by-day ledger. */
export function simulateInventory(actual: readonly number[], predicted: readonly number[], options: InventoryOptions): InventoryDay[] {
  const n = actual.length;
  if (predicted.length !== n) throw CellError.coded('inventory.lengths', { actual: n, predicted: predicted.length });
  const L = options.leadTime;
  if (!Number.isInteger(L) || L < 0) throw CellError.coded('inventory.leadTime', { value: L }, { where: 'params.leadTime' });
  const SS = options.safetyStock;
  if (!(SS >= 0)) throw CellError.coded('inventory.safetyStock', { value: SS }, { where: 'params.safetyStocks' });
  const days: InventoryDay[] = [];
  const orders: number[] = [];
  let close = SS;
  for (let i = 0; i < n; i++) {
    const y = actual[i];
    if (!Number.isFinite(y) || !Number.isFinite(predicted[i])) throw CellError.coded('inventory.badRow', { row: i + 1 }, { where: 'params.input' });
    // L = 0: an order placed today arrives today, before the day's sales, so it
    // is sized on the opening stock (yesterday's close) and today's forecast.
    let receive: number;
    if (L === 0) {
      receive = Math.max(predicted[i] + SS - close, 0);
      orders.push(receive);
    } else receive = i < L ? Math.max(predicted[i], 0) : orders[i - L];
    const base = close + receive;
    const sold = Math.min(y, base);
    const lost = Math.max(y - base, 0);
    close = Math.max(base - y, 0);
    let order = 0;
    if (L === 0) order = receive;
    else {
      order = i + L < n ? Math.max(predicted[i + L] + SS - close, 0) : 0;
      orders.push(order);
    }
    days.push({ day: i, actual: y, predicted: predicted[i], receive, base, sold, lost, close, order });
  }
  return days;
}

/** The summary of one ledger. */
export function summarizeInventory(days: readonly InventoryDay[], safetyStock: number, safetyUnits: number, price: number): InventorySummary {
  const n = days.length;
  let stock = 0, close = 0, sold = 0, lost = 0, demand = 0, ordered = 0, lostDays = 0;
  for (const d of days) {
    stock += (d.base + d.close) / 2;
    close += d.close;
    sold += d.sold;
    lost += d.lost;
    demand += d.actual;
    ordered += d.order;
    if (d.lost > 0) lostDays++;
  }
  const avg = n ? stock / n : 0;
  return {
    safety_stock: safetyStock, safety_units: safetyUnits, avg_stock: avg, avg_close: n ? close / n : 0, stock_value: avg * price,
    turnover: avg > 0 ? sold / n / avg : null, sold_units: sold, lost_units: lost, lost_days: lostDays,
    fill_rate: demand > 0 ? sold / demand : 1, ordered_units: ordered,
  };
}

// Lost units of a few thousandths of a unit are float noise, not lost sales.
const NO_LOSS = 1e-6;

function lostAt(actual: readonly number[], predicted: readonly number[], leadTime: number, units: number): number {
  return simulateInventory(actual, predicted, { leadTime, safetyStock: units }).reduce((s, d) => s + d.lost, 0);
}

/**
 * The smallest whole-unit safety stock with no lost sales (the course's
 * "smallest safety stock with zero lost units"), or null when none up to
 * `maxUnits` exists. Lost sales need not fall steadily as the safety stock
 * grows (the order rule ignores goods in transit), so every whole unit up to
 * the first zero-loss level found by doubling is tried in order.
 */
export function smallestZeroLoss(actual: readonly number[], predicted: readonly number[], leadTime: number, maxUnits = 1e6): number | null {
  if (lostAt(actual, predicted, leadTime, 0) < NO_LOSS) return 0;
  let hi = 1;
  while (lostAt(actual, predicted, leadTime, hi) >= NO_LOSS) {
    if (hi >= maxUnits) return null;
    hi = Math.min(hi * 2, maxUnits);
  }
  // A linear scan costs hi simulations of n days; past ~20 million day-steps
  // bisect instead: the level it finds loses nothing, but a smaller zero-loss
  // level below a lossy one would be missed.
  if (hi * actual.length <= 2e7) {
    for (let u = 1; u <= hi; u++) if (lostAt(actual, predicted, leadTime, u) < NO_LOSS) return u;
  }
  let lo = hi >> 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (lostAt(actual, predicted, leadTime, mid) < NO_LOSS) hi = mid; else lo = mid;
  }
  return hi;
}

export interface InventoryStudy {
  rows: InventorySummary[];
  /** The smallest safety stock (as given) with no lost units, or null if every level loses sales. */
  smallestNoLoss: number | null;
  meanDemand: number;
  /** The smallest whole-unit safety stock with no lost sales and its measures (when asked for and one exists). */
  zeroLoss?: InventorySummary | null;
}

/** Run the simulation for every safety-stock level (units, or percent of mean actual demand). */
export function inventoryStudy(
  actual: readonly number[], predicted: readonly number[],
  options: { leadTime: number; safetyStocks: readonly number[]; unit: 'units' | 'percent'; price: number; searchZeroLoss?: boolean },
): InventoryStudy {
  const meanDemand = actual.length ? actual.reduce((a, b) => a + b, 0) / actual.length : 0;
  const rows = options.safetyStocks.map((ss) => {
    const units = options.unit === 'percent' ? (ss / 100) * meanDemand : ss;
    const days = simulateInventory(actual, predicted, { leadTime: options.leadTime, safetyStock: units });
    return summarizeInventory(days, ss, units, options.price);
  });
  const smallest = [...rows].sort((a, b) => a.safety_stock - b.safety_stock).find((r) => r.lost_units < NO_LOSS);
  const study: InventoryStudy = { rows, smallestNoLoss: smallest ? smallest.safety_stock : null, meanDemand };
  if (options.searchZeroLoss) {
    const units = smallestZeroLoss(actual, predicted, options.leadTime);
    study.zeroLoss = units === null ? null : summarizeInventory(
      simulateInventory(actual, predicted, { leadTime: options.leadTime, safetyStock: units }),
      options.unit === 'percent' ? (meanDemand > 0 ? (units / meanDemand) * 100 : 0) : units, units, options.price);
  }
  return study;
}
