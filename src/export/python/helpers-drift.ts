// The Python helpers of the drift cell, following src/lifecycle/drift.ts and
// src/lifecycle/stats/: PSI over the reference's decile edges (np.quantile,
// duplicates dropped, open outer bins, shares floored at 1e-4) or over the
// categories of both samples (missing is a category); scipy's two-sample KS
// test for numbers and dates and its chi-square test of homogeneity (Yates'
// correction at one degree of freedom) for categories.

export const PYTHON_HELPERS_DRIFT = String.raw`
PSI_EPSILON = 1e-4


def psi_from_shares(ref, cur):
    ref, cur = np.maximum(ref, PSI_EPSILON), np.maximum(cur, PSI_EPSILON)
    return float(np.sum((cur - ref) * np.log(cur / ref)))


def numeric_psi(ref, cur, bins=10):
    """Bins from the reference's quantiles (i/bins for i = 1..bins-1, duplicates dropped); x falls in bin #edges <= x."""
    edges = []
    for q in np.quantile(ref, [i / bins for i in range(1, bins)]):
        if not edges or q != edges[-1]:
            edges.append(q)
    count = lambda x: np.bincount(np.searchsorted(edges, x, side='right'), minlength=len(edges) + 1) / len(x)
    return psi_from_shares(count(ref), count(cur))


def _drift_kind(series):
    """numeric for numbers and dates (not booleans), categorical otherwise, as the workbench's column types."""
    if pd.api.types.is_bool_dtype(series):
        return 'categorical'
    return 'numeric' if pd.api.types.is_numeric_dtype(series) or pd.api.types.is_datetime64_any_dtype(series) else 'categorical'


def _drift_numbers(series):
    s = series.dropna()
    return (s.astype('int64') // 1_000_000 if pd.api.types.is_datetime64_any_dtype(s) else s.astype(float)).to_numpy(dtype=float)


def feature_drift(column, kind, ref, cur, psi_threshold=0.2, alpha=0.05, bins=10):
    """One row of the drift table (ref and cur are pandas Series), or None when one side has no values."""
    from scipy import stats
    if kind == 'numeric':
        a, b = _drift_numbers(ref), _drift_numbers(cur)
        if len(a) == 0 or len(b) == 0:
            return None
        psi, test = numeric_psi(a, b, bins), stats.ks_2samp(a, b)
        row = {'column': column, 'type': kind, 'PSI': psi, 'test': 'KS', 'statistic': test.statistic, 'p-value': test.pvalue}
    else:
        a = ['(missing)' if _key(v) is None else str(v) for v in ref.tolist()]
        b = ['(missing)' if _key(v) is None else str(v) for v in cur.tolist()]
        if len(a) == 0 or len(b) == 0:
            return None
        categories = list(dict.fromkeys(a + b))  # first seen first
        counts = np.array([[x.count(c) for c in categories] for x in (a, b)])
        psi = psi_from_shares(counts[0] / len(a), counts[1] / len(b))
        if len(categories) > 1:
            chi2, p, _, _ = stats.chi2_contingency(counts)  # Yates' correction at one degree of freedom, as the workbench
        else:
            chi2, p = 0.0, 1.0
        row = {'column': column, 'type': kind, 'PSI': psi, 'test': 'chi²', 'statistic': chi2, 'p-value': p}
    reasons = []
    if row['PSI'] >= psi_threshold:
        reasons.append(f"PSI {row['PSI']:.3f} ≥ {psi_threshold}")
    if row['p-value'] < alpha:
        reasons.append(f"{row['test']} p {'< 0.0001' if row['p-value'] < 1e-4 else format(row['p-value'], '.4f')} < {alpha}")
    return {**row, 'drifted': bool(reasons), 'reason': '; '.join(reasons)}


def drift_report(reference, current, columns=None, psi_threshold=0.2, alpha=0.05, bins=10):
    """The drift cell's table: one row per column both tables share (or per listed column)."""
    columns = columns or [c for c in reference.columns if c in current.columns]
    rows = [feature_drift(c, _drift_kind(reference[c]), reference[c], current[c], psi_threshold, alpha, bins) for c in columns]
    return pd.DataFrame([r for r in rows if r is not None])
`;
