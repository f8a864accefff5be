// Population stability index (PSI): how far the distribution of a feature
// in current data has moved from the reference (training) data.
//
//   PSI = Σ_b (c_b − r_b) · ln(c_b / r_b)
//
// r_b and c_b are the shares of reference and current rows in bin b. Numeric
// bins come from the reference only: edges at its deciles (np.quantile,
// linear), duplicate edges dropped, value x in bin = #edges ≤ x, so the
// outer bins are open-ended and current values outside the reference range
// still count. Categorical "bins" are the categories seen in either sample.
// An empty bin would make the log infinite: shares are floored at EPSILON.
// Rule of thumb: < 0.1 stable, 0.1–0.2 moderate shift, > 0.2 significant.
import { countAtMost, quantileSorted, sortedCopy } from './quantile.ts';
import { CellError } from '../../core/errors.ts';

export const PSI_EPSILON = 1e-4;

export interface PsiResult {
  psi: number;
  /** Bin labels (edges "(a, b]" or categories) in order. */
  bins: string[];
  reference: number[];
  current: number[];
}

/** PSI from two share vectors over the same bins (shares floored at `epsilon`). */
export function psiFromShares(reference: readonly number[], current: readonly number[], epsilon = PSI_EPSILON): number {
  let psi = 0;
  for (let b = 0; b < reference.length; b++) {
    const r = Math.max(reference[b], epsilon);
    const c = Math.max(current[b], epsilon);
    psi += (c - r) * Math.log(c / r);
  }
  return psi;
}

/** Reference quantile edges: the i/bins quantiles for i = 1..bins−1, without duplicates. */
export function quantileEdges(reference: ArrayLike<number>, bins = 10): number[] {
  const sorted = sortedCopy(reference);
  const edges: number[] = [];
  for (let i = 1; i < bins; i++) {
    const e = quantileSorted(sorted, i / bins);
    if (edges.length === 0 || e !== edges[edges.length - 1]) edges.push(e);
  }
  return edges;
}

function shares(values: ArrayLike<number>, edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (let i = 0; i < values.length; i++) counts[countAtMost(edges, values[i])]++;
  return counts.map((c) => c / values.length);
}

/** PSI of a numeric feature with `bins` reference-quantile bins. Missing values must be removed first. */
export function numericPsi(reference: ArrayLike<number>, current: ArrayLike<number>, bins = 10, epsilon = PSI_EPSILON): PsiResult & { edges: number[] } {
  if (reference.length === 0 || current.length === 0) throw CellError.coded('stats.psiEmpty');
  const edges = quantileEdges(reference, bins);
  const r = shares(reference, edges);
  const c = shares(current, edges);
  const labels = r.map((_, b) => `[${b === 0 ? '-∞' : fmt(edges[b - 1])}, ${b === edges.length ? '∞' : fmt(edges[b])})`);
  return { psi: psiFromShares(r, c, epsilon), bins: labels, reference: r, current: c, edges };
}

/** PSI of a categorical feature: one bin per category seen in either sample. */
export function categoricalPsi(reference: readonly string[], current: readonly string[], epsilon = PSI_EPSILON): PsiResult {
  if (reference.length === 0 || current.length === 0) throw CellError.coded('stats.psiEmpty');
  const { categories, counts } = categoryCounts(reference, current);
  const r = counts[0].map((n) => n / reference.length);
  const c = counts[1].map((n) => n / current.length);
  return { psi: psiFromShares(r, c, epsilon), bins: categories, reference: r, current: c };
}

/** Categories of both samples (first seen first) and their counts per sample. */
export function categoryCounts(reference: readonly string[], current: readonly string[]): { categories: string[]; counts: [number[], number[]] } {
  const index = new Map<string, number>();
  for (const v of reference) if (!index.has(v)) index.set(v, index.size);
  for (const v of current) if (!index.has(v)) index.set(v, index.size);
  const counts: [number[], number[]] = [new Array<number>(index.size).fill(0), new Array<number>(index.size).fill(0)];
  for (const v of reference) counts[0][index.get(v)!]++;
  for (const v of current) counts[1][index.get(v)!]++;
  return { categories: [...index.keys()], counts };
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(4);
}
