// Percentile bootstrap confidence intervals for any metric: resample the
// rows with replacement n_boot times (seeded, so the interval is the same
// on every run and host), compute the metric on each resample and take the
// α/2 and 1 − α/2 percentiles (np.percentile, linear). Resamples on which
// the metric is undefined (ROC-AUC with one class) are skipped and counted.
import { seededRandom } from '../../core/random.ts';
import { quantileSorted } from './quantile.ts';

export interface BootstrapOptions {
  nBoot?: number;
  seed?: number;
  /** 1 − confidence level; 0.05 gives a 95% interval. */
  alpha?: number;
  /** Called between resamples (to honour cancel). */
  check?: () => void;
}

export interface BootstrapInterval {
  estimate: number;
  low: number;
  high: number;
  /** Resamples the metric was defined on. */
  used: number;
  nBoot: number;
  alpha: number;
}

/** Row indices of each resample, drawn as floor(u · n) from mulberry32(seed). */
export function* bootstrapIndices(n: number, nBoot: number, seed: number): Generator<Uint32Array> {
  const random = seededRandom(seed);
  for (let b = 0; b < nBoot; b++) {
    const idx = new Uint32Array(n);
    for (let i = 0; i < n; i++) idx[i] = Math.floor(random() * n);
    yield idx;
  }
}

/** `metric(indices)` computes the metric on the given rows; the estimate uses all rows. */
export function bootstrapCI(n: number, metric: (indices: Uint32Array) => number, options: BootstrapOptions = {}): BootstrapInterval {
  const nBoot = options.nBoot ?? 1000;
  const alpha = options.alpha ?? 0.05;
  const all = new Uint32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  const estimate = metric(all);
  const values: number[] = [];
  for (const idx of bootstrapIndices(n, nBoot, options.seed ?? 0)) {
    options.check?.();
    let v: number;
    try {
      v = metric(idx);
    } catch {
      continue;
    }
    if (Number.isFinite(v)) values.push(v);
  }
  return interval(estimate, values, nBoot, alpha);
}

function interval(estimate: number, values: number[], nBoot: number, alpha: number): BootstrapInterval {
  if (values.length === 0) return { estimate, low: NaN, high: NaN, used: 0, nBoot, alpha };
  values.sort((a, b) => a - b);
  return { estimate, low: quantileSorted(values, alpha / 2), high: quantileSorted(values, 1 - alpha / 2), used: values.length, nBoot, alpha };
}

export interface PairedIntervals {
  a: BootstrapInterval;
  b: BootstrapInterval;
  /** B − A on the same resamples. */
  diff: BootstrapInterval;
}

type Metric = (indices: Uint32Array) => number;

/**
 * For each pair of metrics (A, B): the intervals of A, of B and of B − A,
 * the same as bootstrapCI(n, a), bootstrapCI(n, b) and bootstrapCI(n,
 * idx => b(idx) − a(idx)) with these options, but from one draw of the
 * resamples and one evaluation of each metric per resample (the three
 * calls draw them three times and evaluate each metric twice for the difference).
 */
export function pairedBootstrapCIs(n: number, pairs: readonly { a: Metric; b: Metric }[], options: BootstrapOptions = {}): PairedIntervals[] {
  const nBoot = options.nBoot ?? 1000;
  const alpha = options.alpha ?? 0.05;
  const all = new Uint32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  const estimates = pairs.map(({ a, b }) => {
    const ea = a(all);
    const eb = b(all);
    return { a: ea, b: eb, diff: eb - ea };
  });
  const values = pairs.map(() => ({ a: [] as number[], b: [] as number[], diff: [] as number[] }));
  const attempt = (metric: Metric, idx: Uint32Array): number | undefined => {
    try {
      return metric(idx);
    } catch {
      return undefined;
    }
  };
  for (const idx of bootstrapIndices(n, nBoot, options.seed ?? 0)) {
    options.check?.();
    pairs.forEach(({ a, b }, k) => {
      const va = attempt(a, idx);
      const vb = attempt(b, idx);
      if (va !== undefined && Number.isFinite(va)) values[k].a.push(va);
      if (vb !== undefined && Number.isFinite(vb)) values[k].b.push(vb);
      if (va !== undefined && vb !== undefined && Number.isFinite(vb - va)) values[k].diff.push(vb - va);
    });
  }
  return estimates.map((e, k) => ({
    a: interval(e.a, values[k].a, nBoot, alpha),
    b: interval(e.b, values[k].b, nBoot, alpha),
    diff: interval(e.diff, values[k].diff, nBoot, alpha),
  }));
}
