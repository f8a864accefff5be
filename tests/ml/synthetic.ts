// Small seeded datasets for model tests (seconds to train on cpu).
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { seededRandom } from '../../src/core/random.ts';

/** y = 3x + 2, x uniform in [-2, 2], no noise. */
export function line(n = 200, seed = 1): ColumnTable {
  const r = seededRandom(seed);
  const x = Array.from({ length: n }, () => r() * 4 - 2);
  return aq.table({ x, y: x.map((v) => 3 * v + 2) });
}

/** Two classes split by x1 + x2 = 0.5 with a margin; labels 'neg' / 'pos'. */
export function separable(n = 200, seed = 2): ColumnTable {
  const r = seededRandom(seed);
  const x1: number[] = [];
  const x2: number[] = [];
  const label: string[] = [];
  while (label.length < n) {
    const a = r() * 4 - 2;
    const b = r() * 4 - 2;
    const s = a + b - 0.5;
    if (Math.abs(s) < 0.2) continue;
    x1.push(a);
    x2.push(b);
    label.push(s > 0 ? 'pos' : 'neg');
  }
  return aq.table({ x1, x2, label });
}

/** Inside (1) or outside (0) a circle of radius 1 in [-1.6, 1.6]²; not linearly separable. */
export function circles(n = 300, seed = 3): ColumnTable {
  const r = seededRandom(seed);
  const x1 = Array.from({ length: n }, () => r() * 3.2 - 1.6);
  const x2 = Array.from({ length: n }, () => r() * 3.2 - 1.6);
  return aq.table({ x1, x2, inside: x1.map((a, i) => (a * a + x2[i] * x2[i] < 1 ? 1 : 0)) });
}

/** Three well-separated blobs, integer classes 0..2. */
export function blobs(n = 150, seed = 4): ColumnTable {
  const r = seededRandom(seed);
  const centres = [[0, 0], [3, 3], [-3, 3]];
  const a: number[] = [];
  const b: number[] = [];
  const k: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    a.push(centres[c][0] + (r() - 0.5) * 2);
    b.push(centres[c][1] + (r() - 0.5) * 2);
    k.push(c);
  }
  return aq.table({ a, b, k });
}
