// Runs the sales-forecast notebook headless and checks its key outputs
// against what the generated kmart-* data supports (seed 42, store 44,
// training period to 2017-02-28, the last 59 target days for validation).
//
// Backend: WASM, every model (the 1D-CNN convolves with im2col + matMul,
// which WASM differentiates; see src/ml/models/conv1d.ts). No wall-clock
// limit of its own: see vitest.config.ts.
//
// Measured: correlation with customers .949 (P3), .976 (P12), .16 (P42);
// P3 dense RMSE 1855 / MAE 1059 / MAPE .151 / R² .670; LSTM R² .634; 1D-CNN
// R² .625; forward-chaining CV (dense) R² .64 ± .21; P12 dense / LSTM /
// 1D-CNN R² .598 / .586 / .674; P42 (14-day windows) .392 / .438 / .463 (10%
// noise, ~68 a day); the whole notebook 45 s on 2 shared cores (87 s
// before the 1D-CNN left the cpu backend); P3 inventory: the smallest safety
// stock with no lost sales is 150% of mean demand; products 12 and 42 lose
// sales at every level (the course's order rule ignores the days before an
// order arrives, which matters with a lead time of 3).
// Ranges (measured minus a margin for tfjs numerics):
// - correlations: P3 and P12 with customers > .9, P42 with oil |r| < .3;
// - P3: every model R² > 0.45 and MAPE < 0.25; LSTM R² < 0.95 (higher would mean the target leaked);
// - CV: 4 folds, mean R² > 0.4;
// - P12: every model R² > 0.4; P42: every model R² > 0.15 and < 0.95;
// - inventory: average stock rises with the safety stock; lost units fall from the first level to the
//   last (for P3, lead time 2, never rise at all), and for P3 some level up to 150% loses nothing.
import { describe, expect, it } from 'vitest';
import { runNotebook } from '../helpers/runNotebook.ts';

describe('sales-forecast notebook', () => {
  it('runs headless and forecasts in the range the generated data supports', async () => {
    const { kernel, failures, table, metrics } = await runNotebook('sales-forecast.ipynb');
    const states = kernel.cells();
    expect(failures).toEqual([]);
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
      expect(m.r2, name).toBeLessThan(0.95);
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
    expect(table('p12_scores').numRows()).toBe(3);

    // Residual tests ran.
    expect(kernel.getValue('p3_resid_ts')?.type).toBe('object');

    // Inventory: more safety stock, no more lost sales and more stock held.
    for (const name of ['p3_inventory', 'p12_inventory', 'p42_inventory']) {
      const rows = table(name).objects() as { safety_stock: number; lost_units: number; avg_stock: number; stock_value: number }[];
      expect(rows.length, name).toBe(8);
      for (let i = 1; i < rows.length; i++) {
        // With lead time 2 (product 3) lost units fall monotonically; with 3 the course's order
        // rule (today's close only) can lose a little more at a higher level, so only the trend is checked.
        if (name === 'p3_inventory') expect(rows[i].lost_units, name).toBeLessThanOrEqual(rows[i - 1].lost_units + 1);
        expect(rows[i].avg_stock, name).toBeGreaterThan(rows[i - 1].avg_stock);
      }
      expect(rows[rows.length - 1].lost_units, name).toBeLessThan(rows[0].lost_units);
    }
    const p3 = table('p3_inventory').objects() as { safety_stock: number; lost_units: number; stock_value: number; avg_stock: number }[];
    expect(p3.some((r) => r.lost_units < 1e-6)).toBe(true);
    expect(p3[0].stock_value).toBeCloseTo(p3[0].avg_stock * 8);
    kernel.dispose();
  });
});
