// The second half of the Python helpers (see helpers.ts): reading tables,
// report lines, the transform pieces (one-hot, imputing, scaling), task
// detection, the evaluate cell's metrics and the PyTorch network and loop.

export const PYTHON_HELPERS_MORE = String.raw`
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


def report_value(cell, name, value):
    """A code cell's value, as its twin made it, for the report: a table's shape, columns and first rows, a metrics dict or a number."""
    if isinstance(value, pd.DataFrame):
        report(cell, 'table:' + name, {'shape': list(value.shape), 'columns': [str(c) for c in value.columns], 'head': records(value)})
    elif isinstance(value, dict) and value and all(isinstance(v, (int, float, np.number)) for v in value.values()):
        report(cell, 'metrics:' + name, value)
    elif isinstance(value, (int, float, np.number)) and not isinstance(value, bool):
        report(cell, 'number:' + name, value)


def ordered_sum(xs):
    """A plain left-to-right sum, as the workbench adds (Python 3.12's sum() compensates, which can change the last bits)."""
    total = 0.0
    for x in xs:
        total += x
    return total


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
    classes = model['classes']
    if model['kind'] in ('voting', 'blending', 'stacking'):
        return ensemble_predict(model, df)
    if model['kind'] == 'text':  # a text classifier: its one feature is the text column
        out = model['model'].predict_proba(df[model['features'][0]].fillna('').astype(str))
    elif model['kind'] == 'torch':
        out = torch_predict(model['net'], df[model['features']].to_numpy(dtype=float), model['head'])
    elif model['kind'] == 'sequence':
        out = torch_predict(model['net'], sequence_inputs(model, df), model['head'])
    elif model['kind'] == 'padded':  # one row per real step of the sequences
        out = padded_predict(model, df)[1]
    else:
        X = df[model['features']].to_numpy(dtype=float)
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
        # scikit-learn reads the probability columns in sorted label order; a padded model's vocabulary
        # (<PAD>, <UNK>, then the states) is not sorted, so its columns are put in that order first.
        try:
            order = sorted(range(len(classes)), key=lambda i: classes[i])
        except TypeError:
            order = list(range(len(classes)))
        proba, classes = np.asarray(proba)[:, order], [classes[i] for i in order]
        if set(classes) <= present:
            out['roc_auc'] = skm.roc_auc_score(y_true, proba[:, 1]) if len(classes) == 2 else skm.roc_auc_score(y_true, proba, multi_class='ovr', labels=classes)
        out['log_loss'] = skm.log_loss(y_true, proba, labels=classes)
    return out


def choose_threshold(y_true, scores, positive_class, rule):
    """The workbench's threshold rules (src/ml/metrics/threshold.ts), chosen on the rows being scored:
    sweep the distinct scores from the top; the first (highest) threshold with the best objective wins."""
    positive = np.array([_key(v) == _key(positive_class) for v in y_true])
    scores = np.asarray(scores, dtype=float)
    order = np.argsort(-scores, kind='stable')
    pos, n = int(positive.sum()), len(scores)
    neg = n - pos
    tp = fp = 0
    best, best_value = None, -math.inf
    for k, i in enumerate(order):
        if positive[i]:
            tp += 1
        else:
            fp += 1
        if k < n - 1 and scores[order[k + 1]] == scores[i]:
            continue
        fn, tn = pos - tp, neg - fp
        precision, recall = (tp / (tp + fp) if tp + fp else 0), (tp / pos if pos else 0)
        precision_neg, recall_neg = (tn / (tn + fn) if tn + fn else 0), (tn / neg if neg else 0)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
        f1_neg = 2 * precision_neg * recall_neg / (precision_neg + recall_neg) if precision_neg + recall_neg else 0
        accuracy = (tp + tn) / n
        objective = {'f1': f1, 'acc_macro_f1': (accuracy + (f1 + f1_neg) / 2) / 2, 'youden': recall - (fp / neg if neg else 0)}[rule]
        if objective > best_value:
            best, best_value = float(scores[i]), objective
    return best


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


def _standardiser(X):
    """Column means and population standard deviations; a (near) constant column gets std 1."""
    mean = X.mean(axis=0)
    std = X.std(axis=0)
    return mean, np.where(std > 1e-12, std, 1.0)


def fit_torch(net, X, y, head, optimizer='adam', lr=0.01, epochs=50, batch_size=32, seed=42, l2=0.0,
              X_val=None, y_val=None, patience=0, standardise_x=True):
    """Mini-batch training like the workbench's loop: seeded shuffles, optional early stopping on the validation loss."""
    import torch
    torch.manual_seed(seed)
    # Like the workbench, the network sees standardised inputs (and, for regression, a standardised target),
    # with the training table's mean and population std (constant columns: std 1); kept on the net for predictions.
    X = np.asarray(X, dtype=float)
    # Sequence windows come scaled by the sequences cell: no second standardisation.
    net.x_mean, net.x_std = _standardiser(X) if standardise_x else (np.zeros(1), np.ones(1))
    y = np.asarray(y, dtype=float)
    net.y_mean, net.y_std = (_standardiser(y.reshape(-1, 1)) if head == 'regression' else (np.zeros(1), np.ones(1)))
    if head == 'regression':
        y = (y - net.y_mean[0]) / net.y_std[0]
    X = torch.tensor(((X - net.x_mean) / net.x_std).astype(np.float32))
    y = torch.tensor(y.astype(np.float32 if head != 'softmax' else np.int64))
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
        Xv = torch.tensor(((np.asarray(X_val, dtype=float) - net.x_mean) / net.x_std).astype(np.float32))
        yv = np.asarray(y_val, dtype=float)
        if head == 'regression':
            yv = (yv - net.y_mean[0]) / net.y_std[0]
        yv = torch.tensor(yv.astype(np.float32 if head != 'softmax' else np.int64))
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
        out = net(torch.tensor(((np.asarray(X, dtype=float) - net.x_mean) / net.x_std).astype(np.float32)))
        if head == 'softmax':
            return torch.softmax(out, dim=1).numpy().astype(float)
        if head == 'binary':
            p = torch.sigmoid(out.reshape(-1)).numpy().astype(float)
            return np.stack([1 - p, p], axis=1)
        return out.reshape(-1).numpy().astype(float) * net.y_std[0] + net.y_mean[0]
`;
