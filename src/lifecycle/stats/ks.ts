// Two-sample Kolmogorov–Smirnov test, two-sided, following
// scipy.stats.ks_2samp(method='auto') in scipy 1.10:
// - statistic D = max |F1(x) − F2(x)| over the pooled values (ties handled
//   by counting values ≤ x, like np.searchsorted(side='right'));
// - exact p-value when both samples have at most 10 000 values: Hodges'
//   lattice-path recursion (equal sizes: the closed alternating sum;
//   unequal: the "inside" method in Viehmann's 1 − p form), as scipy does;
// - otherwise an asymptotic p-value. scipy uses the exact one-sample
//   Kolmogorov distribution kstwo.sf(D, round(n·m/(n+m))); we use the
//   Kolmogorov limit with Stephens' small-sample correction, which agrees
//   with scipy to about 1e-3 absolute at those sizes (see docs/lifecycle.md).
import { countAtMost, sortedCopy } from './quantile.ts';
import { CellError } from '../../core/errors.ts';

export const KS_MAX_EXACT_N = 10_000;

export interface KsResult {
  statistic: number;
  pvalue: number;
  method: 'exact' | 'asymp';
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Pr(D_{n,n} ≥ h/n): scipy's Horner-like alternating sum (_compute_prob_outside_square). */
export function probOutsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    p = p1 * (1 - p);
  }
  return 2 * p;
}

/**
 * Share of lattice paths (0,0)→(m,n) that leave the band |x/m − y/n| < h/lcm
 * (scipy's _compute_outer_prob_inside_method): one sliding column, values
 * kept as probabilities so nothing overflows.
 */
export function probOutsideInside(m0: number, n0: number, g: number, h: number): number {
  const m = Math.max(m0, n0);
  const n = Math.min(m0, n0);
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(lenA).fill(1);
  A.fill(0, minj, maxj);
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = (A[jj + minj - lastminj] * i + val * j) / (i + j);
      A[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) A.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
  }
  return A[maxj - minj - 1];
}

/** Kolmogorov's limiting survival function Σ 2(−1)^{k−1} e^{−2k²z²}. */
export function kolmogorovSf(z: number): number {
  if (z <= 0) return 1;
  if (z < 0.2) return 1; // the series converges slowly here and the value is 1 to 1e-16 anyway
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = 2 * (k % 2 === 1 ? 1 : -1) * Math.exp(-2 * k * k * z * z);
    sum += term;
    if (Math.abs(term) < 1e-17) break;
  }
  return Math.min(1, Math.max(0, sum));
}

/** The two-sided statistic D on sorted samples, computed as scipy does (values ≤ x over the pooled sample). */
export function ksStatistic(a: Float64Array, b: Float64Array): number {
  const n1 = a.length;
  const n2 = b.length;
  let maxS = -Infinity;
  let minS = Infinity;
  const visit = (x: number) => {
    const diff = countAtMost(a, x) / n1 - countAtMost(b, x) / n2;
    if (diff > maxS) maxS = diff;
    if (diff < minS) minS = diff;
  };
  for (let i = 0; i < n1; i++) visit(a[i]);
  for (let i = 0; i < n2; i++) visit(b[i]);
  return Math.max(maxS, Math.min(Math.max(-minS, 0), 1));
}

/** Two-sided two-sample KS test (scipy.stats.ks_2samp, method='auto'). Missing values must be removed first. */
export function ks2samp(sample1: ArrayLike<number>, sample2: ArrayLike<number>): KsResult {
  const a = sortedCopy(sample1);
  const b = sortedCopy(sample2);
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) throw CellError.coded('stats.ksEmpty');
  let d = ksStatistic(a, b);
  if (Math.max(n1, n2) <= KS_MAX_EXACT_N) {
    const g = gcd(n1, n2);
    const lcm = (n1 / g) * n2;
    const h = Math.round(d * lcm);
    d = h / lcm;
    if (h === 0) return { statistic: d, pvalue: 1, method: 'exact' };
    const p = n1 === n2 ? probOutsideSquare(n1, h) : probOutsideInside(n1, n2, g, h);
    if (p >= 0 && p <= 1) return { statistic: d, pvalue: p, method: 'exact' };
  }
  const en = Math.round((n1 * n2) / (n1 + n2));
  const root = Math.sqrt(en);
  return { statistic: d, pvalue: kolmogorovSf((root + 0.12 + 0.11 / root) * d), method: 'asymp' };
}
