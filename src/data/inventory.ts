// The course's inventory simulation (COURSE.md §4.6): the `inv_simulator(y,
// pred, safe_stock, price)` function the course hands its students (KT AIVLE
// K-Mart project, step 3 "business evaluation"; the copy in
// koryeon/KT_AIVLE_MINI_PROJECT_6-1), replayed day by day for several
// safety-stock levels, with the lead time as a parameter (the course fixes 2).
//
// Rows are consecutive days i = 0 … n−1; y[i] is the day's actual demand and
// p[i] the forecast of that demand, made lead-time days before it (the
// evaluate cell's predictions of a target shifted by the lead time are such a
// pair once read as "the day the target belongs to").
//
// Each day, with lead time L ≥ 1 and safety stock SS (units), as the course's code does it:
//   p̂_i       = p_i rounded to whole units (numpy's round: halves to even)
//   receive_i = y_i for i < L                    (no order was placed before the period:
//                                                 the first L days receive what they sell)
//             = order_{i−L} otherwise
//   base_i    = receive_i + close_{i−1}          (close_{−1} = SS: the period opens
//                                                 holding the safety stock)
//   close_i   = max(round(base_i − y_i), 0)
//   lost_i    = −round(min(base_i − y_i, 0))     (unmet demand is lost, not back-ordered)
//   sold_i    = y_i − lost_i
//   order_i   = max(p̂_{i+L} + SS − close_i, 0)
// Only days 0 … n−L−1 are simulated: the last L days have no forecast for the
// day their order would arrive (the course drops them too).
// The order rule looks at today's closing stock only — not at the orders still
// on their way — so with L = 2 a miss is corrected twice and the stock swings
// (x_{i+2} − x_{i+1} + x_i = forecast error: a period-6 oscillation that
// nothing damps); with L = 3 it can lose sales at any safety stock. The
// simulation reproduces that rule rather than an optimal policy.
//
// Per safety-stock level, the course's measures:
//   daily stock_i = (base_i + close_i) / 2      (opening and closing stock, averaged)
//   avg_stock     = mean of the daily stock     (the daily average stock, units)
//   stock_value   = avg_stock × price           (the daily average stock value)
//   turnover      = mean over the days of sold_i / daily stock_i — the course's daily
//                   turnover, a mean of daily ratios (not total sold ÷ total stock);
//                   days with no stock at all (0/0) are left out, as pandas' mean
//                   leaves out NaN; null when every day is such a day
//   avg_close     = mean of close_i (the stock left on the shelf each night)
//   lost_units    = Σ lost_i; lost_days = #{i: lost_i > 0}; fill_rate = Σ sold / Σ y
// smallestZeroLoss() searches the whole-unit safety stocks for the smallest
// with no lost sales, as the course asks ("adjust the safety stock until the
// lost quantity is 0") and reports it (P3 2216 units, …).
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
  /** Days simulated: all but the last leadTime. */
  days: number;
  /** Daily average stock: mean of (opening + closing) / 2, units. */
  avg_stock: number;
  /** Mean closing stock, units. */
  avg_close: number;
  stock_value: number;
  /** Daily turnover: the mean over the days of units sold / that day's stock; null when no day holds stock. */
  turnover: number | null;
  sold_units: number;
  lost_units: number;
  lost_days: number;
  fill_rate: number;
  ordered_units: number;
}

export interface InventoryOptions {
  /** Days from order to delivery, ≥ 1. */
  leadTime: number;
  /** Safety stock in units. */
  safetyStock: number;
}

/** Round to the nearest whole number, halves to the even one — numpy's and Python's round, which the course's code uses. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  // Math.round sends halves up; a half whose upward neighbour is odd goes down instead.
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** One simulation: the day-by-day ledger of the simulated days (all but the last leadTime). */
export function simulateInventory(actual: readonly number[], predicted: readonly number[], options: InventoryOptions): InventoryDay[] {
  const n = actual.length;
  if (predicted.length !== n) throw CellError.coded('inventory.lengths', { actual: n, predicted: predicted.length });
  const L = options.leadTime;
  if (!Number.isInteger(L) || L < 1) throw CellError.coded('inventory.leadTime', { value: L }, { where: 'params.leadTime' });
  if (n <= L) throw CellError.coded('inventory.tooFewDays', { lead: L, rows: n }, { where: 'params.input' });
  const SS = options.safetyStock;
  if (!(SS >= 0)) throw CellError.coded('inventory.safetyStock', { value: SS }, { where: 'params.safetyStocks' });
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(actual[i]) || !Number.isFinite(predicted[i])) throw CellError.coded('inventory.badRow', { row: i + 1 }, { where: 'params.input' });
  }
  const forecast = predicted.map(roundHalfEven);
  const days: InventoryDay[] = [];
  let close = SS;
  for (let i = 0; i < n - L; i++) {
    const y = actual[i];
    const receive = i < L ? y : days[i - L].order;
    const base = receive + close;
    close = Math.max(roundHalfEven(base - y), 0);
    // −0 (a shortfall that rounds away) is no lost sale.
    const lost = Math.max(-roundHalfEven(Math.min(base - y, 0)), 0);
    const order = Math.max(forecast[i + L] + SS - close, 0);
    days.push({ day: i, actual: y, predicted: predicted[i], receive, base, sold: y - lost, lost, close, order });
  }
  return days;
}

/** The summary of one ledger. */
export function summarizeInventory(days: readonly InventoryDay[], safetyStock: number, safetyUnits: number, price: number): InventorySummary {
  const n = days.length;
  let stock = 0, close = 0, sold = 0, lost = 0, demand = 0, ordered = 0, lostDays = 0, ratios = 0, stockedDays = 0;
  for (const d of days) {
    const daily = (d.base + d.close) / 2;
    stock += daily;
    if (daily > 0) { ratios += d.sold / daily; stockedDays++; }
    close += d.close;
    sold += d.sold;
    lost += d.lost;
    demand += d.actual;
    ordered += d.order;
    if (d.lost > 0) lostDays++;
  }
  const avg = n ? stock / n : 0;
  return {
    safety_stock: safetyStock, safety_units: safetyUnits, days: n, avg_stock: avg, avg_close: n ? close / n : 0, stock_value: avg * price,
    turnover: stockedDays ? ratios / stockedDays : null, sold_units: sold, lost_units: lost, lost_days: lostDays,
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
