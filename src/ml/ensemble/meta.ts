// Meta-learners for blending: small models fitted on the base models'
// predictions. Plain Float64 arithmetic (no tfjs), solved by Newton's method
// so the optimum is the one scikit-learn's solvers converge to:
// - logistic: LogisticRegression(C) — L2 penalty ½‖w‖² + C·Σ log loss, the
//   intercept not penalised; binary (sigmoid) or multinomial (softmax).
// - ridge: Ridge(alpha) — ‖y − Xw − b‖² + alpha‖w‖², intercept not penalised.

/** Solve A x = b (A n×n, row-major copy) by Gaussian elimination with partial pivoting. */
export function solve(A: Float64Array, b: Float64Array, n: number): Float64Array {
  const M = Float64Array.from(A);
  const x = Float64Array.from(b);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r * n + c]) > Math.abs(M[p * n + c])) p = r;
    if (Math.abs(M[p * n + c]) < 1e-300) throw new Error('The meta-learner\'s system is singular.');
    if (p !== c) {
      for (let k = 0; k < n; k++) [M[c * n + k], M[p * n + k]] = [M[p * n + k], M[c * n + k]];
      [x[c], x[p]] = [x[p], x[c]];
    }
    for (let r = c + 1; r < n; r++) {
      const f = M[r * n + c] / M[c * n + c];
      if (f === 0) continue;
      for (let k = c; k < n; k++) M[r * n + k] -= f * M[c * n + k];
      x[r] -= f * x[c];
    }
  }
  for (let c = n - 1; c >= 0; c--) {
    let s = x[c];
    for (let k = c + 1; k < n; k++) s -= M[c * n + k] * x[k];
    x[c] = s / M[c * n + c];
  }
  return x;
}

export interface LogisticMeta {
  kind: 'logistic';
  /** One row per output: 1 row (binary, the positive class's logit) or one per class (multinomial). */
  coef: number[][];
  intercept: number[];
  iterations: number;
}

export interface RidgeMeta {
  kind: 'ridge';
  coef: number[];
  intercept: number;
}

export type MetaModel = LogisticMeta | RidgeMeta;

function softmaxRow(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/**
 * Logistic regression on rows × d features (row-major) and class indices y in
 * 0..k−1. Binary (k = 2) fits one logit (class 1 vs 0), like scikit-learn.
 */
export function fitLogistic(X: ArrayLike<number>, rows: number, d: number, y: ArrayLike<number>, k: number, C = 1, options: { maxIter?: number; /** Stop when no parameter moves more than this. */ tol?: number } = {}): LogisticMeta {
  if (k < 2) throw new Error('Logistic regression needs at least two classes.');
  if (!(C > 0)) throw new Error(`C must be above 0, not ${C}.`);
  const maxIter = options.maxIter ?? 100;
  const tol = options.tol ?? 1e-10;
  const outputs = k === 2 ? 1 : k;
  const width = d + 1; // weights then intercept
  const P = outputs * width;
  const theta = new Float64Array(P);
  const xi = (i: number, a: number) => (a === d ? 1 : X[i * d + a]);

  // Objective: ½‖w‖² + C Σ loss (intercepts not penalised).
  const objective = (t: Float64Array): number => {
    let loss = 0;
    for (let i = 0; i < rows; i++) {
      if (outputs === 1) {
        let z = t[d];
        for (let a = 0; a < d; a++) z += t[a] * X[i * d + a];
        // log(1 + e^z) − y z, stably
        loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - (y[i] === 1 ? z : 0);
      } else {
        const z: number[] = [];
        for (let c = 0; c < outputs; c++) {
          let s = t[c * width + d];
          for (let a = 0; a < d; a++) s += t[c * width + a] * X[i * d + a];
          z.push(s);
        }
        const m = Math.max(...z);
        const lse = m + Math.log(z.reduce((acc, v) => acc + Math.exp(v - m), 0));
        loss += lse - z[y[i]];
      }
    }
    let pen = 0;
    for (let c = 0; c < outputs; c++) for (let a = 0; a < d; a++) pen += t[c * width + a] ** 2;
    return 0.5 * pen + C * loss;
  };

  let f = objective(theta);
  let iterations = 0;
  for (; iterations < maxIter; iterations++) {
    const g = new Float64Array(P);
    const H = new Float64Array(P * P);
    for (let i = 0; i < rows; i++) {
      if (outputs === 1) {
        let z = theta[d];
        for (let a = 0; a < d; a++) z += theta[a] * X[i * d + a];
        const p = sigmoid(z);
        const r = p - (y[i] === 1 ? 1 : 0);
        const w = p * (1 - p);
        for (let a = 0; a < width; a++) {
          const xa = xi(i, a);
          g[a] += C * r * xa;
          for (let b = 0; b < width; b++) H[a * P + b] += C * w * xa * xi(i, b);
        }
      } else {
        const z: number[] = [];
        for (let c = 0; c < outputs; c++) {
          let s = theta[c * width + d];
          for (let a = 0; a < d; a++) s += theta[c * width + a] * X[i * d + a];
          z.push(s);
        }
        const p = softmaxRow(z);
        for (let c = 0; c < outputs; c++) {
          const r = p[c] - (y[i] === c ? 1 : 0);
          for (let a = 0; a < width; a++) g[c * width + a] += C * r * xi(i, a);
          for (let e = 0; e < outputs; e++) {
            const w = p[c] * ((c === e ? 1 : 0) - p[e]);
            if (w === 0) continue;
            for (let a = 0; a < width; a++) {
              const xa = xi(i, a) * w * C;
              for (let b = 0; b < width; b++) H[(c * width + a) * P + e * width + b] += xa * xi(i, b);
            }
          }
        }
      }
    }
    for (let c = 0; c < outputs; c++) {
      for (let a = 0; a < width; a++) {
        const j = c * width + a;
        if (a < d) {
          g[j] += theta[j];
          H[j * P + j] += 1;
        } else {
          // The softmax's intercepts are defined up to a common shift (and an
          // intercept can run off on separable data): a tiny ridge keeps the
          // Newton system solvable without moving the optimum measurably.
          H[j * P + j] += 1e-9;
        }
      }
    }
    const step = solve(H, g, P);
    // Backtracking line search on the (convex) objective.
    let t = 1;
    let next = new Float64Array(P);
    let fNext = Infinity;
    for (let ls = 0; ls < 30; ls++) {
      for (let j = 0; j < P; j++) next[j] = theta[j] - t * step[j];
      fNext = objective(next);
      if (fNext <= f) break;
      t /= 2;
    }
    if (!(fNext <= f)) break;
    const moved = Math.max(...Array.from(step, (s) => Math.abs(s * t)));
    theta.set(next);
    f = fNext;
    next = new Float64Array(P);
    // Newton converges quadratically: stop once the step itself is negligible.
    if (moved < tol) {
      iterations++;
      break;
    }
  }
  const coef: number[][] = [];
  const intercept: number[] = [];
  for (let c = 0; c < outputs; c++) {
    coef.push(Array.from(theta.subarray(c * width, c * width + d)));
    intercept.push(theta[c * width + d]);
  }
  if (outputs > 1) {
    // Centre the intercepts (the shift is free; scikit-learn's come out centred too).
    const m = intercept.reduce((a, b) => a + b, 0) / outputs;
    for (let c = 0; c < outputs; c++) intercept[c] -= m;
  }
  return { kind: 'logistic', coef, intercept, iterations };
}

/** Class probabilities of a fitted logistic meta-learner for one row of features. */
export function logisticProba(meta: LogisticMeta, x: ArrayLike<number>): number[] {
  const z = meta.coef.map((w, c) => {
    let s = meta.intercept[c];
    for (let a = 0; a < w.length; a++) s += w[a] * x[a];
    return s;
  });
  if (z.length === 1) {
    const p = sigmoid(z[0]);
    return [1 - p, p];
  }
  return softmaxRow(z);
}

/** Ridge regression (alpha ≥ 0; 0 is ordinary least squares) with an unpenalised intercept. */
export function fitRidge(X: ArrayLike<number>, rows: number, d: number, y: ArrayLike<number>, alpha = 1): RidgeMeta {
  if (!(alpha >= 0)) throw new Error(`alpha must be 0 or more, not ${alpha}.`);
  const meanX = new Float64Array(d);
  let meanY = 0;
  for (let i = 0; i < rows; i++) {
    meanY += y[i] / rows;
    for (let a = 0; a < d; a++) meanX[a] += X[i * d + a] / rows;
  }
  const A = new Float64Array(d * d);
  const b = new Float64Array(d);
  for (let i = 0; i < rows; i++) {
    const yc = y[i] - meanY;
    for (let a = 0; a < d; a++) {
      const xa = X[i * d + a] - meanX[a];
      b[a] += xa * yc;
      for (let c = 0; c < d; c++) A[a * d + c] += xa * (X[i * d + c] - meanX[c]);
    }
  }
  // A tiny jitter keeps perfectly collinear members (two identical models) solvable with alpha 0.
  for (let a = 0; a < d; a++) A[a * d + a] += alpha + 1e-12;
  const w = d ? solve(A, b, d) : new Float64Array(0);
  let intercept = meanY;
  for (let a = 0; a < d; a++) intercept -= w[a] * meanX[a];
  return { kind: 'ridge', coef: Array.from(w), intercept };
}

export function ridgePredict(meta: RidgeMeta, x: ArrayLike<number>): number {
  let s = meta.intercept;
  for (let a = 0; a < meta.coef.length; a++) s += meta.coef[a] * x[a];
  return s;
}
