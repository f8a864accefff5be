// "Session drop": the course's sessionDrop notebook (COURSE.md §2) on the
// generated web-shop log. Will a visitor complete the session (log out or
// delete the account) or drop, judged from the first K events only?
// One structure, two languages: the prose comes from session-drop.text.ts.
import { NotebookBuilder } from './builder.ts';
import { featureNames } from '../../src/data/sessions/features.ts';
import { sessionDropText, type Lang } from './session-drop.text.ts';

/** The features the models see: K plus the 88 session features. */
export const SESSION_DROP_FEATURES = ['K', ...featureNames(50)];

/**
 * scale_pos_weight = negatives / positives of train_x (measured by the code
 * cell before training: 2,181 / 2,331 on the seed-42 data). A cell's params
 * cannot read a value, so the measured figure is written in.
 */
export const SCALE_POS_WEIGHT = 0.936;

/** Register only above this test macro-F1 (measured 0.585; chance is 0.5). */
export const REGISTER_MIN_F1 = 0.55;

/** Boosting rounds: the course's 1,200, which early stopping cuts short. */
export const GBDT_ROUNDS = 1200;

export function sessionDrop(lang: Lang = 'en') {
  const t = sessionDropText(lang);
  return new NotebookBuilder(t.title, {
    authors: [{ name: 'ML Workbench' }],
    description: t.description,
    ...(lang === 'ko' ? { language: 'ko' } : {}),
  })
    .md(t.intro)
    .md(t.config)
    .md(t.load)
    .cell('load', { source: { type: 'dataset', name: 'shop-sessions' }, output: 'log' }, t.titles.load)
    .md(t.gaps)
    .cell('transform', {
      input: 'log',
      output: 'events',
      steps: [
        { op: 'gaps', time: 'timestamp', by: 'session_id', name: 'gap_sec' },
        { op: 'deltas', columns: ['page_depth', 'search_count', 'cart_item_count'], by: 'session_id', orderBy: 'timestamp', prefix: 'delta_', clip: true },
      ],
      transform: 'event_steps',
    }, t.titles.gaps)
    .md(t.eda)
    .code(`
// One row per session: its number of events and its label
// (1 = complete: some event's current or next state is /logout or /delete_user).
const norm = (s) => String(s ?? '').trim().toLowerCase().replace(/\\?.*$/, '').replace(/(.)\\/$/, '$1');
const TERMINALS = new Set(['/logout', '/delete_user']);
const ids = events.array('session_id');
const cur = events.array('current_state');
const nxt = events.array('next_state');
const bySession = new Map();
for (let i = 0; i < ids.length; i++) {
  const s = bySession.get(ids[i]) ?? { events: 0, complete: 0 };
  s.events++;
  if (TERMINALS.has(norm(cur[i])) || TERMINALS.has(norm(nxt[i]))) s.complete = 1;
  bySession.set(ids[i], s);
}
const sessions = aq.from([...bySession].map(([session_id, s]) => ({ session_id, ...s })));
set('sessions', sessions);
const complete = sessions.array('complete').filter((c) => c === 1).length;
const lengths = sessions.array('events').slice().sort((a, b) => a - b);
display(\`\${ids.length} events in \${sessions.numRows()} sessions; median \${lengths[Math.floor(lengths.length / 2)]} events per session; \${complete} complete (\${(100 * complete / sessions.numRows()).toFixed(1)}%), \${sessions.numRows() - complete} dropped.\`);
`, t.titles.edaCode, `
# One row per session: its number of events and its label
# (1 = complete: some event's current or next state is /logout or /delete_user).
TERMINALS = {'/logout', '/delete_user'}

def norm(state):
    """A page as the course compares them: trimmed, lowercase, no query string, no trailing /."""
    s = ('' if pd.isna(state) else str(state)).strip().lower().split('?')[0]
    return s[:-1] if len(s) > 1 and s.endswith('/') else s

is_terminal = events['current_state'].map(norm).isin(TERMINALS) | events['next_state'].map(norm).isin(TERMINALS)
sessions = (events.assign(complete=is_terminal.astype(int))
            .groupby('session_id', sort=False)  # sessions in the order they first appear
            .agg(events=('session_id', 'size'), complete=('complete', 'max'))
            .reset_index())
complete = int(sessions['complete'].sum())
lengths = sorted(sessions['events'])
print(f"{len(events)} events in {len(sessions)} sessions; median {lengths[len(lengths) // 2]} events per session; "
      f"{complete} complete ({100 * complete / len(sessions):.1f}%), {len(sessions) - complete} dropped.")
`)
    .cell('eda', { input: 'sessions', columns: ['events', 'complete'], target: 'complete' }, t.titles.eda)
    .cell('visualize', { input: 'sessions', chart: 'histogram', x: 'events', color: 'complete', bins: 30, title: t.titles.lengthChart }, t.titles.lengthChart)
    .md(t.split)
    .cell('split', {
      input: 'events', method: 'group', group: 'session_id', train: 0.7, validation: 0.1, test: 0.2, seed: 42,
      outputs: { train: 'train_log', validation: 'valid_log', test: 'test_log' },
    }, t.titles.split)
    .md(t.features)
    .cell('sessionfeatures', {
      input: 'train_log',
      output: 'train_x',
      applyTo: [{ input: 'valid_log', output: 'valid_x' }, { input: 'test_log', output: 'test_x' }],
      transform: 'session_fe',
      ks: [3, 5, 7],
      terminals: ['/logout', '/delete_user'],
      topBigrams: 50,
    }, t.titles.features)
    .md(t.spw)
    .code(`
// scale_pos_weight = negatives / positives in the training rows (the course's neg/pos).
const y = train_x.array('label');
const pos = y.filter((v) => v === 1).length;
const neg = y.length - pos;
set('scale_pos_weight', neg / pos);
return \`train_x: \${y.length} rows, \${pos} complete (label 1), \${neg} dropped (label 0): scale_pos_weight = \${neg} / \${pos} = \${(neg / pos).toFixed(3)}\`;
`, t.titles.spw, `
# scale_pos_weight = negatives / positives in the training rows (the course's neg/pos).
# value scale_pos_weight: object
y = train_x['label']
pos = int((y == 1).sum())
neg = len(y) - pos
scale_pos_weight = neg / pos
print(f'train_x: {len(y)} rows, {pos} complete (label 1), {neg} dropped (label 0): scale_pos_weight = {neg} / {pos} = {neg / pos:.3f}')
`)
    .md(t.train)
    .cell('train', {
      input: 'train_x', target: 'label', features: SESSION_DROP_FEATURES, task: 'classification', model: 'gbdt', seed: 42,
      validation: 'valid_x', output: 'gbdt',
      gbdt: {
        rounds: GBDT_ROUNDS, eta: 0.05, maxDepth: 4, minChildWeight: 2, subsample: 0.85, colsample: 0.8, lambda: 1, alpha: 0.1,
        scalePosWeight: SCALE_POS_WEIGHT, earlyStoppingRounds: 100, maxBins: 64,
      },
    }, t.titles.train)
    .md(t.evaluate)
    .cell('evaluate', {
      model: 'gbdt', input: 'test_x', output: 'gbdt_metrics', predictions: 'test_pred',
      threshold: { rule: 'acc_macro_f1' }, groupBy: 'K', report: true,
    }, t.titles.evaluate)
    .md(t.charts)
    .code(`
// Accuracy, macro-F1 and the 2×2 confusion matrix per K, at the tuned threshold
// (test_pred.prediction already uses it).
const f1 = (tp, fp, fn) => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));
const ks = [...new Set(test_pred.array('K'))].sort((a, b) => a - b);
const rows = [];
const traces = [];
ks.forEach((k, i) => {
  const part = test_pred.params({ k }).filter((d, $) => d.K === $.k);
  const y = part.array('label');
  const p = part.array('prediction');
  const cm = [[0, 0], [0, 0]];
  y.forEach((t, j) => cm[t][p[j]]++);
  const [[tn, fp], [fn, tp]] = cm;
  const accuracy = (tp + tn) / y.length;
  const macro_f1 = (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2;
  rows.push({ K: String(k), n: y.length, accuracy, macro_f1 });
  traces.push({
    type: 'heatmap', z: cm, x: ['0 = drop', '1 = complete'], y: ['0 = drop', '1 = complete'], xaxis: \`x\${i + 1}\`, yaxis: \`y\${i + 1}\`,
    text: cm.map((r) => r.map(String)), texttemplate: '%{text}', colorscale: 'Blues', showscale: false,
  });
});
const metrics_by_k = aq.from(rows);
set('metrics_by_k', metrics_by_k);
const layout = { title: { text: 'Confusion matrix per K (rows: actual, columns: predicted)' }, grid: { rows: 1, columns: ks.length, pattern: 'independent' } };
ks.forEach((k, i) => {
  layout[\`xaxis\${i + 1}\`] = { title: { text: \`K = \${k} · predicted\` } };
  layout[\`yaxis\${i + 1}\`] = { title: { text: i === 0 ? 'actual' : '' }, autorange: 'reversed' };
});
display({ data: traces, layout });
return metrics_by_k;
`, t.titles.perK, `
# Accuracy, macro-F1 and the 2x2 confusion matrix per K, at the tuned threshold
# (test_pred's prediction already uses it).
def f1(tp, fp, fn):
    return 0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)

rows, matrices = [], {}
for k in sorted(test_pred['K'].unique()):
    part = test_pred[test_pred['K'] == k]
    # rows: actual label, columns: predicted label
    cm = pd.crosstab(part['label'], part['prediction']).reindex(index=[0, 1], columns=[0, 1], fill_value=0)
    (tn, fp), (fn, tp) = cm.to_numpy()
    rows.append({'K': str(k), 'n': len(part), 'accuracy': (tp + tn) / len(part), 'macro_f1': (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2})
    matrices[k] = cm
metrics_by_k = pd.DataFrame(rows)

if plt is not None:
    fig, axes = plt.subplots(1, len(matrices), figsize=(4 * len(matrices), 3.5))
    for ax, (k, cm) in zip(np.atleast_1d(axes), matrices.items()):
        ax.imshow(cm.to_numpy(), cmap='Blues')
        for (i, j), n in np.ndenumerate(cm.to_numpy()):
            ax.text(j, i, str(n), ha='center', va='center')
        ax.set_xticks([0, 1], ['0 = drop', '1 = complete'])
        ax.set_yticks([0, 1], ['0 = drop', '1 = complete'])
        ax.set_xlabel(f'K = {k} · predicted')
    np.atleast_1d(axes)[0].set_ylabel('actual')
    fig.suptitle('Confusion matrix per K (rows: actual, columns: predicted)')
    plt.show()
metrics_by_k
`)
    .cell('visualize', { input: 'metrics_by_k', chart: 'bar', x: 'K', y: ['accuracy', 'macro_f1'], title: t.titles.barChart }, t.titles.barChart)
    .md(t.logistic)
    .cell('transform', {
      input: 'train_x', output: 'train_s',
      steps: [{ op: 'scale', columns: featureNames(50), method: 'standard' }],
      applyTo: [{ input: 'valid_x', output: 'valid_s' }, { input: 'test_x', output: 'test_s' }],
      transform: 'scaler',
    }, t.titles.scale)
    .cell('train', {
      input: 'train_s', target: 'label', features: SESSION_DROP_FEATURES, task: 'classification', model: 'logistic',
      optimizer: 'adam', learningRate: 0.05, epochs: 30, batchSize: 128, classWeight: 'balanced', validation: 'valid_s', seed: 42, output: 'logreg',
    }, t.titles.logistic)
    .cell('evaluate', {
      model: 'logreg', input: 'test_s', output: 'logreg_metrics', threshold: { rule: 'acc_macro_f1' }, groupBy: 'K', report: false,
    }, t.titles.logisticEval)
    .md(t.baseline)
    .cell('train', {
      input: 'train_s', target: 'label', features: ['n_events'], task: 'classification', model: 'logistic',
      optimizer: 'adam', learningRate: 0.05, epochs: 30, batchSize: 128, classWeight: 'balanced', validation: 'valid_s', seed: 42, output: 'n_events_model',
    }, t.titles.baseline)
    .cell('evaluate', {
      model: 'n_events_model', input: 'test_s', output: 'n_events_metrics', threshold: { rule: 'acc_macro_f1' }, groupBy: 'K', report: false,
    }, t.titles.baselineEval)
    .code(`
// ROC AUC and macro-F1 on the same test rows (each at its own ½(accuracy + macro-F1) threshold).
const row = (model, m) => ({ model, roc_auc: +m.roc_auc.toFixed(4), macro_f1: +m.f1_macro.toFixed(4), accuracy: +m.accuracy.toFixed(4) });
const baseline_comparison = aq.from([
  row('baseline: n_events only (logistic)', n_events_metrics),
  row('logistic regression, 88 features', logreg_metrics),
  row('boosted trees, 88 features', gbdt_metrics),
]);
set('baseline_comparison', baseline_comparison);
return baseline_comparison;
`, t.titles.baselineTable, `
# ROC AUC and macro-F1 on the same test rows (each at its own ½(accuracy + macro-F1) threshold).
def row(model, m):
    return {'model': model, 'roc_auc': round(m['roc_auc'], 4), 'macro_f1': round(m['f1_macro'], 4), 'accuracy': round(m['accuracy'], 4)}

baseline_comparison = pd.DataFrame([
    row('baseline: n_events only (logistic)', n_events_metrics),
    row('logistic regression, 88 features', logreg_metrics),
    row('boosted trees, 88 features', gbdt_metrics),
])
baseline_comparison
`)
    .md(t.perK)
    .code(`
// A leak session at K: its terminal page (normalised: lowercase, no query string, no trailing /) is among its first K events.
// Listed per K and part among the sessions of that feature table, then removed from it.
const TERMINALS = new Set(['/logout', '/delete_user']);
const norm = (v) => { const s = String(v ?? '').toLowerCase().split('?')[0]; return s.length > 1 ? s.replace(/\\/+$/, '') : s; };
const firstTerminal = (log) => {
  const first = new Map();
  for (const r of log.objects()) {
    if (!first.has(r.session_id)) first.set(r.session_id, Infinity);
    if (TERMINALS.has(norm(r.current_state))) first.set(r.session_id, Math.min(first.get(r.session_id), r.page_depth));
  }
  return first;
};
const parts = { train: [train_x, firstTerminal(train_log)], valid: [valid_x, firstTerminal(valid_log)], test: [test_x, firstTerminal(test_log)] };
const listed = [], counts = [], filtered = {};
for (const k of [3, 5, 7]) {
  for (const [part, [x, first]] of Object.entries(parts)) {
    const atK = x.filter(aq.escape((d) => d.K === k));
    const leaks = [...new Set(atK.array('session_id'))].filter((id) => first.get(id) <= k);
    const drop = new Set(leaks);
    leaks.forEach((id) => listed.push({ K: k, part, session_id: id, terminal_at_event: first.get(id) }));
    const kept = atK.filter(aq.escape((d) => !drop.has(d.session_id)));
    counts.push({ K: k, part, rows_before: atK.numRows(), leak_sessions: leaks.length, rows_after: kept.numRows() });
    filtered[\`\${part}_k\${k}\`] = kept;
  }
}
set('train_k3', filtered.train_k3); set('valid_k3', filtered.valid_k3); set('test_k3', filtered.test_k3);
set('train_k5', filtered.train_k5); set('valid_k5', filtered.valid_k5); set('test_k5', filtered.test_k5);
set('train_k7', filtered.train_k7); set('valid_k7', filtered.valid_k7); set('test_k7', filtered.test_k7);
set('test_filtered', filtered.test_k3.concat(filtered.test_k5, filtered.test_k7));
const leak_sessions = aq.from(listed);
set('leak_sessions', leak_sessions);
display(aq.from(counts));
return leak_sessions;
`, t.titles.leaks, `
# A leak session at K: its terminal page (normalised: lowercase, no query string, no trailing /) is among its first K events.
# Listed per K and part among the sessions of that feature table, then removed from it.
TERMINALS = {'/logout', '/delete_user'}

def norm(state):
    s = ('' if pd.isna(state) else str(state)).lower().split('?')[0]
    return s.rstrip('/') if len(s) > 1 else s

def first_terminal(log):
    """Per session: the page_depth of its first terminal event (NaN when it has none)."""
    depth = log['page_depth'].where(log['current_state'].map(norm).isin(TERMINALS))
    return depth.groupby(log['session_id']).min()

parts = {'train': (train_x, first_terminal(train_log)), 'valid': (valid_x, first_terminal(valid_log)), 'test': (test_x, first_terminal(test_log))}
listed, counts, filtered = [], [], {}
for k in [3, 5, 7]:
    for part, (x, first) in parts.items():
        at_k = x[x['K'] == k]
        terminal_at = first.reindex(at_k['session_id'].drop_duplicates())
        leaks = terminal_at[terminal_at <= k]  # a session with no terminal event (NaN) is never a leak
        listed += [{'K': k, 'part': part, 'session_id': sid, 'terminal_at_event': int(depth)} for sid, depth in leaks.items()]
        kept = at_k[~at_k['session_id'].isin(leaks.index)].reset_index(drop=True)
        counts.append({'K': k, 'part': part, 'rows_before': len(at_k), 'leak_sessions': len(leaks), 'rows_after': len(kept)})
        filtered[f'{part}_k{k}'] = kept

train_k3, valid_k3, test_k3 = filtered['train_k3'], filtered['valid_k3'], filtered['test_k3']
train_k5, valid_k5, test_k5 = filtered['train_k5'], filtered['valid_k5'], filtered['test_k5']
train_k7, valid_k7, test_k7 = filtered['train_k7'], filtered['valid_k7'], filtered['test_k7']
test_filtered = pd.concat([test_k3, test_k5, test_k7], ignore_index=True)
leak_sessions = pd.DataFrame(listed, columns=['K', 'part', 'session_id', 'terminal_at_event'])
print(pd.DataFrame(counts).to_string(index=False))
leak_sessions
`)
    .cell('train', {
      input: 'train_k3', target: 'label', features: SESSION_DROP_FEATURES, task: 'classification', model: 'gbdt', seed: 42,
      validation: 'valid_k3', output: 'gbdt_k3',
      gbdt: {
        rounds: GBDT_ROUNDS, eta: 0.05, maxDepth: 4, minChildWeight: 2, subsample: 0.85, colsample: 0.8, lambda: 1, alpha: 0.1,
        scalePosWeight: SCALE_POS_WEIGHT, earlyStoppingRounds: 100, maxBins: 64,
      },
    }, t.titles.trainK3)
    .cell('evaluate', { model: 'gbdt_k3', input: 'test_k3', output: 'gbdt_k3_metrics', threshold: { rule: 'acc_macro_f1' }, report: false }, t.titles.evalK3)
    .cell('train', {
      input: 'train_k5', target: 'label', features: SESSION_DROP_FEATURES, task: 'classification', model: 'gbdt', seed: 42,
      validation: 'valid_k5', output: 'gbdt_k5',
      gbdt: {
        rounds: GBDT_ROUNDS, eta: 0.05, maxDepth: 4, minChildWeight: 2, subsample: 0.85, colsample: 0.8, lambda: 1, alpha: 0.1,
        scalePosWeight: SCALE_POS_WEIGHT, earlyStoppingRounds: 100, maxBins: 64,
      },
    }, t.titles.trainK5)
    .cell('evaluate', { model: 'gbdt_k5', input: 'test_k5', output: 'gbdt_k5_metrics', threshold: { rule: 'acc_macro_f1' }, report: false }, t.titles.evalK5)
    .cell('train', {
      input: 'train_k7', target: 'label', features: SESSION_DROP_FEATURES, task: 'classification', model: 'gbdt', seed: 42,
      validation: 'valid_k7', output: 'gbdt_k7',
      gbdt: {
        rounds: GBDT_ROUNDS, eta: 0.05, maxDepth: 4, minChildWeight: 2, subsample: 0.85, colsample: 0.8, lambda: 1, alpha: 0.1,
        scalePosWeight: SCALE_POS_WEIGHT, earlyStoppingRounds: 100, maxBins: 64,
      },
    }, t.titles.trainK7)
    .cell('evaluate', { model: 'gbdt_k7', input: 'test_k7', output: 'gbdt_k7_metrics', threshold: { rule: 'acc_macro_f1' }, report: false }, t.titles.evalK7)
    .cell('evaluate', { model: 'gbdt', input: 'test_filtered', output: 'gbdt_filtered_metrics', predictions: 'filtered_pred', threshold: { rule: 'acc_macro_f1' }, groupBy: 'K', report: false }, t.titles.evalFiltered)
    .code(`
// Per K: the model trained on that K alone against the one model with K as a feature, on the same filtered test rows.
// The K-as-a-feature model's accuracy and macro-F1 per K, from its predictions at its tuned threshold.
const f1 = (tp, fp, fn) => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));
const shared = (k) => {
  const part = filtered_pred.filter(aq.escape((d) => d.K === k));
  const y = part.array('label'), p = part.array('prediction');
  let tp = 0, tn = 0, fp = 0, fn = 0;
  y.forEach((t, i) => { if (t === 1 && p[i] === 1) tp++; else if (t === 0 && p[i] === 0) tn++; else if (p[i] === 1) fp++; else fn++; });
  return { n: y.length, accuracy: (tp + tn) / y.length, macro_f1: (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2 };
};
const row = (k, m) => ({ K: k, test_rows: shared(k).n, per_k_macro_f1: +m.f1_macro.toFixed(4), per_k_accuracy: +m.accuracy.toFixed(4),
  k_feature_macro_f1: +shared(k).macro_f1.toFixed(4), k_feature_accuracy: +shared(k).accuracy.toFixed(4) });
const per_k_comparison = aq.from([row(3, gbdt_k3_metrics), row(5, gbdt_k5_metrics), row(7, gbdt_k7_metrics)]);
set('per_k_comparison', per_k_comparison);
display(\`K as a feature, on all filtered test rows together: macro-F1 \${gbdt_filtered_metrics.f1_macro.toFixed(4)}, accuracy \${gbdt_filtered_metrics.accuracy.toFixed(4)}, ROC AUC \${gbdt_filtered_metrics.roc_auc.toFixed(4)} (per K: the evaluate cell above).\`);
return per_k_comparison;
`, t.titles.perKTable, `
# Per K: the model trained on that K alone against the one model with K as a feature, on the same filtered test rows.
# The K-as-a-feature model's accuracy and macro-F1 per K, from its predictions at its tuned threshold.
def f1(tp, fp, fn):
    return 0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)

def shared(k):
    part = filtered_pred[filtered_pred['K'] == k]
    y, p = part['label'], part['prediction']
    tp, tn = int(((y == 1) & (p == 1)).sum()), int(((y == 0) & (p == 0)).sum())
    fp, fn = int(((y == 0) & (p == 1)).sum()), int(((y == 1) & (p == 0)).sum())
    return {'n': len(part), 'accuracy': (tp + tn) / len(part), 'macro_f1': (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2}

def row(k, m):
    s = shared(k)
    return {'K': k, 'test_rows': s['n'], 'per_k_macro_f1': round(m['f1_macro'], 4), 'per_k_accuracy': round(m['accuracy'], 4),
            'k_feature_macro_f1': round(s['macro_f1'], 4), 'k_feature_accuracy': round(s['accuracy'], 4)}

per_k_comparison = pd.DataFrame([row(3, gbdt_k3_metrics), row(5, gbdt_k5_metrics), row(7, gbdt_k7_metrics)])
m = gbdt_filtered_metrics
print(f"K as a feature, on all filtered test rows together: macro-F1 {m['f1_macro']:.4f}, accuracy {m['accuracy']:.4f}, ROC AUC {m['roc_auc']:.4f} (per K: the evaluate cell above).")
per_k_comparison
`)
    .md(t.inference)
    .code(`
// Ten sessions of the test part, as raw events: the inference test.
const ids = [...new Set(test_log.array('session_id'))].slice(0, 10);
const keep = new Set(ids);
const sample_log = test_log.filter(aq.escape((d) => keep.has(d.session_id)));
set('sample_log', sample_log);
return sample_log.select('session_id', 'page_depth', 'current_state', 'next_state', 'timestamp');
`, t.titles.sample, `
# Ten sessions of the test part, as raw events: the inference test.
first_ten = test_log['session_id'].drop_duplicates().head(10)
sample_log = test_log[test_log['session_id'].isin(first_ten)].reset_index(drop=True)
sample_log[['session_id', 'page_depth', 'current_state', 'next_state', 'timestamp']]
`)
    .cell('predict', { model: 'gbdt', transform: 'session_fe', input: 'sample_log', output: 'sample_pred' }, t.titles.predict)
    .code(`
// The K = 7 rows at the tuned threshold: ✓ where the prediction matches the label.
const threshold = gbdt_metrics.threshold;
const rows = sample_pred.filter((d) => d.K === 7).objects().map((r) => {
  const predicted = r.p_1 >= threshold ? 1 : 0;
  return { session_id: r.session_id.slice(0, 8), n_events: r.n_events, p_complete: +r.p_1.toFixed(3), predicted, label: r.label, ok: predicted === r.label ? '✓' : '✗' };
});
const right = rows.filter((r) => r.ok === '✓').length;
display(\`K = 7, threshold \${threshold.toFixed(3)}: \${right} of \${rows.length} right (accuracy \${rows.length ? (right / rows.length).toFixed(2) : '–'}).\`);
return aq.from(rows);
`, t.titles.check, `
# The K = 7 rows at the tuned threshold: ✓ where the prediction matches the label.
threshold = gbdt_metrics['threshold']
rows = []
for _, r in sample_pred[sample_pred['K'] == 7].iterrows():
    predicted = 1 if r['p_1'] >= threshold else 0
    rows.append({'session_id': r['session_id'][:8], 'n_events': r['n_events'], 'p_complete': round(r['p_1'], 3),
                 'predicted': predicted, 'label': r['label'], 'ok': '✓' if predicted == r['label'] else '✗'})
right = sum(r['ok'] == '✓' for r in rows)
accuracy = f'{right / len(rows):.2f}' if rows else '–'
print(f'K = 7, threshold {threshold:.3f}: {right} of {len(rows)} right (accuracy {accuracy}).')
pd.DataFrame(rows)
`)
    .md(t.register)
    .cell('register', {
      model: 'gbdt', name: 'session-drop', metric: 'f1_macro', metrics: 'gbdt_metrics',
      condition: { metric: 'f1_macro', op: '>=', value: REGISTER_MIN_F1 }, description: t.registerDescription, data: 'train_x', output: 'registered',
    }, t.titles.register)
    .md(t.next)
    .build();
}
