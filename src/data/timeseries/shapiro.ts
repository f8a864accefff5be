// Shapiro–Wilk normality test like scipy.stats.shapiro (scipy 1.10), which
// runs Royston's algorithm AS R94 (swilk.f) in single precision: the data,
// minus its median, is sorted and cast to float32 and every REAL operation
// rounds to float32. We do the same with Math.fround on each step so that W
// and the p-value match scipy's float32 results (ALNORM is double, as there).
import { CellError } from '../../core/errors.ts';
import { quantileSorted, sortedNumbers } from '../stats.ts';

const f = Math.fround;
const R = (xs: number[]): number[] => xs.map(f);

const C1 = R([0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056]);
const C2 = R([0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633]);
const C3 = R([0.544, -0.39978, 0.025054, -0.0006714]);
const C4 = R([1.3822, -0.77857, 0.062767, -0.0020322]);
const C5 = R([-1.5861, -0.31082, -0.083751, 0.0038915]);
const C6 = R([-0.4803, -0.082676, 0.0030302]);
const G = R([-2.273, 0.459]);
const SMALL = f(1e-19);

/** AS 181.2 POLY in float32: c[0] + x (c[1] + x (c[2] + ...)). */
function poly(c: readonly number[], x: number): number {
  const nord = c.length;
  let result = c[0];
  if (nord === 1) return result;
  let p = f(x * c[nord - 1]);
  for (let j = nord - 2; j >= 1; j--) p = f(f(p + c[j]) * x);
  result = f(result + p);
  return result;
}

/** AS 111 PPND in float32: normal deviate for lower tail area p. */
function ppnd(p: number): number {
  const [a0, a1, a2, a3] = R([2.50662823884, -18.61500062529, 41.39119773534, -25.44106049637]);
  const [b1, b2, b3, b4] = R([-8.4735109309, 23.08336743743, -21.06224101826, 3.13082909833]);
  const [c0, c1, c2, c3] = R([-2.78718931138, -2.29796479134, 4.85014127135, 2.32121276858]);
  const [d1, d2] = R([3.54388924762, 1.63706781897]);
  const q = f(p - 0.5);
  if (Math.abs(q) <= f(0.42)) {
    const r = f(q * q);
    const num = f(f(f(f(f(f(a3 * r) + a2) * r) + a1) * r) + a0);
    const den = f(f(f(f(f(f(f(f(b4 * r) + b3) * r) + b2) * r) + b1) * r) + 1);
    return f(f(q * num) / den);
  }
  let r = q > 0 ? f(1 - p) : p;
  if (r <= 0) return 0;
  r = f(Math.sqrt(f(-f(Math.log(r)))));
  const v = f(f(f(f(f(f(f(c3 * r) + c2) * r) + c1) * r) + c0) / f(f(f(d2 * r) + d1) * r + 1));
  return q < 0 ? -v : v;
}

/** AS 66 ALNORM (double precision): upper tail area of the standard normal beyond x. */
function alnormUpper(x: number): number {
  const A = [0.398942280444, 0.399903438504, 5.75885480458, 29.8213557808, 2.62433121679, 48.6959930692, 5.92885724438];
  const B = [0.398942280385, 3.8052e-8, 1.00000615302, 3.98064794e-4, 1.98615381364, 0.151679116635, 5.29330324926, 4.8385912808, 15.1508972451, 0.742380924027, 30.789933034, 3.99019417011];
  let up = true;
  let z = x;
  if (z < 0) {
    up = false;
    z = -z;
  }
  let result: number;
  if (!(z <= 7 || (up && z <= 38))) result = 0;
  else {
    const y = 0.5 * z * z;
    if (z > 1.28) {
      result = (B[0] * Math.exp(-y)) / (z - B[1] + B[2] / (z + B[3] + B[4] / (z - B[5] + B[6] / (z + B[7] - B[8] / (z + B[9] + B[10] / (z + B[11]))))));
    } else {
      result = 0.5 - z * (A[0] - (A[1] * y) / (y + A[2] - A[3] / (y + A[4] + A[5] / (y + A[6]))));
    }
  }
  return up ? result : 1 - result;
}

export interface ShapiroResult {
  statistic: number;
  pValue: number;
}

export function shapiro(values: readonly number[], where = 'params.value'): ShapiroResult {
  const n = values.length;
  if (n < 3) throw CellError.coded('ts.shapiroFew', { n }, { where });
  const sorted = sortedNumbers(values);
  // scipy subtracts the median (in double) before sorting and casting, to reduce rounding.
  const median = quantileSorted(sorted, 0.5);
  const x = Array.from(sorted, (v) => f(v - median));
  const an = f(n);
  const nn2 = Math.floor(n / 2);
  const a = new Array<number>(nn2).fill(0);
  if (n === 3) a[0] = f(0.70711);
  else {
    const an25 = f(an + f(0.25));
    let summ2 = 0;
    for (let i = 1; i <= nn2; i++) {
      a[i - 1] = ppnd(f(f(f(i) - f(0.375)) / an25));
      summ2 = f(summ2 + f(a[i - 1] * a[i - 1]));
    }
    summ2 = f(summ2 * 2);
    const ssumm2 = f(Math.sqrt(summ2));
    const rsn = f(1 / f(Math.sqrt(an)));
    const a1 = f(poly(C1, rsn) - f(a[0] / ssumm2));
    let i1: number;
    let fac: number;
    if (n > 5) {
      i1 = 3;
      const a2 = f(f(-a[1] / ssumm2) + poly(C2, rsn));
      const num = f(f(summ2 - f(2 * f(a[0] * a[0]))) - f(2 * f(a[1] * a[1])));
      const den = f(f(1 - f(2 * f(a1 * a1))) - f(2 * f(a2 * a2)));
      fac = f(Math.sqrt(f(num / den)));
      a[0] = a1;
      a[1] = a2;
    } else {
      i1 = 2;
      fac = f(Math.sqrt(f(f(summ2 - f(2 * f(a[0] * a[0]))) / f(1 - f(2 * f(a1 * a1))))));
      a[0] = a1;
    }
    for (let i = i1; i <= nn2; i++) a[i - 1] = f(-a[i - 1] / fac);
  }
  const range = f(x[n - 1] - x[0]);
  if (range < SMALL) {
    throw CellError.coded('ts.shapiroConstant', {}, { where });
  }
  // 1-based loops as in swilk.f; sign(1, i - j) * a(min(i, j)) mirrors the coefficients.
  let sx = f(x[0] / range);
  let sa = -a[0];
  let j = n - 1;
  for (let i = 2; i <= n; i++) {
    const xi = f(x[i - 1] / range);
    sx = f(sx + xi);
    if (i !== j) sa = f(sa + Math.sign(i - j) * a[Math.min(i, j) - 1]);
    j--;
  }
  sa = f(sa / an);
  sx = f(sx / an);
  let ssa = 0;
  let ssx = 0;
  let sax = 0;
  j = n;
  for (let i = 1; i <= n; i++) {
    const asa = i !== j ? f(Math.sign(i - j) * a[Math.min(i, j) - 1] - sa) : -sa;
    const xsx = f(f(x[i - 1] / range) - sx);
    ssa = f(ssa + f(asa * asa));
    ssx = f(ssx + f(xsx * xsx));
    sax = f(sax + f(asa * xsx));
    j--;
  }
  const ssassx = f(Math.sqrt(f(ssa * ssx)));
  const w1 = f(f(f(ssassx - sax) * f(ssassx + sax)) / f(ssa * ssx));
  const w = f(1 - w1);
  if (n === 3) {
    const pi6 = f(1.909859);
    const stqr = f(1.047198);
    return { statistic: w, pValue: f(pi6 * f(f(Math.asin(f(Math.sqrt(w)))) - stqr)) };
  }
  let y = f(Math.log(w1));
  const xx = f(Math.log(an));
  let m: number;
  let s: number;
  if (n <= 11) {
    const gamma = poly(G, an);
    if (y >= gamma) return { statistic: w, pValue: SMALL };
    y = f(-f(Math.log(f(gamma - y))));
    m = poly(C3, an);
    s = f(Math.exp(poly(C4, an)));
  } else {
    m = poly(C5, xx);
    s = f(Math.exp(poly(C6, xx)));
  }
  return { statistic: w, pValue: f(alnormUpper(f(f(y - m) / s))) };
}
