// Runs the sales-forecast notebook headless and checks its key outputs
// against what the generated kmart-* data supports (seed 42, store 44, lead
// time 2 for every product; training and validation to 2017-02-28, the last
// 59 target days for validation; March 2017 held out as the course's test month).
//
// Backend: WASM, every model (the 1D-CNN convolves with im2col + matMul,
// which WASM differentiates; see src/ml/models/conv1d.ts). No wall-clock
// limit of its own: see vitest.config.ts.
//
// Measured (features incl. the neighbouring stores' visitors and the oil level;
// R² validation / March): P3 dense .839 / .953, LSTM .766 / .929, 1D-CNN
// .693 / .923; baselines weekday mean .836 / .948, last week .721 / .962
// (equal to the pandas rerun, tests/fixtures/make_kmart_baselines.py);
// P12 dense .845 / .960, LSTM .785 / .952, 1D-CNN .717 / .966, weekday mean
// .853 / .942; P42 (14-day windows) dense .560 / .627, LSTM .591 / .502,
// 1D-CNN .537 / .582, last week .246 / .190, weekday mean −4.3 / −1.18 (it
// ignores P42's yearly season); forward-chaining CV (dense) R² .70 ± .18.
// March MAPE of the models: 4–6% (P3, P12), 6% (P42). The whole notebook runs in ~20 s headless on wasm.
// Inventory on March 2017 (LSTM forecast), with the course's own inv_simulator (the first 2 days receive
// their demand, the last 2 are not simulated, forecasts and stock rounded, daily turnover = the mean of each
// day's sales / stock): the smallest zero-loss safety stock is P3 3,569 units (daily average stock 7,111,
// value 56,887, daily turnover 1.159), P12 3,759 (9,008 / 54,049 / 1.174), P42 30 (65.6 / 328.2 / 1.250),
// in the course's range (P3 1.204, P12 1.084, P42 1.235). The generated data's day-to-day noise is what
// sets it: a forecast two days ahead misses by the customers' noise, and with the earlier 7% (units ~15%)
// the same function gave .74–1.00 (docs/decisions.md).
// Ranges (measured minus a margin for tfjs numerics):
// - correlations: P3 and P12 with customers > .9, P42 with oil |r| < .3;
// - P3: every model R² > 0.45 and MAPE < 0.25 on validation; < 0.99 (higher would mean the target leaked);
// - March: every model R² > 0.8 (P42 > 0.3) and < 0.99;
// - CV: 4 folds, mean R² > 0.4;
// - P12: every model R² > 0.4; P42: every model R² > 0.15 and < 0.95;
// - baselines: equal to the pandas rerun (6 decimals); the verdict sentence names the winner;
// - inventory: average stock rises with the safety stock, lost units fall from the first level to the
//   last, and each product has a zero-loss safety stock whose turnover is the course's mean of daily ratios,
//   in the course's range (1.08–1.24, asserted as 1.05–1.35 for tfjs numerics).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runNotebook } from '../helpers/runNotebook.ts';
import { englishOnly } from '../helpers/koreanTitles.ts';
import type { TextOutput } from '../../src/core/outputs.ts';
import { simulateInventory } from '../../src/data/inventory.ts';

type BaselineMetrics = { rmse: number; mae: number; mape: number; r2: number };
/** pandas/scikit-learn reruns of the two baselines on the generated data (tests/fixtures/make_kmart_baselines.py). */
const reference = JSON.parse(readFileSync(new URL('../fixtures/kmart_baselines.json', import.meta.url), 'utf8')) as Record<string, Record<string, BaselineMetrics> & { test_rows: number; valid_rows: number; train_rows: number }>;

/** March 2017 R² of every model (measured .92–.95 for P3, .95–.97 for P12, .50–.63 for P42), minus a margin for tfjs numerics. */
const MARCH_R2 = 0.8;
const MARCH_R2_P42 = 0.3;
/** Daily turnover at the zero-loss safety stock (measured 1.159 / 1.174 / 1.250; the course's 1.084–1.235), with a margin for tfjs numerics. */
const TURNOVER = [1.05, 1.35];

describe('sales-forecast notebook', () => {
  it('runs headless and forecasts in the range the generated data supports', async () => {
    const { kernel, failures, table, metrics, doc } = await runNotebook('sales-forecast.ipynb');
    const states = kernel.cells();
    expect(failures).toEqual([]);
    // Issue 13: a student in the Korean UI reads every output's title, axes, summary and notes in Korean.
    expect(englishOnly(states, doc)).toEqual([]);
    expect(states.filter((s) => s.kind !== 'markdown').every((s) => s.status === 'done')).toBe(true);

    // Correlations from the EDA code cell (its returned table is its last output).
    const corrCell = states.find((s) => s.id === 'code-2')!;
    const corr = corrCell.outputs.find((o) => o.type === 'table') as unknown as { rows: { product: number; with_customers: number; with_oil: number }[] };
    expect(corr.rows[0].with_customers).toBeGreaterThan(0.9);
    expect(corr.rows[1].with_customers).toBeGreaterThan(0.9);
    expect(Math.abs(corr.rows[2].with_oil)).toBeLessThan(0.3);

    // Validation: the same target days for every product-3 model.
    expect(table('p3_valid').numRows()).toBeGreaterThanOrEqual(55);
    expect(table('p3_valid').numRows()).toBeLessThanOrEqual(61);
    for (const name of ['p3_mlp_metrics', 'p3_lstm_metrics', 'p3_cnn_metrics']) {
      const m = metrics(name);
      expect(m.r2, name).toBeGreaterThan(0.45);
      expect(m.mape, name).toBeLessThan(0.25);
      expect(m.r2, name).toBeLessThan(0.99);
    }
    expect(table('p3_lstm_pred').numRows()).toBe(table('p3_valid').numRows());
    const cv = table('p3_cv');
    expect(cv.numRows()).toBe(4);
    const r2 = cv.array('r2') as number[];
    expect(r2.reduce((a, b) => a + b, 0) / r2.length).toBeGreaterThan(0.4);
    // Products 12 and 42: the same three models (42 on 14-day windows).
    for (const kind of ['mlp', 'lstm', 'cnn']) {
      expect(metrics(`p12_${kind}_metrics`).r2, `p12 ${kind}`).toBeGreaterThan(0.4);
      expect(metrics(`p42_${kind}_metrics`).r2, `p42 ${kind}`).toBeGreaterThan(0.15);
      expect(metrics(`p42_${kind}_metrics`).r2, `p42 ${kind}`).toBeLessThan(0.95);
    }
    expect(table('p42_lstm_pred').numRows()).toBe(table('p42_valid').numRows());

    // Residual tests ran.
    expect(kernel.getValue('p3_resid_ts')?.type).toBe('object');

    // March 2017, the course's business test month: 31 target days, every model scored there.
    for (const id of [3, 12, 42]) {
      const test = table(`p${id}_test`);
      expect(test.numRows(), `p${id}_test`).toBe(reference[id].test_rows);
      expect(test.get('target_day', 0)).toBe('2017-03-01');
      expect(test.get('target_day', test.numRows() - 1)).toBe('2017-03-31');
      expect(table(`p${id}_train`).numRows(), `p${id}_train`).toBe(reference[id].train_rows);
      expect(table(`p${id}_valid`).numRows(), `p${id}_valid`).toBe(reference[id].valid_rows);
      for (const kind of ['mlp', 'lstm', 'cnn']) {
        const m = metrics(`p${id}_${kind}_test_metrics`);
        expect(m.r2, `p${id} ${kind} March`).toBeGreaterThan(id === 42 ? MARCH_R2_P42 : MARCH_R2);
        expect(m.r2, `p${id} ${kind} March`).toBeLessThan(0.99);
      }
    }

    // The baselines, on the same days as the models, equal the pandas rerun; and the table prints them beside the models.
    for (const id of [3, 12, 42]) {
      for (const [name, ref] of [['weekday', 'weekday_valid'], ['lastweek', 'lastweek_valid'], ['weekday_test', 'weekday_test'], ['lastweek_test', 'lastweek_test']] as const) {
        const m = metrics(`p${id}_${name}_metrics`);
        for (const key of ['rmse', 'mae', 'mape', 'r2'] as const) expect(m[key], `p${id} ${name} ${key}`).toBeCloseTo(reference[id][ref][key], 6);
      }
      const scores = table(`p${id}_scores`).objects() as { model: string; val_r2: number; mar_r2: number }[];
      expect(scores.map((r) => r.model)).toEqual(['baseline: weekday mean', 'baseline: last week', 'Dense (MLP)', 'LSTM', '1D-CNN']);
      for (const r of scores) {
        expect(Number.isFinite(r.val_r2), `${id} ${r.model}`).toBe(true);
        expect(Number.isFinite(r.mar_r2), `${id} ${r.model}`).toBe(true);
      }
    }
    // Where a baseline wins (product 3's March, product 12's validation days), the notebook says so.
    // (The verdicts are the code cells' text outputs, in product order: 3, 12, 42.)
    const verdicts = kernel.cells().flatMap((c) => c.outputs).filter((o): o is TextOutput => o.type === 'text' && o.text.startsWith('Validation: ')).map((o) => o.text);
    expect(verdicts).toHaveLength(3);
    [3, 12, 42].forEach((id, i) => {
      const rows = table(`p${id}_scores`).objects() as { val_r2: number; mar_r2: number }[];
      const baseWins = (key: 'val_r2' | 'mar_r2') => Math.max(rows[0][key], rows[1][key]) >= Math.max(...rows.slice(2).map((r) => r[key]));
      expect(verdicts[i].startsWith(baseWins('val_r2') ? 'Validation: a baseline wins' : 'Validation: the best model'), verdicts[i]).toBe(true);
      expect(verdicts[i].includes(baseWins('mar_r2') ? 'March 2017: a baseline wins' : 'March 2017: the best model'), verdicts[i]).toBe(true);
    });

    // Inventory on March 2017 (lead time 2): the grid holds more stock at each higher level, lost sales fall from
    // the first level to the last, and each product has a smallest zero-loss safety stock, shown as the course shows it.
    const lead = table('products').objects() as { Product_ID: number; LeadTime: number; Price: number }[];
    for (const id of [3, 12, 42]) {
      const product = lead.find((p) => p.Product_ID === id)!;
      expect(product.LeadTime).toBe(2);
      const name = `p${id}_inventory`;
      const rows = table(name).objects() as { safety_stock: number; lost_units: number; avg_stock: number; stock_value: number }[];
      expect(rows.length, name).toBe(8);
      for (let i = 1; i < rows.length; i++) expect(rows[i].avg_stock, name).toBeGreaterThan(rows[i - 1].avg_stock);
      expect(rows[rows.length - 1].lost_units, name).toBeLessThan(rows[0].lost_units);
      expect(rows[0].stock_value).toBeCloseTo(rows[0].avg_stock * product.Price);
      const zero = table(`p${id}_zero_loss`).objects() as { safety_stock: number; price: number; daily_avg_stock: number; daily_avg_value: number; daily_turnover: number; lost_units: number }[];
      expect(zero, `p${id}_zero_loss`).toHaveLength(1);
      const z = zero[0];
      expect(z.lost_units).toBe(0);
      expect(z.price).toBe(product.Price);
      expect(z.safety_stock).toBeGreaterThan(0);
      expect(z.daily_avg_value).toBeCloseTo(z.daily_avg_stock * product.Price, 0);
      // The course's daily turnover: each simulated day's sales over that day's stock, averaged; with no lost
      // sales every day sells its demand. The ledger of the 29 simulated days (the last 2 of 31 have no order).
      const pred = table(`p${id}_lstm_test_pred`);
      const days = simulateInventory(pred.array('truth') as number[], pred.array('prediction') as number[], { leadTime: 2, safetyStock: z.safety_stock });
      expect(days).toHaveLength(29);
      const daily = days.map((d) => d.actual / ((d.base + d.close) / 2));
      expect(z.daily_turnover).toBeCloseTo(daily.reduce((a, b) => a + b, 0) / daily.length, 3);
      expect(z.daily_turnover, `p${id} turnover`).toBeGreaterThan(TURNOVER[0]);
      expect(z.daily_turnover, `p${id} turnover`).toBeLessThan(TURNOVER[1]);
    }
    expect(table('product_summary').numRows()).toBe(3);
    kernel.dispose();
  });
});
