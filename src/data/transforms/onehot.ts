// onehot: expand categorical columns into 0/1 columns, like scikit-learn's
// OneHotEncoder(handle_unknown='ignore'):
// - categories are learned from the training table and sorted (numbers
//   numerically, text by code point, as np.unique sorts them);
// - a category not seen at fit time gives all zeros;
// - a missing value gives all zeros too: missing is not a category here
//   (sklearn would add a "nan" column; we keep missing visible as zeros);
// - new columns are named `${column}_${value}` and take the place of the
//   original column; dropFirst drops each column's first category.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { CellError } from '../../core/errors.ts';
import type { Scalar } from '../../core/outputs.ts';
import { columnValues, isMissing } from '../stats.ts';
import type { FittedStep } from './common.ts';
import { requireColumns, stepParams, stepWhere } from './common.ts';
import type { StepOf } from './schema.ts';

type Category = string | number | boolean;

function categoryKey(v: unknown): Category {
  return v instanceof Date ? v.toISOString() : (v as Category);
}

function sortCategories(values: Category[]): Category[] {
  return values.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function fitOnehot(step: StepOf<'onehot'>, table: ColumnTable, index: number): FittedStep {
  requireColumns(table, step.columns, index, step);
  const categories = new Map<string, Category[]>();
  for (const c of step.columns) {
    const seen = new Set<Category>();
    for (const v of columnValues(table, c)) if (!isMissing(v)) seen.add(categoryKey(v));
    const kinds = new Set([...seen].map((v) => typeof v));
    if (kinds.size > 1) {
      throw CellError.coded('step.mixedKinds', { ...stepParams(index, step), column: c, kinds: [...kinds].join(', ') }, { where: stepWhere(index, 'columns') });
    }
    if (seen.size > 1000) {
      throw CellError.coded('step.tooManyCategories', { ...stepParams(index, step), column: c, count: seen.size }, { where: stepWhere(index, 'columns') });
    }
    categories.set(c, sortCategories([...seen]));
  }
  const kept = (cats: Category[]): Category[] => (step.dropFirst ? cats.slice(1) : cats);
  const state: Record<string, Scalar[]> = {};
  for (const [c, cats] of categories) state[c] = cats;
  return {
    step,
    state: { categories: state, dropFirst: step.dropFirst },
    apply(t) {
      requireColumns(t, step.columns, index, step);
      const names: string[] = [];
      const data: Record<string, unknown[]> = {};
      const n = t.numRows();
      for (const name of t.columnNames()) {
        const cats = categories.get(name);
        if (!cats) {
          if (!(name in data)) names.push(name);
          data[name] = columnValues(t, name);
          continue;
        }
        const values = columnValues(t, name);
        const position = new Map<Category, number>();
        const outs = kept(cats).map((cat, i) => {
          position.set(cat, i);
          const col = `${name}_${String(cat)}`;
          if (!(col in data)) names.push(col);
          const out = new Array<number>(n).fill(0);
          data[col] = out;
          return out;
        });
        for (let r = 0; r < n; r++) {
          const v = values[r];
          if (isMissing(v)) continue;
          const i = position.get(categoryKey(v));
          if (i !== undefined) outs[i][r] = 1;
        }
      }
      return aq.table(data, names);
    },
  };
}
