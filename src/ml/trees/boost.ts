// The boosting loop on typed arrays: objectives (binary log loss, multiclass
// softmax with one tree per class per round, squared error), seeded row and
// column subsampling, per-round history and progress, early stopping on a
// validation set (keeps the best iteration), cancel between rounds and
// periodic yields to the event loop.
import type { EpochRecord } from '../../core/outputs.ts';
import { checkAborted } from '../../core/errors.ts';
import { seededRandom } from '../../core/random.ts';
import { yieldToEventLoop } from '../../core/yield.ts';
import { applyBins, fitBins, type BinMapper, type RawMatrix } from './binning.ts';
import { Grower, type GrowParams } from './grow.ts';
import { leafBinned, type Tree } from './tree.ts';
import { CellError } from '../../core/errors.ts';

export type Objective = 'binary' | 'multiclass' | 'regression';
export type StoppingMetric = 'auto' | 'loss' | 'auc';

export interface BoostParams extends GrowParams {
  rounds: number;
  /** Fraction of rows per round, sampled without replacement (1 = all). */
  subsample: number;
  /** Fraction of features per tree (1 = all). */
  colsample: number;
  /** Binary: weight of positive rows in gradients and hessians. */
  scalePosWeight: number;
  /** Stop after this many rounds without a better validation metric (0 = off). */
  earlyStoppingRounds: number;
  /** auto/loss: validation log loss (classification) or RMSE (regression); auc: binary only. */
  stoppingMetric: StoppingMetric;
  maxBins: number;
  seed: number;
}

export const DEFAULT_BOOST_PARAMS: BoostParams = {
  rounds: 100, maxDepth: 6, maxLeaves: 0, minChildWeight: 1, minSamplesLeaf: 1, lambda: 1, alpha: 0, gamma: 0,
  learningRate: 0.1, subsample: 1, colsample: 1, scalePosWeight: 1, earlyStoppingRounds: 0, stoppingMetric: 'auto',
  maxBins: 255, seed: 42,
};

export interface BoostData {
  X: RawMatrix;
  /** Class index (classification) or value (regression). */
  y: ArrayLike<number>;
}

export interface BoostProgress {
  phase: 'train';
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
  loss: number;
  fraction: number;
  metrics?: Record<string, number>;
}

export interface BoostHooks {
  validation?: BoostData;
  onProgress?: (p: BoostProgress) => void;
  signal?: AbortSignal;
  /** Minimum time between progress events (default 100 ms; 0 = every round). */
  progressIntervalMs?: number;
}

/** What prediction needs: the base margins and the trees, round by round. */
export interface Ensemble {
  objective: Objective;
  /** Margins per row: 1 (binary, regression) or the number of classes. */
  outputs: number;
  baseScore: number[];
  /** trees[round][output]. */
  trees: Tree[][];
  nFeatures: number;
}

export interface BoostResult {
  ensemble: Ensemble;
  history: EpochRecord[];
  /** 1-based round whose ensemble is kept, when early stopping cut it back. */
  bestIteration?: number;
  stoppedEarly: boolean;
  seconds: number;
  bins: BinMapper;
}

const YIELD_EVERY_MS = 15;
const EPS = 1e-15;

function sigmoid(m: number): number {
  return 1 / (1 + Math.exp(-m));
}

/** Binary ROC AUC with ties as half (equals scikit-learn's roc_auc_score). */
export function binaryAuc(y: ArrayLike<number>, score: ArrayLike<number>): number {
  const n = y.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[a] - score[b]);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && score[idx[j + 1]] === score[idx[i]]) j++;
    const rank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) if (y[idx[k]] === 1) {
      pos++;
      rankSum += rank;
    }
    i = j + 1;
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Mean loss of margins: log loss (binary, multiclass) or mean squared error. */
export function marginLoss(objective: Objective, outputs: number, margins: Float64Array, y: ArrayLike<number>): number {
  const n = y.length;
  let total = 0;
  if (objective === 'regression') {
    for (let i = 0; i < n; i++) total += (margins[i] - y[i]) ** 2;
  } else if (objective === 'binary') {
    for (let i = 0; i < n; i++) {
      const p = Math.min(1 - EPS, Math.max(EPS, sigmoid(margins[i])));
      total -= y[i] === 1 ? Math.log(p) : Math.log(1 - p);
    }
  } else {
    for (let i = 0; i < n; i++) {
      const o = i * outputs;
      let max = -Infinity;
      for (let k = 0; k < outputs; k++) max = Math.max(max, margins[o + k]);
      let s = 0;
      for (let k = 0; k < outputs; k++) s += Math.exp(margins[o + k] - max);
      const p = Math.exp(margins[o + y[i]] - max) / s;
      total -= Math.log(Math.min(1 - EPS, Math.max(EPS, p)));
    }
  }
  return total / n;
}

function accuracy(outputs: number, margins: Float64Array, y: ArrayLike<number>): number {
  let hits = 0;
  for (let i = 0; i < y.length; i++) {
    const o = i * outputs;
    let best = 0;
    for (let k = 1; k < outputs; k++) if (margins[o + k] > margins[o + best]) best = k;
    if (best === y[i]) hits++;
  }
  return hits / y.length;
}

/** Validation metrics of a round. */
function evaluate(objective: Objective, outputs: number, margins: Float64Array, y: ArrayLike<number>): Record<string, number> {
  const loss = marginLoss(objective, outputs, margins, y);
  if (objective === 'regression') return { val_loss: loss, val_rmse: Math.sqrt(loss) };
  if (objective === 'binary') return { val_loss: loss, val_auc: binaryAuc(y, margins) };
  return { val_loss: loss, val_accuracy: accuracy(outputs, margins, y) };
}

/** k distinct indices of 0..n-1, ascending (partial Fisher–Yates). */
function sampleSorted(n: number, k: number, random: () => number): Uint32Array {
  const pool = new Uint32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (n - i));
    const t = pool[i];
    pool[i] = pool[j];
    pool[j] = t;
  }
  return pool.slice(0, k).sort();
}

/** Fit a boosted ensemble. y holds class indices 0..classes-1 for classification. */
export async function boost(data: BoostData, objective: Objective, classes: number, params: BoostParams, hooks: BoostHooks = {}): Promise<BoostResult> {
  const started = performance.now();
  const { rows, cols } = data.X;
  if (rows === 0) throw CellError.coded('train.noRows');
  const outputs = objective === 'multiclass' ? classes : 1;
  const rounds = Math.max(1, Math.floor(params.rounds));
  const interval = hooks.progressIntervalMs ?? 100;
  const random = seededRandom(params.seed);
  const y = data.y;

  const mapper = fitBins(data.X, params.maxBins, { seed: params.seed });
  const bins = applyBins(data.X, mapper);
  const grower = new Grower(bins, rows, cols, mapper.nBins, mapper.thresholds, params);

  // Per-row weights (scale_pos_weight) and base margins.
  const weight = new Float64Array(rows).fill(1);
  const baseScore: number[] = [];
  if (objective === 'regression') {
    let s = 0;
    for (let i = 0; i < rows; i++) s += y[i];
    baseScore.push(s / rows);
  } else if (objective === 'binary') {
    let pos = 0;
    let neg = 0;
    for (let i = 0; i < rows; i++) {
      if (y[i] === 1) {
        weight[i] = params.scalePosWeight;
        pos += params.scalePosWeight;
      } else neg += 1;
    }
    const p = Math.min(1 - 1e-12, Math.max(1e-12, pos / (pos + neg)));
    baseScore.push(Math.log(p / (1 - p)));
  } else {
    const counts = new Float64Array(outputs);
    for (let i = 0; i < rows; i++) counts[y[i]]++;
    for (let k = 0; k < outputs; k++) baseScore.push(Math.log(Math.max(counts[k], 1e-12) / rows));
  }

  const margins = new Float64Array(rows * outputs);
  for (let i = 0; i < rows; i++) for (let k = 0; k < outputs; k++) margins[i * outputs + k] = baseScore[k];
  const val = hooks.validation;
  const valBins = val ? applyBins(val.X, mapper) : undefined;
  const valRows = val ? val.X.rows : 0;
  const valMargins = new Float64Array(valRows * outputs);
  for (let i = 0; i < valRows; i++) for (let k = 0; k < outputs; k++) valMargins[i * outputs + k] = baseScore[k];

  const grads = Array.from({ length: outputs }, () => new Float64Array(rows));
  const hesss = Array.from({ length: outputs }, () => new Float64Array(rows));
  const prob = new Float64Array(outputs);
  const nSample = params.subsample < 1 ? Math.max(1, Math.round(params.subsample * rows)) : rows;
  const nCols = params.colsample < 1 ? Math.max(1, Math.round(params.colsample * cols)) : cols;
  const allFeatures = Int32Array.from({ length: cols }, (_, j) => j);

  const trees: Tree[][] = [];
  const history: EpochRecord[] = [];
  const patience = Math.max(0, Math.floor(params.earlyStoppingRounds));
  const useAuc = params.stoppingMetric === 'auc' && objective === 'binary';
  const monitorKey = useAuc ? 'val_auc' : objective === 'regression' ? 'val_rmse' : 'val_loss';
  let best = Infinity;
  let bestRound = 0;
  let stoppedEarly = false;
  let lastProgress = -Infinity;
  let lastYield = performance.now();

  // A round's training loss is the loss at the margins the next round's
  // gradients are computed from, so it is summed in that pass (one sigmoid per
  // row, not two) and the round's record is finished there: its progress event
  // and early-stopping check come once the loss is known. The last round's
  // loss takes a pass of its own.
  let pending: EpochRecord | null = null;
  /** Report a finished record; true when early stopping ends the fit. */
  const finish = (record: EpochRecord): boolean => {
    const round = record.epoch;
    const now = performance.now();
    if (hooks.onProgress && (now - lastProgress >= interval || round === rounds)) {
      lastProgress = now;
      hooks.onProgress({ phase: 'train', epoch: round, epochs: rounds, batch: 1, batches: 1, loss: record.loss, fraction: round / rounds, metrics: { ...record } });
    }
    if (patience > 0 && val) {
      const raw = record[monitorKey];
      const monitored = useAuc ? -raw : raw;
      if (monitored < best) {
        best = monitored;
        bestRound = round;
      } else if (round - bestRound >= patience) {
        return true;
      }
    }
    return false;
  };

  for (let round = 1; round <= rounds; round++) {
    checkAborted(hooks.signal);
    // Gradients and hessians of the loss at the current margins, and that loss (unweighted, as marginLoss).
    let lossSum = 0;
    for (let i = 0; i < rows; i++) {
      const w = weight[i];
      if (objective === 'regression') {
        const d = margins[i] - y[i];
        grads[0][i] = d;
        hesss[0][i] = 1;
        lossSum += d * d;
      } else if (objective === 'binary') {
        const p = sigmoid(margins[i]);
        grads[0][i] = (p - y[i]) * w;
        hesss[0][i] = Math.max(p * (1 - p), 1e-16) * w;
        const q = Math.min(1 - EPS, Math.max(EPS, p));
        lossSum -= y[i] === 1 ? Math.log(q) : Math.log(1 - q);
      } else {
        const o = i * outputs;
        let max = -Infinity;
        for (let k = 0; k < outputs; k++) max = Math.max(max, margins[o + k]);
        let s = 0;
        for (let k = 0; k < outputs; k++) s += prob[k] = Math.exp(margins[o + k] - max);
        for (let k = 0; k < outputs; k++) {
          const p = prob[k] / s;
          grads[k][i] = p - (y[i] === k ? 1 : 0);
          hesss[k][i] = Math.max(p * (1 - p), 1e-16);
        }
        lossSum -= Math.log(Math.min(1 - EPS, Math.max(EPS, prob[y[i]] / s)));
      }
    }
    if (pending) {
      pending.loss = lossSum / rows;
      const record = pending;
      pending = null;
      if (finish(record)) {
        stoppedEarly = true;
        break;
      }
    }
    const sample = nSample < rows ? sampleSorted(rows, nSample, random) : null;
    const roundTrees: Tree[] = [];
    for (let k = 0; k < outputs; k++) {
      const features = nCols < cols ? Int32Array.from(sampleSorted(cols, nCols, random)) : allFeatures;
      const grown = grower.grow(grads[k], hesss[k], sample, features);
      const tree = grown.tree;
      roundTrees.push(tree);
      if (sample) {
        for (let i = 0; i < rows; i++) margins[i * outputs + k] += tree.value[leafBinned(tree, bins, rows, i, mapper.nBins)];
      } else {
        for (const leaf of grown.leaves) {
          const v = tree.value[leaf.node];
          for (let i = leaf.start; i < leaf.end; i++) margins[grown.order[i] * outputs + k] += v;
        }
      }
      if (valBins) for (let i = 0; i < valRows; i++) valMargins[i * outputs + k] += tree.value[leafBinned(tree, valBins, valRows, i, mapper.nBins)];
    }
    trees.push(roundTrees);

    const record: EpochRecord = { epoch: round, loss: NaN };
    if (val) Object.assign(record, evaluate(objective, outputs, valMargins, val.y));
    history.push(record);
    pending = record;

    if (performance.now() - lastYield >= YIELD_EVERY_MS) {
      await yieldToEventLoop();
      lastYield = performance.now();
    }
  }
  if (pending) {
    pending.loss = marginLoss(objective, outputs, margins, y);
    if (finish(pending)) stoppedEarly = true;
  }
  const last = history.at(-1)!;
  if (stoppedEarly) {
    hooks.onProgress?.({ phase: 'train', epoch: last.epoch, epochs: rounds, batch: 1, batches: 1, loss: last.loss, fraction: 1, metrics: { ...last } });
  }
  const keep = patience > 0 && val && bestRound > 0 && bestRound < trees.length ? bestRound : trees.length;
  const result: BoostResult = {
    ensemble: { objective, outputs, baseScore, trees: trees.slice(0, keep), nFeatures: cols },
    history,
    stoppedEarly,
    seconds: (performance.now() - started) / 1000,
    bins: mapper,
  };
  if (keep < trees.length) result.bestIteration = keep;
  return result;
}
