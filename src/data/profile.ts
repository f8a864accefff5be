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
import { autoBinCount, columnValues, histogram, isMissing, mean, quantileSorted, sortedNumbers, variance } from './stats.ts';

export const TOP_VALUES = 10;

function key(v: unknown): unknown {
  return v instanceof Date ? v.getTime() : v;
}

/** Value counts of non-missing values, most frequent first, ties by first appearance. */
export function topValues(values: readonly unknown[], limit = TOP_VALUES): { top: TopValue[]; unique: number } {
  const counts = new Map<unknown, { value: unknown; count: number }>();
  for (const v of values) {
    if (isMissing(v)) continue;
    const k = key(v);
    const entry = counts.get(k);
    if (entry) entry.count++;
    else counts.set(k, { value: v, count: 1 });
  }
  // Array.prototype.sort is stable, and Map iterates in insertion (first-seen) order.
  const top = [...counts.values()]
    .sort((a, b) => b.count - a.count)
    .slice(0, limit)
    .map((e) => ({ value: toScalar(e.value), count: e.count }));
  return { top, unique: counts.size };
}

export function profileColumn(table: ColumnTable, name: string): ColumnProfile {
  const values = columnValues(table, name);
  const type = columnType(table, name);
  let missing = 0;
  for (const v of values) if (isMissing(v)) missing++;
  const count = values.length - missing;
  const { top, unique } = topValues(values);
  const profile: ColumnProfile = { name, type, count, missing, unique, top };
  if ((type === 'number' || type === 'integer') && count > 0) {
    const nums: number[] = [];
    for (const v of values) if (typeof v === 'number' && !Number.isNaN(v)) nums.push(v);
    const sorted = sortedNumbers(nums);
    profile.mean = mean(nums);
    const sd = Math.sqrt(variance(nums, 1));
    if (Number.isFinite(sd)) profile.std = sd;
    profile.min = sorted[0];
    profile.q1 = quantileSorted(sorted, 0.25);
    profile.median = quantileSorted(sorted, 0.5);
    profile.q3 = quantileSorted(sorted, 0.75);
    profile.max = sorted[sorted.length - 1];
    if (Number.isFinite(profile.min) && Number.isFinite(profile.max)) profile.histogram = histogram(sorted, autoBinCount(sorted));
  } else if (type === 'date' && count > 0) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of values) {
      if (v instanceof Date) {
        lo = Math.min(lo, v.getTime());
        hi = Math.max(hi, v.getTime());
      }
    }
    profile.min = new Date(lo).toISOString();
    profile.max = new Date(hi).toISOString();
  }
  return profile;
}

/** Number of rows equal to an earlier row (pandas: df.duplicated().sum()). */
export function duplicateRows(table: ColumnTable, names = table.columnNames()): number {
  const columns = names.map((n) => columnValues(table, n));
  const seen = new Set<string>();
  let dup = 0;
  const n = table.numRows();
  for (let r = 0; r < n; r++) {
    const k = JSON.stringify(columns.map((c) => (isMissing(c[r]) ? null : key(c[r]))));
    if (seen.has(k)) dup++;
    else seen.add(k);
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
  const out: string[] = [];
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
        out.push(`"${name}" is almost perfectly correlated with the target "${target}" (r = ${r.toFixed(3)}): is it leaking the answer?`);
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
      if (oneToOne && forward.size > 1) out.push(`"${name}" maps one-to-one onto the target "${target}": it gives the answer away (leakage).`);
    }
  }
  return out;
}

/** Date columns whose present values are not in increasing order (sort before lags or a time split). */
export function dateOrderWarnings(table: ColumnTable, names: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    if (columnType(table, name) !== 'date') continue;
    let last = -Infinity;
    let at = -1;
    columnValues(table, name).forEach((v, i) => {
      if (at >= 0 || !(v instanceof Date)) return;
      if (v.getTime() < last) at = i;
      else last = v.getTime();
    });
    if (at >= 0) out.push(`"${name}" is out of order (row ${at + 1} is earlier than a row above it): sort by it before lag features or a time split.`);
  }
  return out;
}

export function profileTable(table: ColumnTable, options: { columns?: string[]; name?: string; title?: string; target?: string } = {}): ProfileOutput {
  const names = options.columns && options.columns.length > 0 ? options.columns : table.columnNames();
  const rows = table.numRows();
  const columns = names.map((n) => profileColumn(table, n));
  const warnings: string[] = [];
  for (const c of columns) {
    if (c.count === 0) warnings.push(`"${c.name}" is entirely missing.`);
    else if (c.unique === 1) warnings.push(`"${c.name}" is constant (${JSON.stringify(c.top[0]?.value)} in every non-missing row).`);
    if (c.type === 'string' && c.unique > 0.5 * rows && c.unique > 20) {
      warnings.push(`"${c.name}" has high cardinality: ${c.unique} distinct values in ${rows} rows (an identifier or free text?).`);
    }
  }
  const dup = duplicateRows(table, names);
  if (dup > 0) warnings.push(`${dup} duplicate row${dup === 1 ? '' : 's'} (identical to an earlier row).`);
  warnings.push(...dateOrderWarnings(table, names));
  if (options.target) warnings.push(...leakageWarnings(table, options.target, names));
  const out: ProfileOutput = { type: 'profile', rowCount: rows, columns, warnings };
  if (options.name !== undefined) out.name = options.name;
  if (options.title !== undefined) out.title = options.title;
  return out;
}
