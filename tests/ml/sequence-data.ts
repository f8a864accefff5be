// Tiny seeded series and sessions for sequence tests.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { seededRandom } from '../../src/core/random.ts';

/** Two series (groups 'a', 'b') of a noisy sine, rows shuffled-free, with a time column. */
export function sineSeries(n = 60, seed = 1): ColumnTable {
  const r = seededRandom(seed);
  const g: string[] = [];
  const t: number[] = [];
  const v: number[] = [];
  for (const key of ['a', 'b']) {
    for (let i = 0; i < n; i++) {
      g.push(key);
      t.push(i);
      v.push(Math.sin(i / 3 + (key === 'b' ? 1 : 0)) * 10 + 20 + (r() - 0.5) * 0.2);
    }
  }
  return aq.table({ g, t, v, up: v.map((x, i) => (i > 0 && x > v[i - 1] ? 1 : 0)) });
}

/**
 * Sessions cycling home → list → item → cart → home…, each starting at a
 * random state, with a numeric feature; the next state is fully predictable.
 */
export function sessions(count = 30, seed = 2): ColumnTable {
  const r = seededRandom(seed);
  const cycle = ['home', 'list', 'item', 'cart'];
  const session: number[] = [];
  const step: number[] = [];
  const state: string[] = [];
  const depth: number[] = [];
  for (let s = 0; s < count; s++) {
    const len = 3 + Math.floor(r() * 5);
    let k = Math.floor(r() * 4);
    for (let i = 0; i < len; i++) {
      session.push(s);
      step.push(i);
      state.push(cycle[k]);
      depth.push(i + r());
      k = (k + 1) % 4;
    }
  }
  return aq.table({ session, step, state, depth });
}
