#!/usr/bin/python3
"""Draw the workbench's seeded NSMC sample from the e9t/nsmc repository.

Usage: /usr/bin/python3 data/nsmc/make_sample.py <path to a clone's .git> [commit]

The snapshot of e9t/nsmc available to the project lacks the blobs of
ratings.txt / ratings_train.txt / ratings_test.txt, so the sample is drawn
from the repository's raw/ files (one JSON file of reviews per movie) with
NSMC's own labelling rule (README "Characteristics"): ratings 1-4 are
negative (0), 9-10 positive (1), 5-8 excluded, reviews shorter than 140
characters; like NSMC, the classes are balanced. Reviews holding a double
quote are left out, so every TSV reader reads the same texts. Duplicate texts are kept
once. Train and test are disjoint, drawn with numpy seed 42.
"""
import json, subprocess, sys
import numpy as np

N_TRAIN, N_TEST, SEED = 4000, 1000, 42

git_dir = sys.argv[1]
commit = sys.argv[2] if len(sys.argv) > 2 else 'HEAD'
listing = subprocess.run(['git', '--git-dir', git_dir, 'ls-tree', commit, 'raw/'], capture_output=True, text=True, check=True).stdout
blobs = [(line.split()[2], line.split('\t')[1]) for line in listing.splitlines()]
batch = subprocess.run(['git', '--git-dir', git_dir, 'cat-file', '--batch'], input='\n'.join(b for b, _ in blobs).encode() + b'\n', capture_output=True, check=True).stdout

reviews = {}
pos = 0
for _ in blobs:
    header_end = batch.index(b'\n', pos)
    _sha, _type, size = batch[pos:header_end].split()
    body = batch[header_end + 1: header_end + 1 + int(size)]
    pos = header_end + 1 + int(size) + 1
    for r in json.loads(body.decode('utf-8')):
        text = ' '.join(str(r.get('review', '')).split())
        rating = int(r['rating'])
        # No quotes: a TSV reader that honours quotes would read them differently from one that does not.
        if not text or len(text) >= 140 or 5 <= rating <= 8 or '"' in text:
            continue
        label = 1 if rating >= 9 else 0
        reviews.setdefault(text, (r['review_id'], label))

rows = sorted((rid, text, label) for text, (rid, label) in reviews.items())
rng = np.random.RandomState(SEED)
by_label = {l: [r for r in rows if r[2] == l] for l in (0, 1)}
picked = {l: [by_label[l][i] for i in rng.permutation(len(by_label[l]))[: (N_TRAIN + N_TEST) // 2]] for l in (0, 1)}
train = picked[0][: N_TRAIN // 2] + picked[1][: N_TRAIN // 2]
test = picked[0][N_TRAIN // 2:] + picked[1][N_TRAIN // 2:]
for name, part in (('nsmc-train.tsv', train), ('nsmc-test.tsv', test)):
    part = [part[i] for i in rng.permutation(len(part))]
    with open(f'{sys.path[0]}/{name}', 'w', encoding='utf-8') as f:
        f.write('id\tdocument\tlabel\n')
        for rid, text, label in part:
            f.write(f'{rid}\t{text}\t{label}\n')
print(f'{len(rows)} eligible reviews ({len(by_label[0])} negative, {len(by_label[1])} positive); wrote {len(train)} train, {len(test)} test')
