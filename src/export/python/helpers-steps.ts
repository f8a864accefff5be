// The third part of the Python helpers (see helpers.ts): the steps whose
// results must be identical to the workbench's, re-implemented from its
// TypeScript: feature selection (src/cells/select.ts with
// src/data/selection/index.ts) and cross-validation folds
// (src/ml/validation/folds.ts). Scores come from scikit-learn; which
// features are kept follows the workbench's rule, which breaks ties
// differently from SelectKBest.

export const PYTHON_HELPERS_STEPS = String.raw`
def top_k(score, k):
    """The k best scores, as the workbench picks them: highest first, a tie to the earlier column, NaN last.
    (scikit-learn's SelectKBest would keep the later of two tied columns.)"""
    rank = [(-s if not math.isnan(s) else math.inf, j) for j, s in enumerate(score)]
    keep = [False] * len(score)
    for _, j in sorted(rank)[:k]:
        keep[j] = True
    return keep


def select_features(df, target, method, k=None, threshold=None, features=None):
    """The select cell: score each candidate feature against the target with scikit-learn and keep the best.
    Scored on the complete rows (no missing feature or target), booleans as 0/1, as in the workbench.
    Returns (kept features, the scores table)."""
    from sklearn.feature_selection import chi2, f_classif
    candidates = [c for c in (features or numeric_features(df, target)) if c != target]
    complete = df[candidates + [target]].dropna()
    X = complete[candidates].astype(float).to_numpy()
    y = complete[target].to_numpy()
    extra = {}
    if method == 'variance':
        score = X.var(axis=0)  # population variance, as sklearn's VarianceThreshold
        keep = top_k(score, k) if k is not None else list(score > (threshold if threshold is not None else 0))
    else:
        score, p_value = (f_classif if method == 'anova' else chi2)(X, y)
        extra['p_value'] = p_value
        keep = list(score > threshold) if threshold is not None else top_k(score, min(k if k is not None else 10, len(candidates)))
    kept = [c for c, kept in zip(candidates, keep) if kept]
    order = sorted(range(len(candidates)), key=lambda j: (-score[j] if not math.isnan(score[j]) else math.inf, j))
    scores = pd.DataFrame({'feature': [candidates[j] for j in order], 'score': [score[j] for j in order], 'kept': [bool(keep[j]) for j in order]})
    for name, values in extra.items():
        scores[name] = [values[j] for j in order]
    return kept, scores


def cv_folds(df, method, k, seed, target=None, group=None, time=None):
    """The crossval cell's folds as (train rows, test rows) pairs, the workbench's rows exactly:
    kfold and stratified from its seeded shuffle, group like GroupKFold, time like TimeSeriesSplit."""
    n = len(df)
    if method == 'time':
        from sklearn.model_selection import TimeSeriesSplit
        order = np.arange(n) if not time else np.argsort(pd.to_datetime(df[time]).to_numpy(), kind='stable')
        return [(order[tr].tolist(), order[te].tolist()) for tr, te in TimeSeriesSplit(n_splits=k).split(order)]
    fold_of = [0] * n
    if method == 'kfold':
        order, at = shuffled_indices(n, mulberry32(seed)), 0
        for f in range(k):
            for _ in range(n // k + (1 if f < n % k else 0)):
                fold_of[order[at]], at = f, at + 1
    elif method == 'stratified':
        # Each class shuffled, then its rows dealt to folds 0, 1, ..., k-1, 0, ... continuing across classes.
        rand, deal = mulberry32(seed), 0
        for rows in _first_seen_groups(df[target].tolist()):
            for j in shuffled_indices(len(rows), rand):
                fold_of[rows[j]], deal = deal % k, deal + 1
    elif method == 'group':
        # Largest group first, each to the fold with the fewest rows so far (ties: the lower fold).
        groups = _first_seen_groups(df[group].tolist())
        load = [0] * k
        for g in sorted(range(len(groups)), key=lambda g: (-len(groups[g]), g)):
            f = min(range(k), key=lambda j: (load[j], j))
            load[f] += len(groups[g])
            for row in groups[g]:
                fold_of[row] = f
    return [([i for i in range(n) if fold_of[i] != f], [i for i in range(n) if fold_of[i] == f]) for f in range(k)]


def summarise_folds(per_fold):
    """Mean and population std of each metric over the folds (the workbench's summary table)."""
    metrics = [c for c in per_fold.columns if c not in ('fold', 'train_rows', 'test_rows')]
    return pd.DataFrame({'metric': metrics, 'mean': [per_fold[m].mean() for m in metrics], 'std': [per_fold[m].std(ddof=0) for m in metrics]})
`;
