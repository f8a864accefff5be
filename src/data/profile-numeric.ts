// Distinct values of a numeric column from its sorted copy, for the profile.
//
// A continuous column of a million rows has about a million distinct values;
// counting them in a Map hashes (and boxes) every float and holds a million
// entries. The profile sorts the values anyway (quartiles, histogram), and
// in sorted order equal values are neighbours: one pass counts them. The top
// values (most frequent, ties by first appearance, as Counter.most_common)
// need the first row of only the few candidates, found by a scan in row order
// that stops as soon as they are known. Value ids per row (for duplicate rows)
// are made only when asked, by binary search in the distinct values.
// Same answers as profile.ts's Map path: -0 and 0 are one value (SameValueZero)
// and the value shown is the one that appeared first.
import type { TopValue } from '../core/outputs.ts';

/** The present values of a column of numbers, or undefined when it holds anything else (the Map path then answers). */
export function presentNumbers(values: ArrayLike<unknown>): { present: Float64Array; missing: number } | undefined {
  const n = values.length;
  const buffer = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v === 'number') {
      if (v === v) buffer[m++] = v;
    } else if (v !== null && v !== undefined) return undefined;
  }
  return { present: buffer.subarray(0, m), missing: n - m };
}

/** Distinct values and counts of `sorted` (ascending, no NaN). */
export function distinctOfSorted(sorted: Float64Array): { distinct: Float64Array; counts: Int32Array } {
  const m = sorted.length;
  const distinct = new Float64Array(m);
  const counts = new Int32Array(m);
  let k = -1;
  for (let i = 0; i < m; i++) {
    const v = sorted[i];
    if (k < 0 || v !== distinct[k]) distinct[++k] = v;
    counts[k]++;
  }
  return { distinct: distinct.slice(0, k + 1), counts: counts.slice(0, k + 1) };
}

/** Index of `v` in the ascending `distinct` (which holds it). */
function indexOf(distinct: Float64Array, v: number): number {
  let lo = 0;
  let hi = distinct.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (distinct[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The `limit` most frequent values, ties by first appearance in `values`. */
export function topOfSorted(values: ArrayLike<unknown>, distinct: Float64Array, counts: Int32Array, limit: number): TopValue[] {
  const k = distinct.length;
  if (k === 0 || limit <= 0) return [];
  // The limit-th largest count: every value above it is in; of those equal to it, the first to appear.
  const sortedCounts = Int32Array.from(counts).sort();
  const threshold = sortedCounts[Math.max(0, k - limit)];
  let above = 0;
  for (let j = 0; j < k; j++) if (counts[j] > threshold) above++;
  let tiesWanted = Math.min(limit, k) - above;
  const firstRow = new Map<number, number>(); // distinct index → first row
  const firstValue = new Map<number, number>();
  let aboveSeen = 0;
  for (let i = 0; i < values.length && (aboveSeen < above || tiesWanted > 0); i++) {
    const v = values[i];
    if (typeof v !== 'number' || v !== v) continue;
    const j = indexOf(distinct, v);
    const c = counts[j];
    if (c < threshold || firstRow.has(j)) continue;
    if (c === threshold) {
      if (tiesWanted === 0) continue;
      tiesWanted--;
    } else aboveSeen++;
    firstRow.set(j, i);
    firstValue.set(j, v);
  }
  return [...firstRow.keys()]
    .sort((a, b) => counts[b] - counts[a] || firstRow.get(a)! - firstRow.get(b)!)
    .map((j) => ({ value: firstValue.get(j)!, count: counts[j] }));
}

/** A value id per row (its index among the distinct values; -1 when missing). */
export function idsOfSorted(values: ArrayLike<unknown>, distinct: Float64Array): Int32Array {
  const n = values.length;
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    ids[i] = typeof v === 'number' && v === v ? indexOf(distinct, v) : -1;
  }
  return ids;
}
