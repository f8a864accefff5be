// The evaluate cell's curve points against scikit-learn's roc_curve,
// precision_recall_curve and calibration_curve
// (tests/fixtures/make_curve_fixtures.py).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { calibrationCurve, thresholdTable } from '../../src/ml/metrics/curves.ts';

interface Case {
  y_true: number[];
  scores: number[];
  roc: { fpr: number[]; tpr: number[]; thresholds: number[] };
  pr: { precision: number[]; recall: number[]; thresholds: number[] };
  calibration: { prob_true: number[]; prob_pred: number[] };
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/metrics_curves.json', import.meta.url), 'utf8')) as { small: Case; large: Case };

function curvesAt(c: Case, max: number) {
  const positive = c.y_true.map((y) => y === 1);
  const t = thresholdTable(positive, c.scores, max);
  return { t, fpr: t.fp.map((fp) => fp / t.negatives), tpr: t.tp.map((tp) => tp / t.positives) };
}

describe('thresholdTable', () => {
  it('lists every distinct score with the ROC curve of roc_curve(drop_intermediate=False) when there are few', () => {
    const c = fixture.small;
    const { t, fpr, tpr } = curvesAt(c, 200);
    expect(t.thresholds).toEqual(c.roc.thresholds);
    // sklearn starts at (0, 0), the "nothing positive" point the UI adds.
    expect(fpr).toEqual(c.roc.fpr.slice(1));
    expect(tpr).toEqual(c.roc.tpr.slice(1));
    expect(t.positives + t.negatives).toBe(c.y_true.length);
  });

  it('gives precision_recall_curve at each of its thresholds', () => {
    const c = fixture.small;
    const { t } = curvesAt(c, 200);
    c.pr.thresholds.forEach((thr, i) => {
      const k = t.thresholds.indexOf(thr);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(t.tp[k] / (t.tp[k] + t.fp[k])).toBeCloseTo(c.pr.precision[i], 12);
      expect(t.tp[k] / t.positives).toBeCloseTo(c.pr.recall[i], 12);
    });
  });

  it('keeps at most the asked number of thresholds, each with exact counts, down to the lowest score', () => {
    const c = fixture.large;
    expect(c.roc.thresholds.length).toBeGreaterThan(200);
    const { t, fpr, tpr } = curvesAt(c, 200);
    expect(t.thresholds.length).toBeLessThanOrEqual(200);
    expect(t.thresholds.length).toBeGreaterThan(150);
    expect(t.thresholds.at(-1)).toBe(Math.min(...c.scores));
    expect(fpr.at(-1)).toBe(1);
    expect(tpr.at(-1)).toBe(1);
    t.thresholds.forEach((thr, k) => {
      const i = c.roc.thresholds.indexOf(thr);
      expect(i).toBeGreaterThanOrEqual(0);
      expect(fpr[k]).toBe(c.roc.fpr[i + 1]);
      expect(tpr[k]).toBe(c.roc.tpr[i + 1]);
    });
    // Highest first, strictly.
    for (let k = 1; k < t.thresholds.length; k++) expect(t.thresholds[k]).toBeLessThan(t.thresholds[k - 1]);
  });
});

describe('calibrationCurve', () => {
  for (const name of ['small', 'large'] as const) {
    it(`matches calibration_curve(n_bins=10, strategy='uniform') (${name})`, () => {
      const c = fixture[name];
      const curve = calibrationCurve(c.y_true.map((y) => y === 1), c.scores, 10);
      expect(curve.fractionPositive.length).toBe(c.calibration.prob_true.length);
      curve.fractionPositive.forEach((v, i) => expect(v).toBeCloseTo(c.calibration.prob_true[i], 12));
      curve.meanPredicted.forEach((v, i) => expect(v).toBeCloseTo(c.calibration.prob_pred[i], 12));
      expect(curve.count.reduce((a, b) => a + b, 0)).toBe(c.y_true.length);
    });
  }

  it('refuses a probability outside [0, 1], naming the row', () => {
    expect(() => calibrationCurve([true, false], [0.5, 1.5])).toThrow(/row 2 has 1.5/);
  });
});
