// Standardisation fitted on the training rows and stored with the model.
// Gradient descent converges far better on unit-scale inputs (and, for
// regression, a unit-scale target), and students should not need a scaling
// step just to make a linear model train.

export interface Scaler {
  mean: Float64Array;
  std: Float64Array;
}

/** Column means and population standard deviations; constant columns get std 1. */
export function fitScaler(X: Float32Array, rows: number, cols: number): Scaler {
  const mean = new Float64Array(cols);
  const std = new Float64Array(cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) mean[j] += X[i * cols + j];
  for (let j = 0; j < cols; j++) mean[j] /= Math.max(rows, 1);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) std[j] += (X[i * cols + j] - mean[j]) ** 2;
  for (let j = 0; j < cols; j++) {
    const s = Math.sqrt(std[j] / Math.max(rows, 1));
    std[j] = s > 1e-12 ? s : 1;
  }
  return { mean, std };
}

export function applyScaler(X: Float32Array, cols: number, scaler: Scaler): Float32Array {
  const out = new Float32Array(X.length);
  for (let k = 0; k < X.length; k++) {
    const j = k % cols;
    out[k] = (X[k] - scaler.mean[j]) / scaler.std[j];
  }
  return out;
}

export function scalerToJSON(s: Scaler): { mean: number[]; std: number[] } {
  return { mean: Array.from(s.mean), std: Array.from(s.std) };
}
