// Windows and padded sequences: shapes, targets, group boundaries, vocabulary.
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { buildPadded, buildWindows, PAD, UNK } from '../../src/ml/sequences/index.ts';
import { sessions } from './sequence-data.ts';

describe('buildWindows', () => {
  it('cuts windows per group, sorted by time, with the target h steps after the end', () => {
    // Rows out of time order; two groups of 5 rows.
    const table = aq.table({ g: ['x', 'x', 'x', 'x', 'x', 'y', 'y', 'y', 'y', 'y'], t: [4, 3, 2, 1, 0, 0, 1, 2, 3, 4], v: [4, 3, 2, 1, 0, 10, 11, 12, 13, 14] });
    const w = buildWindows(table, { features: ['v'], target: 'v', steps: 2, horizon: 1, group: 'g', time: 't' }, undefined, 'none');
    // Per group: 5 − 2 − 1 + 1 = 3 windows.
    expect(w.n).toBe(6);
    expect(Array.from(w.X.subarray(0, 2))).toEqual([0, 1]);
    expect(w.y).toEqual([2, 3, 4, 12, 13, 14]);
    // Row (table order) of each window's last step: x's t=1 is row 3.
    expect(Array.from(w.index)).toEqual([3, 2, 1, 6, 7, 8]);
    expect(w.groups).toEqual(['x', 'x', 'x', 'y', 'y', 'y']);
    // No window mixes groups: y's first window is [10, 11].
    expect(Array.from(w.X.subarray(6, 8))).toEqual([10, 11]);
  });

  it('horizon 0 targets the last row; scaling is fitted once and reused', () => {
    const train = aq.table({ v: [0, 2, 4, 6] });
    const a = buildWindows(train, { features: ['v'], target: 'v', steps: 2, horizon: 0 }, undefined, 'minmax');
    expect(a.y).toEqual([2, 4, 6]);
    expect(Array.from(a.X)).toEqual([0, 1 / 3, 1 / 3, 2 / 3, 2 / 3, 1].map((x) => Math.fround(x)));
    const b = buildWindows(aq.table({ v: [12, 15] }), a.options, a.scaling);
    expect(Array.from(b.X)).toEqual([2, 2.5]);
    expect(() => buildWindows(train, { ...a.options, steps: 5 })).toThrow(/No window fits/);
  });
});

describe('buildPadded', () => {
  it('maps states through a training vocabulary (PAD 0, UNK 1), pads at the end, targets the next state', () => {
    const table = sessions(6);
    const p = buildPadded(table, { group: 'session', state: 'state', features: ['depth'], time: 'step', maxLength: 0, minLength: 2 });
    expect(p.vocab).toEqual([PAD, UNK, 'cart', 'home', 'item', 'list']);
    const lengths = (aq.from(table).groupby('session').count().array('count') as number[]).map((c) => c - 1);
    expect(Array.from(p.lengths)).toEqual(lengths);
    expect(p.steps).toBe(Math.max(...lengths));
    const next: Record<string, string> = { home: 'list', list: 'item', item: 'cart', cart: 'home' };
    for (let s = 0; s < p.n; s++) {
      for (let t = 0; t < p.steps; t++) {
        const i = s * p.steps + t;
        if (t >= p.lengths[s]) {
          expect([p.states[i], p.targets[i]]).toEqual([0, 0]);
          continue;
        }
        expect(p.vocab[p.targets[i]]).toBe(next[p.vocab[p.states[i]]]);
      }
    }
    // Other tables reuse the vocabulary; unseen states become UNK.
    const other = aq.table({ session: [1, 1, 1], step: [0, 1, 2], state: ['home', 'nowhere', 'list'], depth: [0, 1, 2] });
    const q = buildPadded(other, p.options, { vocab: p.vocab, scaling: p.scaling, steps: p.steps });
    expect(q.vocab).toBe(q.vocab);
    expect(Array.from(q.states.subarray(0, 2))).toEqual([3, 1]);
    expect(Array.from(q.targets.subarray(0, 2))).toEqual([1, 5]);
    expect(q.steps).toBe(p.steps);
  });
});
