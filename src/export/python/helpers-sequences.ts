// The Python helpers of the sequences cell's sliding windows, following
// src/ml/sequences/ (windows.ts, rows.ts, scaling.ts): rows grouped in order
// of first appearance and sorted by time within a group (stable), the
// features read as float32 as the workbench reads them, scaling fitted on the
// training table (sums in row order) and applied unchanged to the others,
// each window `steps` consecutive rows and its target `horizon` rows after
// the window's last row; the windows stored as float32. The same numbers.

export const PYTHON_HELPERS_SEQUENCES = String.raw`
def sequence_groups(df, group=None, time=None):
    """Row positions per group (groups in order of first appearance), sorted by time within each (stable)."""
    import functools
    groups = {}
    keys = df[group].tolist() if group else [None] * len(df)
    for i, k in enumerate(keys):
        groups.setdefault(_key(k), []).append(i)
    if time:
        t = [_order_key(v) for v in df[time].tolist()]

        def compare(a, b):
            x, y = t[a], t[b]
            if x == y:
                return a - b
            if isinstance(x, (int, float)) and isinstance(y, (int, float)):
                return -1 if x < y else 1
            return -1 if str(x) < str(y) else 1
        groups = {k: sorted(rows, key=functools.cmp_to_key(compare)) for k, rows in groups.items()}
    return groups


def fit_scaling(raw, method='standard'):
    """Per-feature (offset, scale) from the training rows: standard (mean, population std) or minmax; a constant feature keeps scale 1."""
    cols = raw.shape[1]
    offset, scale = np.zeros(cols), np.ones(cols)
    if method == 'none' or len(raw) == 0:
        return offset, scale
    for j in range(cols):
        v = raw[:, j]
        if method == 'minmax':
            offset[j] = v.min()
            scale[j] = v.max() - v.min() if v.max() - v.min() > 1e-12 else 1.0
        else:
            mean = np.cumsum(v)[-1] / len(v)  # a running sum: the workbench's order
            std = math.sqrt(np.cumsum((v - mean) ** 2)[-1] / len(v))
            offset[j], scale[j] = mean, (std if std > 1e-12 else 1.0)
    return offset, scale


def build_windows(df, features, target, steps, horizon=1, group=None, time=None, scaling=None, method='standard'):
    """Sliding windows (samples x steps x features, float32) with the target horizon rows after each window's last row.
    Without scaling it is fitted on df (the training table); with it, applied unchanged."""
    raw = df[features].to_numpy(dtype=np.float32).astype(float)  # the workbench reads features as float32
    if np.isnan(raw).any():
        bad = [f for f in features if df[f].isna().any()][0]
        raise ValueError(f'sequences: feature {bad!r} has missing values; impute them first')
    scaling = scaling if scaling is not None else fit_scaling(raw, method)
    scaled = ((raw - scaling[0]) / scaling[1]).astype(np.float32)
    labels = [_key(v) for v in df[target].tolist()]
    X, y, index, groups = [], [], [], []
    for key, rows in sequence_groups(df, group, time).items():
        for end in range(steps - 1, len(rows) - horizon):
            X.append(scaled[rows[end - steps + 1:end + 1]])
            y.append(labels[rows[end + horizon]])
            index.append(rows[end])
            groups.append(key)
    if not X:
        raise ValueError(f'sequences: no group has the {steps + horizon} rows a window of {steps} steps and horizon {horizon} needs')
    return {'mode': 'windows', 'X': np.stack(X), 'y': y, 'index': index, 'groups': groups if group else None,
            'scaling': scaling, 'features': list(features), 'steps': steps, 'target': target}
`;
