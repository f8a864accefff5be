// The Python helpers of the sequences cell's sliding windows, following
// src/ml/sequences/ (windows.ts, rows.ts, scaling.ts): rows grouped in order
// of first appearance and sorted by time within a group (stable), the
// features read as float32 as the workbench reads them, scaling fitted on the
// training table (sums in row order) and applied unchanged to the others,
// each window `steps` consecutive rows and its target `horizon` rows after
// the window's last row; the windows stored as float32. The same numbers.
// Padded per-group sequences (padded.ts) likewise: the vocabulary (<PAD>,
// <UNK>, sorted states), the last maxLength transitions of each group, the
// scaling fitted on the kept training inputs.
// And the sequence networks on windows in PyTorch (src/ml/models/
// sequence-net.ts): stacked LSTM or GRU layers (the last returns its final
// state) or 1-D convolutions ('same' padding, ReLU, pooling of 2), dropout
// after each, dense ReLU layers, one output; Glorot-uniform kernels,
// orthogonal recurrent weights, zero biases. The recurrent layers are
// keras_recurrent, tfjs's own maths (src/ml/models/recurrent.ts: hard-sigmoid
// gates, the GRU's reset gate before the recurrent product, zero biases: tfjs
// has no unit_forget_bias by default), not torch.nn.LSTM/GRU (sigmoid gates,
// reset after the product); the padded network uses the same layer.

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


def _state_text(v):
    """A state as the workbench's vocabulary spells it (JavaScript's String(v))."""
    if isinstance(v, (bool, np.bool_)):
        return 'true' if v else 'false'
    v = _key(v)
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def build_vocabulary(states):
    """<PAD> 0, <UNK> 1, then the distinct states sorted (numerically when all are numbers)."""
    distinct = list(dict.fromkeys(_state_text(s) for s in states if _key(s) is not None))

    def is_number(s):
        try:
            return s.strip() != '' and math.isfinite(float(s))
        except ValueError:
            return False
    distinct.sort(key=float if all(is_number(s) for s in distinct) else None)
    return ['<PAD>', '<UNK>'] + [s for s in distinct if s not in ('<PAD>', '<UNK>')]


def build_padded(df, group, state, features, time=None, max_length=0, min_length=2, fitted=None, method='standard'):
    """One sequence per group (groups of at least min_length rows): step t's input is row t's state (its vocabulary index)
    and scaled features, its target the state of row t + 1; the last max_length transitions kept, padded with 0 at the end.
    Without fitted, the vocabulary, the steps and the scaling are learned on df (the training table); with it, reused."""
    raw_states = df[state].tolist()
    if any(_key(s) is None for s in raw_states):
        raise ValueError(f'sequences: the state column {state!r} has missing values')
    vocab = fitted['vocab'] if fitted else build_vocabulary(raw_states)
    index = {s: i for i, s in enumerate(vocab)}
    code = [index.get(_state_text(s), 1) for s in raw_states]  # 1 = <UNK>: a state not seen in training
    raw = df[features].to_numpy(dtype=np.float32).astype(float)  # the workbench reads features as float32
    keyed = [(k, rows) for k, rows in sequence_groups(df, group, time).items() if len(rows) >= max(2, min_length)]
    if not keyed:
        raise ValueError(f'sequences: no group has the {max(2, min_length)} rows a sequence needs')
    longest = max(len(rows) - 1 for _, rows in keyed)
    steps = fitted['steps'] if fitted else (min(max_length, longest) if max_length > 0 else longest)
    if fitted:
        scaling = fitted['scaling']
    else:  # fitted on the rows that are inputs of the kept training steps
        used = [r for _, rows in keyed for r in rows[max(0, len(rows) - 1 - steps):len(rows) - 1]]
        scaling = fit_scaling(raw[used], method)
    n, F = len(keyed), len(features)
    states, targets = np.zeros((n, steps), dtype=np.int32), np.zeros((n, steps), dtype=np.int32)
    numeric, lengths = np.zeros((n, steps, F), dtype=np.float32), np.zeros(n, dtype=np.int32)
    for s, (_, rows) in enumerate(keyed):
        inputs = rows[:-1][-steps:]  # the most recent transitions
        start = len(rows) - 1 - len(inputs)
        lengths[s] = len(inputs)
        for t, r in enumerate(inputs):
            states[s, t], targets[s, t] = code[r], code[rows[start + t + 1]]
            numeric[s, t] = (raw[r] - scaling[0]) / scaling[1]
    return {'mode': 'padded', 'states': states, 'numeric': numeric, 'targets': targets, 'lengths': lengths,
            'groups': [k for k, _ in keyed], 'vocab': vocab, 'scaling': scaling, 'steps': steps, 'features': list(features),
            'group_by': group, 'state': state, 'time': time, 'max_length': max_length, 'min_length': min_length}

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
            'scaling': scaling, 'features': list(features), 'steps': steps, 'target': target, 'horizon': horizon, 'group_by': group, 'time': time}


def keras_recurrent(kind, width, units):
    """tfjs's LSTM/GRU layer in PyTorch, as src/ml/models/recurrent.ts steps it (see KerasRecurrent)."""
    import torch
    nn = torch.nn

    def hard_sigmoid(x):  # Keras 2 / tfjs recurrent activation
        return torch.clamp(0.2 * x + 0.5, 0.0, 1.0)

    class KerasRecurrent(nn.Module):
        """tfjs's LSTM/GRU as src/ml/models/recurrent.ts steps it: gates i, f, c, o (z, r, h), hard-sigmoid gates, tanh,
        the reset gate before the recurrent product, zero state; weights in tfjs's layout, all biases 0 (no unit_forget_bias)."""

        def __init__(self, width, u):
            super().__init__()
            k = 4 if kind == 'lstm' else 3
            self.units = u
            self.kernel = nn.Parameter(torch.empty(width, k * u))
            self.recurrent_kernel = nn.Parameter(torch.empty(u, k * u))
            self.bias = nn.Parameter(torch.zeros(k * u))
            nn.init.xavier_uniform_(self.kernel)  # Glorot over (in, k x units), as Keras
            nn.init.orthogonal_(self.recurrent_kernel)

        def forward(self, x):  # batch x steps x width -> batch x steps x units
            u, rk = self.units, self.recurrent_kernel
            xs = x @ self.kernel + self.bias  # every step's input projection at once
            h = x.new_zeros(x.shape[0], u)
            c = x.new_zeros(x.shape[0], u)
            out = []
            for t in range(x.shape[1]):
                if kind == 'lstm':
                    z = xs[:, t] + h @ rk
                    gates = hard_sigmoid(z)
                    c = gates[:, u:2 * u] * c + gates[:, :u] * torch.tanh(z[:, 2 * u:3 * u])
                    h = gates[:, 3 * u:] * torch.tanh(c)
                else:
                    zr = hard_sigmoid(xs[:, t, :2 * u] + h @ rk[:, :2 * u])
                    candidate = torch.tanh(xs[:, t, 2 * u:] + (zr[:, u:] * h) @ rk[:, 2 * u:])
                    h = zr[:, :u] * h + (1 - zr[:, :u]) * candidate
                out.append(h)
            return torch.stack(out, 1)

    return KerasRecurrent(width, units)


def sequence_network(kind, n_features, steps, n_out, units=(32,), filters=(32,), kernel_size=3, pooling='max', dense=(), dropout=0.0, seed=42):
    """The workbench's window network (LSTM, GRU or 1D-CNN body, dense ReLU layers, one output layer) in PyTorch."""
    import torch
    nn = torch.nn
    torch.manual_seed(seed)

    class SequenceNet(nn.Module):
        def __init__(self):
            super().__init__()
            self.kind, self.drop = kind, nn.Dropout(dropout)
            self.body = nn.ModuleList()
            width, length = n_features, steps
            if kind == 'cnn1d':
                self.pools = []
                for f in filters:
                    conv = nn.Conv1d(width, f, kernel_size, padding='same')
                    nn.init.xavier_uniform_(conv.weight)  # Glorot over (kernel x in, kernel x out), as Keras
                    nn.init.zeros_(conv.bias)
                    self.body.append(conv)
                    pool = pooling != 'none' and length >= 2
                    self.pools.append(pool)
                    length, width = (length // 2 if pool else length), f
                width = width * length  # flattened
            else:
                for u in units:  # tfjs's recurrent maths, not nn.LSTM/nn.GRU (keras_recurrent)
                    self.body.append(keras_recurrent(kind, width, u))
                    width = u
            self.dense = nn.ModuleList()
            for d in dense:
                layer = nn.Linear(width, d)
                nn.init.xavier_uniform_(layer.weight)
                nn.init.zeros_(layer.bias)
                self.dense.append(layer)
                width = d
            self.out = nn.Linear(width, n_out)
            nn.init.xavier_uniform_(self.out.weight)
            nn.init.zeros_(self.out.bias)

        def forward(self, x):  # x: batch x steps x features
            if self.kind == 'cnn1d':
                h = x.transpose(1, 2)  # PyTorch convolves over the last axis
                for conv, pool in zip(self.body, self.pools):
                    h = self.drop(torch.relu(conv(h)))
                    if pool:
                        h = (torch.nn.functional.max_pool1d if pooling == 'max' else torch.nn.functional.avg_pool1d)(h, 2)
                h = h.transpose(1, 2).flatten(1)  # steps x filters, as Keras flattens
            else:
                h = x
                for i, layer in enumerate(self.body):
                    h = layer(h)
                    if i == len(self.body) - 1:
                        h = h[:, -1, :]  # the last layer gives its final state
                    h = self.drop(h)
            for layer in self.dense:
                h = self.drop(torch.relu(layer(h)))
            return self.out(h)

    return SequenceNet()


def truth_of(model, data):
    """The true values an evaluate cell scores: a windows value's targets, padded steps' next states, or the table's target column."""
    if isinstance(data, dict) and data.get('mode') == 'windows':
        return list(data['y'])
    if model['kind'] == 'padded':  # the next state of every real step
        return padded_predict(model, data)[0]
    return data[model['target']].tolist()


def sequence_inputs(model, data):
    """A windows value as it is, or a table cut into windows with the model's training options and scaling."""
    if isinstance(data, dict) and data.get('mode') == 'windows':
        return data['X']
    t = model['windows']
    return build_windows(data, t['features'], t['target'], t['steps'], t['horizon'], t['group_by'], t['time'], scaling=t['scaling'])['X']
`;
