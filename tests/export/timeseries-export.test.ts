// The time-series cell exported to Python (statsmodels and scipy) reaches the
// workbench's statistics: the decomposition, ACF and PACF values, the ADF
// statistic, p-value, lag and n, and Shapiro-Wilk's W and p, to 1e-9
// relative (the workbench reproduces statsmodels 0.13 and scipy 1.10, see
// tests/data/timeseries.test.ts), on one group's rows out of order with
// missing values, as is and resampled per week (sum) and per month (mean).
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { timeseriesCell, timeseriesSchema, type TimeseriesResults } from '../../src/cells/timeseries.ts';
import { seededRandom } from '../../src/core/random.ts';
import type { NotebookDoc } from '../../src/notebook/model.ts';
import { testContext } from '../helpers/context.ts';
import { pythonMissing, runExported, typedCell } from './helpers.ts';

const missing = pythonMissing(['numpy', 'pandas', 'scipy', 'statsmodels']);
const TOLERANCE = 1e-9;

function close(py: readonly (number | null)[], wb: readonly (number | null)[], label: string) {
  expect(py, label).toHaveLength(wb.length);
  wb.forEach((b, i) => {
    if (b === null) expect(py[i], `${label}[${i}]`).toBeNull();
    else expect(Math.abs(Number(py[i]) - b), `${label}[${i}]: workbench ${b}, python ${py[i]}`).toBeLessThanOrEqual(TOLERANCE * Math.max(1, Math.abs(b)));
  });
}

/** Two stores' daily sales over 400 days (a trend, a weekly cycle, noise), rows shuffled, a few values missing. */
function sales() {
  const r = seededRandom(11);
  const rows: { date: Date; store: string; qty: number | null }[] = [];
  for (const store of ['A', 'B']) {
    for (let d = 0; d < 400; d++) {
      const qty = 50 + d * 0.05 + 12 * Math.sin((2 * Math.PI * d) / 7) + (store === 'B' ? 30 : 0) + (r() - 0.5) * 10;
      rows.push({ date: new Date(Date.UTC(2023, 0, 1) + d * 86_400_000), store, qty: r() < 0.01 ? null : Math.round(qty * 100) / 100 });
    }
  }
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows;
}

const configs = [
  { name: 'daily, store A', params: { analyses: ['decompose', 'acf', 'pacf', 'adf', 'shapiro'], period: 7, lags: 28 } },
  { name: 'weekly sums, multiplicative', params: { analyses: ['decompose', 'acf', 'adf', 'shapiro'], resample: 'week', aggregate: 'sum', period: 4, model: 'multiplicative', lags: 10 } },
  { name: 'monthly means, no decomposition', params: { analyses: ['acf', 'pacf', 'shapiro'], resample: 'month', aggregate: 'mean', lags: 12 } },
];

describe.skipIf(missing !== undefined)(`time series exported to Python matches the workbench${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it.each(configs)('$name', async ({ params: extra }) => {
    const rows = sales();
    const csv = ['date,store,qty', ...rows.map((x) => `${x.date.toISOString().slice(0, 10)},${x.store},${x.qty ?? ''}`)].join('\n');
    const params = timeseriesSchema.parse({ input: 'sales', time: 'date', value: 'qty', group: { column: 'store', value: 'A' }, output: 'ts', ...extra });
    const doc = {
      title: 'Time series export',
      cells: [
        typedCell('load-1', 'load', { source: { type: 'file', fileId: 'sales.csv', fileName: 'sales.csv' }, output: 'sales' }),
        typedCell('ts-1', 'timeseries', params),
      ],
    } as unknown as NotebookDoc;
    const { reported, exported } = runExported(doc, { 'sales.csv': csv });
    expect(exported.todos).toEqual([]);
    const ctx = testContext({ sales: { type: 'table', table: aq.from(rows) } });
    await timeseriesCell.run(params, ctx);
    const wb = (ctx.values.get('ts') as { type: 'object'; value: TimeseriesResults }).value;
    const got = (what: string) => {
      expect(reported.has(`ts-1 ${what}`), `python reported ${what}`).toBe(true);
      return reported.get(`ts-1 ${what}`);
    };
    if (wb.decomposition) {
      const d = got('decomposition') as Record<string, (number | null)[]>;
      close(d.trend, wb.decomposition.trend, 'trend');
      close(d.seasonal, wb.decomposition.seasonal, 'seasonal');
      close(d.resid, wb.decomposition.resid, 'resid');
    }
    if (wb.acf) close(got('acf') as number[], wb.acf.values, 'acf');
    if (wb.pacf) close(got('pacf') as number[], wb.pacf.values, 'pacf');
    if (wb.adf) {
      const a = got('adf') as { statistic: number; p_value: number; used_lag: number; nobs: number };
      close([a.statistic, a.p_value], [wb.adf.statistic, wb.adf.pValue], 'ADF statistic, p');
      expect([a.used_lag, a.nobs], 'ADF lag and n').toEqual([wb.adf.usedLag, wb.adf.nobs]);
    }
    if (wb.shapiro) {
      const s = got('shapiro') as { statistic: number; p_value: number };
      close([s.statistic, s.p_value], [wb.shapiro.statistic, wb.shapiro.pValue], 'Shapiro-Wilk W, p');
    }
  });
});
