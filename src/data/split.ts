// Train/validation/test splits as row-index arrays, seeded so that a
// notebook gives the same split on every run and host.
//
// Random: shuffle 0..n-1 (core/random.ts), cut it into parts whose sizes are
// the fractions of n rounded by largest remainder (so they sum to n).
// Stratified: each class is shuffled and cut on its own. A class's count in a
// part is floor(n_c * fraction) or one more, so every class keeps its
// proportion within one row in every part; which classes get the extra row
// is chosen (by largest remainder, then an augmenting-path repair) so that
// part sizes stay within one row of fraction * n.
// Each part lists its rows in their original order.
import { CellError } from '../core/errors.ts';
import { seededRandom, shuffledIndices } from '../core/random.ts';

export const PARTS = ['train', 'validation', 'test'] as const;
export type Part = (typeof PARTS)[number];
export type Fractions = Record<Part, number>;
export type SplitIndices = Record<Part, number[]>;

export function checkFractions(f: Fractions): void {
  for (const p of PARTS) {
    if (!(f[p] >= 0 && f[p] <= 1)) throw CellError.coded('split.fractionRange', { part: p, value: f[p] }, { where: `params.${p}` });
  }
  const sum = f.train + f.validation + f.test;
  if (Math.abs(sum - 1) > 1e-9) {
    throw CellError.coded('split.fractionSum', { sum: +sum.toFixed(6) }, { where: 'params.train' });
  }
  if (f.train <= 0) throw CellError.coded('split.noTrain', {}, { where: 'params.train' });
}

/** Split n into parts proportional to the fractions, by largest remainder (ties favour earlier parts). */
export function partSizes(n: number, f: Fractions): number[] {
  const ideal = PARTS.map((p) => n * f[p]);
  const sizes = ideal.map(Math.floor);
  let left = n - sizes.reduce((a, b) => a + b, 0);
  const order = [0, 1, 2].filter((i) => f[PARTS[i]] > 0).sort((a, b) => ideal[b] - sizes[b] - (ideal[a] - sizes[a]) || a - b);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) sizes[order[k]]++;
  return sizes;
}

function sortedParts(parts: number[][]): SplitIndices {
  const [train, validation, test] = parts.map((p) => p.sort((a, b) => a - b));
  return { train, validation, test };
}

export function randomSplit(n: number, f: Fractions, seed: number): SplitIndices {
  checkFractions(f);
  const order = shuffledIndices(n, seededRandom(seed));
  const sizes = partSizes(n, f);
  const parts: number[][] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(Array.from(order.subarray(at, at + size)));
    at += size;
  }
  return sortedParts(parts);
}

/**
 * Per class and part, how many rows: floor(n_c * f_p) plus 0 or 1, each class
 * summing to n_c and each part to at most ceil(n * f_p). A fractional solution
 * exists (the exact proportions), so an integer one does too (flow
 * integrality); augmenting paths find it.
 */
export function stratifiedCounts(classSizes: readonly number[], f: Fractions): number[][] {
  const n = classSizes.reduce((a, b) => a + b, 0);
  const fr = PARTS.map((p) => f[p]);
  const counts = classSizes.map((nc) => fr.map((x) => Math.floor(nc * x)));
  const extra = classSizes.map((nc, c) => nc - counts[c].reduce((a, b) => a + b, 0));
  const capacity = fr.map((x, p) => Math.ceil(n * x - 1e-9) - counts.reduce((a, row) => a + row[p], 0));
  const plusOne = classSizes.map(() => [false, false, false]);
  const load = [0, 0, 0];
  // Parts a class prefers for its extra rows: largest fractional remainder first.
  const preference = classSizes.map((nc, c) =>
    [0, 1, 2].filter((p) => fr[p] > 0).sort((a, b) => nc * fr[b] - counts[c][b] - (nc * fr[a] - counts[c][a]) || a - b),
  );
  // Try to give class c one more row somewhere, moving other classes' extras if needed.
  const augment = (c: number, visited: boolean[]): boolean => {
    for (const p of preference[c]) {
      if (plusOne[c][p] || visited[p]) continue;
      visited[p] = true;
      if (load[p] < capacity[p]) {
        plusOne[c][p] = true;
        load[p]++;
        return true;
      }
      for (let other = 0; other < classSizes.length; other++) {
        if (other === c || !plusOne[other][p]) continue;
        plusOne[other][p] = false;
        if (augment(other, visited)) {
          plusOne[c][p] = true;
          return true;
        }
        plusOne[other][p] = true;
      }
    }
    return false;
  };
  // One unit per extra row a class needs, in class order.
  const units: number[] = [];
  classSizes.forEach((_, c) => {
    for (let k = 0; k < extra[c]; k++) units.push(c);
  });
  for (const c of units) {
    if (!augment(c, [false, false, false])) {
      // Not reachable by the argument above; fall back to the first part with room rather than lose rows.
      const p = preference[c].find((q) => !plusOne[c][q]) ?? 0;
      counts[c][p]++;
    }
  }
  return counts.map((row, c) => row.map((x, p) => x + (plusOne[c][p] ? 1 : 0)));
}

/** Stratified split by `labels` (one per row; null is its own class). */
export function stratifiedSplit(labels: readonly unknown[], f: Fractions, seed: number): SplitIndices {
  checkFractions(f);
  const groups = new Map<unknown, number[]>();
  labels.forEach((label, i) => {
    const k = label instanceof Date ? label.getTime() : label ?? null;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(i);
  });
  const members = [...groups.values()];
  const counts = stratifiedCounts(
    members.map((g) => g.length),
    f,
  );
  const random = seededRandom(seed);
  const parts: number[][] = [[], [], []];
  members.forEach((rows, c) => {
    const order = shuffledIndices(rows.length, random);
    let at = 0;
    for (let p = 0; p < 3; p++) {
      for (let k = 0; k < counts[c][p]; k++) parts[p].push(rows[order[at++]]);
    }
  });
  return sortedParts(parts);
}

/**
 * Group split (like sklearn GroupShuffleSplit, with three parts): whole
 * groups (sessions, users) go to one part. The distinct groups (null is one)
 * are shuffled with the seed and cut by the fractions of the group count;
 * rows follow their group, so row fractions are only approximate.
 */
export function groupSplit(groups: readonly unknown[], f: Fractions, seed: number): SplitIndices {
  checkFractions(f);
  const members = new Map<unknown, number[]>();
  groups.forEach((g, i) => {
    const k = g instanceof Date ? g.getTime() : g ?? null;
    let rows = members.get(k);
    if (!rows) members.set(k, (rows = []));
    rows.push(i);
  });
  const list = [...members.values()];
  const order = shuffledIndices(list.length, seededRandom(seed));
  const sizes = partSizes(list.length, f);
  const parts: number[][] = [[], [], []];
  let at = 0;
  sizes.forEach((size, p) => {
    for (let k = 0; k < size; k++) parts[p].push(...list[order[at++]]);
  });
  return sortedParts(parts);
}

const DAY_MS = 86_400_000;

function timeOf(v: unknown): number | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.getTime();
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const t = Date.parse(v);
    return Number.isNaN(t) ? null : t;
  }
  return null;
}

/**
 * Time split: rows sorted by time, the earliest for training and the latest
 * for validation, then test. By fractions (of rows, cut points moved forward
 * past equal times so no timestamp straddles two parts) or, with lastDays,
 * the last N days (24 h periods before the latest time) form the last part
 * in use and the N days before them the validation part (when both are used).
 * Rows with a missing time are left out (listed in `dropped`).
 */
export function timeSplit(times: readonly unknown[], f: Fractions, options: { lastDays?: number } = {}): SplitIndices & { dropped: number[] } {
  checkFractions(f);
  const keyed: { row: number; t: number }[] = [];
  const dropped: number[] = [];
  times.forEach((v, row) => {
    const t = timeOf(v);
    if (t === null) dropped.push(row);
    else keyed.push({ row, t });
  });
  keyed.sort((a, b) => a.t - b.t);
  const n = keyed.length;
  const cuts: number[] = [];
  if (options.lastDays !== undefined) {
    if (!(options.lastDays > 0)) throw CellError.coded('split.lastDays', { value: options.lastDays }, { where: 'params.lastDays' });
    const latest = n ? keyed[n - 1].t : 0;
    const held = [f.validation > 0, f.test > 0].filter(Boolean).length;
    // First row at or after each boundary, boundaries counted back from the latest time.
    const firstAfter = (boundary: number) => {
      const i = keyed.findIndex((k) => k.t > boundary);
      return i < 0 ? n : i;
    };
    const span = options.lastDays * DAY_MS;
    const bounds = held === 2 ? [latest - 2 * span, latest - span] : held === 1 ? [latest - span] : [];
    bounds.forEach((b) => cuts.push(firstAfter(b)));
    const sizes = held === 2 ? [cuts[0], cuts[1] - cuts[0], n - cuts[1]] : held === 1 ? (f.validation > 0 ? [cuts[0], n - cuts[0], 0] : [cuts[0], 0, n - cuts[0]]) : [n, 0, 0];
    return assignByOrder(keyed, sizes, dropped);
  }
  const sizes = partSizes(n, f);
  // Move each cut forward past rows with the same time as the row before it.
  let at = 0;
  const adjusted: number[] = [];
  for (let p = 0; p < 2; p++) {
    let cut = Math.max(at, at + sizes[p]);
    while (cut > 0 && cut < n && keyed[cut].t === keyed[cut - 1].t) cut++;
    adjusted.push(cut - at);
    at = cut;
  }
  adjusted.push(n - at);
  return assignByOrder(keyed, adjusted, dropped);
}

function assignByOrder(keyed: readonly { row: number }[], sizes: readonly number[], dropped: number[]): SplitIndices & { dropped: number[] } {
  const parts: number[][] = [[], [], []];
  let at = 0;
  sizes.forEach((size, p) => {
    for (let k = 0; k < size; k++) parts[p].push(keyed[at++].row);
  });
  return { ...sortedParts(parts), dropped };
}

/**
 * Forward-chaining folds like sklearn TimeSeriesSplit(n_splits, test_size,
 * gap, max_train_size) over rows already in time order: fold k trains on
 * everything before its test block (minus `gap` rows), tests on the next
 * test_size rows (default n // (n_splits + 1)).
 */
export function timeSeriesSplit(n: number, nSplits: number, options: { testSize?: number; gap?: number; maxTrainSize?: number } = {}): { train: number[]; test: number[] }[] {
  const folds = nSplits + 1;
  const gap = options.gap ?? 0;
  const testSize = options.testSize ?? Math.floor(n / folds);
  if (!Number.isInteger(nSplits) || nSplits < 2) throw CellError.coded('split.tsFolds', { folds: nSplits }, { where: 'params.folds' });
  if (folds > n) throw CellError.coded('split.tsTooFewRows', { folds: nSplits, rows: n }, { where: 'params.folds' });
  if (n - gap - testSize * nSplits <= 0) throw CellError.coded('split.tsTooMany', { folds: nSplits, rows: n, testSize, gap }, { where: 'params.folds' });
  const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i);
  const out: { train: number[]; test: number[] }[] = [];
  for (let start = n - nSplits * testSize; start < n; start += testSize) {
    const trainEnd = start - gap;
    const trainStart = options.maxTrainSize && options.maxTrainSize < trainEnd ? trainEnd - options.maxTrainSize : 0;
    out.push({ train: range(trainStart, trainEnd), test: range(start, start + testSize) });
  }
  return out;
}
