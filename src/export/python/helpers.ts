// The small Python helper module every exported notebook starts with
// (inlined in its first code cell, so the notebook is one self-contained
// file for Colab or SageMaker). It re-implements, line for line, the
// workbench steps whose results must be identical in Python:
//   - mulberry32 and the Fisher–Yates shuffle (src/core/random.ts),
//   - random / stratified / group / time splits (src/data/split.ts),
// and the plumbing the exported cells share (reading a table, the metric
// set of the evaluate cell, a PyTorch training loop, `report`, which prints
// one `[workbench] …` JSON line per checked result so that a test can
// compare the Python run with the workbench's own).
// Keep it in step with those TypeScript files: tests/export/ checks the
// shuffles and the splits against them.

export const PYTHON_HELPERS = String.raw`
# ---- workbench helpers: the workbench's seeded RNG and splits, metrics, a PyTorch loop ----
import json, math, os, re
import numpy as np
import pandas as pd

_M32 = 0xFFFFFFFF


def mulberry32(seed):
    """The workbench's seeded generator (src/core/random.ts): uniform floats in [0, 1)."""
    state = (int(math.floor(seed)) & _M32) ^ 0x9E3779B9

    def imul(a, b):
        return (a * b) & _M32

    def rand():
        nonlocal state
        state = (state + 0x6D2B79F5) & _M32
        t = state
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & _M32
        return ((t ^ (t >> 14)) & _M32) / 4294967296

    return rand


def shuffled_indices(n, rand):
    """Fisher-Yates shuffle of 0..n-1, the workbench's order."""
    order = list(range(n))
    for i in range(n - 1, 0, -1):
        j = int(math.floor(rand() * (i + 1)))
        order[i], order[j] = order[j], order[i]
    return order


def part_sizes(n, f):
    """Part sizes by largest remainder (ties favour earlier parts)."""
    ideal = [n * x for x in f]
    sizes = [int(math.floor(x)) for x in ideal]
    left = n - sum(sizes)
    order = sorted([i for i in range(3) if f[i] > 0], key=lambda i: (-(ideal[i] - sizes[i]), i))
    k = 0
    while left > 0:
        sizes[order[k]] += 1
        k = (k + 1) % len(order)
        left -= 1
    return sizes


def stratified_counts(class_sizes, f):
    """Rows per class and part: floor(n_c * f_p) plus 0 or 1, parts within one row of f_p * n."""
    n = sum(class_sizes)
    counts = [[int(math.floor(nc * x)) for x in f] for nc in class_sizes]
    extra = [nc - sum(counts[c]) for c, nc in enumerate(class_sizes)]
    capacity = [math.ceil(n * x - 1e-9) - sum(row[p] for row in counts) for p, x in enumerate(f)]
    plus_one = [[False] * 3 for _ in class_sizes]
    load = [0, 0, 0]
    preference = [sorted([p for p in range(3) if f[p] > 0], key=lambda p, c=c, nc=nc: (-(nc * f[p] - counts[c][p]), p))
                  for c, nc in enumerate(class_sizes)]

    def augment(c, visited):
        for p in preference[c]:
            if plus_one[c][p] or visited[p]:
                continue
            visited[p] = True
            if load[p] < capacity[p]:
                plus_one[c][p] = True
                load[p] += 1
                return True
            for other in range(len(class_sizes)):
                if other == c or not plus_one[other][p]:
                    continue
                plus_one[other][p] = False
                if augment(other, visited):
                    plus_one[c][p] = True
                    return True
                plus_one[other][p] = True
        return False

    for c in range(len(class_sizes)):
        for _ in range(extra[c]):
            if not augment(c, [False, False, False]):
                p = next((q for q in preference[c] if not plus_one[c][q]), 0)
                counts[c][p] += 1
    return [[x + (1 if plus_one[c][p] else 0) for p, x in enumerate(row)] for c, row in enumerate(counts)]


def _key(v):
    """A label or group as the workbench groups it: missing is one key, dates by time."""
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NaT:
        return None
    if isinstance(v, pd.Timestamp):
        return v.value // 1_000_000
    if isinstance(v, (np.integer, np.floating)):
        return v.item()
    return v


def _first_seen_groups(values):
    groups = {}
    for i, v in enumerate(values):
        groups.setdefault(_key(v), []).append(i)
    return list(groups.values())


def split_rows(df, method, fractions, seed, target=None, group=None, time=None, last_days=None):
    """Row positions of the train, validation and test parts, as the workbench's split cell makes them."""
    f = [fractions[0], fractions[1], fractions[2]]
    n = len(df)
    parts = [[], [], []]
    if method == 'random':
        order = shuffled_indices(n, mulberry32(seed))
        at = 0
        for p, size in enumerate(part_sizes(n, f)):
            parts[p] = order[at:at + size]
            at += size
    elif method == 'stratified':
        members = _first_seen_groups(df[target].tolist())
        counts = stratified_counts([len(m) for m in members], f)
        rand = mulberry32(seed)
        for c, rows in enumerate(members):
            order = shuffled_indices(len(rows), rand)
            at = 0
            for p in range(3):
                for _ in range(counts[c][p]):
                    parts[p].append(rows[order[at]])
                    at += 1
    elif method == 'group':
        members = _first_seen_groups(df[group].tolist())
        order = shuffled_indices(len(members), mulberry32(seed))
        at = 0
        for p, size in enumerate(part_sizes(len(members), f)):
            for _ in range(size):
                parts[p].extend(members[order[at]])
                at += 1
    elif method == 'time':
        stamps = pd.to_datetime(df[time], errors='coerce', utc=True)
        keyed = sorted([(s.value // 1_000_000, row) for row, s in enumerate(stamps) if not pd.isna(s)], key=lambda k: k[0])
        m = len(keyed)
        if last_days is not None:
            latest = keyed[-1][0] if m else 0
            span = last_days * 86_400_000
            held = (f[1] > 0) + (f[2] > 0)
            first_after = lambda b: next((i for i, k in enumerate(keyed) if k[0] > b), m)
            if held == 2:
                a, b = first_after(latest - 2 * span), first_after(latest - span)
                sizes = [a, b - a, m - b]
            elif held == 1:
                a = first_after(latest - span)
                sizes = [a, m - a, 0] if f[1] > 0 else [a, 0, m - a]
            else:
                sizes = [m, 0, 0]
        else:
            base = part_sizes(m, f)
            sizes, at = [], 0
            for p in range(2):
                cut = max(at, at + base[p])
                while 0 < cut < m and keyed[cut][0] == keyed[cut - 1][0]:
                    cut += 1
                sizes.append(cut - at)
                at = cut
            sizes.append(m - at)
        at = 0
        for p, size in enumerate(sizes):
            parts[p] = [row for _, row in keyed[at:at + size]]
            at += size
    else:
        raise ValueError('unknown split method ' + str(method))
    return [sorted(p) for p in parts]


def report(cell, what, value):
    """One line a test can compare with the workbench's own run: [workbench] <cell> <what> <json>."""
    def plain(v):
        if isinstance(v, dict):
            return {str(k): plain(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [plain(x) for x in v]
        if isinstance(v, (np.integer,)):
            return int(v)
        if isinstance(v, (np.floating, float)):
            return None if math.isnan(float(v)) else float(v)
        if isinstance(v, np.bool_):
            return bool(v)
        return v
    print('[workbench] ' + cell + ' ' + what + ' ' + json.dumps(plain(value)))


def read_table(path, sep=None, missing=None):
    """Read a CSV or JSON file the way the workbench's load cell does (its default missing tokens)."""
    if path.endswith('.json'):
        with open(path, encoding='utf-8') as fh:
            return pd.DataFrame(json.load(fh))
    if path.endswith('.jsonl'):
        return pd.read_json(path, lines=True)
    if path.endswith('.parquet'):
        return pd.read_parquet(path)
    if sep is None:
        # Like the workbench's delimiter detection: the separator that appears most in the header line.
        with open(path, encoding='utf-8') as fh:
            first = fh.readline()
        sep = max([',', ';', '\t', '|'], key=first.count)
    return pd.read_csv(path, sep=sep, keep_default_na=False, na_values=missing or ['', 'NA', 'N/A', 'null', 'NaN'])


def detect_task(values):
    """The train cell's task=auto rule: text or booleans, or integers with at most 20 distinct values, are classes."""
    present = [v for v in values if _key(v) is not None]
    if any(isinstance(v, (str, bool, np.bool_)) for v in present):
        return 'classification'
    distinct = set()
    for v in present:
        if float(v) != math.floor(float(v)):
            return 'regression'
        distinct.add(float(v))
        if len(distinct) > 20:
            return 'regression'
    return 'classification'


def _category_name(v):
    """A category as the workbench names it in a one-hot column: 1.0 -> '1', True -> 'true'."""
    if isinstance(v, (bool, np.bool_)):
        return 'true' if v else 'false'
    if isinstance(v, (float, np.floating)) and float(v).is_integer():
        return str(int(v))
    return str(v)


def sorted_categories(series):
    """The distinct non-missing values, sorted like np.unique (numbers numerically, text by code point)."""
    return sorted({_key(v) for v in series.tolist() if _key(v) is not None})


def onehot(df, categories, drop_first=False):
    """Replace each column by 0/1 columns named column_value, in its place; unseen and missing values give all zeros."""
    out = {}
    for col in df.columns:
        if col not in categories:
            out[col] = df[col]
            continue
        values = [_key(v) for v in df[col].tolist()]
        cats = categories[col][1:] if drop_first else categories[col]
        for cat in cats:
            out[col + '_' + _category_name(cat)] = np.array([1 if v == cat and v is not None else 0 for v in values])
    return pd.DataFrame(out, index=df.index)


def most_frequent(series):
    """The most frequent non-missing value; among ties the smallest (SimpleImputer's rule)."""
    counts = series.dropna().value_counts()
    top = counts.max()
    return sorted(v for v, c in counts.items() if c == top)[0]


def scale_stats(df, cols, method):
    """(shift, factor) per column so that x' = (x - shift) * factor, with scikit-learn's guards for constant columns."""
    eps = 2.0 ** -52
    shift, factor = {}, {}
    for c in cols:
        xs = df[c].dropna().astype(float).to_numpy()
        n = len(xs)
        if method == 'robust':
            q25, med, q75 = np.percentile(xs, [25, 50, 75])
            iqr = q75 - q25
            shift[c], factor[c] = med, 1 / (iqr if iqr != 0 else 1)
        elif method == 'standard':
            m = xs.mean()
            v = ((xs - m) ** 2).mean()
            constant = v <= n * eps * v + (n * m * eps) ** 2
            shift[c], factor[c] = m, 1 / (1 if constant else math.sqrt(v))
        else:
            lo, hi = xs.min(), xs.max()
            rng = hi - lo
            shift[c], factor[c] = lo, 1 / (1 if rng < 10 * eps else rng)
    return pd.Series(shift), pd.Series(factor)


def records(df, n=10):
    """The first rows as plain records (for report)."""
    return df.head(n).astype(object).where(df.head(n).notna(), None).to_dict('records')


def encode_target(series, classes):
    """Class indices (classes given; -1 for a label the model does not know) or numbers (regression)."""
    if classes is None:
        return series.astype(float).to_numpy()
    index = {c: i for i, c in enumerate(classes)}
    return np.array([index.get(_key(v), -1) for v in series.tolist()])


def model_predict(model, df):
    """(predicted labels or numbers, class probabilities or None) of a model dict made by an exported train cell."""
    X = df[model['features']].to_numpy(dtype=float)
    classes = model['classes']
    if model['kind'] == 'torch':
        out = torch_predict(model['net'], X, model['head'])
    else:
        out = model['model'].predict_proba(X) if classes is not None else model['model'].predict(X)
    if classes is None:
        return np.asarray(out, dtype=float), None
    proba = np.asarray(out, dtype=float)
    return [classes[i] for i in proba.argmax(axis=1)], proba


def class_balance(df, target):
    counts = df[target].value_counts(dropna=True)
    return [{'value': _key(k), 'count': int(c)} for k, c in counts.items()]


def workbench_classes(y):
    """The model's classes: sorted like the workbench (numbers numerically, text by code point)."""
    return sorted({_key(v) for v in y if _key(v) is not None}, key=lambda v: (isinstance(v, str), v))


def numeric_features(df, target):
    """The train cell's default features: every other numeric (or boolean) column, in table order."""
    return [c for c in df.columns if c != target and (pd.api.types.is_numeric_dtype(df[c]) or pd.api.types.is_bool_dtype(df[c]))]


def classification_metrics(y_true, y_pred, proba, classes):
    """The evaluate cell's metric set, with scikit-learn (zero_division=0)."""
    from sklearn import metrics as skm
    out = {'accuracy': skm.accuracy_score(y_true, y_pred)}
    for avg in ('macro', 'weighted'):
        p, r, f1, _ = skm.precision_recall_fscore_support(y_true, y_pred, average=avg, zero_division=0)
        out['precision_' + avg], out['recall_' + avg], out['f1_' + avg] = p, r, f1
    if len(classes) == 2:
        p, r, f1, _ = skm.precision_recall_fscore_support(y_true, y_pred, average='binary', pos_label=classes[1], labels=classes, zero_division=0)
        out['precision'], out['recall'], out['f1'] = p, r, f1
    present = set(y_true)
    if proba is not None and present <= set(classes):
        if set(classes) <= present:
            out['roc_auc'] = skm.roc_auc_score(y_true, proba[:, 1]) if len(classes) == 2 else skm.roc_auc_score(y_true, proba, multi_class='ovr', labels=classes)
        out['log_loss'] = skm.log_loss(y_true, proba, labels=classes)
    return out


def regression_metrics(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    from sklearn import metrics as skm
    return {'rmse': math.sqrt(skm.mean_squared_error(y_true, y_pred)), 'mae': skm.mean_absolute_error(y_true, y_pred),
            'mape': skm.mean_absolute_percentage_error(y_true, y_pred), 'r2': skm.r2_score(y_true, y_pred)}


def torch_network(n_in, n_out, hidden, activation, dropout, seed):
    """The workbench's dense network: Glorot-uniform weights, zero biases, activation (and dropout) after each hidden layer."""
    import torch
    torch.manual_seed(seed)
    act = {'relu': torch.nn.ReLU, 'tanh': torch.nn.Tanh, 'sigmoid': torch.nn.Sigmoid, 'elu': torch.nn.ELU}[activation]
    layers, width = [], n_in
    for units in hidden:
        layers += [torch.nn.Linear(width, units), act()]
        if dropout > 0:
            layers.append(torch.nn.Dropout(dropout))
        width = units
    layers.append(torch.nn.Linear(width, n_out))
    for layer in layers:
        if isinstance(layer, torch.nn.Linear):
            torch.nn.init.xavier_uniform_(layer.weight)
            torch.nn.init.zeros_(layer.bias)
    return torch.nn.Sequential(*layers)


def fit_torch(net, X, y, head, optimizer='adam', lr=0.01, epochs=50, batch_size=32, seed=42, l2=0.0,
              X_val=None, y_val=None, patience=0):
    """Mini-batch training like the workbench's loop: seeded shuffles, optional early stopping on the validation loss."""
    import torch
    torch.manual_seed(seed)
    X = torch.tensor(np.asarray(X, dtype=np.float32))
    y = torch.tensor(np.asarray(y, dtype=np.float32 if head != 'softmax' else np.int64))
    opt = {'adam': torch.optim.Adam, 'sgd': torch.optim.SGD, 'rmsprop': torch.optim.RMSprop, 'adamw': torch.optim.AdamW}[optimizer](net.parameters(), lr=lr)

    def loss_of(out, target):
        if head == 'softmax':
            loss = torch.nn.functional.cross_entropy(out, target)
        elif head == 'binary':
            loss = torch.nn.functional.binary_cross_entropy_with_logits(out.reshape(-1), target)
        else:
            loss = torch.nn.functional.mse_loss(out.reshape(-1), target)
        if l2 > 0:
            loss = loss + l2 * sum((p ** 2).sum() for name, p in net.named_parameters() if name.endswith('weight'))
        return loss

    has_val = X_val is not None and len(X_val) > 0
    if has_val:
        Xv = torch.tensor(np.asarray(X_val, dtype=np.float32))
        yv = torch.tensor(np.asarray(y_val, dtype=np.float32 if head != 'softmax' else np.int64))
    gen = torch.Generator().manual_seed(seed)
    best, best_state, waited, history = math.inf, None, 0, []
    for epoch in range(epochs):
        net.train()
        order = torch.randperm(len(X), generator=gen)
        total = 0.0
        for start in range(0, len(X), batch_size):
            idx = order[start:start + batch_size]
            opt.zero_grad()
            loss = loss_of(net(X[idx]), y[idx])
            loss.backward()
            opt.step()
            total += float(loss) * len(idx)
        entry = {'epoch': epoch + 1, 'loss': total / len(X)}
        if has_val:
            net.eval()
            with torch.no_grad():
                entry['val_loss'] = float(loss_of(net(Xv), yv))
            if patience > 0:
                if entry['val_loss'] < best:
                    best, waited = entry['val_loss'], 0
                    best_state = {k: v.clone() for k, v in net.state_dict().items()}
                else:
                    waited += 1
                    if waited >= patience:
                        history.append(entry)
                        break
        history.append(entry)
    if best_state is not None:
        net.load_state_dict(best_state)
    net.eval()
    return history


def torch_predict(net, X, head):
    """Class probabilities (softmax / sigmoid head) or predicted numbers."""
    import torch
    with torch.no_grad():
        out = net(torch.tensor(np.asarray(X, dtype=np.float32)))
        if head == 'softmax':
            return torch.softmax(out, dim=1).numpy().astype(float)
        if head == 'binary':
            p = torch.sigmoid(out.reshape(-1)).numpy().astype(float)
            return np.stack([1 - p, p], axis=1)
        return out.reshape(-1).numpy().astype(float)
# ---- end of the workbench helpers ----
`.trim();
