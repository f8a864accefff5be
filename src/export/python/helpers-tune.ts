// The tune cell's search in Python, line for line with src/ml/tuning/: the
// space's draws (space.ts), TPE's Parzen estimators and expected-improvement
// candidates (samplers.ts, parzen.ts, with the same erf approximation and
// Box–Muller draws), the median pruner (pruner.ts) and the study loop
// (study.ts), all from the workbench's seeded mulberry32 stream. The random
// draws are identical; a TPE trial's draw depends on the earlier trials'
// scores, so once XGBoost's scores differ from the workbench's trees' the
// searches can part (docs/export.md).

export const PYTHON_HELPERS_TUNE = String.raw`
def _tune_range(d):
    """A parameter's range as the samplers see it: log scale for logfloat, ±0.5 around an int range."""
    if d['type'] == 'logfloat':
        return math.log(d['low']), math.log(d['high'])
    if d['type'] == 'int':
        return d['low'] - 0.5, d['high'] + 0.5
    return d['low'], d['high']


def _tune_value(d, x):
    v = math.exp(x) if d['type'] == 'logfloat' else math.floor(x + 0.5) if d['type'] == 'int' else x  # JavaScript's Math.round
    return min(d['high'], max(d['low'], v))


def tune_sample_space(space, random):
    """One uniform draw per parameter, in the space's order."""
    out = {}
    for d in space:
        if d['type'] == 'categorical':
            out[d['name']] = d['choices'][math.floor(random() * len(d['choices']))]
        else:
            a, b = _tune_range(d)
            out[d['name']] = _tune_value(d, a + (b - a) * random())
    return out


def _erf(x):
    """Abramowitz–Stegun 7.1.26, as the workbench computes it."""
    s = (x > 0) - (x < 0)
    a = abs(x)
    t = 1 / (1 + 0.3275911 * a)
    y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * math.exp(-a * a)
    return s * y


def _gaussian(random):
    u = 1 - random()
    return math.sqrt(-2 * math.log(u)) * math.cos(2 * math.pi * random())


def _normalise(ws):
    total = ordered_sum(ws)
    return [w / total for w in ws]


def _parzen(observations, low, high, prior_weight=1):
    """A truncated Gaussian per observation (sigma: the larger gap to its neighbours) plus a wide prior."""
    rng = high - low
    points = [(mu, False) for mu in observations] + [((low + high) / 2, True)]
    order = sorted(range(len(points)), key=lambda i: points[i][0])
    min_sigma = rng / min(100, 1 + len(observations))
    sigma = [0.0] * len(points)
    for pos, i in enumerate(order):
        mu = points[i][0]
        left = mu - (points[order[pos - 1]][0] if pos > 0 else low)
        right = (points[order[pos + 1]][0] if pos < len(order) - 1 else high) - mu
        sigma[i] = min(rng, max(min_sigma, left, right))
    return {'mus': [p[0] for p in points], 'sigmas': [rng if p[1] else sigma[i] for i, p in enumerate(points)],
            'weights': _normalise([prior_weight if p[1] else 1 for p in points]), 'low': low, 'high': high}


def _pick(weights, random):
    u = random()
    for i, w in enumerate(weights):
        u -= w
        if u < 0:
            return i
    return len(weights) - 1


def _parzen_sample(p, random):
    k = _pick(p['weights'], random)
    for _ in range(100):
        x = p['mus'][k] + p['sigmas'][k] * _gaussian(random)
        if p['low'] <= x <= p['high']:
            return x
    return min(p['high'], max(p['low'], p['mus'][k]))


def _parzen_log_pdf(p, x):
    density = 0.0
    for mu, sigma, w in zip(p['mus'], p['sigmas'], p['weights']):
        cdf = lambda z: 0.5 * (1 + _erf(z / math.sqrt(2)))
        mass = cdf((p['high'] - mu) / sigma) - cdf((p['low'] - mu) / sigma)
        z = (x - mu) / sigma
        density += (w * math.exp(-0.5 * z * z)) / (sigma * math.sqrt(2 * math.pi) * max(mass, 1e-12))
    return math.log(max(density, 1e-300))


def tpe_sample(space, history, random, n_startup=10, n_candidates=24, prior_weight=1):
    """Random draws for the first n_startup trials; then, per parameter, the best of 24 candidates by l(x) / g(x)."""
    if len(history) < n_startup:
        return tune_sample_space(space, random)
    ranked = sorted(history, key=lambda o: o['value'])
    n_good = max(1, min(len(ranked) - 1, min(math.ceil(0.1 * len(ranked)), 25)))
    good, bad = ranked[:n_good], ranked[n_good:]
    out = {}
    for d in space:
        name = d['name']
        if d['type'] == 'categorical':
            choices = d['choices']
            def fit(os):
                counts = [prior_weight / len(choices)] * len(choices)
                for o in os:
                    if o['params'][name] in choices:
                        counts[choices.index(o['params'][name])] += 1
                return _normalise(counts)
            l, g = fit(good), fit(bad)
            best, best_score = 0, -math.inf
            for _ in range(n_candidates):
                k = _pick(l, random)
                score = math.log(l[k]) - math.log(g[k])
                if score > best_score:
                    best, best_score = k, score
            out[name] = choices[best]
            continue
        low, high = _tune_range(d)
        internal = lambda os: [math.log(o['params'][name]) if d['type'] == 'logfloat' else o['params'][name] for o in os]
        l, g = _parzen(internal(good), low, high, prior_weight), _parzen(internal(bad), low, high, prior_weight)
        best, best_score = l['mus'][0], -math.inf
        for _ in range(n_candidates):
            x = _parzen_sample(l, random)
            score = _parzen_log_pdf(l, x) - _parzen_log_pdf(g, x)
            if score > best_score:
                best, best_score = x, score
        out[name] = _tune_value(d, best)
    return out


class MedianPruner:
    """Stop a trial whose value at a step is worse than the median of the completed trials' at that step."""
    def __init__(self, n_startup_trials=5, n_warmup_steps=0):
        self.n_startup, self.n_warmup, self.completed = n_startup_trials, n_warmup_steps, []

    def should_prune(self, step, value):
        if len(self.completed) < self.n_startup or step <= self.n_warmup:
            return False
        if math.isnan(value):
            return True
        others = sorted(m[step] for m in self.completed if step in m and not math.isnan(m[step]))
        if not others:
            return False
        mid = len(others) // 2
        return value > (others[mid] if len(others) % 2 else (others[mid - 1] + others[mid]) / 2)


def run_study(space, objective, n_trials, seed, sampler='tpe', startup_trials=10, pruner=None):
    """The workbench's study: objective(params, report) returns the value to minimise; report(step, value) says whether to stop."""
    random = mulberry32(seed)
    trials, observations, best = [], [], None
    for number in range(1, n_trials + 1):
        params = tpe_sample(space, observations, random, startup_trials) if sampler == 'tpe' else tune_sample_space(space, random)
        steps, pruned = {}, [False]

        def report(step, value):
            steps[step] = value
            if not pruned[0] and pruner is not None and pruner.should_prune(step, value):
                pruned[0] = True
            return pruned[0]

        value = objective(params, report)
        if pruned[0]:
            record = {'number': number, 'params': params, 'value': steps[max(steps)] if steps else math.nan, 'state': 'pruned', 'steps': len(steps)}
        else:
            if pruner is not None:
                pruner.completed.append(dict(steps))
            record = {'number': number, 'params': params, 'value': value, 'state': 'complete', 'steps': len(steps)}
        trials.append(record)
        ok = record['state'] == 'complete' and not math.isnan(record['value'])
        observations.append({'params': params, 'value': record['value'] if ok else math.inf})
        if ok and (best is None or record['value'] < best['value']):
            best = record
    return trials, best


XGB_NAMES = {'rounds': 'n_estimators', 'eta': 'learning_rate', 'maxDepth': 'max_depth', 'maxLeaves': 'max_leaves', 'minChildWeight': 'min_child_weight',
             'subsample': 'subsample', 'colsample': 'colsample_bytree', 'lambda': 'reg_lambda', 'alpha': 'reg_alpha', 'gamma': 'gamma',
             'scalePosWeight': 'scale_pos_weight', 'maxBins': 'max_bin'}


def xgb_overrides(values):
    """Tuned values named as the workbench names them ('gbdt.maxDepth') as XGBoost parameters (max_depth)."""
    out = {}
    for name, v in values.items():
        key = XGB_NAMES.get(name.split('.', 1)[1]) if name.startswith('gbdt.') else None
        if key is None:
            raise ValueError(f'tuned parameter {name!r} has no XGBoost equivalent here')
        out[key] = int(v) if key in ('n_estimators', 'max_depth', 'max_leaves', 'max_bin') else v
    return out


def pruning_callback(report, metric, sign):
    """An XGBoost callback that reports each round's validation metric (rounds count from 1) and stops a pruned trial."""
    import xgboost as xgb

    class Report(xgb.callback.TrainingCallback):
        def after_iteration(self, model, epoch, evals_log):
            return report(epoch + 1, sign * evals_log['validation_0'][metric][-1])
    return Report()
`;
