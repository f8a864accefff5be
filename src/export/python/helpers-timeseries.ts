// The Python helpers of the time-series cell. The series is built as
// src/data/timeseries/resample.ts builds it (one group's rows, stable sort by
// time, UTC calendar buckets labelled by their start: the day, the Monday,
// the 1st; an empty bucket sums to 0 and has no mean); the statistics are
// statsmodels' and scipy's own functions with the defaults the workbench
// reproduces (seasonal_decompose, acf with Bartlett bands, pacf by adjusted
// Yule-Walker, adfuller with a constant and the lag by AIC, shapiro).

export const PYTHON_HELPERS_TIMESERIES = String.raw`
def time_series(df, value, time=None, group=None, resample='none', aggregate='sum'):
    """The cell's series: (times as ISO text or None, values with None for missing), before missing values are dropped."""
    import datetime
    if group is not None:
        column, wanted = group
        df = df[[_key(v) is not None and v == wanted for v in df[column].tolist()]]
        if len(df) == 0:
            raise ValueError(f'time series: no row has {column} = {wanted!r}')
    values = [None if _key(v) is None else float(v) for v in df[value].tolist()]
    if not time:
        return None, values
    rows = [(t, v) for t, v in zip((_time_ms(x) for x in df[time].tolist()), values) if t is not None]
    rows.sort(key=lambda r: r[0])  # stable: ties keep the table's order
    iso = lambda ms: datetime.datetime.fromtimestamp(ms / 1000, datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.') + f'{int(ms % 1000):03d}Z'
    if resample == 'none':
        return [iso(t) for t, _ in rows], [v for _, v in rows]
    day = 86_400_000

    def bucket(t):
        d = t // day * day
        if resample == 'day':
            return d
        if resample == 'week':
            return d - datetime.datetime.fromtimestamp(d / 1000, datetime.timezone.utc).weekday() * day  # the Monday
        dt = datetime.datetime.fromtimestamp(t / 1000, datetime.timezone.utc)
        return datetime.datetime(dt.year, dt.month, 1, tzinfo=datetime.timezone.utc).timestamp() * 1000

    def following(start):
        if resample in ('day', 'week'):
            return start + (day if resample == 'day' else 7 * day)
        dt = datetime.datetime.fromtimestamp(start / 1000, datetime.timezone.utc)
        year, month = (dt.year + 1, 1) if dt.month == 12 else (dt.year, dt.month + 1)
        return datetime.datetime(year, month, 1, tzinfo=datetime.timezone.utc).timestamp() * 1000

    times, out, at, start, last = [], [], 0, bucket(rows[0][0]), bucket(rows[-1][0])
    while start <= last:
        end, total, count = following(start), 0.0, 0
        while at < len(rows) and rows[at][0] < end:
            if rows[at][1] is not None:
                total += rows[at][1]
                count += 1
            at += 1
        times.append(iso(start))
        out.append(total if aggregate == 'sum' else (total / count if count else None))
        start = end
    return times, out


def analyse_series(y, analyses, period=7, model='additive', lags=30, alpha=0.05):
    """The cell's analyses with statsmodels and scipy: a dict of their results."""
    from scipy import stats
    from statsmodels.tsa.seasonal import seasonal_decompose
    from statsmodels.tsa.stattools import acf, adfuller, pacf
    y = np.asarray(y, dtype=float)
    results = {'n': len(y)}
    if 'decompose' in analyses:
        d = seasonal_decompose(y, model=model, period=period)  # centred moving average, no extrapolation
        results['decomposition'] = {'trend': d.trend, 'seasonal': d.seasonal, 'resid': d.resid}
    if 'acf' in analyses:
        values, band = acf(y, nlags=min(lags, len(y) - 1), alpha=alpha, fft=False)  # Bartlett's bands
        results['acf'] = {'values': values, 'lower': band[:, 0], 'upper': band[:, 1]}
    if 'pacf' in analyses:
        nlags = min(lags, len(y) // 2 - 1)  # statsmodels allows lags below half the series length
        values, band = pacf(y, nlags=nlags, alpha=alpha, method='ywadjusted')
        results['pacf'] = {'values': values, 'lower': band[:, 0], 'upper': band[:, 1]}
    if 'adf' in analyses:
        stat, p, used_lag, nobs, critical, ic_best = adfuller(y, regression='c', autolag='AIC')
        results['adf'] = {'statistic': stat, 'p_value': p, 'used_lag': used_lag, 'nobs': nobs, 'critical': critical}
    if 'shapiro' in analyses:
        resid = results.get('decomposition', {}).get('resid')
        sample = resid[~np.isnan(resid)] if resid is not None else y  # on the residuals when there is a decomposition
        w, p = stats.shapiro(sample)
        results['shapiro'] = {'statistic': float(w), 'p_value': float(p), 'on': 'residuals' if resid is not None else 'series', 'n': len(sample)}
    return results


def plain_series(values):
    """A numpy array as a list with None for NaN (for report)."""
    return [None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v) for v in np.asarray(values, dtype=float).tolist()]
`;
