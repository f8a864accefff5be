// Cross-validation folds as row-index arrays. They cannot reproduce
// scikit-learn's shuffles (a different RNG), but keep its guarantees:
// K-fold test parts partition the rows with sizes like KFold (the first
// n % k folds one row larger); stratified folds hold each class within one
// row of its share; group folds never put a group on both sides (GroupKFold's
// greedy balancing, largest group first); time folds are TimeSeriesSplit's
// forward-chaining blocks over the rows in time order.
import { CellError } from '../../core/errors.ts';
import { seededRandom, shuffledIndices } from '../../core/random.ts';
import { timeSeriesSplit } from '../../data/split.ts';

export interface Fold {
  train: number[];
  test: number[];
}

function checkFolds(n: number, k: number, what: 'rows' | 'groups' = 'rows'): void {
  if (!Number.isInteger(k) || k < 2) throw CellError.coded('folds.atLeastTwo', { folds: k }, { where: 'params.folds' });
  if (k > n) throw CellError.coded(what === 'groups' ? 'folds.tooFewGroups' : 'folds.tooFewRows', { folds: k, n }, { where: 'params.folds' });
}

/** Folds from a fold number per row: each fold's test part, the rest for training, both in row order. */
export function foldsFromAssignment(assignment: ArrayLike<number>, k: number): Fold[] {
  const folds: Fold[] = Array.from({ length: k }, () => ({ train: [], test: [] }));
  for (let i = 0; i < assignment.length; i++) {
    for (let f = 0; f < k; f++) (assignment[i] === f ? folds[f].test : folds[f].train).push(i);
  }
  return folds;
}

/** KFold(n_splits=k, shuffle=True): shuffled rows cut into k blocks, the first n % k one row larger. */
export function kFold(n: number, k: number, seed: number): Fold[] {
  checkFolds(n, k);
  const order = shuffledIndices(n, seededRandom(seed));
  const assignment = new Int32Array(n);
  let at = 0;
  for (let f = 0; f < k; f++) {
    const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
    for (let j = 0; j < size; j++) assignment[order[at++]] = f;
  }
  return foldsFromAssignment(assignment, k);
}

function keyOf(v: unknown): unknown {
  return v instanceof Date ? v.getTime() : (v ?? null);
}

/** Rows of each distinct value, in first-seen order. */
function members(values: readonly unknown[]): number[][] {
  const map = new Map<unknown, number[]>();
  values.forEach((v, i) => {
    const k = keyOf(v);
    let rows = map.get(k);
    if (!rows) map.set(k, (rows = []));
    rows.push(i);
  });
  return [...map.values()];
}

/**
 * Stratified K-fold: each class shuffled, then all classes dealt one row at
 * a time to folds 0, 1, …, k−1, 0, … continuing across classes, so a class
 * of n_c rows has ⌊n_c/k⌋ or ⌈n_c/k⌉ rows in each fold and fold sizes differ
 * by at most one.
 */
export function stratifiedKFold(labels: readonly unknown[], k: number, seed: number): Fold[] {
  checkFolds(labels.length, k);
  const random = seededRandom(seed);
  const assignment = new Int32Array(labels.length);
  let deal = 0;
  for (const rows of members(labels)) {
    const order = shuffledIndices(rows.length, random);
    for (let j = 0; j < rows.length; j++) assignment[rows[order[j]]] = deal++ % k;
  }
  return foldsFromAssignment(assignment, k);
}

/**
 * Group K-fold like sklearn GroupKFold: groups from largest to smallest, each
 * to the fold with the fewest rows so far (ties: the lower fold). No shuffle;
 * equal-sized groups keep their first-seen order.
 */
export function groupKFold(groups: readonly unknown[], k: number): Fold[] {
  const list = members(groups);
  checkFolds(list.length, k, 'groups');
  const order = list.map((_, g) => g).sort((a, b) => list[b].length - list[a].length || a - b);
  const load = new Array<number>(k).fill(0);
  const assignment = new Int32Array(groups.length);
  for (const g of order) {
    let f = 0;
    for (let j = 1; j < k; j++) if (load[j] < load[f]) f = j;
    load[f] += list[g].length;
    for (const row of list[g]) assignment[row] = f;
  }
  return foldsFromAssignment(assignment, k);
}

function timeValue(v: unknown): number | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.getTime();
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const t = Date.parse(v);
    return Number.isNaN(t) ? null : t;
  }
  return null;
}

/**
 * Forward-chaining folds: rows sorted by `times` (stable, so equal times keep
 * table order; no times means the table is already in time order), then
 * TimeSeriesSplit(n_splits=k) on that order, mapped back to row indices.
 * Every training row is at or before every test row of its fold.
 */
export function timeFolds(n: number, k: number, times?: readonly unknown[]): Fold[] {
  let order = Array.from({ length: n }, (_, i) => i);
  if (times) {
    const t = times.map(timeValue);
    const missing = t.findIndex((v) => v === null);
    if (missing >= 0) throw CellError.coded('folds.badTime', { row: missing + 1 }, { where: 'params.time' });
    order = order.sort((a, b) => (t[a] as number) - (t[b] as number));
  }
  return timeSeriesSplit(n, k).map((fold) => ({ train: fold.train.map((i) => order[i]), test: fold.test.map((i) => order[i]) }));
}
