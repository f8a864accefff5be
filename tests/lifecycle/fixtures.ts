// The reference values from tests/fixtures/make_lifecycle_fixtures.py (scipy, statsmodels, scikit-learn).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Num = number | 'inf' | '-inf' | null;

export interface LifecycleFixtures {
  psi: { ref: number[]; cur: number[]; bins: number; edges: number[]; psi: number }[];
  ks: { tag: string; a: number[]; b: number[]; statistic: number; pvalue: number }[];
  chi2: { table: number[][]; statistic: number; pvalue: number; dof: number; expected: number[][] }[];
  gamma: { a: number; x: number; q: number; p: number }[];
  mcnemar: { table: number[][]; exact: { statistic: Num; pvalue: Num }; chi2: { statistic: Num; pvalue: Num } }[];
  bootstrap: {
    mulberry32_seed42: number[];
    y_true: number[];
    y_pred: number[];
    score: number[];
    accuracy: Interval;
    roc_auc: Interval;
    rmse: Interval;
  };
  fingerprint: { empty: string; a: string; foobar: string; columns: [string, string, (number | string | boolean | null)[]][]; hash: string; renamed: string };
}

interface Interval {
  estimate: number;
  low: number;
  high: number;
  used: number;
}

export const fixtures: LifecycleFixtures = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/lifecycle_stats.json', import.meta.url)), 'utf8'));

export function num(x: Num): number {
  if (x === 'inf') return Infinity;
  if (x === '-inf') return -Infinity;
  return x ?? NaN;
}
