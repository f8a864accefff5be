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

import { PYTHON_HELPERS_MORE } from './helpers-more.ts';
import { PYTHON_HELPERS_STEPS } from './helpers-steps.ts';
import { PYTHON_HELPERS_RETRIEVE } from './helpers-retrieve.ts';
import { PYTHON_HELPERS_DRIFT } from './helpers-drift.ts';
import { PYTHON_HELPERS_INVENTORY } from './helpers-inventory.ts';
import { PYTHON_HELPERS_SESSIONS } from './helpers-sessions.ts';
import { PYTHON_HELPERS_TIMESTEPS } from './helpers-timesteps.ts';
import { PYTHON_HELPERS_TIMESERIES } from './helpers-timeseries.ts';
import { PYTHON_HELPERS_ENSEMBLE } from './helpers-ensemble.ts';
import { PYTHON_HELPERS_SEQUENCES } from './helpers-sequences.ts';
import { PYTHON_HELPERS_EXPLAIN } from './helpers-explain.ts';
import { PYTHON_HELPERS_TUNE } from './helpers-tune.ts';
import { PYTHON_HELPERS_TEXTNET } from './helpers-textnet.ts';
import { PYTHON_HELPERS_PADDED } from './helpers-padded.ts';

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


${PYTHON_HELPERS_MORE}
${PYTHON_HELPERS_STEPS}
${PYTHON_HELPERS_RETRIEVE}
${PYTHON_HELPERS_DRIFT}
${PYTHON_HELPERS_INVENTORY}
${PYTHON_HELPERS_SESSIONS}
${PYTHON_HELPERS_TIMESTEPS}
${PYTHON_HELPERS_TIMESERIES}
${PYTHON_HELPERS_ENSEMBLE}
${PYTHON_HELPERS_SEQUENCES}
${PYTHON_HELPERS_PADDED}
${PYTHON_HELPERS_EXPLAIN}
${PYTHON_HELPERS_TUNE}
${PYTHON_HELPERS_TEXTNET}
# ---- end of the workbench helpers ----
`.trim();
