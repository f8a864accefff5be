// The third part of the Python helpers (see helpers.ts): the steps whose
// results must be identical to the workbench's, re-implemented from its
// TypeScript: feature selection (src/cells/select.ts with
// src/data/selection/index.ts), cross-validation folds
// (src/ml/validation/folds.ts) and equi-joins (src/data/join/hash.ts: its row
// order and its rule that a missing key never matches, where pandas merge
// would match NaN with NaN and group or sort the rows by key). Scores come from scikit-learn; which
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


def _join_key(values):
    """A join key: None when any part is missing (it never matches); the type is part of it, so 1 and '1' differ."""
    key = []
    for v in values:
        v = _key(v)
        if v is None:
            return None
        key.append(('b' if isinstance(v, bool) else 'n' if isinstance(v, (int, float)) else 's', v))
    return tuple(key)


def _rows_by_key(df, columns):
    index = {}
    for i, values in enumerate(zip(*(df[c].tolist() for c in columns))):
        k = _join_key(values)
        if k is not None:
            index.setdefault(k, []).append(i)
    return index


def join_tables(left, right, how, left_on, right_on, suffixes=('_x', '_y')):
    """The join cell: pairs of matching rows in the workbench's order (each left row with its matches in right order;
    outer adds the unmatched right rows at the end; right follows the right table), then the columns as pandas names them."""
    pairs = []
    if how == 'right':
        by_key = _rows_by_key(left, left_on)
        for r, values in enumerate(zip(*(right[c].tolist() for c in right_on))):
            k = _join_key(values)
            pairs += [(i, r) for i in by_key.get(k, [])] if k in by_key else [(-1, r)]
    else:
        by_key = _rows_by_key(right, right_on)
        used = set()
        for i, values in enumerate(zip(*(left[c].tolist() for c in left_on))):
            matches = by_key.get(_join_key(values), [])
            pairs += [(i, r) for r in matches]
            used.update(matches)
            if not matches and how != 'inner':
                pairs.append((i, -1))
        if how == 'outer':
            pairs += [(-1, r) for r in range(len(right)) if r not in used]
    li, ri = [p[0] for p in pairs], [p[1] for p in pairs]
    shared = {l for l, r in zip(left_on, right_on) if l == r}
    right_kept = [c for c in right.columns if c not in shared]
    clash = {c for c in right_kept if c in left.columns}

    def take(column, rows):
        values = column.tolist()
        return [values[i] if i >= 0 else None for i in rows]
    out = {}
    for c in left.columns:
        values = take(left[c], li)
        if c in shared:  # one key column, from whichever side has the row
            values = [v if i >= 0 else w for v, w, i in zip(values, take(right[c], ri), li)]
        out[c + suffixes[0] if c in clash else c] = values
    for c in right_kept:
        out[c + suffixes[1] if c in clash else c] = take(right[c], ri)
    return pd.DataFrame(out)
`;
