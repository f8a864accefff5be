// Label handling shared by the classification metrics: scikit-learn's
// unique_labels() order (numbers numerically, strings by code point), so
// confusion-matrix rows and macro averages line up with scikit-learn.
import type { Scalar } from '../../core/outputs.ts';

export type Label = Scalar;

/** Sorted distinct labels, like sklearn.utils.multiclass.unique_labels. */
export function sortedLabels(...arrays: readonly Label[][]): Label[] {
  const seen = new Map<string, Label>();
  for (const arr of arrays) for (const v of arr) seen.set(labelKey(v), v);
  return [...seen.values()].sort(compareLabels);
}

/** Numbers (and booleans, as numpy does) before strings; null last. */
export function compareLabels(a: Label, b: Label): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return Number(a) - Number(b);
  if (ra === 1) {
    // Code-point order like numpy's string sort, not localeCompare.
    const sa = String(a);
    const sb = String(b);
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  }
  return 0;
}

function rank(v: Label): number {
  if (typeof v === 'number' || typeof v === 'boolean') return 0;
  if (typeof v === 'string') return 1;
  return 2;
}

/** A Map key that keeps 1 and "1" apart. */
export function labelKey(v: Label): string {
  return typeof v === 'string' ? `s:${v}` : `${typeof v}:${String(v)}`;
}

/** Index of each value in `labels`; throws if one is missing. */
export function indexLabels(values: readonly Label[], labels: readonly Label[]): Int32Array {
  const index = new Map<string, number>();
  labels.forEach((l, i) => index.set(labelKey(l), i));
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const k = index.get(labelKey(values[i]));
    if (k === undefined) throw new Error(`Label ${String(values[i])} is not one of ${labels.map(String).join(', ')}.`);
    out[i] = k;
  }
  return out;
}

export function checkSameLength(a: { length: number }, b: { length: number }, what = 'y_true and y_pred'): void {
  if (a.length !== b.length) throw new Error(`${what} have different lengths (${a.length} vs ${b.length}).`);
  if (a.length === 0) throw new Error(`${what} are empty.`);
}
