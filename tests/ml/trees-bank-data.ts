// Shared by tests/ml/trees-bank.test.ts and bench/trees.bench.ts: the real
// bank-marketing sample read from ../shared/datasets (never copied into the
// repo), one-hot encoded like tests/fixtures/make_trees_fixtures.py
// (pandas.get_dummies on every text column, plus the course's flags), and the
// GBDT settings comparable to scikit-learn's HistGradientBoostingClassifier().
import { readFileSync } from 'node:fs';
import { boost, type BoostParams, DEFAULT_BOOST_PARAMS, type RawMatrix } from '../../src/ml/trees/index.ts';
import { TreeModel } from '../../src/ml/trees/model.ts';
import { rocAuc } from '../../src/ml/metrics/index.ts';

export const BANK_CSV = new URL('../../../shared/datasets/bank-marketing/bank-additional.csv', import.meta.url);

export interface BankData {
  names: string[];
  /** Row-major values, rows × names.length. */
  values: Float64Array;
  y: Float64Array;
  rows: number;
}

/** pandas.get_dummies(df, dtype=float) on every text column, flags appended first like the fixture script. */
export function loadBank(path: URL = BANK_CSV): BankData {
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(';').map((s) => s.replace(/"/g, ''));
  const records = lines.slice(1).map((l) => l.split(';').map((s) => s.replace(/"/g, '')));
  const yIdx = header.indexOf('y');
  const cols = header.filter((h) => h !== 'y');
  const isText = cols.map((c) => records.some((r) => Number.isNaN(Number(r[header.indexOf(c)]))));
  const numeric = cols.filter((_, j) => !isText[j]);
  const text = cols.filter((_, j) => isText[j]);
  const names: string[] = [...numeric, 'no_previous_contact', 'not_working'];
  const cats = new Map<string, string[]>();
  for (const c of text) {
    const j = header.indexOf(c);
    const levels = [...new Set(records.map((r) => r[j]))].sort();
    cats.set(c, levels);
    for (const l of levels) names.push(`${c}_${l}`);
  }
  const rows = records.length;
  const width = names.length;
  const values = new Float64Array(rows * width);
  const y = new Float64Array(rows);
  const pdays = header.indexOf('pdays');
  const job = header.indexOf('job');
  records.forEach((r, i) => {
    let k = 0;
    for (const c of numeric) values[i * width + k++] = Number(r[header.indexOf(c)]);
    values[i * width + k++] = Number(r[pdays]) === 999 ? 1 : 0;
    values[i * width + k++] = ['student', 'retired', 'unemployed'].includes(r[job]) ? 1 : 0;
    for (const c of text) {
      const v = r[header.indexOf(c)];
      for (const l of cats.get(c)!) values[i * width + k++] = v === l ? 1 : 0;
    }
    y[i] = r[yIdx] === 'yes' ? 1 : 0;
  });
  return { names, values, y, rows };
}

/** Column-major raw matrix of the given rows. */
export function subset(data: BankData, idx: ArrayLike<number>): { X: RawMatrix; y: Float64Array } {
  const cols = data.names.length;
  const rows = idx.length;
  const X = new Float64Array(rows * cols);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const r = idx[i];
    for (let j = 0; j < cols; j++) X[j * rows + i] = data.values[r * cols + j];
    y[i] = data.y[r];
  }
  return { X: { X, rows, cols }, y };
}

/** Comparable to HistGradientBoostingClassifier() defaults (no early stopping below 10k rows). */
export const SKLEARN_LIKE: BoostParams = {
  ...DEFAULT_BOOST_PARAMS,
  rounds: 100, learningRate: 0.1, maxDepth: 0, maxLeaves: 31, minSamplesLeaf: 20, minChildWeight: 1e-3,
  lambda: 0, alpha: 0, gamma: 0, maxBins: 255,
};

export async function cvAucs(data: BankData, folds: number[][], params: BoostParams): Promise<number[]> {
  const aucs: number[] = [];
  for (const test of folds) {
    const inTest = new Uint8Array(data.rows);
    for (const i of test) inTest[i] = 1;
    const trainIdx: number[] = [];
    for (let i = 0; i < data.rows; i++) if (!inTest[i]) trainIdx.push(i);
    const tr = subset(data, trainIdx);
    const te = subset(data, test);
    const { ensemble } = await boost({ X: tr.X, y: tr.y }, 'binary', 2, params);
    const model = new TreeModel({ ensemble, target: 'y', features: data.names, classes: [0, 1], params });
    const p = model.predictRaw(te.X);
    const proba = Array.from({ length: te.X.rows }, (_, i) => [p[2 * i], p[2 * i + 1]]);
    aucs.push(rocAuc(Array.from(te.y), proba, [0, 1]));
  }
  return aucs;
}

