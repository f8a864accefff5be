// Isolation Forest outlier scores (Liu et al. 2008), with scikit-learn's
// defaults and scoring: 100 trees, each grown on max_samples = min(256, n)
// rows drawn without replacement, to depth ceil(log2(max_samples)); a split
// picks a random feature and a uniform threshold between the node's min and
// max. score = 2^(−E[h(x)] / c(max_samples)), where h adds c(leaf size) at
// a leaf — sklearn's −score_samples. With contamination 'auto' sklearn's
// offset is −0.5, so a row is an outlier when score > 0.5.
// The random draws are this workbench's seeded generator, not numpy's, so
// scores match sklearn's in distribution, not digit for digit.
import { seededRandom, shuffledIndices } from '../../core/random.ts';

const EULER = 0.5772156649015329;

/** Average path length of an unsuccessful search in a binary search tree of n points (sklearn _average_path_length). */
export function averagePathLength(n: number): number {
  if (n <= 1) return 0;
  if (n === 2) return 1;
  return 2 * (Math.log(n - 1) + EULER) - (2 * (n - 1)) / n;
}

type Node = { feature: number; threshold: number; left: Node; right: Node } | { size: number };

function grow(X: readonly Float64Array[], rows: number[], depth: number, limit: number, random: () => number): Node {
  if (depth >= limit || rows.length <= 1) return { size: rows.length };
  const d = X.length;
  // Try features in random order until one is not constant on these rows.
  const start = Math.floor(random() * d);
  for (let t = 0; t < d; t++) {
    const f = (start + t) % d;
    const col = X[f];
    let lo = Infinity;
    let hi = -Infinity;
    for (const r of rows) {
      if (col[r] < lo) lo = col[r];
      if (col[r] > hi) hi = col[r];
    }
    if (!(hi > lo)) continue;
    const threshold = lo + random() * (hi - lo);
    const left: number[] = [];
    const right: number[] = [];
    for (const r of rows) (col[r] < threshold ? left : right).push(r);
    return { feature: f, threshold, left: grow(X, left, depth + 1, limit, random), right: grow(X, right, depth + 1, limit, random) };
  }
  return { size: rows.length };
}

function pathLength(node: Node, X: readonly Float64Array[], i: number): number {
  let depth = 0;
  let n = node;
  while (!('size' in n)) {
    n = X[n.feature][i] < n.threshold ? n.left : n.right;
    depth++;
  }
  return depth + averagePathLength(n.size);
}

export interface IsolationForestOptions {
  trees?: number;
  maxSamples?: number;
  seed?: number;
}

/**
 * Outlier score per row of the given numeric columns (columns[j][i]); rows
 * with a missing value get null. Higher is more anomalous; > 0.5 is an outlier.
 */
export function isolationForestScores(columns: readonly (readonly (number | null)[])[], options: IsolationForestOptions = {}): (number | null)[] {
  const n = columns[0]?.length ?? 0;
  const complete: number[] = [];
  for (let i = 0; i < n; i++) if (columns.every((c) => typeof c[i] === 'number' && Number.isFinite(c[i]))) complete.push(i);
  const X = columns.map((c) => Float64Array.from(complete, (i) => c[i] as number));
  const m = complete.length;
  const out = new Array<number | null>(n).fill(null);
  if (m === 0 || X.length === 0) return out;
  const trees = options.trees ?? 100;
  const sample = Math.min(options.maxSamples ?? 256, m);
  const limit = Math.ceil(Math.log2(Math.max(sample, 2)));
  const random = seededRandom(options.seed ?? 0);
  const depthSum = new Float64Array(m);
  for (let t = 0; t < trees; t++) {
    const rows = Array.from(shuffledIndices(m, random).subarray(0, sample));
    const root = grow(X, rows, 0, limit, random);
    for (let i = 0; i < m; i++) depthSum[i] += pathLength(root, X, i);
  }
  const c = averagePathLength(sample);
  complete.forEach((row, i) => (out[row] = c === 0 ? 0.5 : 2 ** (-(depthSum[i] / trees) / c)));
  return out;
}
