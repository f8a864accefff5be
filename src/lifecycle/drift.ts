// Data drift between a reference table (training data) and a current one
// (what the model sees now), feature by feature: PSI plus a test —
// two-sample KS for numbers and dates, chi-square homogeneity for
// categories. A feature drifts when PSI ≥ the threshold or p < alpha.
import type { ColumnTable } from 'arquero';
import { columnType } from '../data/preview.ts';
import { categoricalPsi, categoryCounts, chi2Contingency, ks2samp, numericPsi } from './stats/index.ts';

export interface DriftOptions {
  psiThreshold: number;
  alpha: number;
  bins: number;
}

export interface FeatureDrift {
  column: string;
  type: 'numeric' | 'categorical';
  psi: number;
  test: 'KS' | 'chi²';
  statistic: number;
  pvalue: number;
  /** Degrees of freedom (chi² only). */
  dof?: number;
  drifted: boolean;
  /** Why: "PSI 0.31 ≥ 0.2", "p 0.001 < 0.05". */
  reasons: string[];
  referenceCount: number;
  currentCount: number;
}

export interface DriftReport {
  features: FeatureDrift[];
  /** Columns left out and why (no values, only in one table). */
  skipped: { column: string; reason: string }[];
  drifted: string[];
  overall: boolean;
}

export const MISSING_CATEGORY = '(missing)';

function isMissing(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
}

/** Numbers (dates as epoch ms) without missing values. */
function numbers(values: readonly unknown[]): number[] {
  const out: number[] = [];
  for (const v of values) {
    if (isMissing(v)) continue;
    if (v instanceof Date) {
      const t = v.getTime();
      if (!Number.isNaN(t)) out.push(t);
    } else out.push(Number(v));
  }
  return out;
}

/** Categories as strings; missing values are a category of their own (a change in missingness is drift). */
function categories(values: readonly unknown[]): string[] {
  return values.map((v) => (isMissing(v) ? MISSING_CATEGORY : String(v)));
}

function values(table: ColumnTable, name: string): unknown[] {
  const column = table.column(name)!;
  return Array.from(table.indices(), (i) => column.at(i));
}

/** Drift of one feature given its values in both samples. */
export function featureDrift(column: string, kind: 'numeric' | 'categorical', ref: readonly unknown[], cur: readonly unknown[], o: DriftOptions): FeatureDrift | string {
  if (kind === 'numeric') {
    const a = numbers(ref);
    const b = numbers(cur);
    if (a.length === 0 || b.length === 0) return 'no values in one of the tables';
    const psi = numericPsi(a, b, o.bins).psi;
    const ks = ks2samp(a, b);
    return finish({ column, type: kind, psi, test: 'KS', statistic: ks.statistic, pvalue: ks.pvalue, referenceCount: a.length, currentCount: b.length }, o);
  }
  const a = categories(ref);
  const b = categories(cur);
  if (a.length === 0 || b.length === 0) return 'no rows in one of the tables';
  const psi = categoricalPsi(a, b).psi;
  const { counts } = categoryCounts(a, b);
  const chi = chi2Contingency(counts);
  return finish({ column, type: kind, psi, test: 'chi²', statistic: chi.statistic, pvalue: chi.pvalue, dof: chi.dof, referenceCount: a.length, currentCount: b.length }, o);
}

function finish(f: Omit<FeatureDrift, 'drifted' | 'reasons'>, o: DriftOptions): FeatureDrift {
  const reasons: string[] = [];
  if (f.psi >= o.psiThreshold) reasons.push(`PSI ${f.psi.toFixed(3)} ≥ ${o.psiThreshold}`);
  if (f.pvalue < o.alpha) reasons.push(`${f.test} p ${f.pvalue < 1e-4 ? '< 0.0001' : f.pvalue.toFixed(4)} < ${o.alpha}`);
  return { ...f, drifted: reasons.length > 0, reasons };
}

export function columnKind(table: ColumnTable, name: string): 'numeric' | 'categorical' {
  const t = columnType(table, name);
  return t === 'number' || t === 'integer' || t === 'date' ? 'numeric' : 'categorical';
}

/** Drift of the given columns (all shared columns when empty). */
export function tableDrift(reference: ColumnTable, current: ColumnTable, columns: readonly string[], o: DriftOptions, check?: () => void): DriftReport {
  const shared = current.columnNames();
  const names = columns.length ? [...columns] : reference.columnNames().filter((c) => shared.includes(c));
  const skipped: DriftReport['skipped'] = columns.length ? [] : reference.columnNames().filter((c) => !shared.includes(c)).map((column) => ({ column, reason: 'not in the current table' }));
  const features: FeatureDrift[] = [];
  for (const name of names) {
    check?.();
    const result = featureDrift(name, columnKind(reference, name), values(reference, name), values(current, name), o);
    if (typeof result === 'string') skipped.push({ column: name, reason: result });
    else features.push(result);
  }
  const drifted = features.filter((f) => f.drifted).map((f) => f.column);
  return { features, skipped, drifted, overall: drifted.length > 0 };
}
