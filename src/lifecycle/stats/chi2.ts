// Chi-square test of homogeneity for a categorical feature in two samples,
// as scipy.stats.chi2_contingency computes it on the 2×k table of counts:
// expected counts from the margins, dof = k − 1, and Yates' continuity
// correction only when dof = 1 (scipy's default correction=True; with
// k > 2 categories no correction applies).
import { chi2Sf } from './gamma.ts';
import { CellError } from '../../core/errors.ts';

export interface Chi2Result {
  statistic: number;
  dof: number;
  pvalue: number;
  expected: number[][];
}

/** chi2_contingency on an r×k table of non-negative counts (every row and column total positive). */
export function chi2Contingency(observed: readonly (readonly number[])[], correction = true): Chi2Result {
  const rows = observed.length;
  const cols = observed[0]?.length ?? 0;
  const rowSums = observed.map((r) => r.reduce((a, b) => a + b, 0));
  const colSums = Array.from({ length: cols }, (_, j) => observed.reduce((a, r) => a + r[j], 0));
  const total = rowSums.reduce((a, b) => a + b, 0);
  if (rowSums.some((s) => s === 0) || colSums.some((s) => s === 0)) {
    throw CellError.coded('stats.chi2Totals');
  }
  const expected = rowSums.map((rs) => colSums.map((cs) => (rs * cs) / total));
  const dof = Math.max(0, (rows - 1) * (cols - 1));
  if (dof === 0) return { statistic: 0, dof, pvalue: 1, expected };
  let statistic = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      let o = observed[i][j];
      const e = expected[i][j];
      if (dof === 1 && correction) {
        // Yates: move each observed count up to 0.5 towards its expected count.
        const diff = e - o;
        o += Math.sign(diff) * Math.min(0.5, Math.abs(diff));
      }
      statistic += ((o - e) * (o - e)) / e;
    }
  }
  return { statistic, dof, pvalue: chi2Sf(statistic, dof), expected };
}
