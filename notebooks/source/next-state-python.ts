// The Python twins of the next-state notebook's JavaScript code cells
// ("Export as Python notebook" emits them instead of a TODO): pandas as the
// course writes it, making the same tables and numbers as the JavaScript.
// Sessions are kept in order of first appearance (groupby(sort=False)) and
// ties sorted stably, as Arquero and JavaScript's sort do.

export const lengthsPy = (stepFeatures: readonly string[], minEvents: number) => `
# The course's required columns: stop with a clear message if the log lacks one.
required = ['session_id', 'current_state', 'next_state', 'page_depth', ${stepFeatures.map((f) => `'${f}'`).join(', ')}]
missing = [c for c in required if c not in log.columns]
if missing:
    raise ValueError(f"The log lacks the required column(s) {', '.join(missing)}; it has {', '.join(log.columns)}.")
print(f"All {len(required)} required columns are present: {', '.join(required)}.")
# Events per session, the length distribution, and the sessions we keep.
session_lengths = log.groupby('session_id', sort=False).size().reset_index(name='n_events')
n = np.sort(session_lengths['n_events'].to_numpy())
q = lambda p: n[min(len(n) - 1, int(p * len(n)))]
kept = session_lengths[session_lengths['n_events'] >= ${minEvents}]
events = log.merge(kept, on='session_id')  # an inner join: the log's order
print(f"{len(log)} events in {len(session_lengths)} sessions; events per session: min {n[0]}, median {q(0.5)}, 90th percentile {q(0.9)}, max {n[-1]}.")
print(f"Kept {len(kept)} sessions with ≥ ${minEvents} events ({len(events)} events); dropped {len(session_lengths) - len(kept)} short sessions.")
sessions_per_length = session_lengths.groupby('n_events').size().reset_index(name='sessions')
sessions_per_length
`;

export const vocabularyPy = () => `
# PAD 0, UNK 1, then the sorted states: the course's state_mapping.json.
states = sorted(set(events['current_state']) | set(events['next_state']))
vocab = ['<PAD>', '<UNK>'] + states
state_mapping = {s: i for i, s in enumerate(vocab)}
# value state_mapping: object
print({'state_mapping.json': state_mapping})
# Targets: the next page of every event but each session's last.
targets = events[events['page_depth'] < events['n_events']]
counts = targets.groupby('next_state', sort=False).size().reset_index(name='count')
counts['share'] = counts['count'] / counts['count'].sum()
counts = counts.sort_values('count', ascending=False, kind='stable').reset_index(drop=True)
print(f"{len(vocab)} entries ({len(states)} states + PAD + UNK). The most common next page, {counts['next_state'][0]}, "
      f"is {100 * counts['share'][0]:.1f}% of the targets: the majority-class rate.")
counts
`;

export const PAIRS_PY = `
# The course's observed_prev_pairs.npy: every (prev2, prev1) pair that occurs, with its count, and a sample of the steps.
observed_prev_pairs = (events_prev.groupby(['prev2', 'prev1'], sort=False).size().reset_index(name='steps')
                       .sort_values('steps', ascending=False, kind='stable').reset_index(drop=True))
print(f'{len(observed_prev_pairs)} distinct (prev2, prev1) pairs observed.')
print(events_prev[['session_id', 'page_depth', 'prev2', 'prev1', 'current_state', 'next_state']].head(12))
observed_prev_pairs
`;

export const VALIDATION_SESSIONS_PY = `
# The course's train_val_sessions.json: which sessions are in each part.
train_sessions = list(dict.fromkeys(train_log['session_id']))
val_sessions = list(dict.fromkeys(valid_log['session_id']))
print(f'{len(train_sessions)} training sessions, {len(val_sessions)} validation sessions; none in both: {not set(val_sessions) & set(train_sessions)}.')
{'train_val_sessions.json': {'train': len(train_sessions), 'val_sessions': val_sessions}}
`;

export const FINAL_PARAMS_PY = `
# False: the small default (the tuned params as they are); True: the course's size on top of the tuned params.
COURSE_SIZE = False
if COURSE_SIZE:
    final_params = {**best_params, 'sequence.units': [384, 384], 'sequence.embeddingDim': 192, 'epochs': 50, 'patience': 7}
else:
    final_params = {**best_params, 'sequence.units': [32]}
# value final_params: object
final_params
`;

export const MARKOV_PY = (minEvents: number) => `
# First-order Markov table: counts of (page -> next page) over the training sessions' consecutive events,
# scored on the validation steps the sequences cell builds for the LSTM (sessions of ≥ ${minEvents} events, their last 24 transitions).
def sessions(log):
    """Each session's pages in page order; sessions in order of first appearance."""
    return [g.sort_values('page_depth', kind='stable')['current_state'].tolist() for _, g in log.groupby('session_id', sort=False)]

def ranked(counter):
    """Pages by count, most frequent first; ties alphabetically."""
    return [page for page, _ in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]

counts, overall = {}, {}
for states in sessions(train_log):
    if len(states) < ${minEvents}:
        continue
    for page, following in zip(states, states[1:]):
        counts.setdefault(page, {})
        counts[page][following] = counts[page].get(following, 0) + 1
        overall[following] = overall.get(following, 0) + 1
fallback = ranked(overall)
n = hit1 = hit3 = 0
for states in sessions(valid_log):
    if len(states) < ${minEvents}:
        continue
    for i in range(max(0, len(states) - 1 - 24), len(states) - 1):
        guess = ranked(counts[states[i]]) if states[i] in counts else fallback
        n += 1
        hit1 += guess[0] == states[i + 1]
        hit3 += states[i + 1] in guess[:3]
markov_metrics = {'accuracy': hit1 / n, 'top_3_accuracy': hit3 / n, 'steps': n}
# value markov_metrics: metrics
print(f'Markov table on {n} validation steps: top-1 {hit1 / n:.3f}, top-3 {hit3 / n:.3f}.')
markov_table = pd.DataFrame([{'page': page, 'most_likely_next': ranked(counts[page])[0],
                              'share': round(counts[page][ranked(counts[page])[0]] / sum(counts[page].values()), 3)} for page in sorted(counts)])
markov_table
`;

export const SUMMARY_PY = `
# Top-1, top-3 and macro-F1 of both LSTMs next to the majority-class rate and the Markov table.
majority = final_pred['truth'].value_counts().max() / len(final_pred)

def summary_row(model, m):
    return {'model': model, 'top1': m['accuracy'], 'top3': m['top_3_accuracy'], 'macro_f1': m['f1_macro']}

model_summary = pd.DataFrame([
    {'model': 'always the most common page', 'top1': majority, 'top3': None, 'macro_f1': None},
    {'model': 'baseline: first-order Markov table', 'top1': markov_metrics['accuracy'], 'top3': markov_metrics['top_3_accuracy'], 'macro_f1': None},
    summary_row('LSTM, step 8 (hand-picked params)', lstm_metrics),
    summary_row('LSTM, final (tuned + retrained)', final_metrics),
])
markov = markov_metrics['accuracy']
print(f"The Markov table's {markov_metrics['steps']} validation steps are the LSTM's {len(final_pred)}: {markov_metrics['steps'] == len(final_pred)}.")
if markov >= final_metrics['accuracy']:
    print(f"The Markov table's top-1 ({markov:.3f}) is at least the final LSTM's ({final_metrics['accuracy']:.3f}): on this data the LSTM has not earned its place.")
else:
    print(f"The final LSTM's top-1 ({final_metrics['accuracy']:.3f}) beats the Markov table's ({markov:.3f}).")
model_summary
`;

export const SAMPLE_SESSION_PY = `
# One validation session with at least 8 events, predicted step by step.
sid = valid_log.loc[valid_log['n_events'] >= 8, 'session_id'].iloc[0]
session = valid_log[valid_log['session_id'] == sid].sort_values('page_depth', kind='stable')
pred, proba = model_predict(lstm_final, session)  # the model rebuilds the sequence with its vocabulary and scaling
classes = lstm_final['classes']
steps = []
for i, r in enumerate(session.to_dict('records')[:-1]):
    ranked = sorted(zip(classes, proba[i]), key=lambda kv: -kv[1])  # stable, as JavaScript's sort
    steps.append({'step': r['page_depth'], 'current': r['current_state'], 'actual_next': r['next_state'], 'predicted': pred[i],
                  'p': round(float(ranked[0][1]), 3), 'top3': '  '.join(c for c, _ in ranked[:3]), 'hit': '✓' if pred[i] == r['next_state'] else '✗'})
hits = sum(s['hit'] == '✓' for s in steps)
sample_steps = pd.DataFrame(steps)
# value sample_steps: table
print(f"Session {str(sid)[:8]}…: {hits} of {len(steps)} next pages right at top-1 (hit@1 {hits / len(steps):.2f}).")
sample_steps
`;
