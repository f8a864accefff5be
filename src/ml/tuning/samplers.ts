// Samplers propose the next trial's parameters from the finished trials.
// Random: uniform over the space. TPE (Tree-structured Parzen Estimator,
// Optuna's default): after n_startup_trials random trials, split the
// observations at the gamma quantile into good (lowest values) and bad,
// fit a Parzen density l(x) to the good and g(x) to the bad per parameter,
// draw n_ei_candidates from l and keep the one with the largest l(x)/g(x).
// Parameters are handled independently, like Optuna's default TPE.
import type { Scalar } from '../../core/outputs.ts';
import { fitCategoricalParzen, fitNumericParzen, logPdfNumeric, sampleCategorical, sampleNumeric } from './parzen.ts';
import { fromInternal, internalRange, sampleSpace, toInternal, type ParamDef, type ParamValues } from './space.ts';

/** A finished trial as samplers see it; lower values are better. Pruned trials carry Infinity. */
export interface Observation {
  params: ParamValues;
  value: number;
}

export interface Sampler {
  readonly name: string;
  sample(space: readonly ParamDef[], history: readonly Observation[], random: () => number): ParamValues;
}

export const randomSampler: Sampler = {
  name: 'random',
  sample: (space, _history, random) => sampleSpace(space, random),
};

export interface TpeOptions {
  nStartupTrials?: number;
  nEiCandidates?: number;
  /** How many observations count as good: Optuna's default min(⌈0.1 n⌉, 25). */
  gamma?: (n: number) => number;
  priorWeight?: number;
}

export function defaultGamma(n: number): number {
  return Math.min(Math.ceil(0.1 * n), 25);
}

export function tpeSampler(options: TpeOptions = {}): Sampler {
  const nStartup = options.nStartupTrials ?? 10;
  const nCandidates = options.nEiCandidates ?? 24;
  const gamma = options.gamma ?? defaultGamma;
  const priorWeight = options.priorWeight ?? 1;
  return {
    name: 'tpe',
    sample(space, history, random) {
      if (history.length < nStartup) return sampleSpace(space, random);
      // Stable sort: equal values keep trial order, so the split is deterministic.
      const sorted = [...history].sort((a, b) => a.value - b.value);
      const nGood = Math.max(1, Math.min(sorted.length - 1, gamma(sorted.length)));
      const good = sorted.slice(0, nGood);
      const bad = sorted.slice(nGood);
      const out: ParamValues = {};
      for (const d of space) out[d.name] = sampleParam(d, good, bad, random, nCandidates, priorWeight);
      return out;
    },
  };
}

function sampleParam(d: ParamDef, good: readonly Observation[], bad: readonly Observation[], random: () => number, nCandidates: number, priorWeight: number): Scalar {
  if (d.type === 'categorical') {
    const choices = d.choices as Scalar[];
    const index = (o: Observation) => choices.findIndex((c) => c === o.params[d.name]);
    const l = fitCategoricalParzen(good.map(index).filter((i) => i >= 0), choices.length, priorWeight);
    const g = fitCategoricalParzen(bad.map(index).filter((i) => i >= 0), choices.length, priorWeight);
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < nCandidates; c++) {
      const k = sampleCategorical(l, random);
      const score = Math.log(l[k]) - Math.log(g[k]);
      if (score > bestScore) {
        bestScore = score;
        best = k;
      }
    }
    return choices[best];
  }
  const [low, high] = internalRange(d);
  const values = (os: readonly Observation[]) => os.map((o) => o.params[d.name]).filter((v): v is number => typeof v === 'number').map((v) => toInternal(d, v));
  const l = fitNumericParzen(values(good), low, high, priorWeight);
  const g = fitNumericParzen(values(bad), low, high, priorWeight);
  let best = l.mus[0];
  let bestScore = -Infinity;
  for (let c = 0; c < nCandidates; c++) {
    const x = sampleNumeric(l, random);
    const score = logPdfNumeric(l, x) - logPdfNumeric(g, x);
    if (score > bestScore) {
      bestScore = score;
      best = x;
    }
  }
  return fromInternal(d, best);
}
