// Binary logistic regression on sparse rows, fitted as scikit-learn's
// LogisticRegression(penalty='l2', C, solver='lbfgs') fits it: minimise
// C·Σ log(1 + exp(−yᵢ(w·xᵢ + b))) + ½‖w‖² (the intercept b is not
// penalised) with L-BFGS until the gradient vanishes. The objective is
// strictly convex, so converging to its one minimum gives scikit-learn's
// model up to the tolerance.
import type { SparseRow } from './tfidf.ts';

export interface LogisticOptions {
  C: number;
  maxIter: number;
  /** Stop when the largest gradient component is below this. */
  tolerance: number;
}

export interface LogisticFit {
  weights: Float64Array;
  intercept: number;
  iterations: number;
  converged: boolean;
  loss: number;
}

function margins(rows: readonly SparseRow[], w: Float64Array, b: number): Float64Array {
  return Float64Array.from(rows, (r) => {
    let z = b;
    for (let t = 0; t < r.indices.length; t++) z += w[r.indices[t]] * r.values[t];
    return z;
  });
}

/** log(1 + exp(x)) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** `y` holds 0/1 labels. Parameters are packed as [w..., b]. */
export function fitLogistic(rows: readonly SparseRow[], y: ArrayLike<number>, features: number, options: LogisticOptions, onIteration?: (iteration: number, loss: number) => void): LogisticFit {
  if (!(options.C > 0)) throw new Error(`C must be positive (got ${options.C}).`);
  const n = features + 1;
  const sign = Float64Array.from({ length: rows.length }, (_, i) => (y[i] ? 1 : -1));
  const evaluate = (theta: Float64Array, grad: Float64Array): number => {
    const w = theta.subarray(0, features);
    const b = theta[features];
    const z = margins(rows, w, b);
    let loss = 0;
    grad.fill(0);
    for (let i = 0; i < rows.length; i++) {
      const m = sign[i] * z[i];
      loss += softplus(-m);
      // d/dz log(1 + exp(−s·z)) = −s·σ(−s·z)
      const g = (-sign[i] / (1 + Math.exp(m))) * options.C;
      const r = rows[i];
      for (let t = 0; t < r.indices.length; t++) grad[r.indices[t]] += g * r.values[t];
      grad[features] += g;
    }
    let reg = 0;
    for (let j = 0; j < features; j++) {
      reg += theta[j] * theta[j];
      grad[j] += theta[j];
    }
    return options.C * loss + 0.5 * reg;
  };

  const history = 10;
  const s: Float64Array[] = [];
  const yk: Float64Array[] = [];
  const rho: number[] = [];
  let theta = new Float64Array(n);
  let grad = new Float64Array(n);
  let f = evaluate(theta, grad);
  let iterations = 0;
  let converged = false;
  const maxAbs = (v: Float64Array) => v.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  for (; iterations < options.maxIter; iterations++) {
    if (maxAbs(grad) < options.tolerance) {
      converged = true;
      break;
    }
    // Two-loop recursion: direction = −H·grad.
    const q = Float64Array.from(grad);
    const alphas: number[] = [];
    for (let k = s.length - 1; k >= 0; k--) {
      const a = rho[k] * dot(s[k], q);
      alphas[k] = a;
      axpy(-a, yk[k], q);
    }
    const gamma = s.length ? dot(s[s.length - 1], yk[yk.length - 1]) / dot(yk[yk.length - 1], yk[yk.length - 1]) : 1 / Math.max(Math.sqrt(dot(grad, grad)), 1e-12);
    for (let j = 0; j < n; j++) q[j] *= gamma;
    for (let k = 0; k < s.length; k++) {
      const beta = rho[k] * dot(yk[k], q);
      axpy(alphas[k] - beta, s[k], q);
    }
    const direction = q.map((v) => -v);
    let slope = dot(grad, direction);
    if (!(slope < 0)) {
      // Not a descent direction (lost curvature): restart from the gradient.
      s.length = yk.length = rho.length = 0;
      for (let j = 0; j < n; j++) direction[j] = -grad[j];
      slope = -dot(grad, grad);
    }
    // Backtracking line search (Armijo).
    let step = 1;
    const nextGrad = new Float64Array(n);
    let next = new Float64Array(n);
    let fNext = Infinity;
    for (let tries = 0; tries < 50; tries++) {
      next = Float64Array.from(theta, (v, j) => v + step * direction[j]);
      fNext = evaluate(next, nextGrad);
      if (fNext <= f + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNext < f) && !(fNext <= f)) break;
    const sk = Float64Array.from(next, (v, j) => v - theta[j]);
    const ykNew = Float64Array.from(nextGrad, (v, j) => v - grad[j]);
    const sy = dot(sk, ykNew);
    if (sy > 1e-12) {
      s.push(sk);
      yk.push(ykNew);
      rho.push(1 / sy);
      if (s.length > history) {
        s.shift();
        yk.shift();
        rho.shift();
      }
    }
    const improvement = f - fNext;
    theta = next;
    grad = nextGrad;
    f = fNext;
    onIteration?.(iterations + 1, f);
    if (improvement <= 1e-14 * Math.max(Math.abs(f), 1)) {
      converged = maxAbs(grad) < options.tolerance * 100;
      iterations++;
      break;
    }
  }
  return { weights: theta.slice(0, features), intercept: theta[features], iterations, converged, loss: f };
}

/** P(y = 1) of one row. */
export function logisticProbability(fit: Pick<LogisticFit, 'weights' | 'intercept'>, row: SparseRow): number {
  let z = fit.intercept;
  for (let t = 0; t < row.indices.length; t++) z += fit.weights[row.indices[t]] * row.values[t];
  return 1 / (1 + Math.exp(-z));
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] += a * x[i];
}
