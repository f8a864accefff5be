// From an Arquero table to the numbers a model trains on: a row-major
// Float32Array feature matrix and an encoded target. Rows follow the table's
// current order (filters and orderby respected, like the preview).
import type { ColumnTable } from 'arquero';
import type { Scalar } from '../core/outputs.ts';
import type { Task } from '../core/values.ts';
import { CellError } from '../core/errors.ts';
import { labelKey, sortedLabels } from './metrics/labels.ts';

/** Integer targets with at most this many distinct values count as classes. */
export const MAX_AUTO_CLASSES = 20;

export interface FeatureMatrix {
  /** rows × cols, row-major. */
  X: Float32Array;
  rows: number;
  cols: number;
}

function isMissing(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
}

/**
 * A column's storage read by index, and the rows in table order (undefined:
 * storage order, the table being neither filtered nor ordered). Arquero 8
 * stores plain and typed arrays as they are; other column kinds go through at().
 */
function columnAccess(table: ColumnTable, name: string, where?: string): { data: ArrayLike<unknown>; indices?: Uint32Array; rows: number } {
  const column = table.column(name);
  if (!column) {
    throw CellError.coded('column.missing', { column: name, columns: table.columnNames().join(', ') }, { where });
  }
  const identity = !table.isFiltered() && !table.isOrdered();
  const indices = identity ? undefined : table.indices();
  const rows = table.numRows();
  if (Array.isArray(column) || (ArrayBuffer.isView(column) && !(column instanceof DataView))) return { data: column as unknown as ArrayLike<unknown>, indices, rows };
  const data = new Array<unknown>(rows);
  for (let i = 0; i < rows; i++) data[i] = column.at(indices ? indices[i] : i);
  return { data, rows };
}

/** Values of a column in the table's row order. */
export function columnValues(table: ColumnTable, name: string, where?: string): unknown[] {
  const { data, indices, rows } = columnAccess(table, name, where);
  const out = new Array<unknown>(rows);
  if (indices) for (let i = 0; i < rows; i++) out[i] = data[indices[i]];
  else for (let i = 0; i < rows; i++) out[i] = data[i];
  return out;
}

/** A typed array of numbers (not BigInt64Array). */
function isNumberArray(a: ArrayLike<unknown>): a is Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array | Uint8ClampedArray {
  return ArrayBuffer.isView(a) && !(a instanceof BigInt64Array) && !(a instanceof BigUint64Array);
}

function isNumericValue(v: unknown): boolean {
  return (typeof v === 'number' && !Number.isNaN(v)) || typeof v === 'boolean' || typeof v === 'bigint';
}

/** True if every non-missing value is a number, bigint or boolean (booleans become 0/1). */
export function isNumericColumn(table: ColumnTable, name: string): boolean {
  const { data, indices, rows } = columnAccess(table, name);
  if (isNumberArray(data)) {
    for (let i = 0; i < rows; i++) {
      const v = data[indices ? indices[i] : i];
      if (v === v) return true; // some value is not NaN
    }
    return false;
  }
  let any = false;
  for (let i = 0; i < rows; i++) {
    const v = data[indices ? indices[i] : i];
    if (isMissing(v)) continue;
    if (!isNumericValue(v)) return false;
    any = true;
  }
  return any;
}

/**
 * The feature columns: the ones given, or (empty list) every other column
 * that is numeric, so a student can train on a cleaned table without listing
 * columns. An explicit non-numeric column is an error in featureMatrix().
 */
export function selectFeatures(table: ColumnTable, target: string, features: readonly string[]): string[] {
  if (features.length > 0) return [...features];
  const chosen = table.columnNames().filter((n) => n !== target && isNumericColumn(table, n));
  if (chosen.length === 0) {
    throw CellError.coded('train.noNumericFeatures', {}, { where: 'params.features' });
  }
  return chosen;
}

/**
 * Classification if the target is text or boolean, or integer-valued with at
 * most MAX_AUTO_CLASSES distinct values; otherwise regression. The train cell
 * lets the user override this (params.task).
 */
export function detectTask(table: ColumnTable, target: string): Task {
  return detectTaskFromValues(columnValues(table, target, 'params.target'));
}

/** detectTask's rule on plain values (e.g. the targets of sequence windows). */
export function detectTaskFromValues(all: readonly unknown[]): Task {
  const values = all.filter((v) => !isMissing(v));
  if (values.some((v) => typeof v === 'string' || typeof v === 'boolean')) return 'classification';
  const distinct = new Set<string>();
  for (const v of values) {
    if (typeof v === 'bigint') {
      distinct.add(String(v));
      continue;
    }
    if (typeof v !== 'number' || !Number.isInteger(v)) return 'regression';
    distinct.add(String(v));
    if (distinct.size > MAX_AUTO_CLASSES) return 'regression';
  }
  return 'classification';
}

/** The feature matrix; refuses text columns and missing values with a hint. */
export function featureMatrix(table: ColumnTable, features: readonly string[]): FeatureMatrix {
  const rows = table.numRows();
  const cols = features.length;
  const X = new Float32Array(rows * cols);
  features.forEach((name, j) => {
    const { data, indices } = columnAccess(table, name, 'params.features');
    if (isNumberArray(data)) {
      // Typed numbers: copy straight from storage; NaN is the only missing value.
      let missing = 0;
      for (let i = 0, at = j; i < rows; i++, at += cols) {
        const v = data[indices ? indices[i] : i];
        if (v !== v) missing++;
        X[at] = v;
      }
      if (missing > 0) {
        throw missingFeatureValues(name, missing);
      }
      return;
    }
    const values = indices ? Array.from(indices, (r) => data[r]) : data;
    let missing = 0;
    for (let i = 0; i < rows; i++) {
      const v = values[i];
      if (isMissing(v)) {
        missing++;
        continue;
      }
      if (!isNumericValue(v)) {
        throw CellError.coded('feature.notNumeric', { column: name, row: i + 1, value: JSON.stringify(String(v)) }, { where: 'params.features' });
      }
      X[i * cols + j] = Number(v);
    }
    if (missing > 0) {
      throw missingFeatureValues(name, missing);
    }
  });
  return { X, rows, cols };
}

function targetValues(table: ColumnTable, target: string): unknown[] {
  const values = columnValues(table, target, 'params.target');
  const missing = values.filter(isMissing).length;
  if (missing > 0) {
    throw missing === 1
      ? CellError.coded('target.missingValue', { target }, { where: 'params.target' })
      : CellError.coded('target.missingValues', { target, count: missing }, { where: 'params.target' });
  }
  return values;
}

/** A label as a Scalar: bigint to number, dates to ISO strings. */
function toLabel(v: unknown): Scalar {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/** Target labels of a table as Scalars (for metrics). */
export function targetLabels(table: ColumnTable, target: string): Scalar[] {
  return targetValues(table, target).map(toLabel);
}

/** Numeric target values (regression). */
export function regressionTarget(table: ColumnTable, target: string): Float32Array {
  const values = targetValues(table, target);
  const y = new Float32Array(values.length);
  values.forEach((v, i) => {
    if (!isNumericValue(v)) {
      throw CellError.coded('target.textForRegression', { target, value: JSON.stringify(String(v)) }, { where: 'params.task' });
    }
    y[i] = Number(v);
  });
  return y;
}

/**
 * Class indices into `classes` (sorted like scikit-learn's unique_labels
 * unless given, e.g. the training classes when encoding validation data).
 */
export function classificationTarget(table: ColumnTable, target: string, classes?: readonly Scalar[]): { y: Int32Array; classes: Scalar[] } {
  const labels = targetLabels(table, target);
  const cls = classes ? [...classes] : sortedLabels(labels);
  const index = new Map<string, number>();
  cls.forEach((c, i) => index.set(labelKey(c), i));
  const y = new Int32Array(labels.length);
  labels.forEach((l, i) => {
    const k = index.get(labelKey(l));
    if (k === undefined) {
      const params = { value: JSON.stringify(l), classes: cls.map((c) => JSON.stringify(c)).join(', ') };
      throw CellError.coded('target.unknownClass', params, { where: 'params.target' });
    }
    y[i] = k;
  });
  return { y, classes: cls };
}

function missingFeatureValues(column: string, missing: number): CellError {
  return missing === 1
    ? CellError.coded('feature.missingValue', { column }, { where: 'params.features' })
    : CellError.coded('feature.missingValues', { column, count: missing }, { where: 'params.features' });
}
