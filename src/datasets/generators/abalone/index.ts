// An Abalone-shaped table for the course's conditional pipeline (the
// SageMaker example predicts the rings of an abalone from its sex and
// measurements). Generated, not the UCI data: a seeded simulation with the
// real file's columns, units (mm / 200, grams / 200) and rough marginals.
//
// How a row is made: sex first (M/F/I in the UCI shares), then the rings
// (age) from a right-skewed distribution per sex (infants younger), then
// the size from a von Bertalanffy growth curve of the age with each
// animal's own growth rate, so length and diameter saturate for old
// animals; weights grow with the cube of the size, and the shell keeps
// thickening with age. That saturation and the individual growth rates are
// why rings cannot be read exactly off the measurements: a boosted-tree
// regressor reaches a test MSE of about 4.5–5 (docs/datasets.md), as on
// the real data.
import { makeRng, type Rng } from '../rng.ts';
import { round, toCsv, type Cell } from '../csv.ts';

export const ABALONE_COLUMNS = ['sex', 'length', 'diameter', 'height', 'whole_weight', 'shucked_weight', 'viscera_weight', 'shell_weight', 'rings'] as const;

/** Rows of the UCI Abalone file. */
export const ABALONE_ROWS = 4177;

/** UCI counts: 1,528 male, 1,307 female, 1,342 infant. */
const SEX_SHARES = { M: 1528, F: 1307, I: 1342 } as const;

/** Median rings and the spread of log(rings) per sex (UCI: means 10.7, 11.1, 7.9). */
const RINGS = { M: { median: 10.3, spread: 0.28 }, F: { median: 10.7, spread: 0.28 }, I: { median: 7.6, spread: 0.3 } } as const;

type Sex = keyof typeof SEX_SHARES;

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function abaloneRow(rng: Rng): Cell[] {
  const sex = rng.weighted<Sex>(SEX_SHARES);
  const { median, spread } = RINGS[sex];
  const rings = clamp(Math.round(Math.exp(Math.log(median) + spread * rng.normal())), 1, 29);
  // Age in years is rings + 1.5; growth: L(t) = Lmax (1 − e^(−k (t − t0))), k varying per animal.
  const k = 0.16 * Math.exp(0.38 * rng.normal());
  const lmax = (sex === 'I' ? 0.66 : 0.7) * Math.exp(0.07 * rng.normal());
  const length = clamp(lmax * (1 - Math.exp(-k * (rings + 1.5 - 0.3))), 0.075, 0.815);
  const diameter = clamp(length * (0.79 + 0.02 * rng.normal()) - 0.02, 0.055, 0.65);
  const height = clamp(diameter * (0.34 + 0.03 * rng.normal()), 0.01, 0.25);
  // Whole weight ∝ length³ (UCI: mean 0.83, max 2.8 in grams / 200).
  const whole = clamp(4.2 * length ** 3 * Math.exp(0.1 * rng.normal()) * (1 + 0.008 * (rings - 10)), 0.002, 2.83);
  const shucked = whole * clamp(0.44 - 0.006 * (rings - 10) + 0.03 * rng.normal(), 0.2, 0.65);
  const viscera = whole * clamp(0.22 + 0.02 * rng.normal(), 0.1, 0.35);
  // The shell thickens with age beyond what the size says: the strongest single predictor, as on the real data.
  const shell = whole * clamp(0.27 + 0.004 * (rings - 10) + 0.04 * rng.normal(), 0.12, 0.5);
  return [sex, round(length, 3), round(diameter, 3), round(height, 3), round(whole, 4), round(shucked, 4), round(viscera, 4), round(shell, 4), rings];
}

/** The rows in ABALONE_COLUMNS order; a pure function of the seed. */
export function generateAbaloneRows(seed: number, rows = ABALONE_ROWS): Cell[][] {
  const rng = makeRng(seed);
  return Array.from({ length: rows }, () => abaloneRow(rng));
}

export function generateAbaloneCsv(seed: number, rows = ABALONE_ROWS): string {
  return toCsv(ABALONE_COLUMNS, generateAbaloneRows(seed, rows));
}
