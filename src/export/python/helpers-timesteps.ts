// Python for the transform cell's time-ordered steps (lag, lead, shiftTarget,
// diff, rolling), date parts, ordinal and target encoding, re-implemented as
// src/data/transforms/{lag,diff,rolling,dateparts,encode}.ts compute them:
// within each group of `by`, rows in `order_by` order (a stable sort, missing
// last; `ordered_groups` in helpers-sessions.ts), each result written back to
// its own row, so the table keeps its row order. pandas'
// `groupby(by)[column].shift(k)` / `.diff(k)` / `.rolling(w).mean()` after
// `sort_values(order_by)` say the same thing; the loops here keep the
// workbench's rules (missing skipped in a window, std with ddof 1) exactly.
export const PYTHON_HELPERS_TIMESTEPS = String.raw`
def shifted(df, column, shift, by=None, order_by=None):
    """The value shift rows earlier (shift > 0, pandas shift(k)) or later (shift < 0) in the row's group, in time order; missing where there is none."""
    values = [None if _key(v) is None else _key(v) for v in df[column].tolist()]
    out = [None] * len(df)
    for g in ordered_groups(df, by, order_by):
        for i, r in enumerate(g):
            j = i - shift
            if 0 <= j < len(g):
                out[r] = values[g[j]]
    return pd.Series(out, index=df.index)


def differenced(df, column, periods=1, by=None, order_by=None):
    """Value minus the value periods rows earlier in the group, in time order (pandas diff); missing where either is missing."""
    values = [_number_or_none(v) for v in df[column].tolist()]
    out = [None] * len(df)
    for g in ordered_groups(df, by, order_by):
        for i in range(periods, len(g)):
            a, b = values[g[i]], values[g[i - periods]]
            if a is not None and b is not None:
                out[g[i]] = a - b
    return pd.Series(out, index=df.index, dtype=float)


def rolling_stat(df, column, window, stat, min_periods=None, by=None, order_by=None):
    """A statistic of the trailing window (the row included) in the group, in time order; missing values skipped, missing below min_periods values (default: the window)."""
    values = [_number_or_none(v) for v in df[column].tolist()]
    need = window if min_periods is None else min_periods
    out = [None] * len(df)
    for g in ordered_groups(df, by, order_by):
        for i, r in enumerate(g):
            xs = [values[g[j]] for j in range(max(0, i - window + 1), i + 1) if values[g[j]] is not None]
            if not xs or len(xs) < need:
                continue
            n = len(xs)
            if stat == 'sum':
                out[r] = sum(xs)
            elif stat == 'mean':
                out[r] = sum(xs) / n
            elif stat == 'min':
                out[r] = min(xs)
            elif stat == 'max':
                out[r] = max(xs)
            elif stat == 'std' and n >= 2:
                m = sum(xs) / n
                out[r] = math.sqrt(sum((x - m) ** 2 for x in xs) / (n - 1))
    return pd.Series(out, index=df.index, dtype=float)


def date_part(values, part):
    """A calendar part of dates read in UTC (text without a zone is UTC): weekday 0 = Monday, month 1-12, weekend a boolean; missing where the date is."""
    t = pd.to_datetime(values, utc=True, errors='coerce')
    parts = {'year': t.dt.year, 'month': t.dt.month, 'day': t.dt.day, 'weekday': t.dt.weekday, 'hour': t.dt.hour,
             'dayofyear': t.dt.dayofyear, 'weekend': t.dt.weekday >= 5}
    out = parts[part]
    return out if t.notna().all() else out.astype(object).where(t.notna(), None)


def target_means(df, columns, target, smoothing):
    """Per column, each category's smoothed mean of the target, (n * mean + m * global) / (n + m), learned on this table; and the global mean."""
    y = [_number_or_none(v) for v in df[target].tolist()]
    present = [v for v in y if v is not None]
    overall = sum(present) / len(present)
    means = {}
    for c in columns:
        acc = {}
        for v, t in zip(df[c].tolist(), y):
            if _key(v) is None or t is None:
                continue
            s, n = acc.get(_key(v), (0.0, 0))
            acc[_key(v)] = (s + t, n + 1)
        means[c] = {k: (n * (s / n) + smoothing * overall) / (n + smoothing) for k, (s, n) in acc.items()}
    return {'global': overall, 'means': means}


def target_encode(df, fitted):
    """Each category replaced by its learned mean; an unseen or missing category by the global mean."""
    df = df.copy()
    for c, means in fitted['means'].items():
        df[c] = [fitted['global'] if _key(v) is None else means.get(_key(v), fitted['global']) for v in df[c].tolist()]
    return df


def ordinal_categories(df, columns):
    """Per column, its distinct values (missing left out), sorted: a value's code is its index."""
    return {c: sorted({_key(v) for v in df[c].tolist() if _key(v) is not None}) for c in columns}


def ordinal_encode(df, categories):
    """Each value replaced by its index among the learned categories; unseen -1, missing stays missing."""
    df = df.copy()
    for c, cats in categories.items():
        code = {v: i for i, v in enumerate(cats)}
        df[c] = pd.Series([None if _key(v) is None else code.get(_key(v), -1) for v in df[c].tolist()], index=df.index, dtype=object)
    return df
`;
