// Emitter for the session-features cell: the bigram vocabulary learned on the
// input log's sessions, then one row per (session, K) of 88 features for it
// and every applyTo log (helpers-sessions.ts follows src/data/sessions/ line
// for line). The fitted transform is a Python function of an event log, so a
// predict cell that names it featurises new sessions the same way.
import { header, pyLiteral, pyName, type Emitter } from './context.ts';
import { pyString } from './jsexpr.ts';

export const emitSessionFeatures: Emitter = (cell, p, ctx) => {
  const fn = pyName(String(p.transform));
  const input = pyName(String(p.input));
  const out = pyName(String(p.output));
  const applyTo = (p.applyTo as { input: string; output: string }[] | undefined) ?? [];
  const columns = p.columns as Record<string, string>;
  const label = String(p.label);
  const normalize = p.normalize ? 'True' : 'False';
  const lines = [
    header(cell),
    `# Session-drop features: each session's label (${label} = 1 when any event's current or next state is terminal, else 0),`,
    `# then for each prefix length K the features of its first K events (terminal events masked). The ${p.topBigrams} most frequent`,
    `# state bigrams are learned from ${p.input}'s sessions only and counted the same way in every other log.`,
    `${fn}_columns = ${pyLiteral(columns)}`,
    `${fn}_terminals = set(${pyLiteral(p.terminals)})`,
    `${fn}_ks = ${pyLiteral(p.ks)}`,
    `training_sessions = read_sessions(${input}, ${fn}_columns, normalize=${normalize})`,
    `${fn}_vocabulary = bigram_vocabulary(training_sessions, ${Number(p.topBigrams)}, ${fn}_terminals)`,
    '',
    `def ${fn}(log):`,
    `    """The fitted session features of another event log (the vocabulary learned from ${p.input})."""`,
    `    return session_feature_table(read_sessions(log, ${fn}_columns, normalize=${normalize}), ${fn}_vocabulary, ${fn}_ks, ${fn}_terminals,`,
    `                                 session_column=${pyString(columns.session)}, label=${pyString(label)})`,
    '',
    `${out} = session_feature_table(training_sessions, ${fn}_vocabulary, ${fn}_ks, ${fn}_terminals, session_column=${pyString(columns.session)}, label=${pyString(label)})`,
    ...applyTo.map((a) => `${pyName(a.output)} = ${fn}(${pyName(a.input)})`),
    `print(f'{${out}.shape[1] - 3} features per (session, K); bigram vocabulary of {len(${fn}_vocabulary)} pairs learned from ${p.input}')`,
    `for name, table in ${`[${[String(p.output), ...applyTo.map((a) => a.output)].map((n) => `(${pyString(n)}, ${pyName(n)})`).join(', ')}]`}:`,
    `    print(name, table.groupby('K')[${pyString(label)}].agg(rows='size', complete='sum').to_dict('index'))`,
    `report(${pyString(cell.id)}, 'vocabulary', [list(pair) for pair in ${fn}_vocabulary])`,
    ...[String(p.output), ...applyTo.map((a) => a.output)].map((n) => `report(${pyString(cell.id)}, ${pyString(`head:${n}`)}, records(${pyName(n)}))`),
    `${out}.head(10)`,
  ];
  ctx.defined.set(String(p.output), 'table');
  for (const a of applyTo) ctx.defined.set(a.output, 'table');
  ctx.defined.set(String(p.transform), 'transform');
  return [{ type: 'code', source: lines.join('\n'), from: cell.id }];
};
