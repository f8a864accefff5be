import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { leakageWarnings, singleFeatureAuc } from '../../src/data/profile.ts';
import fx from '../fixtures/leakage.json';

// Reference AUCs from sklearn's roc_auc_score (tests/fixtures/make_leakage_fixture.py).
describe('standout column leakage (two-class targets)', () => {
  const positive = fx.y.map((v) => v === 'yes');

  it('single-feature AUC equals roc_auc_score, ties included', () => {
    for (const c of ['duration', 'age', 'campaign'] as const) expect(singleFeatureAuc(fx[c], positive)).toBeCloseTo(fx.auc[c], 12);
  });

  it('flags the one column that separates the classes far better than the rest', () => {
    const t = aq.table({ y: fx.y, duration: fx.duration, age: fx.age, campaign: fx.campaign });
    const w = leakageWarnings(t, 'y', t.columnNames());
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/^"duration" alone separates the target "y" .*AUC 0\.854, next best "age" 0\.584.*leaks the answer/);
  });

  it('stays quiet when no column stands out', () => {
    const t = aq.table({ y: fx.y, age: fx.age, campaign: fx.campaign });
    expect(leakageWarnings(t, 'y', t.columnNames())).toEqual([]);
    // Two equally strong columns: neither stands out.
    const t2 = aq.table({ y: fx.y, duration: fx.duration, again: fx.duration.map((v) => v + 1) });
    expect(leakageWarnings(t2, 'y', t2.columnNames())).toEqual([]);
  });
});
