// A/B comparison of two models on the same held-out rows: each metric with
// a percentile bootstrap interval, the paired difference (B − A) on the
// same resamples, McNemar's test on which rows each classifier gets right,
// and a simulated traffic split that sends each row to arm A with
// probability `trafficSplit` (seeded) and reports each arm's outcome.
import type { Prediction, Task } from '../core/values.ts';
import type { Scalar } from '../core/outputs.ts';
import { seededRandom } from '../core/random.ts';
import { labelKey } from '../ml/metrics/labels.ts';
import { mcnemar, pairedBootstrapCIs, type BootstrapInterval } from './stats/index.ts';
import { subsetMetric } from './subsetMetrics.ts';

export interface CompareOptions {
  metrics: readonly string[];
  nBoot: number;
  seed: number;
  alpha: number;
  trafficSplit: number;
  check?: () => void;
}

export interface MetricComparison {
  metric: string;
  a: BootstrapInterval;
  b: BootstrapInterval;
  /** B − A on the same resamples (paired). */
  diff: BootstrapInterval;
}

export interface McNemarReport {
  /** [[both right, only A right], [only B right, both wrong]]. */
  table: number[][];
  method: 'exact' | 'chi2';
  statistic: number;
  pvalue: number;
}

export interface ArmOutcome {
  arm: 'A' | 'B';
  rows: number;
  /** Classification: share of rows predicted right; regression: mean absolute error. */
  outcome: number;
  outcomeName: 'accuracy' | 'mae';
}

export interface Comparison {
  task: Task;
  rows: number;
  metrics: MetricComparison[];
  mcnemar?: McNemarReport;
  traffic: { split: number; seed: number; arms: ArmOutcome[] };
}

/** Below this many discordant rows McNemar uses the exact binomial test (the usual rule of thumb). */
export const MCNEMAR_EXACT_BELOW = 25;

function correct(truth: readonly Scalar[], pred: Prediction): boolean[] {
  return truth.map((t, i) => labelKey(t) === labelKey(pred.predictions[i]));
}

export function mcnemarReport(truth: readonly Scalar[], a: Prediction, b: Prediction): McNemarReport {
  const ra = correct(truth, a);
  const rb = correct(truth, b);
  const table = [[0, 0], [0, 0]];
  for (let i = 0; i < truth.length; i++) table[ra[i] ? 0 : 1][rb[i] ? 0 : 1]++;
  const exact = table[0][1] + table[1][0] < MCNEMAR_EXACT_BELOW;
  const r = mcnemar(table, { exact, correction: true });
  return { table, method: exact ? 'exact' : 'chi2', statistic: r.statistic, pvalue: r.pvalue };
}

/** Each row goes to arm A with probability `split`; a different stream from the bootstrap's. */
export function trafficArms(n: number, split: number, seed: number): Uint8Array {
  const random = seededRandom(seed ^ 0x5bd1e995);
  const arm = new Uint8Array(n);
  for (let i = 0; i < n; i++) arm[i] = random() < split ? 0 : 1;
  return arm;
}

export function compareModels(task: Task, truth: readonly Scalar[], a: Prediction, b: Prediction, o: CompareOptions): Comparison {
  const n = truth.length;
  // Every metric on the same resamples, each model's metric evaluated once per resample.
  const pairs = o.metrics.map((metric) => ({ a: subsetMetric(metric, task, truth, a), b: subsetMetric(metric, task, truth, b) }));
  const intervals = pairedBootstrapCIs(n, pairs, { nBoot: o.nBoot, seed: o.seed, alpha: o.alpha, check: o.check });
  const metrics = o.metrics.map((metric, k): MetricComparison => ({ metric, ...intervals[k] }));
  const arm = trafficArms(n, o.trafficSplit, o.seed);
  const arms: ArmOutcome[] = (['A', 'B'] as const).map((name, k) => {
    const pred = k === 0 ? a : b;
    let rows = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      if (arm[i] !== k) continue;
      rows++;
      total += task === 'classification' ? Number(labelKey(truth[i]) === labelKey(pred.predictions[i])) : Math.abs(Number(truth[i]) - Number(pred.predictions[i]));
    }
    return { arm: name, rows, outcome: rows ? total / rows : NaN, outcomeName: task === 'classification' ? 'accuracy' : 'mae' };
  });
  const out: Comparison = { task, rows: n, metrics, traffic: { split: o.trafficSplit, seed: o.seed, arms } };
  if (task === 'classification') out.mcnemar = mcnemarReport(truth, a, b);
  return out;
}
