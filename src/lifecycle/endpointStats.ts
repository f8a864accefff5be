// What the invoke and monitor cells report about an endpoint's traffic:
// each variant's share of the requests against its weight (with the exact
// binomial 99 % interval the count should fall in), latency, and the live
// metrics of the requests whose true outcome has arrived.
import type { EndpointVariant, LogEntry } from './endpoint.ts';
import { binomialInterval } from './stats/binomial.ts';
import { quantileSorted, sortedCopy } from './stats/quantile.ts';
import { accuracy, mae, rmse, rocAuc, sortedLabels, type Label } from '../ml/metrics/index.ts';

export interface VariantTraffic {
  variant: string;
  model: string;
  version: number;
  weight: number;
  /** weight / Σ weights. */
  expectedShare: number;
  requests: number;
  share: number;
  /** The counts Binomial(n, expectedShare) puts 99 % of its mass in (scipy's binom.interval). */
  low: number;
  high: number;
  withinInterval: boolean;
  meanLatencyMs: number;
  p95LatencyMs: number;
}

/** Per-variant traffic of `entries` (requests of one config) against the config's weights. */
export function trafficSummary(variants: readonly EndpointVariant[], entries: readonly Pick<LogEntry, 'variant' | 'latencyMs'>[], confidence = 0.99): VariantTraffic[] {
  const total = variants.reduce((s, v) => s + v.weight, 0);
  const n = entries.length;
  return variants.map((v) => {
    const mine = entries.filter((e) => e.variant === v.variant);
    const expectedShare = total > 0 ? v.weight / total : 0;
    const { low, high } = binomialInterval(n, expectedShare, confidence);
    const latencies = sortedCopy(mine.map((e) => e.latencyMs));
    return {
      variant: v.variant, model: v.model, version: v.version, weight: v.weight, expectedShare,
      requests: mine.length, share: n ? mine.length / n : NaN, low, high, withinInterval: mine.length >= low && mine.length <= high,
      meanLatencyMs: latencies.length ? latencies.reduce((s, x) => s + x, 0) / latencies.length : NaN,
      p95LatencyMs: latencies.length ? quantileSorted(latencies, 0.95) : NaN,
    };
  });
}

export interface VariantLiveMetrics {
  variant: string;
  requests: number;
  labelled: number;
  /** accuracy and, when every entry has a score and both classes occur, roc_auc (classification); mae and rmse (regression). */
  metrics: Record<string, number>;
}

/**
 * Metrics of each variant on its labelled requests. Classification: the
 * accuracy of the logged predictions; AUC from the logged score (the
 * probability of the greater class, scikit-learn's positive label) when
 * the labels hold exactly two classes. Regression: MAE and RMSE.
 */
export function liveMetrics(variants: readonly string[], entries: readonly LogEntry[], task: 'classification' | 'regression'): VariantLiveMetrics[] {
  return variants.map((variant) => {
    const mine = entries.filter((e) => e.variant === variant);
    const labelled = mine.filter((e) => e.label !== undefined && e.label !== null);
    const metrics: Record<string, number> = {};
    if (labelled.length) {
      if (task === 'regression') {
        const y = labelled.map((e) => Number(e.label));
        const p = labelled.map((e) => Number(e.prediction));
        metrics.mae = mae(y, p);
        metrics.rmse = rmse(y, p);
      } else {
        const y = labelled.map((e) => e.label as Label);
        metrics.accuracy = accuracy(y, labelled.map((e) => e.prediction as Label));
        const classes = sortedLabels(y);
        // The score must be the probability of the greater class (scikit-learn's positive label) for every entry.
        const scored = classes.length === 2 && labelled.every((e) => e.score !== undefined && e.scoreClass === String(classes[1]));
        if (scored) {
          metrics.roc_auc = rocAuc(y, labelled.map((e) => [1 - (e.score as number), e.score as number]), classes);
        }
      }
    }
    return { variant, requests: mine.length, labelled: labelled.length, metrics };
  });
}
