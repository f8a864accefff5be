// Column profiles for the EDA cell, computed like pandas' describe():
// count = non-missing values, std is the sample std (ddof = 1), quartiles use
// numpy's linear interpolation. `unique` counts distinct non-missing values
// (pandas nunique).
//
// Top values: the 10 most frequent non-missing values; ties keep the order
// of first appearance in the table (Python's Counter.most_common does the same).
// Warnings also flag date columns out of order and, with a target, columns
// that leak it (see leakageWarnings).
// Histogram (numeric columns): numpy's 'auto' bin rule capped at MAX_BINS
// bins; edges and counts equal numpy.histogram(x, bins=that count).
import type { ColumnTable } from 'arquero';
import * as aq from 'arquero';
import { correlationMatrix } from './features/correlation.ts';
import type { ColumnProfile, ProfileOutput, TopValue } from '../core/outputs.ts';
import { columnType, toScalar } from './preview.ts';
import { sortFloat64 } from './sort-numbers.ts';
import { distinctOfSorted, idsOfSorted, presentNumbers, topOfSorted } from './profile-numeric.ts';
import { autoBinCount, columnValues, histogram, isMissing, mean, quantileSorted, variance } from './stats.ts';

export const TOP_VALUES = 10;

function key(v: unknown): unknown {
  return v instanceof Date ? v.getTime() : v;
}

/**
 * A column's values without copying when the table is neither filtered nor
 * ordered (table.array copies through a per-row callback). Read-only.
 */
function readColumn(table: ColumnTable, name: string): ArrayLike<unknown> {
  if (!table.isFiltered() && !table.isOrdered()) {
    const column = table.column(name) as unknown;
    if (Array.isArray(column) && column.length === table.numRows()) return column as unknown[];
  }
  return columnValues(table, name);
}

/** Distinct non-missing values of a column: an id per row (-1 when missing), counts and first value per id. */
interface Distinct {
  ids: Int32Array;
  counts: number[];
  first: unknown[];
}

function distinctValues(values: ArrayLike<unknown>): Distinct {
  const n = values.length;
  const ids = new Int32Array(n);
  const index = new Map<unknown, number>();
  const counts: number[] = [];
  const first: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined || (typeof v === 'number' && v !== v)) {
      ids[i] = -1;
      continue;
    }
    const k = v instanceof Date ? v.getTime() : v;
    let id = index.get(k);
    if (id === undefined) {
      id = counts.length;
      index.set(k, id);
      counts.push(0);
      first.push(v);
    }
    counts[id]++;
    ids[i] = id;
  }
  return { ids, counts, first };
}

/** The `limit` most frequent ids, ties by first appearance (smaller id); a partial selection, not a full sort. */
function topOf(d: Distinct, limit: number): TopValue[] {
  const best: number[] = [];
  const { counts } = d;
  for (let id = 0; id < counts.length; id++) {
    const c = counts[id];
    if (best.length === limit && c <= counts[best[limit - 1]]) continue;
    let at = best.length === limit ? limit - 1 : best.length;
    while (at > 0 && counts[best[at - 1]] < c) {
      if (at < limit) best[at] = best[at - 1];
      at--;
    }
    best[at] = id;
    if (best.length > limit) best.length = limit;
  }
  return best.map((id) => ({ value: toScalar(d.first[id]), count: counts[id] }));
}

/** Value counts of non-missing values, most frequent first, ties by first appearance. */
export function topValues(values: ArrayLike<unknown>, limit = TOP_VALUES): { top: TopValue[]; unique: number } {
  const d = distinctValues(values);
  return { top: topOf(d, limit), unique: d.counts.length };
}

export function profileColumn(table: ColumnTable, name: string): ColumnProfile {
  return profileWithIds(table, name).profile;
}

/** One column's profile, plus its value ids (for the duplicate-row count; made when first asked). */
function profileWithIds(table: ColumnTable, name: string): { profile: ColumnProfile; ids: () => Int32Array } {
  const values = readColumn(table, name);
  const type = columnType(table, name);
  const numbers = type === 'number' || type === 'integer' ? presentNumbers(values) : undefined;
  if (numbers) return numericProfile(name, type, values, numbers.present, numbers.missing);
  const d = distinctValues(values);
  const n = values.length;
  let missing = 0;
  for (let i = 0; i < n; i++) if (d.ids[i] < 0) missing++;
  const count = n - missing;
  const profile: ColumnProfile = { name, type, count, missing, unique: d.counts.length, top: topOf(d, TOP_VALUES) };
  if ((type === 'number' || type === 'integer') && count > 0) {
    const buffer = new Float64Array(count);
    let m = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (typeof v === 'number' && v === v) buffer[m++] = v;
    }
    // Row order for the sums (as pandas), then sorted in place for quartiles and the histogram.
    const nums = buffer.subarray(0, m);
    profile.mean = mean(nums);
    const sd = Math.sqrt(variance(nums, 1));
    if (Number.isFinite(sd)) profile.std = sd;
    const sorted = sortFloat64(nums);
    profile.min = sorted[0];
    profile.q1 = quantileSorted(sorted, 0.25);
    profile.median = quantileSorted(sorted, 0.5);
    profile.q3 = quantileSorted(sorted, 0.75);
    profile.max = sorted[sorted.length - 1];
    if (Number.isFinite(profile.min) && Number.isFinite(profile.max)) profile.histogram = histogram(sorted, autoBinCount(sorted));
  } else if (type === 'date' && count > 0) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v instanceof Date) {
        const t = v.getTime();
        if (t < lo) lo = t;
        if (t > hi) hi = t;
      }
    }
    profile.min = new Date(lo).toISOString();
    profile.max = new Date(hi).toISOString();
  }
  return { profile, ids: () => d.ids };
}

/** A column of numbers (and missing values): distinct values from the sorted copy (./profile-numeric.ts), no hashing. */
function numericProfile(name: string, type: ColumnProfile['type'], values: ArrayLike<unknown>, nums: Float64Array, missing: number): { profile: ColumnProfile; ids: () => Int32Array } {
  const count = nums.length;
  const profile: ColumnProfile = { name, type, count, missing, unique: 0, top: [] };
  let distinct: Float64Array = new Float64Array(0);
  if (count > 0) {
    // Row order for the sums (as pandas), then sorted in place for quartiles, the histogram and the distinct values.
    profile.mean = mean(nums);
    const sd = Math.sqrt(variance(nums, 1));
    if (Number.isFinite(sd)) profile.std = sd;
    const sorted = sortFloat64(nums);
    const d = distinctOfSorted(sorted);
    distinct = d.distinct;
    profile.unique = distinct.length;
    profile.top = topOfSorted(values, distinct, d.counts, TOP_VALUES).map((t) => ({ value: toScalar(t.value), count: t.count }));
    profile.min = sorted[0];
    profile.q1 = quantileSorted(sorted, 0.25);
    profile.median = quantileSorted(sorted, 0.5);
    profile.q3 = quantileSorted(sorted, 0.75);
    profile.max = sorted[sorted.length - 1];
    if (Number.isFinite(profile.min) && Number.isFinite(profile.max)) profile.histogram = histogram(sorted, autoBinCount(sorted));
  }
  return { profile, ids: () => idsOfSorted(values, distinct) };
}

/** Number of rows equal to an earlier row (pandas: df.duplicated().sum()). */
export function duplicateRows(table: ColumnTable, names = table.columnNames()): number {
  return duplicatesOfIds(names.map((n) => distinctValues(readColumn(table, n)).ids), table.numRows());
}

/** Duplicate rows from per-column value ids: an open-addressing hash set of row numbers, rows compared id by id. */
function duplicatesOfIds(columns: readonly Int32Array[], n: number): number {
  if (columns.length === 0) return Math.max(0, n - 1);
  let size = 1;
  while (size < 2 * n) size <<= 1;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const width = columns.length;
  let dup = 0;
  for (let r = 0; r < n; r++) {
    let h = 0x811c9dc5;
    for (let c = 0; c < width; c++) h = Math.imul(h ^ (columns[c][r] + 1), 0x01000193);
    h ^= h >>> 15;
    let slot = h & mask;
    for (;;) {
      const other = slots[slot];
      if (other < 0) {
        slots[slot] = r;
        break;
      }
      let same = true;
      for (let c = 0; c < width; c++) {
        if (columns[c][r] !== columns[c][other]) {
          same = false;
          break;
        }
      }
      if (same) {
        dup++;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return dup;
}

/** Above this |correlation| with the target a numeric feature is flagged as possible leakage. */
export const LEAKAGE_CORRELATION = 0.95;

/**
 * Warnings about the target: a numeric column with |Pearson r| >= 0.95
 * (pairwise complete rows; a boolean target counts as 0/1), or a text column
 * whose values map one-to-one onto the target's (each category has one
 * target value and each target value one category) — both usually mean the
 * column is computed from the target or recorded after it.
 */
export function leakageWarnings(table: ColumnTable, target: string, names: readonly string[]): string[] {
  return leakageNotes(table, target, names).map((w) => w.en);
}

/** A warning in English and in Korean (the UI shows the Korean when it is Korean: ProfileOutput.warningsKo). */
export interface Bilingual {
  en: string;
  ko: string;
}

function leakageNotes(table: ColumnTable, target: string, names: readonly string[]): Bilingual[] {
  const out: Bilingual[] = [];
  const y = columnValues(table, target).map((v) => (typeof v === 'boolean' ? Number(v) : v));
  const yNumeric = y.every((v) => isMissing(v) || typeof v === 'number');
  for (const name of names) {
    if (name === target) continue;
    const type = columnType(table, name);
    const x = columnValues(table, name);
    if ((type === 'number' || type === 'integer') && yNumeric) {
      const t = aq.table({ x, y });
      const r = correlationMatrix(t, ['x', 'y'], 'pearson')[0][1];
      if (r !== null && Math.abs(r) >= LEAKAGE_CORRELATION) {
        out.push({
          en: `"${name}" is almost perfectly correlated with the target "${target}" (r = ${r.toFixed(3)}): is it leaking the answer?`,
          ko: `"${name}"이(가) 타깃 "${target}"과(와) 거의 완벽하게 상관돼 있어요 (r = ${r.toFixed(3)}): 정답이 새고 있지 않나요?`,
        });
      }
    } else if (type === 'string') {
      const forward = new Map<unknown, unknown>();
      const backward = new Map<unknown, unknown>();
      let oneToOne = true;
      x.forEach((v, i) => {
        const t = y[i];
        if (!oneToOne || isMissing(v) || isMissing(t)) return;
        const k = key(t);
        if ((forward.has(v) && forward.get(v) !== k) || (backward.has(k) && backward.get(k) !== v)) oneToOne = false;
        forward.set(v, k);
        backward.set(k, v);
      });
      if (oneToOne && forward.size > 1) {
        out.push({
          en: `"${name}" maps one-to-one onto the target "${target}": it gives the answer away (leakage).`,
          ko: `"${name}"이(가) 타깃 "${target}"과(와) 일대일로 대응해요: 정답을 알려 주는 셈이에요 (누설).`,
        });
      }
    }
  }
  // A column flagged above is not named twice.
  out.push(...standoutWarnings(table, target, names, y).filter((w) => !out.some((o) => o.en.split('"')[1] === w.en.split('"')[1])));
  return out;
}

/** A numeric column whose AUC alone is at least this … */
export const STANDOUT_AUC = 0.8;
/** … and this much above every other numeric column's is flagged (like the bank calls' duration, known only after the call). */
export const STANDOUT_MARGIN = 0.05;

/** ROC AUC of a score for a binary outcome (Mann–Whitney U, ties counted half), over rows where both are present; null when a class is absent. */
export function singleFeatureAuc(score: readonly unknown[], positive: readonly (boolean | null)[]): number | null {
  const rows: [number, boolean][] = [];
  score.forEach((v, i) => {
    const p = positive[i];
    if (typeof v === 'number' && Number.isFinite(v) && p !== null) rows.push([v, p]);
  });
  rows.sort((a, b) => a[0] - b[0]);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j < rows.length && rows[j][0] === rows[i][0]) j++;
    const rank = (i + j + 1) / 2; // mean of ranks i+1 … j
    for (let k = i; k < j; k++) if (rows[k][1]) {
      pos++;
      rankSum += rank;
    }
    i = j;
  }
  const neg = rows.length - pos;
  if (!pos || !neg) return null;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/**
 * Two-class targets: a numeric column that alone separates the classes much
 * better than every other column (AUC ≥ 0.8 and 0.05 above the next) is
 * often recorded after the outcome (a call's duration decides nothing before
 * the call). A warning, not a verdict: the student decides.
 */
function standoutWarnings(table: ColumnTable, target: string, names: readonly string[], y: readonly unknown[]): Bilingual[] {
  const classes = [...new Set(y.filter((v) => !isMissing(v)).map(key))].sort();
  if (classes.length !== 2) return [];
  const positive = y.map((v) => (isMissing(v) ? null : key(v) === classes[1]));
  const scored: [string, number][] = [];
  for (const name of names) {
    if (name === target) continue;
    const type = columnType(table, name);
    if (type !== 'number' && type !== 'integer') continue;
    const auc = singleFeatureAuc(columnValues(table, name), positive);
    if (auc !== null) scored.push([name, Math.max(auc, 1 - auc)]);
  }
  scored.sort((a, b) => b[1] - a[1]);
  const [best, next] = scored;
  if (!best || best[1] < STANDOUT_AUC || (next && best[1] - next[1] < STANDOUT_MARGIN)) return [];
  const runnerUp = next ? `, next best "${next[0]}" ${next[1].toFixed(3)}` : '';
  const runnerUpKo = next ? `, 그다음은 "${next[0]}" ${next[1].toFixed(3)}` : '';
  return [{
    en: `"${best[0]}" alone separates the target "${target}" far better than any other column (AUC ${best[1].toFixed(3)}${runnerUp}): if it is known only after the outcome, it leaks the answer.`,
    ko: `"${best[0]}" 하나만으로 타깃 "${target}"을(를) 다른 어떤 열보다 훨씬 잘 가려요 (AUC ${best[1].toFixed(3)}${runnerUpKo}): 결과가 나온 뒤에야 알 수 있는 값이라면 정답이 새는 거예요.`,
  }];
}

/** Date columns whose present values are not in increasing order (sort before lags or a time split). */
export function dateOrderWarnings(table: ColumnTable, names: readonly string[]): string[] {
  return dateOrderNotes(table, names).map((w) => w.en);
}

function dateOrderNotes(table: ColumnTable, names: readonly string[]): Bilingual[] {
  const out: Bilingual[] = [];
  for (const name of names) {
    if (columnType(table, name) !== 'date') continue;
    let last = -Infinity;
    let at = -1;
    const values = readColumn(table, name);
    for (let i = 0; i < values.length && at < 0; i++) {
      const v = values[i];
      if (!(v instanceof Date)) continue;
      if (v.getTime() < last) at = i;
      else last = v.getTime();
    }
    if (at >= 0) {
      out.push({
        en: `"${name}" is out of order (row ${at + 1} is earlier than a row above it): sort by it before lag features or a time split.`,
        ko: `"${name}"의 순서가 뒤섞여 있어요 (${at + 1}번째 행이 위의 행보다 이른 날짜예요): 시차 특성이나 시간 분할 전에 이 열로 정렬하세요.`,
      });
    }
  }
  return out;
}

export function profileTable(table: ColumnTable, options: { columns?: string[]; name?: string; title?: string; titleKo?: string; target?: string } = {}): ProfileOutput {
  const names = options.columns && options.columns.length > 0 ? options.columns : table.columnNames();
  const rows = table.numRows();
  const profiled = names.map((n) => profileWithIds(table, n));
  const columns = profiled.map((p) => p.profile);
  const warnings: Bilingual[] = [];
  for (const c of columns) {
    const value = JSON.stringify(c.top[0]?.value);
    if (c.count === 0) warnings.push({ en: `"${c.name}" is entirely missing.`, ko: `"${c.name}"은(는) 값이 모두 비어 있어요.` });
    else if (c.unique === 1) warnings.push({ en: `"${c.name}" is constant (${value} in every non-missing row).`, ko: `"${c.name}"은(는) 상수예요 (비어 있지 않은 모든 행이 ${value}).` });
    if (c.type === 'string' && c.unique > 0.5 * rows && c.unique > 20) {
      warnings.push({
        en: `"${c.name}" has high cardinality: ${c.unique} distinct values in ${rows} rows (an identifier or free text?).`,
        ko: `"${c.name}"은(는) 서로 다른 값이 너무 많아요: ${rows}행에 ${c.unique}가지 (식별자나 자유 텍스트인가요?).`,
      });
    }
  }
  // A column whose every row holds a different value (an id) leaves no duplicate row: no row ids needed.
  const keyed = columns.some((c) => c.missing === 0 && c.unique === rows);
  const dup = keyed && rows > 0 ? 0 : duplicatesOfIds(profiled.map((p) => p.ids()), rows);
  if (dup > 0) warnings.push({ en: `${dup} duplicate row${dup === 1 ? '' : 's'} (identical to an earlier row).`, ko: `중복 행 ${dup}개 (앞의 행과 똑같아요).` });
  warnings.push(...dateOrderNotes(table, names));
  if (options.target) warnings.push(...leakageNotes(table, options.target, names));
  const out: ProfileOutput = { type: 'profile', rowCount: rows, columns, warnings: warnings.map((w) => w.en) };
  if (warnings.length) out.warningsKo = warnings.map((w) => w.ko);
  if (options.name !== undefined) out.name = options.name;
  if (options.title !== undefined) out.title = options.title;
  if (options.titleKo !== undefined) out.titleKo = options.titleKo;
  return out;
}
