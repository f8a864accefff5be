// The Python helpers of the explain cell, following src/ml/explain/:
// permutation importance with the workbench's shuffles (its mulberry32
// stream and Fisher-Yates, one stream for every feature and repeat in
// order), scored by accuracy, ROC-AUC or R² (scikit-learn), importance =
// baseline - permuted score, mean and population std over the repeats; and
// partial dependence by scikit-learn's brute method on the workbench's grid
// (the distinct values when fewer than the resolution, else evenly spaced
// between scipy's mquantiles at 5 % and 95 %).

export const PYTHON_HELPERS_EXPLAIN = String.raw`
def explain_score(scoring, y_true, pred, proba, classes):
    from sklearn import metrics as skm
    if scoring == 'r2':
        return skm.r2_score(np.asarray(y_true, dtype=float), np.asarray(pred, dtype=float))
    if scoring == 'accuracy':
        return skm.accuracy_score(y_true, pred)
    return skm.roc_auc_score(y_true, proba[:, 1]) if len(classes) == 2 else skm.roc_auc_score(y_true, proba, multi_class='ovr', labels=classes)


def permutation_importance(model, df, scoring='auto', repeats=5, seed=42):
    """(baseline score, a table of feature, importance_mean, importance_std, most important first)."""
    scoring = scoring if scoring != 'auto' else ('accuracy' if model['classes'] is not None else 'r2')
    rand = mulberry32(seed)  # one stream for every feature and repeat, in the model's feature order
    df = df.reset_index(drop=True)
    y_true = df[model['target']].tolist()
    baseline = explain_score(scoring, y_true, *model_predict(model, df), model['classes'])
    rows = []
    for feature in model['features']:
        values = df[feature].tolist()
        drops = []
        for _ in range(repeats):
            order = shuffled_indices(len(df), rand)
            permuted = df.copy()
            permuted[feature] = pd.Series([values[i] for i in order], dtype=df[feature].dtype)
            drops.append(baseline - explain_score(scoring, y_true, *model_predict(model, permuted), model['classes']))
        mean = ordered_sum(drops) / repeats
        rows.append({'feature': feature, 'importance_mean': mean, 'importance_std': math.sqrt(ordered_sum((d - mean) ** 2 for d in drops) / repeats)})
    table = pd.DataFrame(rows).sort_values('importance_mean', ascending=False, kind='mergesort').reset_index(drop=True)
    return scoring, baseline, table


def _mquantile(ordered, p, alphap=0.4, betap=0.4):
    """scipy.stats.mstats.mquantiles with its defaults, on sorted values."""
    n = len(ordered)
    aleph = n * p + alphap + p * (1 - alphap - betap)
    k = math.floor(min(n - 1, max(1, aleph)))
    gamma = min(1, max(0, aleph - k))
    return (1 - gamma) * ordered[k - 1] + gamma * ordered[k]


def partial_dependence(model, df, feature, grid_resolution=20):
    """(grid, {output: average prediction at each grid value}): the positive class's probability, each class's, or the value."""
    values = sorted(float(v) for v in df[feature].tolist() if _key(v) is not None and not isinstance(v, str))
    uniques = [v for i, v in enumerate(values) if i == 0 or v != values[i - 1]]
    if len(uniques) < grid_resolution:
        grid = uniques
    else:
        lo, hi = _mquantile(values, 0.05), _mquantile(values, 0.95)
        step = (hi - lo) / (grid_resolution - 1)
        grid = [i * step + lo for i in range(grid_resolution - 1)] + [hi]  # numpy's linspace, the end exact
    curves = {}
    for x in grid:
        fixed = df.copy()
        fixed[feature] = x
        pred, proba = model_predict(model, fixed)
        classes = model['classes']
        if classes is None:
            outs = {model['target']: ordered_sum(float(v) for v in pred) / len(pred)}
        else:
            cols = [1] if len(classes) == 2 else range(len(classes))
            outs = {classes[k]: ordered_sum(proba[:, k]) / len(proba) for k in cols}
        for name, v in outs.items():
            curves.setdefault(name, []).append(v)
    return grid, curves
`;
