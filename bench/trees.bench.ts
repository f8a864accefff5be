// models/trees-*: fit time of the workbench's histogram GBDT (src/ml/trees) on
// the real bank-marketing sample (all columns one-hot, as in
// tests/ml/trees-bank.test.ts), training on folds 2-5 of the fixture's
// StratifiedKFold and scoring AUC on fold 1, against scikit-learn's
// HistGradientBoostingClassifier() and XGBoost's hist trees (defaults, one
// thread: OMP_NUM_THREADS=1), timed inside Debian's /usr/bin/python3 around
// fit() only. Each line also carries both AUCs. Skips what is not installed.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { boost } from '../src/ml/trees/index.ts';
import { TreeModel } from '../src/ml/trees/model.ts';
import { rocAuc } from '../src/ml/metrics/index.ts';
import { BANK_CSV, loadBank, SKLEARN_LIKE, subset } from '../tests/ml/trees-bank-data.ts';
import { median, result, timeIt, type Benchmark, type BenchResult } from './harness.ts';
import fixture from '../tests/fixtures/trees_bank.json';

const PYTHON = '/usr/bin/python3';
const REPEAT = 5;

const SCRIPT = String.raw`
import json, sys, time
import numpy as np
sys.path.insert(0, sys.argv[3])
from make_trees_fixtures import load
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score
X, y = load(sys.argv[1])
test = np.array(json.load(open(sys.argv[2]))['test_folds'][0])
mask = np.zeros(len(y), bool); mask[test] = True
Xtr, ytr, Xte, yte = X[~mask].to_numpy(), y[~mask], X[mask].to_numpy(), y[mask]
def timed(make):
    times = []
    for i in range(${REPEAT} + 1):
        m = make(); t0 = time.perf_counter(); m.fit(Xtr, ytr); dt = time.perf_counter() - t0
        if i: times.append(dt * 1000)
    return float(np.median(times)), float(roc_auc_score(yte, m.predict_proba(Xte)[:, 1]))
out = {'sklearn': timed(lambda: HistGradientBoostingClassifier())}
try:
    import xgboost
    out['xgboost'] = timed(lambda: xgboost.XGBClassifier(tree_method='hist', n_jobs=1))
    out['xgboost_version'] = xgboost.__version__
except ImportError:
    pass
print(json.dumps(out))
`;

interface PyTimes {
  sklearn: [number, number];
  xgboost?: [number, number];
  xgboost_version?: string;
}

export const benchmarks: Benchmark[] = [
  {
    name: 'models/trees-fit-bank',
    async run() {
      if (!existsSync(BANK_CSV)) throw new Error(`Missing ${fileURLToPath(BANK_CSV)}.`);
      const data = loadBank();
      const test = fixture.test_folds[0];
      const inTest = new Uint8Array(data.rows);
      for (const i of test) inTest[i] = 1;
      const trainIdx: number[] = [];
      for (let i = 0; i < data.rows; i++) if (!inTest[i]) trainIdx.push(i);
      const tr = subset(data, trainIdx);
      const te = subset(data, test);

      let model: TreeModel | undefined;
      const times: number[] = [];
      await timeIt(async () => {
        const t0 = performance.now();
        const { ensemble } = await boost({ X: tr.X, y: tr.y }, 'binary', 2, SKLEARN_LIKE);
        times.push(performance.now() - t0);
        model = new TreeModel({ ensemble, target: 'y', features: data.names, classes: [0, 1], params: SKLEARN_LIKE });
      }, REPEAT);
      const ours = median(times.slice(1));
      const p = model!.predictRaw(te.X);
      const auc = rocAuc(Array.from(te.y), Array.from({ length: te.X.rows }, (_, i) => [p[2 * i], p[2 * i + 1]]), [0, 1]);

      const fixtures = fileURLToPath(new URL('../tests/fixtures/', import.meta.url));
      const stdout = execFileSync(PYTHON, ['-c', SCRIPT, fileURLToPath(BANK_CSV), `${fixtures}trees_bank.json`, fixtures], {
        env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' },
        encoding: 'utf8',
      });
      const py = JSON.parse(stdout.trim().split('\n').at(-1)!) as PyTimes;
      const extra = { rows: tr.X.rows, features: tr.X.cols, rounds: SKLEARN_LIKE.rounds, max_leaves: SKLEARN_LIKE.maxLeaves, auc: round4(auc) };
      const out: BenchResult[] = [
        result('models/trees-fit-bank-vs-sklearn-hgb', ours, 'ms', 'sklearn 1.2 HistGradientBoostingClassifier().fit, 1 thread', py.sklearn[0], { ...extra, ref_auc: round4(py.sklearn[1]) }),
      ];
      if (py.xgboost) {
        out.push(result('models/trees-fit-bank-vs-xgboost-hist', ours, 'ms', `xgboost ${py.xgboost_version} XGBClassifier(tree_method='hist').fit, 1 thread (depth 6, lr 0.3)`, py.xgboost[0], { ...extra, ref_auc: round4(py.xgboost[1]) }));
      }
      return out;
    },
  },
];

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
