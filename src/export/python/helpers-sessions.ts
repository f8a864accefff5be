// The Python helpers of the session-features cell, following
// src/data/sessions/ line for line: states normalised as the course's
// norm_state, sessions in order of first appearance with their events sorted
// by time (stable; a missing time keeps the table's order, the workbench's
// comparator), the label, prefix-K with terminal events masked, the bigram
// vocabulary (most frequent first, ties in order of first appearance) learned
// on the training sessions only, and the 88 features of each prefix, summed
// in event order so the feature table is the workbench's. Also the event
// steps of the transform cell that feed it (src/data/transforms/events.ts):
// gaps and deltas within each session, in time order.

export const PYTHON_HELPERS_SESSIONS = String.raw`
SESSION_FLAGS = ['root', 'search', 'products', 'cart', 'checkout']
SESSION_HITS = ['search', 'products', 'cart', 'checkout']


def norm_state(v):
    """The course's norm_state: lower case, trimmed, no query string, no trailing '/' (the root '/' stays)."""
    if _key(v) is None:
        return ''
    s = str(v).strip().lower().split('?')[0]
    return s[:-1] if len(s) > 1 and s.endswith('/') else s


def _time_ms(v):
    """A log time in milliseconds since the epoch (text without a zone is read as UTC, as the workbench), or None."""
    if _key(v) is None:
        return None
    if isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, (bool, np.bool_)):
        return float(v)
    try:
        t = pd.Timestamp(v)
    except (ValueError, TypeError):
        return None
    if t is pd.NaT:
        return None
    t = t.tz_convert('UTC').tz_localize(None) if t.tzinfo is not None else t
    return float(t.value // 1_000_000)


def _number_or_none(v):
    if isinstance(v, (bool, np.bool_)):
        return 1.0 if v else 0.0
    if _key(v) is None:
        return None
    try:
        x = float(v)
    except (ValueError, TypeError):
        return None
    return x if math.isfinite(x) else None


def _id_text(v):
    """A session id as the workbench's text: 17.0 -> '17'."""
    return str(int(v)) if isinstance(v, (float, np.floating)) and float(v).is_integer() else str(v)


def read_sessions(log, columns, normalize=True):
    """The sessions of an event log in order of first appearance: (id, events sorted by time, stable)."""
    import functools
    missing = [c for c in columns.values() if c not in log.columns]
    if missing:
        raise ValueError(f'session features: the log has no column {missing[0]!r} (columns: {", ".join(map(str, log.columns))})')
    state = norm_state if normalize else (lambda v: '' if _key(v) is None else str(v))
    times = [_time_ms(v) for v in log[columns['time']].tolist()]
    rows_of = {}
    for r, sid in enumerate(log[columns['session']].tolist()):
        if _key(sid) is not None:
            rows_of.setdefault(_id_text(sid), []).append(r)
    cols = {k: log[c].tolist() for k, c in columns.items()}
    sessions = []
    for sid, rows in rows_of.items():
        def before(a, b):
            # The workbench's comparator: by time; a missing or equal time keeps the table's order.
            ta, tb = times[a[0]], times[b[0]]
            if ta is None or tb is None or ta == tb:
                return a[1] - b[1]
            return -1 if ta < tb else 1
        order = [r for r, _ in sorted([(r, i) for i, r in enumerate(rows)], key=functools.cmp_to_key(before))]
        events = [{'state': state(cols['state'][r]), 'next': state(cols['nextState'][r]), 'time': times[r],
                   'depth': _number_or_none(cols['depth'][r]), 'gap': _number_or_none(cols['gap'][r]),
                   'ds': _number_or_none(cols['deltaSearch'][r]), 'dc': _number_or_none(cols['deltaCart'][r])} for r in order]
        sessions.append((sid, events))
    return sessions


def bigram_vocabulary(sessions, top, terminals):
    """The top most frequent pairs of consecutive states over whole sessions (pairs touching a terminal left out); ties by first appearance."""
    counts = {}
    for _, events in sessions:
        for a, b in zip(events, events[1:]):
            if a['state'] in terminals or b['state'] in terminals:
                continue
            pair = (a['state'], b['state'])
            counts[pair] = counts.get(pair, 0) + 1
    ranked = sorted(enumerate(counts.items()), key=lambda e: (-e[1][1], e[0]))
    return [pair for _, (pair, _) in ranked[:top]]


def session_feature_names(bigrams):
    return (['n_events', 'session_duration_sec', 'events_per_min', 'gap_mean', 'gap_std', 'gap_p95',
             'page_depth_max', 'page_depth_slope', 'depth_backtracks', 'search_delta_sum', 'search_rate',
             'cart_adds', 'cart_touch_count', 'cart_adds_per_event', 'search_to_cart_ratio',
             'first_event_hour', 'is_weekend', 'time_to_first_search', 'time_to_first_cart',
             'last5_has_search', 'last5_has_cart', 'last5_has_checkout']
            + [f'bg_{i}' for i in range(bigrams)] + ['unique_states', 'entropy_state']
            + [f'start_is_{f}' for f in SESSION_FLAGS] + [f'last_is_{f}' for f in SESSION_FLAGS] + [f'hit_{h}' for h in SESSION_HITS])


def _mean(xs):
    return ordered_sum(xs) / len(xs) if xs else 0.0


def _state_flags(s):
    return [1 if s == '/' else 0] + [1 if f'/{f}' in s else 0 for f in SESSION_FLAGS[1:]]


def prefix_features(events, vocabulary):
    """The features of a prefix's real events (docs/datasets.md), or None when it has none."""
    n = len(events)
    if n == 0:
        return None
    states = [e['state'] for e in events]
    t0, tn = events[0]['time'], events[-1]['time']
    duration = (tn - t0) / 1000 if n > 1 and t0 is not None and tn is not None else 0.0
    gaps = [max(0.0, e['gap'] if e['gap'] is not None else 0.0) for e in events]
    gap_mean = _mean(gaps)
    gap_std = math.sqrt(_mean([(g - gap_mean) ** 2 for g in gaps]))
    ordered = sorted(gaps)
    pos = (n - 1) * 0.95  # numpy's linear quantile
    lo, hi = math.floor(pos), math.ceil(pos)
    p95 = ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)
    depths = [e['depth'] if e['depth'] is not None else 0.0 for e in events]
    backtracks = sum(1 for a, b in zip(depths, depths[1:]) if b - a < 0)
    search_sum = ordered_sum(e['ds'] if e['ds'] is not None else 0.0 for e in events)
    cart = [max(0.0, e['dc'] if e['dc'] is not None else 0.0) for e in events]
    cart_adds = ordered_sum(cart)
    first = None if t0 is None else pd.Timestamp(t0, unit='ms')

    def time_to(needle):
        i = next((j for j, s in enumerate(states) if needle in s), -1)
        ti = None if i < 0 else events[i]['time']
        return -1 if i < 0 or ti is None or t0 is None else (ti - t0) / 1000

    last5 = ' '.join(states[-5:])
    pairs = {}
    for a, b in zip(states, states[1:]):
        pairs[(a, b)] = pairs.get((a, b), 0) + 1
    shares = {}
    for s in states:
        shares[s] = shares.get(s, 0) + 1
    entropy = 0.0
    for c in shares.values():  # in order of first appearance, as the workbench sums
        p = c / n
        entropy -= p * math.log(p)
    everything = ' '.join(states)
    return ([n, duration, 60 * n / max(duration, 1), gap_mean, gap_std, p95,
             max(depths), (depths[-1] - depths[0]) / max(n - 1, 1), backtracks,
             search_sum, search_sum / n,
             cart_adds, sum(1 for c in cart if c > 0), cart_adds / n, (search_sum + 1) / (cart_adds + 1),
             first.hour if first is not None else -1, 1 if first is not None and first.dayofweek >= 5 else 0,
             time_to('/search'), time_to('/cart'),
             int('search' in last5), int('cart' in last5), int('checkout' in last5)]
            + [pairs.get(pair, 0) for pair in vocabulary]
            + [len(shares), 0.0 if entropy == 0 else entropy]
            + _state_flags(states[0]) + _state_flags(states[-1])
            + [int(f'/{h}' in everything) for h in SESSION_HITS])


def session_feature_table(sessions, vocabulary, ks, terminals, session_column='session_id', label='label'):
    """One row per (session, K) with a real event: the session id, K, the label (1 = complete) and the features."""
    names = session_feature_names(len(vocabulary))
    rows = []
    for sid, events in sessions:
        y = int(any(e['state'] in terminals or e['next'] in terminals for e in events))
        for k in sorted(set(ks)):
            real = [e for e in events[:k] if e['state'] not in terminals]  # terminal events masked
            f = prefix_features(real, vocabulary)
            if f is not None:
                rows.append([sid, k, y] + f)
    return pd.DataFrame(rows, columns=[session_column, 'K', label] + names)


def _order_key(v):
    """A row's place in time order: dates (and date text) by time, numbers by value, other text as text; None when missing."""
    if _key(v) is None:
        return None
    if isinstance(v, str) and re.match(r'\d{4}-\d{2}-\d{2}', v.strip()):
        t = _time_ms(v)
        return v if t is None else t
    if isinstance(v, (pd.Timestamp, np.datetime64)):
        return _time_ms(v)
    return _key(v)


def ordered_groups(df, by=None, order_by=None):
    """Row positions per group of by (missing is a group), each in order_by order (stable; missing last); groups in order of first appearance."""
    import functools
    rows = list(range(len(df)))
    if order_by:
        keys = [_order_key(v) for v in df[order_by].tolist()]

        def compare(a, b):
            x, y = keys[a], keys[b]
            if x is None or y is None:
                return 0 if x is y else (1 if x is None else -1)
            return -1 if x < y else (1 if x > y else 0)
        rows = sorted(rows, key=functools.cmp_to_key(compare))
    if not by:
        return [rows]
    groups = {}
    values = df[by].tolist()
    for r in rows:
        groups.setdefault(_key(values[r]), []).append(r)
    return list(groups.values())


def event_gaps(df, time, by=None):
    """Seconds since the previous event of the group in time order: 0 for the first; missing where the time is missing."""
    times = [_time_ms(v) for v in df[time].tolist()]
    out = [None] * len(df)
    for g in ordered_groups(df, by, time):
        for i, r in enumerate(g):
            if times[r] is None:
                continue
            before = times[g[i - 1]] if i > 0 else None
            out[r] = 0.0 if i == 0 or before is None else (times[r] - before) / 1000
    return pd.Series(out, index=df.index, dtype=float)


def event_deltas(df, column, by=None, order_by=None, clip=False):
    """Change of a running counter per event within its group (the first event keeps its value), clipped at 0 when asked."""
    values = [_number_or_none(v) for v in df[column].tolist()]
    out = [None] * len(df)
    for g in ordered_groups(df, by, order_by):
        for i, r in enumerate(g):
            now, before = values[r], (values[g[i - 1]] if i > 0 else None)
            d = None if now is None else (now if before is None else now - before)
            out[r] = max(0.0, d) if d is not None and clip else d
    return pd.Series(out, index=df.index, dtype=float)
`;
