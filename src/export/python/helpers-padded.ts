// The Python helpers of a next-state network on padded per-group sequences,
// following src/ml/models/sequence-net.ts (padded mode) and
// src/ml/sequences/fit.ts, tensors.ts, validation.ts and src/ml/train.ts:
// the state index through an embedding (uniform ±0.05), joined with the
// step's numeric features, stacked LSTM/GRU layers that return every step,
// dropout after each, one dense layer over the vocabulary at every step.
// The recurrent layers are keras_recurrent (helpers-sequences.ts): tfjs's
// own maths, not torch.nn.LSTM/GRU, with the weights in tfjs's layout so a
// workbench model's weights load as they are.
// The loss is the cross-entropy over the real steps (target > 0), each step
// times its class weight, divided by the number of real steps; class weights
// are the workbench's inverse frequencies of the training targets (capped for
// inverse_capped). Adam with the backend's epsilon 1e-7; AdamW multiplies
// the weights (not the biases) by 1 − lr·wd after each step, as FlatAdam;
// gradients are clipped to a global norm; the plateau schedule and early
// stopping are the workbench's own rules (no threshold, no cooldown; the
// best epoch's weights restored). Seeds: torch's generator for the batch
// order and dropout, as fit_torch: the same procedure, not the same draws.

export const PYTHON_HELPERS_PADDED = String.raw`
def padded_network(kind, vocab_size, n_features, units=(32,), embedding_dim=16, dropout=0.0, seed=42):
    """The workbench's next-state network: embedding + numeric features, stacked LSTM/GRU layers, a prediction per step."""
    import torch
    nn = torch.nn
    torch.manual_seed(seed)

    class PaddedNet(nn.Module):
        def __init__(self):
            super().__init__()
            self.embedding = nn.Embedding(vocab_size, embedding_dim)
            nn.init.uniform_(self.embedding.weight, -0.05, 0.05)  # the workbench's embedding initializer
            self.drop = nn.Dropout(dropout)
            self.body = nn.ModuleList()
            width = embedding_dim + n_features
            for u in units:
                self.body.append(keras_recurrent(kind, width, u))
                width = u
            self.out = nn.Linear(width, vocab_size)
            nn.init.xavier_uniform_(self.out.weight)
            nn.init.zeros_(self.out.bias)

        def forward(self, states, numeric):  # batch x steps (ids), batch x steps x features
            h = self.embedding(states)
            if numeric.shape[2] > 0:
                h = torch.cat([h, numeric], 2)
            for layer in self.body:
                h = self.drop(layer(h))  # every step's state, dropout after each layer
            return self.out(h)  # batch x steps x vocabulary (logits)

    return PaddedNet()


def padded_class_weights(data, spec, cap=1.5):
    """The workbench's class weights over the vocabulary: counts of the real training targets; a class never seen weighs 1."""
    if spec is None or spec == 'none':
        return None
    vocab = data['vocab']
    if isinstance(spec, dict):
        return [float(spec.get(v, 1)) for v in vocab]
    t = data['targets']
    counts = np.bincount(t[t > 0].ravel(), minlength=len(vocab))
    present, total = int((counts > 0).sum()), int(counts.sum())
    weights = [1.0 if c == 0 else total / (present * c) for c in counts]
    return [min(w, cap) for w in weights] if spec == 'inverse_capped' else weights


def _padded_tensors(data):
    import torch
    return torch.tensor(data['states'], dtype=torch.long), torch.tensor(data['numeric'], dtype=torch.float32), torch.tensor(data['targets'], dtype=torch.long)


def _masked_step_loss(logits, targets, weights=None):
    """Cross-entropy over the real steps (target > 0), times the class weight, divided by the real steps."""
    import torch
    V = logits.shape[2]
    flat = targets.reshape(-1)
    ce = torch.nn.functional.cross_entropy(logits.reshape(-1, V), flat, reduction='none')
    mask = (flat > 0).float()
    w = mask * weights[flat] if weights is not None else mask
    return (ce * w).sum() / mask.sum().clamp(min=1)


def padded_validation(net, data):
    """The workbench's per-epoch metrics on padded sequences: unweighted masked loss, top-1, top-3 and macro-F1 of the real steps."""
    import torch
    states, numeric, targets = _padded_tensors(data)
    net.eval()
    with torch.no_grad():
        logits = net(states, numeric)
        loss = float(_masked_step_loss(logits, targets))
    V = logits.shape[2]
    flat, truth = logits.reshape(-1, V).numpy(), targets.reshape(-1).numpy()
    real = truth > 0
    flat, truth = flat[real], truth[real]
    best = flat.argmax(axis=1)
    k = min(3, V)
    f1s = [2 * ((best == c) & (truth == c)).sum() / ((truth == c).sum() + (best == c).sum())
           for c in range(V) if (truth == c).any() or (best == c).any()]
    return {'val_loss': loss, 'val_accuracy': float((best == truth).mean()), f'val_top{k}': _top_k_hits(flat, truth, k),
            'val_macro_f1': float(np.mean(f1s)) if f1s else 0.0}


def _top_k_hits(scores, truth_index, k):
    """The share of rows whose true column is among the k highest (ties: the later column ranks first, as the workbench)."""
    scores = np.asarray(scores, dtype=float)
    own = scores[np.arange(len(truth_index)), truth_index][:, None]
    later = np.arange(scores.shape[1])[None, :] > np.asarray(truth_index)[:, None]
    ahead = ((scores > own) | ((scores == own) & later)).sum(axis=1)
    return float((ahead < k).mean())


def top_k_accuracy(y_true, proba, classes, k):
    """The evaluate cell's top-k accuracy (scikit-learn's rule, the classes in the model's order); None without probabilities."""
    if proba is None:
        return None
    index = {_key(c): i for i, c in enumerate(classes)}
    if any(_key(v) not in index for v in y_true):  # a class the model never saw: no top-k, as the workbench
        return None
    truth = np.array([index[_key(v)] for v in y_true])
    if len(classes) == 2:
        if k >= 2:
            return 1.0
        scores = np.asarray(proba, dtype=float)[:, 1]
        threshold = 0.5 if ((scores >= 0) & (scores <= 1)).all() else 0.0
        return float(((scores > threshold).astype(int) == truth).mean())
    return _top_k_hits(proba, truth, k)


def _maximised(monitor):
    return re.search('acc|auc|f1|top|r2|precision|recall', monitor, re.I) is not None


def fit_padded(net, data, val=None, optimizer='adam', lr=0.01, weight_decay=0.01, epochs=50, batch_size=32, seed=42,
               class_weight=None, clip_norm=0.0, lr_schedule=None, patience=0, monitor=None, restore_best=True):
    """The workbench's training loop on padded sequences; returns (history, the restored best epoch or None)."""
    import torch
    torch.manual_seed(seed)
    states, numeric, targets = _padded_tensors(data)
    n = len(states)
    weights = torch.tensor(class_weight, dtype=torch.float32) if class_weight is not None else None
    decayed = [p for name, p in net.named_parameters() if 'bias' not in name]  # AdamW decays weights, not biases
    if optimizer in ('adam', 'adamw'):
        opt = torch.optim.Adam(net.parameters(), lr=lr, eps=1e-7)  # tfjs's epsilon; AdamW's decay below, after the step
    elif optimizer == 'rmsprop':
        opt = torch.optim.RMSprop(net.parameters(), lr=lr, alpha=0.9, eps=1e-7)  # tfjs: decay 0.9
    else:
        opt = torch.optim.SGD(net.parameters(), lr=lr)
    schedule = lr_schedule or {'type': 'none'}
    batch_size = max(1, min(int(batch_size), n))
    gen = torch.Generator().manual_seed(seed)
    history, best, best_epoch, snapshot = [], math.inf, 0, None
    plateau_best, plateau_wait = math.inf, 0
    for epoch in range(1, max(1, int(epochs)) + 1):
        net.train()
        order = torch.randperm(n, generator=gen)
        total = 0.0
        for start in range(0, n, batch_size):
            idx = order[start:start + batch_size]
            opt.zero_grad()
            loss = _masked_step_loss(net(states[idx], numeric[idx]), targets[idx], weights)
            loss.backward()
            if clip_norm and clip_norm > 0:
                torch.nn.utils.clip_grad_norm_(net.parameters(), clip_norm)
            opt.step()
            if optimizer == 'adamw':  # decoupled decay after the Adam step, as the workbench's FlatAdam: weights only
                with torch.no_grad():
                    for p in decayed:
                        p.mul_(np.float32(1 - lr * weight_decay))
            total += float(loss) * len(idx)
        entry = {'epoch': epoch, 'loss': total / n}
        if val is not None:
            entry.update(padded_validation(net, val))
        if schedule['type'] != 'none':
            entry['lr'] = lr
        history.append(entry)
        watched = monitor or ('val_loss' if 'val_loss' in entry else 'loss')
        if (patience > 0 or schedule['type'] == 'plateau') and watched not in entry:
            raise ValueError(f'train: the monitor {watched!r} is not recorded; recorded: {", ".join(k for k in entry if k != "epoch")}')
        signed = (-entry[watched] if _maximised(watched) else entry[watched]) if watched in entry else 0.0
        if schedule['type'] == 'step' and epoch % max(1, schedule.get('every', 1)) == 0:
            lr *= schedule['factor']
        elif schedule['type'] == 'plateau':  # Keras/PyTorch ReduceLROnPlateau without threshold or cooldown
            if signed < plateau_best:
                plateau_best, plateau_wait = signed, 0
            else:
                plateau_wait += 1
                if plateau_wait >= schedule['patience']:
                    lr, plateau_wait = max(lr * schedule['factor'], schedule.get('minLr', 0.0)), 0
        for g in opt.param_groups:
            g['lr'] = lr
        if patience > 0:
            if signed < best:
                best, best_epoch = signed, epoch
                if restore_best:
                    snapshot = {k: v.clone() for k, v in net.state_dict().items()}
            elif epoch - best_epoch >= patience:
                break
    restored = patience > 0 and restore_best and snapshot is not None and best_epoch != len(history)
    if restored:
        net.load_state_dict(snapshot)
    net.eval()
    return history, (best_epoch if restored else None)


def with_params(settings, values):
    """The train cell's settings with tuned values laid over them (a dotted name reaches a nested setting)."""
    import copy
    out = copy.deepcopy(settings)
    for name, value in values.items():
        *path, last = name.split('.')
        node = out
        for part in path:
            node = node.setdefault(part, {})
        node[last] = value
    return out


def train_padded(data, val, settings):
    """A train cell on padded sequences, from its settings (the workbench's param names): the model dict."""
    s, q = settings, settings.get('sequence', {})
    class_weight = padded_class_weights(data, s.get('classWeight'), s.get('classWeightCap', 1.5))
    net = padded_network(s['model'], len(data['vocab']), len(data['features']), units=q.get('units', [32]),
                         embedding_dim=q.get('embeddingDim', 16), dropout=s.get('dropout', 0.0), seed=s.get('seed', 42))
    history, best_epoch = fit_padded(net, data, val, optimizer=s.get('optimizer', 'adam'), lr=s.get('learningRate', 0.01),
                                     weight_decay=s.get('weightDecay', 0.01), epochs=s.get('epochs', 50), batch_size=s.get('batchSize', 32),
                                     seed=s.get('seed', 42), class_weight=class_weight, clip_norm=s.get('clipNorm', 0.0),
                                     lr_schedule=s.get('lrSchedule'), patience=s.get('patience', 0), monitor=s.get('monitor'),
                                     restore_best=s.get('restoreBest', True))
    template = {k: data[k] for k in ('vocab', 'scaling', 'steps', 'features', 'group_by', 'state', 'time', 'max_length', 'min_length')}
    return {'kind': 'padded', 'net': net, 'classes': list(data['vocab']), 'target': data['state'], 'features': [data['state']] + list(data['features']),
            'padded': template, 'history': history, 'best_epoch': best_epoch, 'class_weight': class_weight}


def padded_predict(model, data):
    """(the true next states, the probabilities over the vocabulary) of every real step; a table is cut into sequences first."""
    import torch
    t = model['padded']
    if not (isinstance(data, dict) and data.get('mode') == 'padded'):
        data = build_padded(data, t['group_by'], t['state'], t['features'], t['time'], t['max_length'], t['min_length'], fitted=t)
    states, numeric, targets = _padded_tensors(data)
    with torch.no_grad():
        proba = torch.softmax(model['net'](states, numeric), dim=2).numpy().astype(float)
    real = np.arange(data['steps'])[None, :] < data['lengths'][:, None]  # sequence then step order
    vocab = data['vocab']
    return [vocab[i] for i in data['targets'][real]], proba[real]
`;
