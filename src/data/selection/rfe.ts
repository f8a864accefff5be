// Recursive feature elimination (scikit-learn RFE): fit, rank the features
// still in by importance, remove the `step` least important, repeat until
// `keep` remain. The model is passed in as a function, so this file needs
// no ML code. ranking follows sklearn's ranking_: 1 for the kept features,
// 2 for the last ones removed, and so on.
import { checkAborted } from '../../core/errors.ts';

export interface RfeResult {
  ranking: number[];
  keep: boolean[];
  /** Importances from the last fit (of the kept features; others 0). */
  importances: number[];
}

export async function rfe(
  featureCount: number,
  keep: number,
  step: number,
  importances: (features: number[]) => Promise<number[]>,
  signal?: AbortSignal,
  onRound?: (remaining: number) => void,
): Promise<RfeResult> {
  const target = Math.max(1, Math.min(keep, featureCount));
  const stepSize = Math.max(1, Math.floor(step));
  let remaining = Array.from({ length: featureCount }, (_, j) => j);
  const eliminatedAt: number[] = new Array(featureCount).fill(0);
  let round = 0;
  while (remaining.length > target) {
    checkAborted(signal);
    onRound?.(remaining.length);
    const imp = await importances(remaining);
    const count = Math.min(stepSize, remaining.length - target);
    // Least important first; ties remove the later feature first (stable on position).
    const order = remaining.map((f, i) => ({ f, v: imp[i] })).sort((a, b) => a.v - b.v || b.f - a.f);
    const out = new Set(order.slice(0, count).map((o) => o.f));
    round++;
    for (const f of out) eliminatedAt[f] = round;
    remaining = remaining.filter((f) => !out.has(f));
  }
  const last = await importances(remaining);
  const finalImp = new Array<number>(featureCount).fill(0);
  remaining.forEach((f, i) => (finalImp[f] = last[i]));
  const ranking = eliminatedAt.map((r) => (r === 0 ? 1 : round - r + 2));
  return { ranking, keep: ranking.map((r) => r === 1), importances: finalImp };
}
