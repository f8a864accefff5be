// kNN mutual information against scikit-learn 1.2.1 (tests/fixtures/
// make_selection_fixtures.py): mutual_info_classif on continuous features
// (Ross) and mutual_info_regression (KSG), n_neighbors=3.
//
// Tolerance 1e-9. sklearn adds 1e-10-relative noise from numpy's generator,
// which this code cannot reproduce; it generates its own. The fixture data
// have no ties, so neither noise moves a neighbour (the fixture script checks
// that two random_states give the same values), and the estimates are sums of
// digamma of the same neighbour counts: what is left is rounding (~1e-15).
// One neighbour counted differently would move a score by about 1/(n·m) ≥ 1e-5,
// far outside 1e-9.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { digamma } from '../../src/data/selection/special.ts';
import { mutualInfo } from '../../src/data/selection/mutual-info.ts';
import { miContinuousContinuous, miContinuousDiscrete } from '../../src/data/selection/mutual-info-knn.ts';
import { seededRandom } from '../../src/core/random.ts';

const read = <T>(name: string): T => JSON.parse(readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), 'utf8')) as T;
const selection = read<{ names: string[]; X: number[][]; y: number[]; mi_knn: number[] }>('data_selection.json');
const fx = read<{
  regression: { names: string[]; X: number[][]; y: number[]; discrete: boolean[]; mi: number[]; mi_continuous: number[] };
  small_classes: { x: number[]; y: string[]; mi: number[] };
  digamma: { x: number[]; value: number[] };
}>('data_mutual_info.json');

const TOL = 1e-9;
const columnsOf = (X: number[][]) => X[0].map((_, j) => X.map((r) => r[j]));
const expectClose = (got: number[], want: number[], label: string) =>
  want.forEach((w, j) => expect(Math.abs(got[j] - w), `${label}[${j}]: ${got[j]} vs ${w}`).toBeLessThanOrEqual(TOL));

function normalPairs(n: number, rho: number, seed: number): { x: number[]; y: number[] } {
  const random = seededRandom(seed);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = Math.sqrt(-2 * Math.log(1 - random()));
    const a = 2 * Math.PI * random();
    const [u, v] = [r * Math.cos(a), r * Math.sin(a)];
    x.push(u);
    y.push(rho * u + Math.sqrt(1 - rho * rho) * v);
  }
  return { x, y };
}

describe('digamma', () => {
  it('matches scipy.special.digamma to 1e-14', () => {
    fx.digamma.x.forEach((x, i) => expect(Math.abs(digamma(x) - fx.digamma.value[i]) / Math.max(1, Math.abs(fx.digamma.value[i]))).toBeLessThan(1e-14));
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 14); // −γ
    expect(digamma(0)).toBe(-Infinity);
  });
});

describe('kNN mutual information matches sklearn', () => {
  it('mutual_info_classif: continuous features (Ross), the integer-valued constant one discrete', () => {
    const r = mutualInfo(columnsOf(selection.X), selection.y, { discrete: [false, false, false, true, false], discreteTarget: true });
    expectClose(r.mi, selection.mi_knn, 'mi');
    expect(r.sampledRows).toBeUndefined();
  });

  it('mutual_info_classif with classes of 1, 2 and 3 members (left out; k = size − 1)', () => {
    const r = mutualInfo([fx.small_classes.x], fx.small_classes.y, { discrete: [false], discreteTarget: true });
    expectClose(r.mi, fx.small_classes.mi, 'mi');
    expect(r.mi[0]).toBeGreaterThan(0.3);
  });

  it('mutual_info_regression: KSG for continuous features, Ross for the integer-coded one', () => {
    const { X, y, discrete, mi, mi_continuous } = fx.regression;
    expectClose(mutualInfo(columnsOf(X), y, { discrete, discreteTarget: false }).mi, mi, 'mi');
    const continuous = columnsOf(X).filter((_, j) => !discrete[j]);
    expectClose(mutualInfo(continuous, y, { discrete: [false, false, false], discreteTarget: false }).mi, mi_continuous, 'mi_continuous');
  });

  it('the noise seed changes nothing on data without ties', () => {
    const a = mutualInfo(columnsOf(fx.regression.X), fx.regression.y, { discrete: fx.regression.discrete, discreteTarget: false, seed: 0 });
    const b = mutualInfo(columnsOf(fx.regression.X), fx.regression.y, { discrete: fx.regression.discrete, discreteTarget: false, seed: 99 });
    expectClose(a.mi, b.mi, 'seed');
  });
});

describe('kNN mutual information: ties, large inputs', () => {
  it('breaks ties with the noise: a feature equal to the class is ψ(N) − ⟨ψ(class size)⟩', () => {
    const y = Array.from({ length: 90 }, (_, i) => i % 3);
    const sizes = [30, 30, 30];
    const [mi] = mutualInfo([y.map((v) => v * 10)], y, { discrete: [false], discreteTarget: true }).mi;
    // Noise spreads each class's tied values; the 3rd neighbour is within the class, m = 3.
    expect(mi).toBeCloseTo(digamma(90) - sizes.reduce((s, c) => s + c * digamma(c), 0) / 90, 12);
  });

  it('estimators tell dependent from independent variables; too few points give 0', () => {
    const independent = normalPairs(500, 0, 3);
    const dependent = normalPairs(500, 0.9, 3);
    expect(miContinuousContinuous(independent.x, independent.y)).toBeLessThan(0.05);
    expect(miContinuousContinuous(dependent.x, dependent.y)).toBeGreaterThan(0.6); // −½ ln(0.19) = 0.83
    const labels = independent.x.map((_, i) => (i % 2 === 0 ? 'a' : 'b'));
    const split = independent.x.map((v) => (v > 0 ? 'a' : 'b'));
    expect(miContinuousDiscrete(independent.x, labels)).toBeLessThan(0.06);
    expect(miContinuousDiscrete(independent.x, split)).toBeGreaterThan(0.5); // ln 2 = 0.69
    expect(miContinuousContinuous([1, 2], [3, 4])).toBe(0);
    expect(miContinuousDiscrete([1, 2, 3], ['a', 'b', 'c'])).toBe(0); // every class has one member
  });

  it('samples 20,000 rows (seeded) for KSG on a larger table, near the Gaussian MI −½ ln(1 − ρ²)', () => {
    const { x, y } = normalPairs(30_000, 0.8, 5);
    const r = mutualInfo([x], y, { discrete: [false], discreteTarget: false });
    expect(r.sampledRows).toBe(20_000);
    expect(Math.abs(r.mi[0] - -0.5 * Math.log(1 - 0.64))).toBeLessThan(0.02);
    expect(mutualInfo([x], y, { discrete: [false], discreteTarget: false }).mi).toEqual(r.mi);
  });
});
