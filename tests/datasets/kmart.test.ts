// K-Mart generator: determinism, the five tables' schemas and store 44's
// patterns (COURSE.md §4). The series is generated once at full size (~1 s).
import { describe, expect, it } from 'vitest';
import { generateKmart } from '../../src/datasets/generators/kmart/index.ts';
import { KMART_TRAIN_END, generateKmartSeries, generateOil } from '../../src/datasets/generators/kmart/series.ts';

const { orders, sales } = generateKmartSeries(42);
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const weekend = (iso: string) => weekday(iso) === 0 || weekday(iso) === 6;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
function corr(a: number[], b: number[]): number {
  const ma = mean(a), mb = mean(b);
  let s = 0, sa = 0, sb = 0;
  for (let i = 0; i < a.length; i++) {
    s += (a[i] - ma) * (b[i] - mb);
    sa += (a[i] - ma) ** 2;
    sb += (b[i] - mb) ** 2;
  }
  return s / Math.sqrt(sa * sb);
}
const customers44 = new Map(orders.filter((r) => r[1] === 44).map((r) => [r[0] as string, r[2] as number]));
const train = (iso: string) => iso <= KMART_TRAIN_END;
function series(product: number): [string, number][] {
  return sales.filter((r) => r[1] === 44 && r[3] === product && train(r[0] as string)).map((r) => [r[0] as string, r[2] as number]);
}
const weekendRatio = (s: [string, number][]) => mean(s.filter(([d]) => weekend(d)).map(([, q]) => q)) / mean(s.filter(([d]) => !weekend(d)).map(([, q]) => q));
const monthMean = (s: [string, number][], m: number) => mean(s.filter(([d]) => Number(d.slice(5, 7)) === m).map(([, q]) => q));

describe('kmart: determinism and schema', () => {
  it('is identical for a seed and differs for another', () => {
    const a = generateKmart(1);
    expect(generateKmart(1)).toEqual(a);
    expect(generateKmart(2).sales).not.toBe(a.sales);
  });

  it('writes the course headers and reference tables', () => {
    const f = generateKmart(1);
    expect(f.sales.split('\n')[0]).toBe('Date,Store_ID,Qty,Product_ID');
    expect(f.orders.split('\n')[0]).toBe('Date,Store_ID,CustomerCount');
    expect(f.oil.split('\n')[0]).toBe('Date,WTI_Price');
    const products = f.products.trim().split('\n');
    expect(products[0]).toBe('Product_ID,Product_Code,SubCategory,Category,LeadTime,Price');
    expect(products).toHaveLength(17);
    expect(products).toContain('3,DB001,Beverage,Drink,2,8');
    expect(products).toContain('12,GA001,Milk,Food,2,6');
    expect(products).toContain('42,FM001,Agricultural,Grocery,2,5');
    const stores = f.stores.trim().split('\n');
    expect(stores[0]).toBe('Store_ID,City,State,Store_Type');
    expect(stores).toHaveLength(55);
    expect(stores).toContain('44,Saint Paul,MN,1');
  });

  it('covers 2014-01-01 to 2017-03-31 with no store-44 rows on Jan 1 and Dec 25', () => {
    const dates = [...customers44.keys()].sort();
    expect(dates[0]).toBe('2014-01-02');
    expect(dates[dates.length - 1]).toBe('2017-03-31');
    expect(dates.some((d) => d.endsWith('-01-01') || d.endsWith('-12-25'))).toBe(false);
    expect(sales.some((r) => r[1] === 44 && ((r[0] as string).endsWith('-01-01') || (r[0] as string).endsWith('-12-25')))).toBe(false);
  });

  it('has fractional quantities and zero rows in the March 2017 test month', () => {
    expect(sales.some((r) => !Number.isInteger(r[2]))).toBe(true);
    expect(sales.filter((r) => (r[0] as string) >= '2017-03-01' && r[2] === 0).length).toBeGreaterThan(5);
  });
});

describe('kmart: oil price', () => {
  const oil = generateOil(42);
  const avg = (prefix: string) => mean(oil.filter((r) => (r[0] as string).startsWith(prefix) && r[1] !== null).map((r) => r[1] as number));
  it('has business days only, with ~30 holiday gaps', () => {
    expect(oil.every((r) => !weekend(r[0] as string))).toBe(true);
    const missing = oil.filter((r) => r[1] === null).length;
    // Course train set: 30 NaN in 825 rows; ~9–10 US market holidays a year.
    expect(missing).toBeGreaterThanOrEqual(25);
    expect(missing).toBeLessThanOrEqual(35);
  });
  it('falls from ~100 (2014) to ~33 (2016Q1) and recovers to ~53 (2017Q1)', () => {
    expect(avg('2014')).toBeGreaterThan(85);
    expect(avg('2016-01')).toBeLessThan(40);
    expect(mean(['2016-01', '2016-02', '2016-03'].map(avg))).toBeGreaterThan(28);
    expect(mean(['2016-01', '2016-02', '2016-03'].map(avg))).toBeLessThan(38);
    expect(mean(['2017-01', '2017-02', '2017-03'].map(avg))).toBeGreaterThan(47);
    expect(mean(['2017-01', '2017-02', '2017-03'].map(avg))).toBeLessThan(58);
  });
});

describe('kmart: store 44 patterns', () => {
  const c = [...customers44.entries()].filter(([d]) => train(d));
  it('customers: mean ~4,400, busy weekends and Decembers, no yearly trend', () => {
    const values = c.map(([, v]) => v);
    // Course: mean 4,403 (2,510–8,359).
    expect(mean(values)).toBeGreaterThan(4200);
    expect(mean(values)).toBeLessThan(4600);
    expect(Math.min(...values)).toBeGreaterThan(2000);
    expect(Math.max(...values)).toBeLessThan(9000);
    const byDay = [0, 1, 2, 3, 4, 5, 6].map((w) => mean(c.filter(([d]) => weekday(d) === w).map(([, v]) => v)));
    // Sat 5,175 / Sun 5,013 vs weekdays 3,890–4,411: ±250.
    expect(byDay[6]).toBeGreaterThan(4925);
    expect(byDay[6]).toBeLessThan(5425);
    expect(byDay[0]).toBeGreaterThan(4760);
    expect(byDay[0]).toBeLessThan(5260);
    for (const w of [1, 2, 3, 4, 5]) {
      expect(byDay[w]).toBeGreaterThan(3700);
      expect(byDay[w]).toBeLessThan(4600);
    }
    const december = mean(c.filter(([d]) => d.slice(5, 7) === '12').map(([, v]) => v));
    expect(december).toBeGreaterThan(5250);
    expect(december).toBeLessThan(5850);
    const years = ['2014', '2015', '2016'].map((y) => mean(c.filter(([d]) => d.startsWith(y)).map(([, v]) => v)));
    expect(Math.max(...years) / Math.min(...years)).toBeLessThan(1.04);
  });

  it('product 3: weekend ×1.96, corr .95 with customers, slow upward trend', () => {
    const s = series(3);
    // ±0.15 around the course's ratio; corr ≥ .9 (course .95).
    expect(weekendRatio(s)).toBeGreaterThan(1.8);
    expect(weekendRatio(s)).toBeLessThan(2.1);
    expect(corr(s.map(([, q]) => q), s.map(([d]) => customers44.get(d)!))).toBeGreaterThan(0.9);
    const y = (p: string) => mean(s.filter(([d]) => d.startsWith(p)).map(([, q]) => q));
    expect(y('2016') / y('2014')).toBeGreaterThan(1.05);
    expect(y('2016') / y('2014')).toBeLessThan(1.35);
    // Course range 2,853–25,413.
    expect(Math.min(...s.map(([, q]) => q))).toBeGreaterThan(2000);
    expect(Math.max(...s.map(([, q]) => q))).toBeLessThan(30000);
  });

  it('product 12: weekend ×1.77, corr .97 with customers, December peak', () => {
    const s = series(12);
    expect(weekendRatio(s)).toBeGreaterThan(1.62);
    expect(weekendRatio(s)).toBeLessThan(1.92);
    expect(corr(s.map(([, q]) => q), s.map(([d]) => customers44.get(d)!))).toBeGreaterThan(0.93);
    const months = Array.from({ length: 12 }, (_, m) => monthMean(s, m + 1));
    expect(months.indexOf(Math.max(...months))).toBe(11);
    // Course range 4,390–37,106.
    expect(Math.min(...s.map(([, q]) => q))).toBeGreaterThan(3000);
    expect(Math.max(...s.map(([, q]) => q))).toBeLessThan(40000);
  });

  it('product 42: ~50–150, July peak, January low, weekend ×1.27, no link to oil', () => {
    const s = series(42);
    const q = s.map(([, v]) => v);
    expect(Math.min(...q)).toBeGreaterThanOrEqual(35);
    expect(Math.max(...q)).toBeLessThanOrEqual(190);
    const months = Array.from({ length: 12 }, (_, m) => monthMean(s, m + 1));
    // The seasonal peak sits mid-July; July or August may come out on top by noise.
    expect([6, 7]).toContain(months.indexOf(Math.max(...months)));
    expect([0, 11]).toContain(months.indexOf(Math.min(...months)));
    expect(months[6]).toBeGreaterThan(months[0] * 1.4);
    expect(weekendRatio(s)).toBeGreaterThan(1.17);
    expect(weekendRatio(s)).toBeLessThan(1.37);
    const oil = new Map(generateOil(42).filter((r) => r[1] !== null).map((r) => [r[0] as string, r[1] as number]));
    const both = s.filter(([d]) => oil.has(d));
    expect(Math.abs(corr(both.map(([, v]) => v), both.map(([d]) => oil.get(d)!)))).toBeLessThan(0.2);
  });
});
