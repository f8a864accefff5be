# Reference side of bench/gbdt.bench.ts: loads the synthetic GBDT data the
# bench wrote (float64, column-major X of train then test rows, then y), and
# fits on request, one request per stdin line ("sklearn" or "xgboost"), so the
# bench can interleave these fits with the workbench's. Each answer is one
# JSON line: wall and CPU ms around fit() only, and the test AUC.
# Run with OMP_NUM_THREADS=1 (the bench sets it): one thread, like the workbench.
import json, sys, time
import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score

path, train_rows, test_rows, cols = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rows = train_rows + test_rows
raw = np.fromfile(path, dtype=np.float64)
X = np.ascontiguousarray(raw[: rows * cols].reshape(cols, rows).T)  # row-major, as a student's array is
y = raw[rows * cols:]
Xtr, ytr, Xte, yte = X[:train_rows], y[:train_rows], X[train_rows:], y[train_rows:]

# The settings the bench prints; keep them in step with SETTINGS in gbdt.bench.ts.
def sklearn_model():
    return HistGradientBoostingClassifier(max_iter=100, learning_rate=0.1, max_leaf_nodes=31, max_depth=None,
                                          min_samples_leaf=20, l2_regularization=0.0, max_bins=255,
                                          early_stopping=False, random_state=0)

try:
    import xgboost
    def xgboost_model():
        return xgboost.XGBClassifier(tree_method='hist', grow_policy='lossguide', n_estimators=100, learning_rate=0.1,
                                     max_depth=0, max_leaves=31, max_bin=255, reg_lambda=0.0, min_child_weight=1e-3,
                                     n_jobs=1, random_state=0)
    versions = {'xgboost': xgboost.__version__}
except ImportError:
    xgboost_model = None
    versions = {}
import sklearn
versions['sklearn'] = sklearn.__version__
print(json.dumps({'ready': True, **versions}), flush=True)

for line in sys.stdin:
    which = line.strip()
    if not which:
        continue
    make = sklearn_model if which == 'sklearn' else xgboost_model
    if make is None:
        print(json.dumps({'error': f'{which} is not installed'}), flush=True)
        continue
    m = make()
    c0, t0 = time.process_time(), time.perf_counter()
    m.fit(Xtr, ytr)
    wall, cpu = (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000
    auc = float(roc_auc_score(yte, m.predict_proba(Xte)[:, 1]))
    print(json.dumps({'wall_ms': wall, 'cpu_ms': cpu, 'auc': auc}), flush=True)
