// The exported crossval cell's folds are the workbench's, row for row:
// shuffled K-fold and stratified K-fold from its seeded generator (missing
// labels as a class of their own), group K-fold's greedy balancing, and
// forward-chaining time folds over rows sorted by time (ties in table order).
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/core/random.ts';
import { groupKFold, kFold, stratifiedKFold, timeFolds } from '../../src/ml/validation/folds.ts';
import { pyLiteral } from '../../src/export/python/context.ts';
import { pythonMissing, runWithHelpers } from './helpers.ts';

const missing = pythonMissing(['numpy', 'pandas', 'sklearn']);

describe.skipIf(missing !== undefined)(`crossval exported to Python: the same folds${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it.each([[5, 42], [3, 7], [7, 0]])('%i folds, seed %i', (k, seed) => {
    const r = seededRandom(seed + 100);
    const n = 211;
    const labels = Array.from({ length: n }, () => (r() < 0.05 ? null : ['no', 'yes', 'maybe'][Math.floor(r() * r() * 3)]));
    const groups = Array.from({ length: n }, () => `g${Math.floor(r() * 40)}`);
    const times = Array.from({ length: n }, () => `2024-03-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`);
    const py = runWithHelpers(`df = pd.DataFrame({'y': ${pyLiteral(labels)}, 'g': ${pyLiteral(groups)}, 't': ${pyLiteral(times)}})
print(json.dumps({m: cv_folds(df, m, ${k}, ${seed}, target='y', group='g', time='t') for m in ('kfold', 'stratified', 'group', 'time')}))`) as Record<string, [number[], number[]][]>;
    const pairs = (folds: { train: number[]; test: number[] }[]) => folds.map((f) => [f.train, f.test]);
    expect(py.kfold).toEqual(pairs(kFold(n, k, seed)));
    expect(py.stratified).toEqual(pairs(stratifiedKFold(labels, k, seed)));
    expect(py.group).toEqual(pairs(groupKFold(groups, k)));
    expect(py.time).toEqual(pairs(timeFolds(n, k, times)));
  });
});
