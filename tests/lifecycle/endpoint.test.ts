// The endpoint model: seeded routing by weights (checked against an exact
// binomial interval), the request log, and the config history of deploys,
// redeploys and undeploys; live metrics against scikit-learn.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { appendLog, attachLabels, currentConfig, deploy, endpointSchema, routeRequests, undeploy, type EndpointVariant, type LogEntry } from '../../src/lifecycle/endpoint.ts';
import { MemoryEndpointStore } from '../../src/lifecycle/endpointStore.ts';
import { binomialInterval } from '../../src/lifecycle/stats/binomial.ts';
import { liveMetrics, trafficSummary } from '../../src/lifecycle/endpointStats.ts';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/endpoint_stats.json', import.meta.url), 'utf8')) as {
  binomial: { n: number; p: number; low: number; high: number }[];
  log: { variant: string; key: string; score: number; prediction: string; label: string | null }[];
  live: Record<string, { requests: number; labelled: number; accuracy: number; roc_auc: number }>;
};

const AT = '2026-01-01T00:00:00.000Z';
const v = (variant: string, weight: number, version = 1): EndpointVariant => ({ variant, model: 'bank', version, weight, modelRef: `registry::bank::${version}` });

/** The exact 99 % acceptance interval of Binomial(n, p), computed here independently: log pmf by the recurrence ln P(k+1) = ln P(k) + ln((n−k)/(k+1)) + ln(p/(1−p)). */
function exactInterval(n: number, p: number): [number, number] {
  const logPmf = [n * Math.log(1 - p)];
  for (let k = 0; k < n; k++) logPmf.push(logPmf[k] + Math.log((n - k) / (k + 1)) + Math.log(p / (1 - p)));
  let acc = 0;
  let low = -1;
  let high = -1;
  for (let k = 0; k <= n; k++) {
    acc += Math.exp(logPmf[k]);
    if (low < 0 && acc >= 0.005 * (1 - 1e-12)) low = k;
    if (high < 0 && acc >= 0.995 * (1 - 1e-12)) high = k;
  }
  return [low, high];
}

describe('binomial interval', () => {
  it('equals scipy.stats.binom.interval(0.99, n, p)', () => {
    for (const c of fixture.binomial) expect(binomialInterval(c.n, c.p, 0.99), `n=${c.n} p=${c.p}`).toEqual({ low: c.low, high: c.high });
    expect(binomialInterval(1000, 1)).toEqual({ low: 1000, high: 1000 });
    expect(() => binomialInterval(10, 1.5)).toThrow('between 0 and 1');
  });
});

describe('routing by weights', () => {
  it('is reproducible with a seed and differs between seeds', () => {
    const variants = [v('A', 70), v('B', 30)];
    expect(routeRequests(variants, 500, 42)).toEqual(routeRequests(variants, 500, 42));
    expect(routeRequests(variants, 500, 42)).not.toEqual(routeRequests(variants, 500, 43));
  });

  it('splits 1,000 requests 70/30 within the exact binomial 99 % interval, for 200 seeds (≤ 6 seeds outside, as a 1 % chance allows)', () => {
    const [low, high] = exactInterval(1000, 0.7);
    expect([low, high]).toEqual([662, 737]);
    let outside = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const a = routeRequests([v('A', 70), v('B', 30)], 1000, seed).filter((i) => i === 0).length;
      if (a < low || a > high) outside++;
    }
    // A biased router (say 72 %) would put most seeds outside; P(≥ 7 of 200 | 1 %) < 0.005.
    expect(outside).toBeLessThanOrEqual(6);
    const routed = routeRequests([v('A', 70), v('B', 30)], 1000, 42);
    const a = routed.filter((i) => i === 0).length;
    expect(a).toBeGreaterThanOrEqual(low);
    expect(a).toBeLessThanOrEqual(high);
  });

  it('three variants 1:2:7, and a weight-0 variant gets nothing', () => {
    const variants = [v('A', 1), v('B', 2), v('C', 7), v('D', 0)];
    const routed = routeRequests(variants, 5000, 9);
    [0.1, 0.2, 0.7].forEach((p, i) => {
      const [low, high] = exactInterval(5000, p);
      const count = routed.filter((r) => r === i).length;
      expect(count, `variant ${i}`).toBeGreaterThanOrEqual(low);
      expect(count, `variant ${i}`).toBeLessThanOrEqual(high);
    });
    expect(routed.filter((r) => r === 3)).toEqual([]);
    expect(() => routeRequests([v('A', 0)], 3, 1)).toThrow('No variant has a weight above 0');
  });

  it('the traffic summary counts each variant against the same interval, with mean and p95 latency', () => {
    const entries = [...Array(7).fill('A'), ...Array(3).fill('B')].map((variant, i) => ({ variant, latencyMs: i + 1 }));
    const [a, b] = trafficSummary([v('A', 70), v('B', 30)], entries);
    expect(a).toMatchObject({ requests: 7, share: 0.7, expectedShare: 0.7, low: 3, high: 10, withinInterval: true, meanLatencyMs: 4 });
    // np.percentile([1..7], 95) = 6.7; [8, 9, 10] → 9.9.
    expect(a.p95LatencyMs).toBeCloseTo(6.7, 12);
    expect(b).toMatchObject({ requests: 3, low: 0, high: 7, withinInterval: true, meanLatencyMs: 9 });
    expect(b.p95LatencyMs).toBeCloseTo(9.9, 12);
    const [skewed] = trafficSummary([v('A', 70), v('B', 30)], Array.from({ length: 1000 }, (_, i) => ({ variant: i < 800 ? 'A' : 'B', latencyMs: 1 })));
    expect(skewed).toMatchObject({ requests: 800, low: 662, high: 737, withinInterval: false });
  });
});

describe('config history: deploy, redeploy, undeploy', () => {
  it('every change is a new config version; history and log are kept; the store validates', async () => {
    const store = new MemoryEndpointStore();
    let e = deploy(undefined, 'bank', [v('AllTraffic', 1)], AT, 'nb1');
    expect(currentConfig(e)).toMatchObject({ config: 1, status: 'in-service' });
    e = deploy(e, 'bank', [v('A', 70, 1), v('B', 30, 2)], AT, 'nb1');
    e = appendLog(e, [{ at: AT, config: 2, variant: 'A', key: '0', row: { x: 1 }, prediction: 'no', latencyMs: 0.5 }]);
    e = undeploy(e, 'bank', AT);
    expect(currentConfig(e)).toMatchObject({ config: 3, status: 'deleted', variants: [] });
    expect(() => undeploy(e, 'bank', AT)).toThrow('already undeployed (config 3)');
    e = deploy(e, 'bank', [v('B', 1, 2)], AT, 'nb1', 'the better one');
    expect(e.configs.map((c) => [c.config, c.status, c.variants.map((x) => `${x.variant}:v${x.version}`).join(',')])).toEqual([
      [1, 'in-service', 'AllTraffic:v1'], [2, 'in-service', 'A:v1,B:v2'], [3, 'deleted', ''], [4, 'in-service', 'B:v2'],
    ]);
    expect(e.log).toHaveLength(1);
    await store.put(e);
    expect(await store.get('bank')).toEqual(e);
    await expect(store.put({ ...e, configs: [] })).rejects.toThrow();
    expect(() => undeploy(undefined, 'nope', AT)).toThrow('There is no endpoint "nope"');
  });

  it('refuses variants that could not serve', () => {
    expect(() => deploy(undefined, 'e', [], AT, '')).toThrow('at least one variant');
    expect(() => deploy(undefined, 'e', [v('A', 1), v('A', 2)], AT, '')).toThrow('two variants named "A"');
    expect(() => deploy(undefined, 'e', [v('A', 0)], AT, '')).toThrow('weight 0');
    expect(() => deploy(undefined, 'e', [v('A', -1)], AT, '')).toThrow('weights must be 0 or more');
  });
});

describe('request log', () => {
  it('numbers entries, keeps the newest up to the cap and counts the dropped', () => {
    let e = deploy(undefined, 'e', [v('A', 1)], AT, '');
    const entry = (key: string): Omit<LogEntry, 'seq'> => ({ at: AT, config: 1, variant: 'A', key, row: {}, prediction: 1, latencyMs: 1 });
    e = appendLog(e, ['a', 'b', 'c'].map(entry), 4);
    e = appendLog(e, ['d', 'e'].map(entry), 4);
    expect(e.log.map((x) => [x.seq, x.key])).toEqual([[2, 'b'], [3, 'c'], [4, 'd'], [5, 'e']]);
    expect(e.dropped).toBe(1);
    e = appendLog(e, [entry('f')], 4);
    expect(e.log.map((x) => x.seq)).toEqual([3, 4, 5, 6]);
    expect(endpointSchema.parse(e)).toEqual(e);
    const labelled = attachLabels(e.log, new Map([['d', 0], ['f', 1]]));
    expect(labelled.map((x) => x.label)).toEqual([undefined, 0, undefined, 1]);
  });
});

describe('live metrics on the logged rows', () => {
  it('accuracy and AUC per variant equal scikit-learn on the same labelled rows', () => {
    const log: LogEntry[] = fixture.log.map((r, i) => ({
      seq: i + 1, at: AT, config: 1, variant: r.variant, key: r.key, row: {}, prediction: r.prediction, task: 'classification',
      score: r.score, scoreClass: 'yes', latencyMs: 1, ...(r.label === null ? {} : { label: r.label }),
    }));
    const live = liveMetrics(['A', 'B'], log, 'classification');
    for (const m of live) {
      const ref = fixture.live[m.variant];
      expect(m.requests).toBe(ref.requests);
      expect(m.labelled).toBe(ref.labelled);
      expect(m.metrics.accuracy).toBeCloseTo(ref.accuracy, 12);
      expect(m.metrics.roc_auc).toBeCloseTo(ref.roc_auc, 12);
    }
    // A score of the other class cannot give an AUC of the greater one: left out rather than wrong.
    const flipped = liveMetrics(['A'], log.map((e) => ({ ...e, scoreClass: 'no' })), 'classification')[0];
    expect(flipped.metrics.roc_auc).toBeUndefined();
    expect(liveMetrics(['A'], [], 'classification')[0]).toEqual({ variant: 'A', requests: 0, labelled: 0, metrics: {} });
  });

  it('regression: MAE and RMSE', () => {
    const log = [[1, 2], [3, 3], [5, 2]].map(([label, prediction], i) => ({ seq: i + 1, at: AT, config: 1, variant: 'A', key: String(i), row: {}, prediction, label, latencyMs: 1 }));
    const [m] = liveMetrics(['A'], log, 'regression');
    expect(m.metrics.mae).toBeCloseTo(4 / 3, 12);
    expect(m.metrics.rmse).toBeCloseTo(Math.sqrt(10 / 3), 12);
  });
});
