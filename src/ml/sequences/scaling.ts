// Per-feature scaling fitted on training rows and reused for validation and
// test sequences, so every split sees the same numbers (the course's
// MinMaxScaler / StandardScaler fitted on the training part only).
import type { FeatureScaling } from './types.ts';

/** Fit on `rows` rows of a row-major matrix with `cols` columns. */
export function fitScaling(method: FeatureScaling['method'], X: Float64Array | Float32Array, rows: number, cols: number): FeatureScaling {
  const offset = new Array<number>(cols).fill(0);
  const scale = new Array<number>(cols).fill(1);
  if (method === 'none' || rows === 0) return { method, offset, scale };
  for (let j = 0; j < cols; j++) {
    let lo = Infinity;
    let hi = -Infinity;
    let sum = 0;
    for (let i = 0; i < rows; i++) {
      const v = X[i * cols + j];
      sum += v;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (method === 'minmax') {
      offset[j] = lo;
      scale[j] = hi - lo > 1e-12 ? hi - lo : 1;
    } else {
      const mean = sum / rows;
      let ss = 0;
      for (let i = 0; i < rows; i++) ss += (X[i * cols + j] - mean) ** 2;
      const std = Math.sqrt(ss / rows);
      offset[j] = mean;
      scale[j] = std > 1e-12 ? std : 1;
    }
  }
  return { method, offset, scale };
}

export function scaleValue(s: FeatureScaling, j: number, v: number): number {
  return (v - s.offset[j]) / s.scale[j];
}
