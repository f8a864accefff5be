// The notebook that e2e/backends.e2e.ts trains on every tfjs backend: tiny
// seeded synthetic data made by a code cell (a table, a time series, state
// sessions), then one train + evaluate pair per model kind. Kept apart from
// the test (no vitest import) so the same notebook runs headless too:
// `npx tsx -e "…backendsNotebook()…" > nb.ipynb && npx ml-workbench run nb.ipynb --backend cpu`.

/** Model kinds in the notebook, each trained by `train-<key>` and scored by `eval-<key>` into `m_<key>`. */
export const MODEL_KEYS = ['logistic', 'linear', 'mlp', 'gbdt', 'lstm', 'gru', 'cnn1d', 'lstm_padded'] as const;
export type ModelKey = (typeof MODEL_KEYS)[number];

// One LCG (Numerical Recipes) so every backend and every host sees the same rows.
const DATA_CODE = String.raw`let seed = 20240611;
const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);

// A table: 200 rows, 4 features, a two-class target and a numeric one.
const tab = { x1: [], x2: [], x3: [], x4: [], cls: [], yreg: [] };
for (let i = 0; i < 200; i++) {
  const x = [rnd() * 4 - 2, rnd() * 4 - 2, rnd() * 4 - 2, rnd() * 4 - 2];
  tab.x1.push(x[0]); tab.x2.push(x[1]); tab.x3.push(x[2]); tab.x4.push(x[3]);
  tab.cls.push(1.5 * x[0] - x[1] + 0.5 * x[2] * x[3] + (rnd() - 0.5) > 0 ? 'yes' : 'no');
  tab.yreg.push(3 * x[0] - 2 * x[1] + x[2] + (rnd() - 0.5));
}
const t = aq.table(tab);
set('tab_train', t.slice(0, 150));
set('tab_test', t.slice(150));

// A series: 240 steps of two noisy waves; y is their sum.
const series = { f0: [], f1: [], y: [] };
for (let i = 0; i < 240; i++) {
  const f0 = Math.sin(i / 4) + (rnd() - 0.5) * 0.2;
  const f1 = Math.cos(i / 7) + (rnd() - 0.5) * 0.2;
  series.f0.push(f0); series.f1.push(f1); series.y.push(f0 + 0.5 * f1);
}
const s = aq.table(series);
set('series_train', s.slice(0, 180));
set('series_test', s.slice(180));

// Sessions: 80 walks through states a→b→c→d→e→a (85 %, else a random state), 4–9 rows each.
const states = ['a', 'b', 'c', 'd', 'e'];
const sess = { sid: [], g: [], step: [], state: [], v: [] };
for (let g = 0; g < 80; g++) {
  let k = Math.floor(rnd() * 5);
  const len = 4 + Math.floor(rnd() * 6);
  for (let i = 0; i < len; i++) {
    sess.sid.push('s' + g); sess.g.push(g); sess.step.push(i); sess.state.push(states[k]); sess.v.push(k / 4 + (rnd() - 0.5) * 0.1);
    k = rnd() < 0.85 ? (k + 1) % 5 : Math.floor(rnd() * 5);
  }
}
const q = aq.table(sess);
set('sess_train', q.filter((d) => d.g < 60));
set('sess_test', q.filter((d) => d.g >= 60));`;

// What a model that learned nothing scores on the test parts: the majority
// class share of tab_test, and the share of the most frequent next state in
// sess_test (a real step's target is the next row's state in its session).
const BASELINE_CODE = String.raw`const share = (xs) => {
  const counts = new Map();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return Math.max(...counts.values()) / xs.length;
};
const next = [];
const rows = sess_test.objects();
for (let i = 0; i + 1 < rows.length; i++) if (rows[i + 1].sid === rows[i].sid) next.push(rows[i + 1].state);
const b = { majority_cls: share(tab_test.array('cls')), majority_next_state: share(next) };
set('baselines', b);
return b;`;

/** Training settings shared by every network: small and few steps (SwiftShader WebGPU is ~50× slower than wasm). */
const NET = { optimizer: 'adam', learningRate: 0.05, epochs: 3, seed: 7 };

const TRAIN: Record<ModelKey, Record<string, unknown>> = {
  logistic: { ...NET, input: 'tab_train', target: 'cls', features: ['x1', 'x2', 'x3', 'x4'], model: 'logistic', batchSize: 16 },
  linear: { ...NET, input: 'tab_train', target: 'yreg', features: ['x1', 'x2', 'x3', 'x4'], model: 'linear', batchSize: 16 },
  mlp: { ...NET, input: 'tab_train', target: 'cls', features: ['x1', 'x2', 'x3', 'x4'], model: 'mlp', hidden: [8], batchSize: 16 },
  gbdt: { input: 'tab_train', target: 'cls', features: ['x1', 'x2', 'x3', 'x4'], model: 'gbdt', seed: 7, gbdt: { rounds: 20, maxDepth: 3 } },
  lstm: { ...NET, input: 'win_train', model: 'lstm', sequence: { units: [6] }, batchSize: 32 },
  gru: { ...NET, input: 'win_train', model: 'gru', sequence: { units: [6] }, batchSize: 32 },
  cnn1d: { ...NET, input: 'win_train', model: 'cnn1d', sequence: { filters: [6], kernelSize: 3 }, batchSize: 32 },
  lstm_padded: { ...NET, input: 'pad_train', model: 'lstm', sequence: { units: [8], embeddingDim: 4 }, batchSize: 8 },
};

const TEST_INPUT: Record<ModelKey, string> = {
  logistic: 'tab_test', linear: 'tab_test', mlp: 'tab_test', gbdt: 'tab_test',
  lstm: 'win_test', gru: 'win_test', cnn1d: 'win_test', lstm_padded: 'pad_test',
};

function cell(id: string, kind: string, params: Record<string, unknown>) {
  // A code cell's source is its code (the codec reads it from there); other kinds get a comment.
  const source = kind === 'code' ? String(params.code) : `// ${kind}`;
  return { cell_type: 'code', id, execution_count: null, metadata: { workbench: { kind, params } }, outputs: [], source };
}

/** The notebook as .ipynb JSON; its code cells must be trusted to run. */
export function backendsNotebook(): Record<string, unknown> {
  const cells = [
    cell('data', 'code', { code: DATA_CODE }),
    cell('baselines', 'code', { code: BASELINE_CODE }),
    cell('windows', 'sequences', { input: 'series_train', mode: 'windows', features: ['f0', 'f1'], target: 'y', steps: 8, horizon: 1, applyTo: [{ input: 'series_test', output: 'win_test' }], output: 'win_train' }),
    cell('padded', 'sequences', { input: 'sess_train', mode: 'padded', group: 'sid', time: 'step', state: 'state', features: ['v'], applyTo: [{ input: 'sess_test', output: 'pad_test' }], output: 'pad_train' }),
  ];
  for (const key of MODEL_KEYS) {
    cells.push(cell(`train-${key}`, 'train', { ...TRAIN[key], output: `model_${key}` }));
    cells.push(cell(`eval-${key}`, 'evaluate', { model: `model_${key}`, input: TEST_INPUT[key], output: `m_${key}`, report: false }));
  }
  // Live tensors after everything ran (every model is still held as a value): a re-run must not add any.
  cells.push(cell('memory', 'code', { code: 'return tf.memory().numTensors;' }));
  return {
    nbformat: 4, nbformat_minor: 5,
    metadata: { title: 'Every model kind on every backend', kernelspec: { display_name: 'ML Workbench (JavaScript)', language: 'javascript', name: 'ml-workbench' }, language_info: { name: 'javascript' } },
    cells,
  };
}
