// Boosted trees out in XGBoost's JSON model format: Debian's python3-xgboost
// loads the file with Booster().load_model() and predicts what the workbench
// predicts, to 1e-6 (probabilities; regression values 1e-5 relative), missing values
// included. The Python side is tests/fixtures/xgboost_predict.py. Known
// limit (docs/export.md): XGBoost compares features in float32, so a value
// within float32 rounding of a threshold (e.g. 82.7 against a midpoint
// 82.69999999999999) may take the other branch.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import * as aq from 'arquero';
import { fitTreeModel } from '../../src/ml/trees/fit.ts';
import { rawMatrix } from '../../src/ml/trees/matrix.ts';
import { nextFloat32Up, toXgboostJsonText, xgboostSidecar } from '../../src/export/xgboost.ts';
import { seededRandom } from '../../src/core/random.ts';
import { PYTHON, pythonMissing } from './helpers.ts';

const missing = pythonMissing(['xgboost', 'numpy']);

function data(n: number, seed: number) {
  const r = seededRandom(seed);
  // Full-precision doubles: a value within float32 rounding of a split
  // threshold (XGBoost compares in float32) could go the other way; integer
  // and 0/1 columns (c, flag) have thresholds at .5, exact in float32.
  const a = Array.from({ length: n }, () => (r() < 0.08 ? null : r() * 100));
  const b = Array.from({ length: n }, () => (r() < 0.05 ? null : r() * 2 - 1));
  const c = Array.from({ length: n }, () => Math.floor(r() * 5));
  const flag = Array.from({ length: n }, () => r() < 0.3);
  const score = a.map((x, i) => (x ?? 50) / 25 + (b[i] ?? 0) * 2 + c[i] * 0.3 + (flag[i] ? 1 : 0) + r());
  return aq.table({
    a, b, c, flag,
    yes: score.map((s) => (s > 4 ? 'yes' : 'no')),
    kind: score.map((s) => (s < 3 ? 'low' : s < 5 ? 'mid' : 'high')),
    value: score.map((s) => s * 100),
  });
}

describe('nextFloat32Up', () => {
  it('is the next float32 above the rounded value', () => {
    expect(nextFloat32Up(1)).toBe(1 + 2 ** -23);
    expect(nextFloat32Up(-1)).toBe(-1 + 2 ** -24);
    expect(nextFloat32Up(0)).toBe(2 ** -149);
    expect(nextFloat32Up(Infinity)).toBe(3.4028234663852886e38);
    expect(nextFloat32Up(-Infinity)).toBe(-3.4028234663852886e38);
    const t = 39.1;
    expect(nextFloat32Up(t)).toBeGreaterThan(Math.fround(t));
    expect(Math.fround(nextFloat32Up(t))).toBe(nextFloat32Up(t));
  });
});

describe.skipIf(missing !== undefined)(`XGBoost JSON export${missing ? ` (skipped: ${missing})` : ''}`, () => {
  const train = data(1500, 1);
  const test = data(700, 2);
  const features = ['a', 'b', 'c', 'flag'];
  const cases = [
    { name: 'binary', target: 'yes', params: { rounds: 40, maxDepth: 4, eta: 0.3, subsample: 0.8, seed: 3 } },
    { name: 'multiclass', target: 'kind', params: { rounds: 25, maxDepth: 3, eta: 0.2, lambda: 2, seed: 5 } },
    { name: 'regression', target: 'value', params: { rounds: 30, maxDepth: 5, eta: 0.1, maxLeaves: 12, seed: 7 } },
  ];

  it.each(cases)('$name: python3-xgboost predicts what the workbench predicts', async ({ target, params }) => {
    const { model } = await fitTreeModel(train, { target, features, ...params, task: target === 'value' ? 'regression' : 'classification' });
    const dir = mkdtempSync(join(tmpdir(), 'wb-xgb-'));
    writeFileSync(join(dir, 'model.json'), toXgboostJsonText(model));
    writeFileSync(join(dir, 'model.meta.json'), JSON.stringify(xgboostSidecar(model)));
    const X = rawMatrix(test, features);
    const rows = Array.from({ length: X.rows }, (_, i) => features.map((_, j) => X.X[j * X.rows + i]));
    writeFileSync(join(dir, 'X.json'), JSON.stringify(rows.map((r) => r.map((v) => (Number.isNaN(v) ? null : v)))));
    const r = spawnSync(PYTHON, ['tests/fixtures/xgboost_predict.py', dir], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const python = JSON.parse(readFileSync(join(dir, 'predictions.json'), 'utf8')) as number[][];
    const workbench = model.predictRaw(X);
    const width = model.ensemble.objective === 'regression' ? 1 : model.classes!.length;
    expect(python.length).toBe(X.rows);
    let worst = 0;
    for (let i = 0; i < X.rows; i++) {
      for (let k = 0; k < width; k++) {
        const want = workbench[i * width + k];
        const got = python[i][k];
        const diff = Math.abs(got - want) / (width === 1 ? Math.max(1, Math.abs(want)) : 1);
        worst = Math.max(worst, diff);
      }
    }
    // Probabilities to 1e-6; regression values to 1e-5 relative (XGBoost sums leaves in float32: ~6e-8 per addition at this scale).
    expect(worst).toBeLessThan(width === 1 ? 1e-5 : 1e-6);
    // The sidecar names what Python needs to use the file.
    const meta = JSON.parse(readFileSync(join(dir, 'model.meta.json'), 'utf8'));
    expect(meta.features).toEqual(features);
    if (width > 1) expect(meta.classes).toEqual(model.classes);
  });
});
