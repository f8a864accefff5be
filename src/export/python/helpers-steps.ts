// The third part of the Python helpers (see helpers.ts): the steps whose
// results must be identical to the workbench's, re-implemented from its
// TypeScript: feature selection (src/cells/select.ts with
// src/data/selection/index.ts). Scores come from scikit-learn; which
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
`;
