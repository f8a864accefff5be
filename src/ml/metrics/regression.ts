// Regression metrics with scikit-learn's semantics: RMSE, MAE, MAPE (a
// fraction, |y| floored at float64 eps so zeros give huge but finite values)
// and R² (force_finite: a constant y_true gives 1 if perfect, else 0).
import { checkSameLength } from './labels.ts';
import { FLOAT64_EPS } from './probabilistic.ts';

type Nums = ArrayLike<number>;

export function rmse(yTrue: Nums, yPred: Nums): number {
  checkSameLength(yTrue, yPred);
  let s = 0;
  for (let i = 0; i < yTrue.length; i++) s += (yTrue[i] - yPred[i]) ** 2;
  return Math.sqrt(s / yTrue.length);
}

export function mae(yTrue: Nums, yPred: Nums): number {
  checkSameLength(yTrue, yPred);
  let s = 0;
  for (let i = 0; i < yTrue.length; i++) s += Math.abs(yTrue[i] - yPred[i]);
  return s / yTrue.length;
}

export function mape(yTrue: Nums, yPred: Nums): number {
  checkSameLength(yTrue, yPred);
  let s = 0;
  for (let i = 0; i < yTrue.length; i++) s += Math.abs(yPred[i] - yTrue[i]) / Math.max(Math.abs(yTrue[i]), FLOAT64_EPS);
  return s / yTrue.length;
}

export function r2(yTrue: Nums, yPred: Nums): number {
  checkSameLength(yTrue, yPred);
  const n = yTrue.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += yTrue[i];
  mean /= n;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < n; i++) {
    ssRes += (yTrue[i] - yPred[i]) ** 2;
    ssTot += (yTrue[i] - mean) ** 2;
  }
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}
