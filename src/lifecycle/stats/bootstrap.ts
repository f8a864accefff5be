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
  if (values.length === 0) return { estimate, low: NaN, high: NaN, used: 0, nBoot, alpha };
  values.sort((a, b) => a - b);
  return { estimate, low: quantileSorted(values, alpha / 2), high: quantileSorted(values, 1 - alpha / 2), used: values.length, nBoot, alpha };
}
