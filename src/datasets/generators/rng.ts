// Sampling helpers on top of the project's seeded generator, so every
// generated dataset is a pure function of its seed (no Math.random).
import { seededRandom } from '../../core/random.ts';

export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  uniform(lo: number, hi: number): number;
  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Key of `weights` drawn with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
  /** Index drawn with probability proportional to weights[i]. */
  index(weights: readonly number[]): number;
  pick<T>(items: readonly T[]): T;
  poisson(mean: number): number;
  /** Random (version 4) UUID, built from this generator so it is reproducible. */
  uuid4(): string;
}

export function makeRng(seed: number): Rng {
  const next = seededRandom(seed);
  const rng: Rng = {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    normal() {
      // 1 - next() keeps the log argument in (0, 1].
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
      const keys = Object.keys(weights) as K[];
      return keys[rng.index(keys.map((k) => weights[k]))];
    },
    index(weights) {
      let total = 0;
      for (const w of weights) total += w;
      let u = next() * total;
      for (let i = 0; i < weights.length; i++) {
        u -= weights[i];
        if (u < 0) return i;
      }
      return weights.length - 1;
    },
    pick: (items) => items[Math.floor(next() * items.length)],
    poisson(mean) {
      // Knuth for small means, a rounded normal for large ones (only used for counts of a few hundred at most).
      if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.normal()));
      const limit = Math.exp(-mean);
      let k = 0;
      let p = next();
      while (p > limit) {
        k++;
        p *= next();
      }
      return k;
    },
    uuid4() {
      let hex = '';
      for (let i = 0; i < 32; i++) hex += Math.floor(next() * 16).toString(16);
      // Version nibble 4 and variant bits 10xx, as RFC 4122 requires.
      const variant = (8 + Math.floor(next() * 4)).toString(16);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
  };
  return rng;
}
