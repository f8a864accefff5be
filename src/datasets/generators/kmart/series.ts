// Daily K-Mart series: WTI oil price, customer counts per store and unit
// sales per store and product (COURSE.md §4). Store 44's models are tuned to
// the course's measured patterns; the other stores are scaled copies.
import { makeRng, type Rng } from '../rng.ts';
import { round, type Cell } from '../csv.ts';
import { dayRange, isMarketHoliday, isWeekend, type Day } from './calendar.ts';
import { COURSE_PRODUCTS, PRODUCTS, SALES_STORES } from './tables.ts';

export const KMART_START = '2014-01-01';
export const KMART_END = '2017-03-31';
/** Last training day; March 2017 is the course's test month. */
export const KMART_TRAIN_END = '2017-02-28';

// Store-44 mean customers by weekday (Sun..Sat), from the course's figures:
// Sat 5,175, Sun 5,013, Mon–Fri 3,890–4,411, overall ~4,400.
const WEEKDAY_CUSTOMERS = [4940, 4040, 3840, 3890, 3950, 4330, 5100];
/** December is ~5,546 against ~4,300 for the other months. */
const DECEMBER_FACTOR = 1.24;

/** Monthly WTI anchors (USD/bbl, first of the month): ~100 in 2014, ~33 in 2016Q1, ~53 in 2017Q1. */
const OIL_ANCHORS: [string, number][] = [
  ['2014-01-01', 97], ['2014-06-15', 106], ['2014-09-01', 96], ['2014-11-01', 80], ['2014-12-01', 64], ['2015-01-15', 48], ['2015-05-01', 60],
  ['2015-06-15', 60], ['2015-08-20', 41], ['2015-10-15', 46], ['2015-12-20', 36], ['2016-02-10', 29], ['2016-03-31', 38],
  ['2016-06-10', 50], ['2016-09-15', 44], ['2016-12-15', 52], ['2017-02-15', 53.5], ['2017-03-31', 50],
];

const closed = (d: Day): boolean => (d.month === 1 && d.day === 1) || (d.month === 12 && d.day === 25);

function anchorPrice(t: number): number {
  const points = OIL_ANCHORS.map(([iso, p]) => [Date.parse(`${iso}T00:00:00Z`), p] as const);
  if (t <= points[0][0]) return points[0][1];
  for (let i = 1; i < points.length; i++) {
    const [t1, p1] = points[i];
    const [t0, p0] = points[i - 1];
    if (t <= t1) return p0 + ((p1 - p0) * (t - t0)) / (t1 - t0);
  }
  return points[points.length - 1][1];
}

/** Business days only; NaN (an empty cell) on market holidays. */
export function generateOil(seed: number): Cell[][] {
  const rng = makeRng(seed ^ 0x0111);
  const rows: Cell[][] = [];
  let wobble = 0;
  for (const d of dayRange(KMART_START, KMART_END)) {
    if (d.weekday === 0 || d.weekday === 6) continue;
    // A mean-reverting wobble around the anchor path: day-to-day moves of ~1–2%.
    wobble = 0.9 * wobble + 1.1 * rng.normal();
    const price = anchorPrice(Date.parse(`${d.iso}T00:00:00Z`)) * (1 + wobble / 100);
    rows.push([d.iso, isMarketHoliday(d) ? null : round(price, 2)]);
  }
  return rows;
}

/** Special-day multipliers on customer counts (run-up to Christmas, New Year's Eve, the day after Thanksgiving). */
function holidayFactor(d: Day): number {
  if (d.month === 12 && d.day >= 18 && d.day <= 24) return 1 + 0.045 * (d.day - 17);
  if (d.month === 12 && d.day === 31) return 1.15;
  if (d.month === 1 && d.day === 2) return 0.75;
  if (d.month === 11 && d.weekday === 5 && d.day >= 23 && d.day <= 29) return 1.3;
  return 1;
}

function customerCount(rng: Rng, d: Day, scale: number): number {
  const dip = rng.next() < 0.01 ? 0.72 : 1; // the odd storm or outage day
  const level = WEEKDAY_CUSTOMERS[d.weekday] * (d.month === 12 ? DECEMBER_FACTOR : 1) * holidayFactor(d) * dip;
  return Math.round(level * scale * Math.exp(0.03 * rng.normal()));
}

export interface KmartSeries {
  orders: Cell[][];
  sales: Cell[][];
}

// Busy days sell more per customer (bigger baskets), so units grow like
// customers² (relative to a typical 4,300-customer day): this keeps the
// course's near-linear correlation with customers (.95/.97) while the
// weekend ratio of units (×1.96, ×1.77) is well above that of customers (×1.25).
// The basket effect saturates so that peak days stay within the course's ranges.
const busy = (customers: number): number => customers * Math.min(1.28, Math.max(0.8, customers / 4300));

/** Product 3 (beverage): follows customers, weekend ×1.96, slow upward trend. */
function qty3(rng: Rng, d: Day, customers: number, years: number): number {
  const perCustomer = 1.38 + 0.1 * years; // ~+20% over the 3¼ years
  return busy(customers) * perCustomer * (isWeekend(d) ? 1.25 : 1) * Math.exp(0.02 * rng.normal());
}

/** Product 12 (milk): follows customers closely, weekend ×1.77, December peak (through customers). */
function qty12(rng: Rng, d: Day, customers: number): number {
  return busy(customers) * 2.3 * (isWeekend(d) ? 1.13 : 1) * Math.exp(0.02 * rng.normal());
}

/** Product 42 (agricultural): ~50–150, peak in July, low in January, weekend ×1.27, unrelated to customers or oil. */
function qty42(rng: Rng, d: Day): number {
  const season = 88 + 24 * Math.cos((2 * Math.PI * (d.dayOfYear - 196)) / 365.25);
  return Math.round(season * (isWeekend(d) ? 1.22 : 0.96) * Math.exp(0.08 * rng.normal()));
}

function fillerQty(rng: Rng, d: Day, customers: number, baseQty: number, byWeight: boolean): number {
  const mean = baseQty * (customers / 4300) * (isWeekend(d) ? 1.15 : 1);
  if (byWeight) return round(mean * Math.exp(0.15 * rng.normal()), 3);
  return rng.poisson(mean);
}

export function generateKmartSeries(seed: number): KmartSeries {
  const rng = makeRng(seed ^ 0x44);
  const orders: Cell[][] = [];
  const sales: Cell[][] = [];
  const days = dayRange(KMART_START, KMART_END);
  const stores = [...SALES_STORES].sort((a, b) => a.id - b.id);
  const products = [...PRODUCTS].sort((a, b) => a.id - b.id);
  for (const d of days) {
    if (closed(d)) continue; // no rows on Jan 1 and Dec 25
    const years = d.index / 365.25;
    for (const store of stores) {
      const customers = customerCount(rng, d, store.scale);
      orders.push([d.iso, store.id, customers]);
      // Per-store sales follow the store's own customers; scale only shifts levels.
      for (const p of products) {
        if (store.id !== 44 && !COURSE_PRODUCTS.includes(p.id)) continue;
        let qty: number;
        if (p.id === 3) qty = round(qty3(rng, d, customers, years), 0);
        else if (p.id === 12) qty = round(qty12(rng, d, customers), 0);
        else if (p.id === 42) qty = Math.max(0, Math.round(qty42(rng, d) * (store.id === 44 ? 1 : store.scale + 0.2)));
        else qty = fillerQty(rng, d, customers, p.baseQty, p.byWeight);
        sales.push([d.iso, store.id, qty, p.id]);
      }
    }
  }
  return { orders, sales };
}
