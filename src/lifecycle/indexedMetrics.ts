// The bootstrap's metrics evaluated straight from row indices: truth,
// predictions and probabilities are encoded once (class indices, numbers,
// each row's log-loss term, score orders), so a resample is one pass over
// its indices with no copied rows, labels or probability rows. Each gives
// the same number, bit for bit, as the metric in src/ml/metrics on the
// picked rows (same operations in the same order; tests/lifecycle/
// indexedMetrics.test.ts compares them), or throws where that one throws.
import type { Scalar } from '../core/outputs.ts';
import type { Prediction, Task } from '../core/values.ts';
import { compareLabels, indexLabels, sortedLabels } from '../ml/metrics/labels.ts';
import { FLOAT64_EPS } from '../ml/metrics/probabilistic.ts';
import { CellError } from '../core/errors.ts';

export type IndexedMetric = (indices: ArrayLike<number>) => number;

const EMPTY = 'y_true and y_pred are empty.';

/**
 * An index-based version of `key` (a supported metric key), or undefined
 * where the inputs need the general path (labels outside the model's
 * classes, probability rows of the wrong width, labels that sort equal).
 */
export function indexedMetric(key: string, task: Task, truth: readonly Scalar[], pred: Prediction): IndexedMetric | undefined {
  if (truth.length !== pred.predictions.length) return undefined;
  if (task === 'regression') return regression(key, Float64Array.from(truth, Number), Float64Array.from(pred.predictions, Number));
  if (key === 'accuracy') {
    // accuracy() compares the raw values (===), not label keys.
    const hit = Uint8Array.from(truth, (t, i) => (t === pred.predictions[i] ? 1 : 0));
    return (idx) => {
      if (idx.length === 0) throw new Error(EMPTY);
      let hits = 0;
      for (let i = 0; i < idx.length; i++) hits += hit[idx[i]];
      return hits / idx.length;
    };
  }
  const classes = pred.classes ?? [];
  const t = encode(truth, classes);
  if (key === 'roc_auc' || key === 'log_loss') {
    const proba = pred.probabilities;
    if (!t || !proba || proba.length !== truth.length || proba.some((row) => row.length !== classes.length)) return undefined;
    // NaN scores sort differently in a subset than in the whole: the general path keeps that behaviour.
    if (key === 'roc_auc' && proba.some((row) => row.some((v) => Number.isNaN(v)))) return undefined;
    return key === 'roc_auc' ? rocAuc(t, proba, classes.length) : logLoss(t, proba);
  }
  if (classes.length === 2) {
    const p = encode(pred.predictions, classes);
    if (!t || !p || classes[1] === classes[0]) return undefined;
    return binaryPRF(key as 'precision' | 'recall' | 'f1', t, p);
  }
  // Macro: over the labels that occur in the resample (truth or prediction), in sorted order.
  const labels = sortedLabels([...truth], [...pred.predictions]);
  for (let i = 1; i < labels.length; i++) if (!(compareLabels(labels[i - 1], labels[i]) < 0)) return undefined;
  return macroPRF(key as 'precision' | 'recall' | 'f1', indexLabels(truth, labels), indexLabels(pred.predictions, labels), labels.length);
}

function encode(values: readonly Scalar[], classes: readonly Scalar[]): Int32Array | undefined {
  try {
    return indexLabels(values, classes);
  } catch {
    return undefined;
  }
}

function regression(key: string, y: Float64Array, p: Float64Array): IndexedMetric {
  const check = (idx: ArrayLike<number>) => {
    if (idx.length === 0) throw new Error(EMPTY);
  };
  if (key === 'rmse') {
    return (idx) => {
      check(idx);
      let s = 0;
      for (let i = 0; i < idx.length; i++) s += (y[idx[i]] - p[idx[i]]) ** 2;
      return Math.sqrt(s / idx.length);
    };
  }
  if (key === 'mae') {
    return (idx) => {
      check(idx);
      let s = 0;
      for (let i = 0; i < idx.length; i++) s += Math.abs(y[idx[i]] - p[idx[i]]);
      return s / idx.length;
    };
  }
  if (key === 'mape') {
    return (idx) => {
      check(idx);
      let s = 0;
      for (let i = 0; i < idx.length; i++) s += Math.abs(p[idx[i]] - y[idx[i]]) / Math.max(Math.abs(y[idx[i]]), FLOAT64_EPS);
      return s / idx.length;
    };
  }
  return (idx) => {
    check(idx);
    const n = idx.length;
    let mean = 0;
    for (let i = 0; i < n; i++) mean += y[idx[i]];
    mean /= n;
    let ssRes = 0;
    let ssTot = 0;
    for (let i = 0; i < n; i++) {
      ssRes += (y[idx[i]] - p[idx[i]]) ** 2;
      ssTot += (y[idx[i]] - mean) ** 2;
    }
    if (ssTot === 0) return ssRes === 0 ? 1 : 0;
    return 1 - ssRes / ssTot;
  };
}

/**
 * ROC-AUC (binary: the second class's column; more: one-vs-rest macro) as
 * binaryRocAuc computes it, from each row's multiplicity in the resample:
 * rows are visited in one descending-score order fixed up front, and a
 * point closes where the next row present in the resample has another score.
 */
function rocAuc(t: Int32Array, proba: readonly (readonly number[])[], k: number): IndexedMetric {
  const n = t.length;
  const columns = k === 2 ? [1] : Array.from({ length: k }, (_, c) => c);
  const scores = columns.map((c) => Float64Array.from(proba, (row) => row[c]));
  const orders = scores.map((s) => Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => s[b] - s[a]));
  const count = new Uint32Array(n);
  return (idx) => {
    if (idx.length === 0) throw new Error('labels and scores are empty.');
    count.fill(0);
    for (let i = 0; i < idx.length; i++) count[idx[i]]++;
    let sum = 0;
    for (let j = 0; j < columns.length; j++) {
      const c = columns[j];
      const s = scores[j];
      const order = orders[j];
      let totalPos = 0;
      for (let i = 0; i < idx.length; i++) if (t[idx[i]] === c) totalPos++;
      const totalNeg = idx.length - totalPos;
      if (totalPos === 0 || totalNeg === 0) throw CellError.coded('metric.aucOneClass');
      let tp = 0;
      let fp = 0;
      let prevTpr = 0;
      let prevFpr = 0;
      let area = 0;
      let open = false;
      let last = 0;
      for (let r = 0; r < n; r++) {
        const i = order[r];
        const m = count[i];
        if (m === 0) continue;
        if (open && s[i] !== last) {
          const tpr = tp / totalPos;
          const fpr = fp / totalNeg;
          area += ((fpr - prevFpr) * (tpr + prevTpr)) / 2;
          prevTpr = tpr;
          prevFpr = fpr;
        }
        if (t[i] === c) tp += m;
        else fp += m;
        last = s[i];
        open = true;
      }
      const tpr = tp / totalPos;
      const fpr = fp / totalNeg;
      area += ((fpr - prevFpr) * (tpr + prevTpr)) / 2;
      if (k === 2) return area;
      sum += area;
    }
    return sum / k;
  };
}

/** logLoss: each row's term computed once; the resample subtracts them in its order. */
function logLoss(t: Int32Array, proba: readonly (readonly number[])[]): IndexedMetric {
  const clip = (p: number) => (p < FLOAT64_EPS ? FLOAT64_EPS : p > 1 - FLOAT64_EPS ? 1 - FLOAT64_EPS : p);
  const term = Float64Array.from(proba, (row, i) => {
    let sum = 0;
    for (const p of row) sum += clip(p);
    return Math.log(clip(row[t[i]]) / sum);
  });
  return (idx) => {
    if (idx.length === 0) throw new Error('y_true and probabilities are empty.');
    let total = 0;
    for (let i = 0; i < idx.length; i++) total -= term[idx[i]];
    return total / idx.length;
  };
}

type PRFKey = 'precision' | 'recall' | 'f1';

function prf(part: PRFKey, tp: number, predicted: number, actual: number): number {
  const p = predicted === 0 ? 0 : tp / predicted;
  const r = actual === 0 ? 0 : tp / actual;
  if (part === 'precision') return p;
  if (part === 'recall') return r;
  const denom = p + r;
  return denom === 0 ? 0 : (2 * p * r) / denom;
}

/** precisionRecallF1 with average 'binary' of class 1 (labels = the model's two classes). */
function binaryPRF(part: PRFKey, t: Int32Array, p: Int32Array): IndexedMetric {
  return (idx) => {
    if (idx.length === 0) throw new Error(EMPTY);
    let tp = 0;
    let predicted = 0;
    let actual = 0;
    for (let i = 0; i < idx.length; i++) {
      const a = t[idx[i]] === 1;
      const b = p[idx[i]] === 1;
      if (a) actual++;
      if (b) predicted++;
      if (a && b) tp++;
    }
    return prf(part, tp, predicted, actual);
  };
}

/** precisionRecallF1 with average 'macro' over the labels present in the resample. */
function macroPRF(part: PRFKey, t: Int32Array, p: Int32Array, k: number): IndexedMetric {
  const tp = new Float64Array(k);
  const predicted = new Float64Array(k);
  const actual = new Float64Array(k);
  return (idx) => {
    if (idx.length === 0) throw new Error(EMPTY);
    tp.fill(0);
    predicted.fill(0);
    actual.fill(0);
    for (let i = 0; i < idx.length; i++) {
      const a = t[idx[i]];
      const b = p[idx[i]];
      actual[a]++;
      predicted[b]++;
      if (a === b) tp[a]++;
    }
    let sum = 0;
    let present = 0;
    for (let c = 0; c < k; c++) {
      if (actual[c] === 0 && predicted[c] === 0) continue;
      sum += prf(part, tp[c], predicted[c], actual[c]);
      present++;
    }
    return sum / present;
  };
}
