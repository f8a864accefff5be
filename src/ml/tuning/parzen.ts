// Parzen estimators for TPE: a mixture of truncated normals (numeric
// parameters, in the sampler's internal scale) or a smoothed histogram
// (categorical), each with a prior component so that a handful of
// observations never rules out the rest of the range. Bandwidths follow
// Optuna's: the larger gap to a neighbouring centre, clipped to
// [range / min(100, 1 + n), range].
const SQRT2 = Math.SQRT2;

/** erf by Abramowitz–Stegun 7.1.26 (|error| < 1.5e-7): plenty for comparing densities. */
export function erf(x: number): number {
  const s = Math.sign(x);
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-a * a);
  return s * y;
}

function normalCdf(z: number): number {
  return 0.5 * (1 + erf(z / SQRT2));
}

/** Standard normal draw (Box–Muller) from a uniform generator. */
export function gaussian(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export interface NumericParzen {
  mus: number[];
  sigmas: number[];
  weights: number[];
  low: number;
  high: number;
}

export function fitNumericParzen(observations: readonly number[], low: number, high: number, priorWeight = 1): NumericParzen {
  const range = high - low;
  const prior = { mu: (low + high) / 2, sigma: range };
  const points = observations.map((mu) => ({ mu, prior: false })).concat([{ mu: prior.mu, prior: true }]);
  const sorted = [...points].sort((a, b) => a.mu - b.mu);
  const minSigma = range / Math.min(100, 1 + observations.length);
  const sigmaOf = new Map<{ mu: number; prior: boolean }, number>();
  sorted.forEach((p, i) => {
    const left = p.mu - (i > 0 ? sorted[i - 1].mu : low);
    const right = (i < sorted.length - 1 ? sorted[i + 1].mu : high) - p.mu;
    sigmaOf.set(p, Math.min(range, Math.max(minSigma, left, right)));
  });
  return {
    mus: points.map((p) => p.mu),
    sigmas: points.map((p) => (p.prior ? prior.sigma : (sigmaOf.get(p) as number))),
    weights: normalise(points.map((p) => (p.prior ? priorWeight : 1))),
    low,
    high,
  };
}

function normalise(ws: number[]): number[] {
  const total = ws.reduce((a, b) => a + b, 0);
  return ws.map((w) => w / total);
}

function pickComponent(weights: readonly number[], random: () => number): number {
  let u = random();
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i];
    if (u < 0) return i;
  }
  return weights.length - 1;
}

export function sampleNumeric(p: NumericParzen, random: () => number): number {
  const k = pickComponent(p.weights, random);
  // Rejection sampling from the truncated normal; the clip is a guard only.
  for (let attempt = 0; attempt < 100; attempt++) {
    const x = p.mus[k] + p.sigmas[k] * gaussian(random);
    if (x >= p.low && x <= p.high) return x;
  }
  return Math.min(p.high, Math.max(p.low, p.mus[k]));
}

export function logPdfNumeric(p: NumericParzen, x: number): number {
  let density = 0;
  for (let k = 0; k < p.mus.length; k++) {
    const mass = normalCdf((p.high - p.mus[k]) / p.sigmas[k]) - normalCdf((p.low - p.mus[k]) / p.sigmas[k]);
    const z = (x - p.mus[k]) / p.sigmas[k];
    density += (p.weights[k] * Math.exp(-0.5 * z * z)) / (p.sigmas[k] * Math.sqrt(2 * Math.PI) * Math.max(mass, 1e-12));
  }
  return Math.log(Math.max(density, 1e-300));
}

/** Categorical: probability per choice ∝ observed count + the prior spread evenly. */
export function fitCategoricalParzen(observed: readonly number[], nChoices: number, priorWeight = 1): number[] {
  const counts = new Array<number>(nChoices).fill(priorWeight / nChoices);
  for (const c of observed) counts[c] += 1;
  return normalise(counts);
}

export function sampleCategorical(probs: readonly number[], random: () => number): number {
  return pickComponent(probs, random);
}
