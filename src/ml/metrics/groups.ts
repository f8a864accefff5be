// Metrics per group (per prefix length K, per region, ...): the same metric
// function applied to the rows of each group, plus the overall row, so a
// student sees where a model is weak rather than one average.
import type { Scalar } from '../../core/outputs.ts';
import { compareLabels, labelKey, type Label } from './labels.ts';

export interface GroupMetricsRow {
  group: Scalar;
  n: number;
  metrics: Record<string, number>;
}

export interface GroupMetrics {
  /** One row per distinct group, groups in sorted order (numbers numerically). */
  groups: GroupMetricsRow[];
  overall: GroupMetricsRow;
}

/** Row indices of each distinct group value, in sorted group order. */
export function groupRows(groups: readonly Label[]): { group: Label; rows: number[] }[] {
  const byKey = new Map<string, { group: Label; rows: number[] }>();
  groups.forEach((g, i) => {
    const k = labelKey(g);
    let entry = byKey.get(k);
    if (!entry) byKey.set(k, (entry = { group: g, rows: [] }));
    entry.rows.push(i);
  });
  return [...byKey.values()].sort((a, b) => compareLabels(a.group, b.group));
}

/**
 * `compute(rows)` scores the rows given by index (all rows for the overall
 * line). A metric the function leaves out for a group (e.g. ROC-AUC when the
 * group holds one class) stays out of that row.
 */
export function metricsByGroup(groups: readonly Label[], compute: (rows: number[]) => Record<string, number>): GroupMetrics {
  const all = groups.map((_, i) => i);
  return {
    groups: groupRows(groups).map(({ group, rows }) => ({ group, n: rows.length, metrics: compute(rows) })),
    overall: { group: 'overall', n: all.length, metrics: compute(all) },
  };
}

/** Pick rows of an array by index. */
export function pick<T>(values: readonly T[], rows: readonly number[]): T[] {
  return rows.map((i) => values[i]);
}
