// Correlation filter: of each pair of features with |Pearson r| above the
// threshold, drop the one less related to the target. Pairs are handled from
// the most correlated down, and a pair whose member was already dropped is
// skipped, so a cluster of near-copies keeps its single most relevant member.
// Relevance to the target: |r| for a numeric target, the correlation ratio η
// (sqrt of between-class over total sum of squares) for a class target.
import { isMissing } from '../stats.ts';
import { pearson } from '../features/correlation.ts';

/** Pearson r, 0 when a column is constant (it then relates to nothing). */
function correlation(x: readonly number[], y: readonly number[]): number {
  return pearson(x, y) ?? 0;
}

/** Correlation ratio η of a numeric x with class labels y. */
export function correlationRatio(x: readonly number[], y: readonly unknown[]): number {
  const n = x.length;
  const sums = new Map<unknown, { s: number; c: number }>();
  let total = 0;
  for (let i = 0; i < n; i++) {
    const g = sums.get(y[i]) ?? { s: 0, c: 0 };
    g.s += x[i];
    g.c++;
    sums.set(y[i], g);
    total += x[i];
  }
  const m = total / n;
  let sst = 0;
  for (const v of x) sst += (v - m) ** 2;
  let ssb = 0;
  for (const g of sums.values()) ssb += g.c * (g.s / g.c - m) ** 2;
  return sst === 0 ? 0 : Math.sqrt(ssb / sst);
}

/** How strongly each feature column relates to the target (|r| or η). */
export function targetRelevance(columns: readonly (readonly number[])[], y: readonly unknown[]): number[] {
  // A numeric target (0/1 included) uses Pearson; strings and booleans use η.
  const numeric = y.every((v) => typeof v === 'number' && !isMissing(v));
  return columns.map((c) => (numeric ? Math.abs(correlation(c, y as number[])) : correlationRatio(c, y)));
}

export interface CorrelationFilterResult {
  /** Relevance to the target per feature. */
  relevance: number[];
  keep: boolean[];
  /** Each dropped feature, the kept one it duplicated and their |r|. */
  dropped: { feature: number; kept: number; r: number }[];
}

export function correlationFilter(columns: readonly (readonly number[])[], y: readonly unknown[], threshold: number): CorrelationFilterResult {
  const k = columns.length;
  const relevance = targetRelevance(columns, y);
  const pairs: { i: number; j: number; r: number }[] = [];
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const r = Math.abs(correlation(columns[i], columns[j]));
      if (r > threshold) pairs.push({ i, j, r });
    }
  }
  pairs.sort((a, b) => b.r - a.r || a.i - b.i || a.j - b.j);
  const keep = new Array<boolean>(k).fill(true);
  const dropped: CorrelationFilterResult['dropped'] = [];
  for (const { i, j, r } of pairs) {
    if (!keep[i] || !keep[j]) continue;
    // Ties keep the earlier column.
    const [win, lose] = relevance[j] > relevance[i] ? [j, i] : [i, j];
    keep[lose] = false;
    dropped.push({ feature: lose, kept: win, r });
  }
  return { relevance, keep, dropped };
}
