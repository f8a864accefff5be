// The Python helpers of the inventory cell, following src/data/inventory.ts
// line for line (the course's inv_simulator with the lead time as a
// parameter): the same ledger, the same rounding (Python's round sends halves
// to even, as the workbench's roundHalfEven), sums taken in day order so the
// averages are the workbench's to the last bit, and the same search for the
// smallest whole-unit safety stock with no lost sales.

export const PYTHON_HELPERS_INVENTORY = String.raw`
INVENTORY_NO_LOSS = 1e-6  # lost units below this are float noise, not lost sales


def simulate_inventory(actual, predicted, lead_time, safety_stock):
    """The day-by-day ledger of the course's inv_simulator: all days but the last lead_time (no forecast for their order's arrival)."""
    n, L, SS = len(actual), lead_time, safety_stock
    if n <= L:
        raise ValueError(f'inventory: {n} rows, but the lead time is {L} days: need more days than that')
    forecast = [float(round(p)) for p in predicted]  # whole units, halves to even (numpy's and the course's round)
    days, close = [], SS  # the period opens holding the safety stock
    for i in range(n - L):
        y = actual[i]
        receive = y if i < L else days[i - L]['order']  # the first L days receive what they sell
        base = receive + close
        close = max(float(round(base - y)), 0.0)
        lost = max(-float(round(min(base - y, 0.0))), 0.0)  # unmet demand is lost, not back-ordered
        order = max(forecast[i + L] + SS - close, 0.0)  # today's close only: orders on their way are not counted
        days.append({'day': i, 'actual': y, 'predicted': predicted[i], 'receive': receive, 'base': base,
                     'sold': y - lost, 'lost': lost, 'close': close, 'order': order})
    return days


def summarize_inventory(days, safety_stock, safety_units, price):
    """The course's measures of one ledger: daily average stock ((opening + closing) / 2), its value, daily turnover, lost sales."""
    n = len(days)
    stock = close = sold = lost = demand = ordered = ratios = 0.0
    lost_days = stocked_days = 0
    for d in days:  # summed in day order, as the workbench does
        daily = (d['base'] + d['close']) / 2
        stock += daily
        if daily > 0:  # a day with no stock at all (0/0) is left out of the turnover, as pandas' mean skips NaN
            ratios += d['sold'] / daily
            stocked_days += 1
        close += d['close']
        sold += d['sold']
        lost += d['lost']
        demand += d['actual']
        ordered += d['order']
        lost_days += d['lost'] > 0
    avg = stock / n if n else 0.0
    return {'safety_stock': safety_stock, 'safety_units': safety_units, 'days': n, 'avg_stock': avg,
            'avg_close': close / n if n else 0.0, 'stock_value': avg * price,
            'turnover': ratios / stocked_days if stocked_days else None, 'sold_units': sold, 'lost_units': lost,
            'lost_days': lost_days, 'fill_rate': sold / demand if demand > 0 else 1.0, 'ordered_units': ordered}


def _lost_at(actual, predicted, lead_time, units):
    return ordered_sum(d['lost'] for d in simulate_inventory(actual, predicted, lead_time, units))


def smallest_zero_loss(actual, predicted, lead_time, max_units=1e6):
    """The smallest whole-unit safety stock with no lost sales, or None. Lost sales need not fall steadily with the
    safety stock, so every unit up to the first zero-loss level found by doubling is tried (bisection past 2e7 day-steps)."""
    if _lost_at(actual, predicted, lead_time, 0) < INVENTORY_NO_LOSS:
        return 0
    hi = 1
    while _lost_at(actual, predicted, lead_time, hi) >= INVENTORY_NO_LOSS:
        if hi >= max_units:
            return None
        hi = min(hi * 2, max_units)
    if hi * len(actual) <= 2e7:
        for u in range(1, int(hi) + 1):
            if _lost_at(actual, predicted, lead_time, u) < INVENTORY_NO_LOSS:
                return u
    lo = int(hi) >> 1
    hi = int(hi)
    while hi - lo > 1:
        mid = (lo + hi) >> 1
        if _lost_at(actual, predicted, lead_time, mid) < INVENTORY_NO_LOSS:
            hi = mid
        else:
            lo = mid
    return hi


def _round_half_up(x, digits):
    """JavaScript's Math.round(x * 10**digits) / 10**digits (halves up), as the workbench rounds the zero-loss row."""
    scaled = x * 10 ** digits
    whole = math.floor(scaled)
    return (whole + (1 if scaled - whole >= 0.5 else 0)) / 10 ** digits


def inventory_study(table, actual, predicted, lead_time=2, safety_stocks=(0, 5, 10, 15, 20), unit='units', price=1.0,
                    search_zero_loss=True):
    """The inventory cell: per safety-stock level (units, or percent of the mean daily demand) the simulated measures,
    and the smallest whole-unit safety stock with zero lost sales (a one-row table, or None when not searched)."""
    y = [float(v) for v in pd.to_numeric(table[actual], errors='raise')]
    p = [float(v) for v in pd.to_numeric(table[predicted], errors='raise')]
    for i, (a, b) in enumerate(zip(y, p)):
        if not (math.isfinite(a) and math.isfinite(b)):
            raise ValueError(f'inventory: row {i + 1} has no number in {actual!r} or {predicted!r}')
    mean_demand = ordered_sum(y) / len(y)  # summed in row order, as the workbench
    rows = []
    for ss in sorted(set(safety_stocks)):
        units = ss / 100 * mean_demand if unit == 'percent' else ss
        rows.append(summarize_inventory(simulate_inventory(y, p, lead_time, units), ss, units, price))
    levels = pd.DataFrame(rows)
    zero_loss = None
    if search_zero_loss:
        units = smallest_zero_loss(y, p, lead_time)
        columns = ['safety_stock', 'price', 'daily_avg_stock', 'daily_avg_value', 'daily_turnover', 'lost_units']
        if units is None:
            zero_loss = pd.DataFrame(columns=columns)
        else:
            s = summarize_inventory(simulate_inventory(y, p, lead_time, units), units, units, price)
            zero_loss = pd.DataFrame([{
                'safety_stock': units, 'price': price, 'daily_avg_stock': _round_half_up(s['avg_stock'], 1),
                'daily_avg_value': _round_half_up(s['stock_value'], 1),
                'daily_turnover': None if s['turnover'] is None else _round_half_up(s['turnover'], 3),
                'lost_units': _round_half_up(s['lost_units'], 3)}], columns=columns)
    return levels, zero_loss, mean_demand


def price_from(table, key_column, key, column):
    """The price in the row whose key_column reads as key (compared as text: 3 and 3.0 are the same key)."""
    def text(v):
        return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)
    match = [i for i, k in enumerate(table[key_column].tolist()) if text(k) == str(key)]
    if not match:
        raise ValueError(f'inventory: no row of the price table has {key_column} = {key}')
    return float(table[column].iloc[match[0]])
`;
