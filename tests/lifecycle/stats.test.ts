import { describe, expect, it } from 'vitest';
import {
  binomialHalfCdf, bootstrapCI, categoricalPsi, chi2Contingency, chi2Sf, gammaP, gammaQ, ks2samp, mcnemar, numericPsi, quantileEdges,
} from '../../src/lifecycle/stats/index.ts';
import { seededRandom } from '../../src/core/random.ts';
import { accuracy, rmse, rocAuc } from '../../src/ml/metrics/index.ts';
import { fixtures, num } from './fixtures.ts';

const close = (actual: number, expected: number, tol = 1e-9) => expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tol);

describe('incomplete gamma and chi-square survival (scipy.special)', () => {
  it('matches gammainc / gammaincc to 1e-12 over a grid of a and x', () => {
    for (const c of fixtures.gamma) {
      close(gammaP(c.a, c.x), c.p, 1e-12);
      close(gammaQ(c.a, c.x), c.q, 1e-12);
    }
  });
  it('chi2 sf edge cases', () => {
    expect(chi2Sf(0, 3)).toBe(1);
    expect(chi2Sf(Infinity, 1)).toBe(0);
    close(chi2Sf(3.841458820694124, 1), 0.05, 1e-12);
  });
});

describe('PSI (numpy reference with the same bin rule)', () => {
  it('matches edges and PSI to 1e-9', () => {
    for (const c of fixtures.psi) {
      const r = numericPsi(c.ref, c.cur, c.bins);
      expect(r.edges.length).toBe(c.edges.length);
      r.edges.forEach((e, i) => close(e, c.edges[i], 1e-12));
      close(r.psi, c.psi);
      close(r.reference.reduce((a, b) => a + b, 0), 1, 1e-12);
    }
  });
  it('is 0 for identical samples and drops duplicate edges', () => {
    expect(numericPsi([1, 2, 3, 4, 5], [1, 2, 3, 4, 5]).psi).toBe(0);
    expect(quantileEdges([0, 0, 0, 0, 0, 0, 0, 0, 1, 2])).toEqual([0, 0.20000000000000018, 1.0999999999999996]) // np.unique(np.quantile(...));
    expect(new Set(quantileEdges([0, 0, 0, 0, 0, 0, 0, 0, 1, 2])).size).toBe(quantileEdges([0, 0, 0, 0, 0, 0, 0, 0, 1, 2]).length);
  });
  it('categorical PSI floors an unseen category at epsilon', () => {
    const r = categoricalPsi(['a', 'a', 'b', 'b'], ['a', 'b', 'c', 'c']);
    expect(r.bins).toEqual(['a', 'b', 'c']);
    const expected = (0.25 - 0.5) * Math.log(0.25 / 0.5) * 2 + (0.5 - 1e-4) * Math.log(0.5 / 1e-4);
    close(r.psi, expected, 1e-12);
  });
});

describe('two-sample KS (scipy.stats.ks_2samp, method auto)', () => {
  it('statistic to 1e-12; exact p-values to 1e-9', () => {
    for (const c of fixtures.ks.filter((k) => !k.tag.startsWith('asymp'))) {
      const r = ks2samp(c.a, c.b);
      expect(r.method, c.tag).toBe('exact');
      close(r.statistic, c.statistic, 1e-12);
      close(r.pvalue, c.pvalue, 1e-9);
    }
  });
  it('large samples: same statistic; asymptotic p-value within 2e-3 of scipy (2e-2 when n·m/(n+m) < 1000)', () => {
    for (const c of fixtures.ks.filter((k) => k.tag.startsWith('asymp'))) {
      const r = ks2samp(c.a, c.b);
      expect(r.method).toBe('asymp');
      close(r.statistic, c.statistic, 1e-12);
      const en = (c.a.length * c.b.length) / (c.a.length + c.b.length);
      close(r.pvalue, c.pvalue, en < 1000 ? 2e-2 : 2e-3);
    }
  });
  it('identical samples give D = 0 and p = 1', () => {
    expect(ks2samp([1, 2, 3], [3, 2, 1])).toEqual({ statistic: 0, pvalue: 1, method: 'exact' });
    expect(() => ks2samp([], [1])).toThrow(/both samples/);
  });
});

describe('chi-square homogeneity (scipy.stats.chi2_contingency)', () => {
  it('statistic, dof, p-value and expected counts to 1e-9 (Yates only for dof 1)', () => {
    for (const c of fixtures.chi2) {
      const r = chi2Contingency(c.table);
      expect(r.dof).toBe(c.dof);
      close(r.statistic, c.statistic);
      close(r.pvalue, c.pvalue);
      r.expected.flat().forEach((e, i) => close(e, c.expected.flat()[i], 1e-9));
    }
  });
  it('refuses an empty column', () => {
    expect(() => chi2Contingency([[1, 0], [2, 0]])).toThrow(/positive total/);
  });
});

describe("McNemar's test (statsmodels mcnemar)", () => {
  it('exact binomial and corrected chi-square to 1e-9', () => {
    for (const c of fixtures.mcnemar) {
      const e = mcnemar(c.table, { exact: true });
      close(e.statistic, num(c.exact.statistic));
      close(e.pvalue, num(c.exact.pvalue));
      const x = mcnemar(c.table, { exact: false, correction: true });
      if (num(c.chi2.statistic) === Infinity) expect(x.statistic).toBe(Infinity);
      else close(x.statistic, num(c.chi2.statistic));
      close(x.pvalue, num(c.chi2.pvalue));
    }
  });
  it('binomial cdf survives large n', () => {
    close(binomialHalfCdf(5000, 10000), 0.503989323069691, 1e-9);
    close(binomialHalfCdf(980, 2000), 0.19158842766761833, 1e-12);
    expect(binomialHalfCdf(0, 2000)).toBe(0); // 2^-2000 underflows, as in scipy
  });
});

describe('bootstrap percentile intervals (sklearn metrics on the same seeded resamples)', () => {
  const b = fixtures.bootstrap;
  it('uses mulberry32 exactly as the Python port', () => {
    const r = seededRandom(42);
    b.mulberry32_seed42.forEach((x) => expect(r()).toBe(x));
  });
  it('accuracy, ROC-AUC (skipping one-class resamples) and RMSE intervals to 1e-9', () => {
    const acc = bootstrapCI(b.y_true.length, (idx) => accuracy([...idx].map((i) => b.y_true[i]), [...idx].map((i) => b.y_pred[i])), { nBoot: 200, seed: 7 });
    close(acc.estimate, b.accuracy.estimate);
    close(acc.low, b.accuracy.low);
    close(acc.high, b.accuracy.high);
    expect(acc.used).toBe(b.accuracy.used);
    const y = b.y_true.slice(0, 12);
    const s = b.score.slice(0, 12);
    const auc = bootstrapCI(12, (idx) => rocAuc([...idx].map((i) => y[i]), [...idx].map((i) => [1 - s[i], s[i]]), [0, 1]), { nBoot: 300, seed: 9 });
    expect(auc.used).toBe(b.roc_auc.used);
    close(auc.estimate, b.roc_auc.estimate);
    close(auc.low, b.roc_auc.low);
    close(auc.high, b.roc_auc.high);
    const half = b.score.map(() => 0.5);
    const err = bootstrapCI(b.score.length, (idx) => rmse([...idx].map((i) => b.score[i]), [...idx].map((i) => half[i])), { nBoot: 150, seed: 1, alpha: 0.1 });
    close(err.low, b.rmse.low);
    close(err.high, b.rmse.high);
  });
});
