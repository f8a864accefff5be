// The Python helpers of the ensemble and compare cells.
// Ensembles (src/ml/ensemble/): soft voting averages the members' class
// probabilities with the weights, hard voting adds the weights of the
// members' predicted classes (a tie to the first class), regression averages
// the predictions; blending fits scikit-learn's LogisticRegression(C) or
// Ridge(alpha) on the members' predictions for a held-out table (the
// positive class's probability per member for two classes, every class's
// otherwise): the objectives the workbench solves by Newton's method.
// Stacking fits the same meta-learner on out-of-fold predictions of the
// training table (stacking_oof: the workbench's folds, each member refitted
// per fold by a function the exported ensemble cell defines).
// Compare (src/lifecycle/compare.ts): the workbench's resamples drawn from
// its own mulberry32 stream (floor(u * n)), each metric on each resample with
// scikit-learn, percentile intervals (np.percentile, linear), McNemar's test
// from statsmodels and the seeded traffic split, so with the same
// predictions the intervals are the workbench's.

export const PYTHON_HELPERS_ENSEMBLE = String.raw`
def _aligned_proba(model, proba, classes):
    """A member's probabilities with columns in the ensemble's class order (0 for a class it never saw)."""
    own = [_key(c) for c in model['classes']]
    return np.column_stack([proba[:, own.index(_key(c))] if _key(c) in own else np.zeros(len(proba)) for c in classes])


def _meta_columns(outputs, classes):
    """The meta-learner's inputs from the members' (predictions, aligned probabilities): P(positive) per member (two classes), every class's P, or the value."""
    cols = []
    for pred, p in outputs:
        if classes is None:
            cols.append(np.asarray(pred, dtype=float))
        else:
            cols.extend([p[:, 1]] if len(classes) == 2 else [p[:, k] for k in range(p.shape[1])])
    return np.column_stack(cols)


def _meta_features(model, df):
    """The members' predictions for df as the meta-learner's inputs."""
    outputs = []
    for member in model['members']:
        pred, proba = model_predict(member, df)
        outputs.append((pred, None if model['classes'] is None else _aligned_proba(member, proba, model['classes'])))
    return _meta_columns(outputs, model['classes'])


def stacking_oof(members, refits, train, folds=5, seed=42):
    """{'members': each member's out-of-fold (predictions, aligned probabilities) for every row of train, 'folds': each fold's
    held-out rows}: on each of the workbench's folds (stratified for classes, shuffled K-fold for numbers) refits[j](the fold's
    training rows) predicts the fold's held-out rows."""
    classes, target, n = members[0]['classes'], members[0]['target'], len(train)
    method = 'stratified' if classes is not None else 'kfold'
    preds = [[None] * n for _ in members]
    probas = [np.zeros((n, len(classes))) if classes is not None else None for _ in members]
    split = cv_folds(train, method, folds, seed, target=target if classes is not None else None)
    for train_rows, test_rows in split:
        fit_part, held_out = train.iloc[train_rows].reset_index(drop=True), train.iloc[test_rows].reset_index(drop=True)
        for j, refit in enumerate(refits):
            fold_model = refit(fit_part)
            pred, proba = model_predict(fold_model, held_out)
            for i, row in enumerate(test_rows):
                preds[j][row] = pred[i]
            if classes is not None:
                probas[j][test_rows] = _aligned_proba(fold_model, proba, classes)
    return {'members': list(zip(preds, probas)), 'folds': [test_rows for _, test_rows in split]}


def kept_epochs(history):
    """The epochs a network that stopped early kept: its best validation epoch (the first lowest val_loss), whose weights fit_torch restored."""
    return 1 + int(np.argmin([e['val_loss'] for e in history]))


def _meta_names(members, names, classes):
    """The meta features' names, as the workbench shows them: the member, or member:P(class)."""
    if classes is None:
        return list(names)
    ks = [1] if len(classes) == 2 else range(len(classes))
    return [f'{name}:P({classes[k]})' for name in names for k in ks]


def ensemble_predict(model, df):
    """(predictions, probabilities or None) of a voting or blending ensemble."""
    classes, members = model['classes'], model['members']
    if model['kind'] in ('blending', 'stacking'):
        X = _meta_features(model, df)
        if classes is None:
            return model['meta'].predict(X), None
        proba = model['meta'].predict_proba(X)
        return [classes[i] for i in proba.argmax(axis=1)], proba
    weights = np.asarray(model['weights'], dtype=float)
    outputs = [model_predict(m, df) for m in members]
    if classes is None:
        return np.average([np.asarray(p, dtype=float) for p, _ in outputs], axis=0, weights=weights), None
    if model['voting'] == 'hard':
        index = {_key(c): k for k, c in enumerate(classes)}
        counts = np.zeros((len(df), len(classes)))
        for w, (pred, _) in zip(weights, outputs):
            counts[np.arange(len(df)), [index[_key(p)] for p in pred]] += w
        return [classes[i] for i in counts.argmax(axis=1)], None  # argmax: a tie goes to the first class; no probabilities
    proba = sum(w * _aligned_proba(m, p, classes) for w, m, (_, p) in zip(weights, members, outputs)) / weights.sum()
    return [classes[i] for i in proba.argmax(axis=1)], proba


def make_ensemble(members, method='voting', voting='soft', weights=None, holdout=None, C=1.0, alpha=1.0, oof=None, names=None):
    """An ensemble model dict over trained model dicts (the members are referenced, not copied).
    Blending fits the meta-learner on the members' predictions for holdout; stacking on their out-of-fold predictions
    of holdout (the training table; stacking_oof)."""
    first = members[0]
    features = list(dict.fromkeys(f for m in members for f in m['features']))
    model = {'kind': method, 'members': members, 'classes': first['classes'], 'target': first['target'], 'features': features,
             'voting': voting, 'weights': list(weights) if weights else [1.0] * len(members),
             'meta_features': _meta_names(members, names or [f'member {j + 1}' for j in range(len(members))], first['classes'])}
    if method in ('blending', 'stacking'):
        from sklearn.linear_model import LogisticRegression, Ridge
        X = _meta_columns(oof['members'], first['classes']) if method == 'stacking' else _meta_features(model, holdout)
        if first['classes'] is None:
            model['meta'] = Ridge(alpha=alpha).fit(X, holdout[first['target']].astype(float))
        else:
            y = encode_target(holdout[first['target']], first['classes'])
            known = y != -1
            model['meta'] = LogisticRegression(C=C, solver='newton-cg', max_iter=1000, tol=1e-12).fit(X[known], y[known])
    return model


def subset_metric(name, y_true, pred, proba, classes):
    """One of the compare cell's metrics on given rows (precision/recall/F1 of the second class for two classes, else macro)."""
    from sklearn import metrics as skm
    if classes is None:
        y, p = np.asarray(y_true, dtype=float), np.asarray(pred, dtype=float)
        if name == 'rmse':
            return math.sqrt(skm.mean_squared_error(y, p))
        if name == 'mae':
            return skm.mean_absolute_error(y, p)
        if name == 'mape':
            return float(np.mean(np.abs(p - y) / np.maximum(np.abs(y), np.finfo(float).eps)))
        return skm.r2_score(y, p)
    if name == 'accuracy':
        return skm.accuracy_score(y_true, pred)
    if name == 'roc_auc':
        return skm.roc_auc_score(y_true, proba[:, 1]) if len(classes) == 2 else skm.roc_auc_score(y_true, proba, multi_class='ovr', labels=classes)
    if name == 'log_loss':
        return skm.log_loss(y_true, proba, labels=classes)
    kw = dict(average='binary', pos_label=classes[1], labels=classes) if len(classes) == 2 else dict(average='macro')
    return {'precision': skm.precision_score, 'recall': skm.recall_score, 'f1': skm.f1_score}[name](y_true, pred, zero_division=0, **kw)


def bootstrap_indices(n, n_boot, seed):
    """The workbench's resamples: floor(u * n) from mulberry32(seed), n per resample."""
    rand = mulberry32(seed)
    return [np.array([math.floor(rand() * n) for _ in range(n)]) for _ in range(n_boot)]


def _interval(estimate, values, alpha):
    if not values:
        return {'estimate': estimate, 'low': float('nan'), 'high': float('nan'), 'used': 0}
    low, high = np.percentile(values, [100 * alpha / 2, 100 * (1 - alpha / 2)])  # linear, as the workbench
    return {'estimate': estimate, 'low': float(low), 'high': float(high), 'used': len(values)}


def compare_models(y_true, a, b, classes, metrics, n_boot=1000, seed=42, confidence=0.95, traffic_split=0.8):
    """Two models' predictions (pred, proba) on the same rows: each metric with a percentile bootstrap interval,
    the paired difference B - A on the same resamples, McNemar's test (classes) and a seeded A/B traffic split."""
    import warnings
    from statsmodels.stats.contingency_tables import mcnemar
    y = np.asarray(y_true, dtype=object)
    n, alpha = len(y), 1 - confidence
    pick = lambda v, idx: None if v is None else (v[idx] if isinstance(v, np.ndarray) else [v[i] for i in idx])

    def score(name, model, idx):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                v = subset_metric(name, pick(y, idx).tolist(), pick(model[0], idx), pick(model[1], idx), classes)
            return float(v) if math.isfinite(v) else None
        except ValueError:  # undefined on this resample (ROC-AUC with one class): skipped, as the workbench skips it
            return None

    every = np.arange(n)
    resamples = bootstrap_indices(n, n_boot, seed)
    rows = []
    for name in metrics:
        ea, eb = score(name, a, every), score(name, b, every)
        va, vb, vd = [], [], []
        for idx in resamples:
            sa, sb = score(name, a, idx), score(name, b, idx)
            if sa is not None:
                va.append(sa)
            if sb is not None:
                vb.append(sb)
            if sa is not None and sb is not None:
                vd.append(sb - sa)
        rows.append({'metric': name, 'a': _interval(ea, va, alpha), 'b': _interval(eb, vb, alpha), 'diff': _interval(eb - ea, vd, alpha)})
    result = {'rows': n, 'metrics': rows}
    same = lambda p, i: _key(y[i]) == _key(p[i])
    if classes is not None:
        table = [[0, 0], [0, 0]]
        for i in range(n):
            table[0 if same(a[0], i) else 1][0 if same(b[0], i) else 1] += 1
        exact = table[0][1] + table[1][0] < 25  # the exact binomial test below 25 discordant rows
        test = mcnemar(table, exact=exact, correction=True)
        result['mcnemar'] = {'table': table, 'method': 'exact' if exact else 'chi2', 'statistic': float(test.statistic), 'pvalue': float(test.pvalue)}
    rand = mulberry32(seed ^ 0x5bd1e995)  # the traffic split's own stream
    arm = [0 if rand() < traffic_split else 1 for _ in range(n)]
    arms = []
    for k, (label, model) in enumerate([('A', a), ('B', b)]):
        rows_k = [i for i in range(n) if arm[i] == k]
        if classes is not None:
            outcome = [1.0 if same(model[0], i) else 0.0 for i in rows_k]
        else:
            outcome = [abs(float(y[i]) - float(model[0][i])) for i in rows_k]
        arms.append({'arm': label, 'rows': len(rows_k), 'outcome': ordered_sum(outcome) / len(rows_k) if rows_k else float('nan')})
    result['traffic'] = arms
    return result
`;
