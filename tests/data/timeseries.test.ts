import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { acf, adfuller, mackinnonCrit, mackinnonP, normCdf, normPpf, pacf, seasonalDecompose, shapiro } from '../../src/data/timeseries/index.ts';
import { CellError } from '../../src/core/errors.ts';

interface Band { nlags: number; lower: number[]; upper: number[] }
const fx = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/ts_stats.json', import.meta.url)), 'utf8')) as {
  series: Record<string, number[]>;
  acf: Record<string, Band & { acf: number[] }>;
  pacf: Record<string, Band & { pacf: number[] }>;
  decompose: { series: string; period: number; model: 'additive' | 'multiplicative'; trend: (number | null)[]; seasonal: number[]; resid: (number | null)[] }[];
  adf: Record<string, { stat: number; pvalue: number; usedlag: number; nobs: number; crit: Record<'1%' | '5%' | '10%', number>; icbest: number }>;
  shapiro: { name: string; x: number[]; w: number; p: number }[];
  mackinnon: { stat: number; p: number }[];
  crit: { nobs: number; crit: number[] }[];
};

/** |a - b| <= tol * max(1, |b|), element-wise, nulls must match. */
function close(actual: readonly (number | null)[], expected: readonly (number | null)[], tol: number, label: string): void {
  expect(actual, label).toHaveLength(expected.length);
  expected.forEach((b, i) => {
    const a = actual[i];
    if (b === null) expect(a, `${label}[${i}]`).toBeNull();
    else expect(Math.abs((a as number) - b), `${label}[${i}]: ${String(a)} vs ${b}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));
  });
}

describe('normal distribution', () => {
  it('cdf and ppf match scipy values', () => {
    expect(normCdf(0)).toBe(0.5);
    close([normCdf(-1.959963984540054), normCdf(1), normCdf(-5), normCdf(-8.5)], [0.025, 0.8413447460685429, 2.866515718791933e-7, 9.47953482220325e-18], 1e-13, 'cdf');
    expect(Math.abs(normCdf(-8.5) / 9.47953482220325e-18 - 1)).toBeLessThan(1e-12);
    close([normPpf(0.975), normPpf(0.005), normPpf(0.5)], [1.959963984540054, -2.575829303548901, 0], 1e-13, 'ppf');
  });
});

describe('acf / pacf match statsmodels', () => {
  for (const name of Object.keys(fx.acf)) {
    it(name, () => {
      const x = fx.series[name];
      const a = fx.acf[name];
      const r = acf(x, a.nlags);
      close(r.values, a.acf, 1e-9, 'acf');
      close(r.lower, a.lower, 1e-9, 'acf lower');
      close(r.upper, a.upper, 1e-9, 'acf upper');
      const p = fx.pacf[name];
      const q = pacf(x, p.nlags);
      close(q.values, p.pacf, 1e-9, 'pacf');
      close(q.lower, p.lower, 1e-9, 'pacf lower');
      close(q.upper, p.upper, 1e-9, 'pacf upper');
    });
  }
});

describe('seasonal_decompose', () => {
  for (const d of fx.decompose) {
    it(`${d.series} period ${d.period} ${d.model}`, () => {
      const r = seasonalDecompose(fx.series[d.series], d.period, d.model);
      // scipy.signal.convolve may use an FFT, so the trend agrees to ~1e-12, not bit for bit.
      close(r.trend, d.trend, 1e-9, 'trend');
      close(r.seasonal, d.seasonal, 1e-9, 'seasonal');
      close(r.resid, d.resid, 1e-9, 'resid');
      expect(r.trend.filter((v) => v === null)).toHaveLength(2 * Math.floor(d.period / 2));
    });
  }
  it('refuses short series and non-positive multiplicative data', () => {
    expect(() => seasonalDecompose([1, 2, 3, 4, 5], 7)).toThrow(CellError);
    expect(() => seasonalDecompose([1, 2, 0, 4, 5, 6, 7, 8], 2, 'multiplicative')).toThrow(/above 0/);
  });
});

describe('adfuller (autolag AIC, regression c)', () => {
  for (const name of Object.keys(fx.adf)) {
    it(name, () => {
      const e = fx.adf[name];
      const r = adfuller(fx.series[name]);
      expect(r.usedLag).toBe(e.usedlag);
      expect(r.nobs).toBe(e.nobs);
      // QR least squares vs statsmodels' pinv: same estimator, rounding differs at ~1e-12.
      close([r.statistic, r.icBest], [e.stat, e.icbest], 1e-9, 'stat, aic');
      close([r.pValue], [e.pvalue], 1e-9, 'p');
      close([r.critical['1%'], r.critical['5%'], r.critical['10%']], [e.crit['1%'], e.crit['5%'], e.crit['10%']], 1e-12, 'crit');
    });
  }
  it('mackinnonp and mackinnoncrit', () => {
    for (const m of fx.mackinnon) close([mackinnonP(m.stat)], [m.p], 1e-12, `p(${m.stat})`);
    for (const c of fx.crit) close(mackinnonCrit(c.nobs), c.crit, 1e-12, `crit(${c.nobs})`);
  });
});

describe('shapiro (AS R94 in float32, like scipy)', () => {
  for (const s of fx.shapiro) {
    it(`${s.name} (n=${s.x.length})`, () => {
      const r = shapiro(s.x);
      // scipy returns float32 values; our float32 emulation should reproduce them exactly.
      expect(r.statistic, 'W').toBe(s.w);
      expect(r.pValue, 'p').toBe(s.p);
    });
  }
  it('refuses constant data and n < 3', () => {
    expect(() => shapiro([2, 2, 2, 2])).toThrow(CellError);
    expect(() => shapiro([1, 2])).toThrow(CellError);
  });
});
