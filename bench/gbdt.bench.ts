// models/gbdt-<size>-vs-{sklearn,xgboost}: fit time of the workbench's
// histogram GBDT (src/ml/trees) on synthetic binary data of 200k × 50 and
// 1M × 50 (plus 50k test rows for the AUC) against scikit-learn's
// HistGradientBoostingClassifier and XGBoost's hist trees with the same
// settings (100 rounds, rate 0.1, 31 leaves grown best-first, no depth limit,
// 255 bins, no L2, min hessian 1e-3), every side on one thread
// (OMP_NUM_THREADS=1). The references run in a Python process kept open
// (bench/gbdt_ref.py) and the fits alternate with the workbench's, round by
// round, so a load change on the shared machine hits every side alike. Times
// are around fit() only, binning included, from the same float64 matrix.
// Each line prints both sides' settings, both AUCs, and the CPU-time ratio.
// BENCH_ROUNDS sets the interleaved rounds (default 3; one warm-up at 200k).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../src/core/random.ts';
import { boost, type RawMatrix } from '../src/ml/trees/index.ts';
import { TreeModel } from '../src/ml/trees/model.ts';
import { SKLEARN_LIKE } from '../tests/ml/trees-bank-data.ts';
import { median, result, type Benchmark, type BenchResult } from './harness.ts';

const PYTHON = '/usr/bin/python3';
const COLS = 50;
const TEST_ROWS = 50_000;

const OURS = `workbench boost(): rounds ${SKLEARN_LIKE.rounds}, learningRate ${SKLEARN_LIKE.learningRate}, maxLeaves ${SKLEARN_LIKE.maxLeaves}, maxDepth ${SKLEARN_LIKE.maxDepth} (none), maxBins ${SKLEARN_LIKE.maxBins}, lambda ${SKLEARN_LIKE.lambda}, minSamplesLeaf ${SKLEARN_LIKE.minSamplesLeaf}, minChildWeight ${SKLEARN_LIKE.minChildWeight}`;
const SKLEARN = 'HistGradientBoostingClassifier(max_iter=100, learning_rate=0.1, max_leaf_nodes=31, max_depth=None, min_samples_leaf=20, l2_regularization=0, max_bins=255, early_stopping=False)';
const XGBOOST = "XGBClassifier(tree_method='hist', grow_policy='lossguide', n_estimators=100, learning_rate=0.1, max_depth=0, max_leaves=31, max_bin=255, reg_lambda=0, min_child_weight=1e-3, n_jobs=1)";

/**
 * 50 features: 30 continuous (uniform sums), 10 small integers (0..k), 10
 * continuous with 5 % missing; the log-odds mix smooth, threshold and
 * interaction terms, so trees of 31 leaves keep finding splits for 100 rounds.
 */
function synthetic(rows: number, seed: number): { X: RawMatrix; y: Float64Array } {
  const r = seededRandom(seed);
  const X = new Float64Array(rows * COLS);
  for (let j = 0; j < COLS; j++) {
    const off = j * rows;
    for (let i = 0; i < rows; i++) {
      if (j < 30) X[off + i] = r() + r() + r() - 1.5;
      else if (j < 40) X[off + i] = Math.floor(r() * (j - 27));
      else X[off + i] = r() < 0.05 ? NaN : r() * 4 - 2;
    }
  }
  const y = new Float64Array(rows);
  const at = (j: number, i: number) => X[j * rows + i];
  for (let i = 0; i < rows; i++) {
    const m40 = at(40, i);
    const logit = 2 * Math.sin(2 * at(0, i)) + 1.5 * at(1, i) * at(2, i) + (at(3, i) > 0.3 ? 1 : -0.5) + 0.3 * at(30, i)
      - 0.2 * at(35, i) + (m40 === m40 ? 0.5 * m40 * m40 - 1 : 0.8) + at(4, i) - 0.7 * Math.abs(at(5, i)) + 0.4 * at(41, i);
    y[i] = r() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
  }
  return { X: { X, rows, cols: COLS }, y };
}

/** Column rows [from, to) of a column-major matrix. */
function sliceRows(m: RawMatrix, from: number, to: number): RawMatrix {
  const rows = to - from;
  const X = new Float64Array(rows * m.cols);
  for (let j = 0; j < m.cols; j++) X.set(m.X.subarray(j * m.rows + from, j * m.rows + to), j * rows);
  return { X, rows, cols: m.cols };
}

function auc(y: ArrayLike<number>, score: ArrayLike<number>): number {
  const idx = Array.from({ length: y.length }, (_, i) => i).sort((a, b) => score[a] - score[b]);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && score[idx[j + 1]] === score[idx[i]]) j++;
    for (let k = i; k <= j; k++) if (y[idx[k]] === 1) {
      pos++;
      rankSum += (i + j + 2) / 2;
    }
    i = j + 1;
  }
  const neg = y.length - pos;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

interface Fit {
  wall_ms: number;
  cpu_ms: number;
  auc: number;
}

/** The Python side: one process, one fit per request line. */
class Reference {
  private readonly lines: AsyncIterableIterator<string>;
  private readonly child;
  constructor(path: string, trainRows: number) {
    const script = fileURLToPath(new URL('./gbdt_ref.py', import.meta.url));
    this.child = spawn(PYTHON, [script, path, String(trainRows), String(TEST_ROWS), String(COLS)], {
      env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.lines = createInterface({ input: this.child.stdout })[Symbol.asyncIterator]();
  }
  async next(): Promise<Record<string, unknown>> {
    const { value, done } = await this.lines.next();
    if (done) throw new Error('The Python reference (bench/gbdt_ref.py) exited early.');
    return JSON.parse(value) as Record<string, unknown>;
  }
  async fit(which: 'sklearn' | 'xgboost'): Promise<Fit> {
    this.child.stdin.write(`${which}\n`);
    const out = await this.next();
    if (typeof out.error === 'string') throw new Error(out.error);
    return out as unknown as Fit;
  }
  close(): void {
    this.child.stdin.end();
  }
}

async function run(label: string, trainRows: number, warmup: number): Promise<BenchResult[]> {
  const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
  const all = synthetic(trainRows + TEST_ROWS, 2024);
  const train = sliceRows(all.X, 0, trainRows);
  const test = sliceRows(all.X, trainRows, trainRows + TEST_ROWS);
  const yTrain = all.y.subarray(0, trainRows);
  const yTest = all.y.subarray(trainRows);
  const dir = mkdtempSync(join(tmpdir(), 'gbdt-bench-'));
  const file = join(dir, 'data.f64');
  const bytes = new Float64Array(all.X.X.length + all.y.length);
  bytes.set(all.X.X);
  bytes.set(all.y, all.X.X.length);
  writeFileSync(file, new Uint8Array(bytes.buffer));
  const ref = new Reference(file, trainRows);
  try {
    const ready = await ref.next();
    const hasXgb = typeof ready.xgboost === 'string';
    const ours = async (): Promise<Fit> => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const { ensemble } = await boost({ X: train, y: yTrain }, 'binary', 2, SKLEARN_LIKE);
      const wall = performance.now() - t0;
      const c = process.cpuUsage(c0);
      const model = new TreeModel({ ensemble, target: 'y', features: Array.from({ length: COLS }, (_, j) => `x${j}`), classes: [0, 1], params: SKLEARN_LIKE });
      const p = model.predictRaw(test);
      return { wall_ms: wall, cpu_ms: (c.user + c.system) / 1000, auc: auc(yTest, Float64Array.from({ length: TEST_ROWS }, (_, i) => p[2 * i + 1])) };
    };
    type Side = 'ours' | 'sklearn' | 'xgboost';
    const sides: Side[] = hasXgb ? ['ours', 'sklearn', 'xgboost'] : ['ours', 'sklearn'];
    const fit = (s: Side) => (s === 'ours' ? ours() : ref.fit(s));
    for (let i = 0; i < warmup; i++) for (const s of sides) await fit(s);
    const fits = new Map<Side, Fit[]>(sides.map((s) => [s, []]));
    for (let i = 0; i < rounds; i++) {
      for (const s of i % 2 === 0 ? sides : [...sides].reverse()) fits.get(s)!.push(await fit(s));
    }
    const med = (s: Side, k: 'wall_ms' | 'cpu_ms') => median(fits.get(s)!.map((f) => f[k]));
    const ourAuc = round4(fits.get('ours')![0].auc);
    const extra = (s: Side) => ({
      rows: trainRows, features: COLS, test_rows: TEST_ROWS, bench_rounds: rounds, settings: OURS, ref_settings: s === 'sklearn' ? SKLEARN : XGBOOST,
      auc: ourAuc, ref_auc: round4(fits.get(s)![0].auc), cpu_ratio: round4(med('ours', 'cpu_ms') / med(s, 'cpu_ms')),
      goal_ratio: s === 'sklearn' ? 1.0 : 1.5,
    });
    const out = [result(`models/gbdt-${label}-vs-sklearn`, med('ours', 'wall_ms'), 'ms', `scikit-learn ${String(ready.sklearn)} HistGradientBoostingClassifier.fit, 1 thread`, med('sklearn', 'wall_ms'), extra('sklearn'))];
    if (hasXgb) out.push(result(`models/gbdt-${label}-vs-xgboost`, med('ours', 'wall_ms'), 'ms', `xgboost ${String(ready.xgboost)} hist XGBClassifier.fit, 1 thread`, med('xgboost', 'wall_ms'), extra('xgboost')));
    return out;
  } finally {
    ref.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

export const benchmarks: Benchmark[] = [
  { name: 'models/gbdt-200k', run: () => run('200k', 200_000, 1) },
  { name: 'models/gbdt-1m', run: () => run('1m', 1_000_000, 0) },
];
