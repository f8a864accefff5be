// Acceptance test: on the real bank-marketing sample (all columns one-hot,
// plus the course's no_previous_contact and not_working flags), 5-fold
// stratified CV with the exact folds of scikit-learn's
// StratifiedKFold(5, shuffle=True, random_state=42), our GBDT's mean AUC is
// within 0.01 of HistGradientBoostingClassifier() with default parameters.
// Fixture: tests/fixtures/make_trees_fixtures.py. The CSV is read from
// ../shared/datasets (never copied into the repo); the test is skipped where
// it is absent.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fixture from '../fixtures/trees_bank.json';
import { BANK_CSV, cvAucs, loadBank, SKLEARN_LIKE } from './trees-bank-data.ts';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe.skipIf(!existsSync(BANK_CSV))('GBDT on the bank-marketing sample (acceptance)', () => {
  it('one-hot preprocessing matches the fixture script column for column', () => {
    const data = loadBank();
    expect(data.rows).toBe(fixture.rows);
    expect(data.y.reduce((a, b) => a + b, 0)).toBe(fixture.positives);
    expect(data.names).toEqual(fixture.features);
  });

  it('5-fold stratified CV mean AUC within 0.01 of sklearn HistGradientBoostingClassifier', async () => {
    const data = loadBank();
    const aucs = await cvAucs(data, fixture.test_folds, SKLEARN_LIKE);
    const ours = mean(aucs);
    console.log(JSON.stringify({ ours: aucs, ours_mean: ours, sklearn: fixture.sklearn_hgb_auc, sklearn_mean: fixture.sklearn_hgb_mean_auc, xgboost_mean: fixture.xgboost_hist_mean_auc }));
    expect(Math.abs(ours - fixture.sklearn_hgb_mean_auc)).toBeLessThan(0.01);
    expect(ours).toBeGreaterThan(0.91);
  });
});
