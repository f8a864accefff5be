// Univariate feature selection scores, like scikit-learn:
// varianceThreshold (VarianceThreshold: population variance, keep > threshold),
// fClassif (f_classif: one-way ANOVA F per feature, with its p-value) and
// chi2 (chi2: per feature, the chi-square statistic of class-wise sums of a
// non-negative feature against the sums expected from class frequencies).
// Rows are samples, columns features; missing values are not allowed here.
import { CellError } from '../../core/errors.ts';
import { chi2Sf, fSf } from './special.ts';

export { betaInc, chi2Sf, fSf, gammaQ, lnGamma } from './special.ts';

export interface Scores {
  scores: number[];
  pValues: number[];
}

/** Row indices per class, in order of first appearance. */
function classRows(y: readonly unknown[]): number[][] {
  const groups = new Map<unknown, number[]>();
  y.forEach((label, i) => {
    const g = groups.get(label) ?? [];
    g.push(i);
    groups.set(label, g);
  });
  return [...groups.values()];
}

function columnsOf(X: readonly (readonly number[])[]): number[][] {
  const k = X[0]?.length ?? 0;
  return Array.from({ length: k }, (_, j) => X.map((row) => row[j]));
}

export function varianceThreshold(X: readonly (readonly number[])[], threshold = 0): { variances: number[]; support: boolean[] } {
  const variances = columnsOf(X).map((c) => {
    const m = c.reduce((a, b) => a + b, 0) / c.length;
    return c.reduce((a, b) => a + (b - m) ** 2, 0) / c.length;
  });
  return { variances, support: variances.map((v) => v > threshold) };
}

/** sklearn f_oneway arithmetic: sums of squares from raw sums, F = (ssbn / dfbn) / (sswn / dfwn). */
export function fClassif(X: readonly (readonly number[])[], y: readonly unknown[]): Scores {
  const groups = classRows(y);
  const n = y.length;
  const k = groups.length;
  if (k < 2) throw CellError.coded('selection.anovaClasses', {}, { where: 'params.target' });
  const scores: number[] = [];
  const pValues: number[] = [];
  for (const col of columnsOf(X)) {
    let ss = 0;
    let sum = 0;
    for (const v of col) {
      ss += v * v;
      sum += v;
    }
    const sqOfSums = sum * sum;
    const sstot = ss - sqOfSums / n;
    let ssbn = 0;
    for (const g of groups) {
      let s = 0;
      for (const r of g) s += col[r];
      ssbn += (s * s) / g.length;
    }
    ssbn -= sqOfSums / n;
    const sswn = sstot - ssbn;
    const f = ssbn / (k - 1) / (sswn / (n - k));
    scores.push(f);
    pValues.push(fSf(f, k - 1, n - k));
  }
  return { scores, pValues };
}

export function chi2(X: readonly (readonly number[])[], y: readonly unknown[]): Scores {
  if (X.some((row) => row.some((v) => v < 0))) throw CellError.coded('selection.chi2Negative', {}, { where: 'params.columns' });
  const groups = classRows(y);
  const n = y.length;
  const scores: number[] = [];
  const pValues: number[] = [];
  for (const col of columnsOf(X)) {
    const total = col.reduce((a, b) => a + b, 0);
    let stat = 0;
    for (const g of groups) {
      let observed = 0;
      for (const r of g) observed += col[r];
      const expected = (g.length / n) * total;
      stat += (observed - expected) ** 2 / expected;
    }
    scores.push(stat);
    pValues.push(chi2Sf(stat, groups.length - 1));
  }
  return { scores, pValues };
}
