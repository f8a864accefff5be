// models/: the workbench's train cell against a bare tfjs script training the
// same MLP (20k × 50 → 64 → 64 → 1, batch 256, Adam) on the same backend; the
// same for an LSTM (2k windows × 20 steps × 8 features, 32 units, batch 64);
// and the MLP, the LSTM and the GRU against PyTorch on one CPU thread (Debian's
// python3-torch; the goals: MLP ≤ 4×, LSTM ≤ 5× PyTorch per epoch).
// Like with like: the same epochs, batch size, optimizer and learning rate,
// shuffled every epoch, no validation on either side; the cell's time is the
// whole cell (features from the table, scaling, training), the script's is
// model.fit from typed arrays. Both run in turns (timeInterleaved) and the
// median of the rounds is reported, with the CPU-time ratio as well (the
// machine is shared: CPU time moves less with other processes' load).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sequencesCell } from '../src/cells/sequences.ts';
import * as aq from 'arquero';
import { tf } from '../src/ml/tf.ts';
import { initBackend } from '../src/ml/backend.ts';
import { trainCell } from '../src/cells/train.ts';
import { testContext } from '../tests/helpers/context.ts';
import { result, timeInterleaved, type Benchmark } from './harness.ts';

/** Interleaved rounds per overhead benchmark (after one warm-up round). */
const ROUNDS = 5;

const ROWS = 20_000;
const COLS = 50;
const EPOCHS = 3;
const BATCH = 256;

function data() {
  let seed = 11;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);
  const X = new Float32Array(ROWS * COLS);
  const y = new Float32Array(ROWS);
  for (let r = 0; r < ROWS; r++) {
    let s = 0;
    for (let c = 0; c < COLS; c++) {
      const v = rnd() * 2 - 1;
      X[r * COLS + c] = v;
      s += v * ((c % 5) - 2);
    }
    y[r] = s > 0 ? 1 : 0;
  }
  return { X, y };
}

const SEQ_N = 2000;
const SEQ_T = 20;
const SEQ_F = 8;

/** One long series whose windows are 2k × 20 × 8 (steps + n − 1 rows, horizon 0). */
function seriesTable() {
  let seed = 5;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);
  const rows = SEQ_N + SEQ_T - 1;
  const columns: Record<string, Float64Array> = {};
  for (let f = 0; f < SEQ_F; f++) columns[`f${f}`] = Float64Array.from({ length: rows }, (_, i) => Math.sin(i / (3 + f)) + rnd() * 0.1);
  columns.y = Float64Array.from({ length: rows }, (_, i) => columns.f0[i] + columns.f1[i]);
  return aq.table(columns);
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

const TORCH_SCRIPT = `
import sys, time, numpy as np, torch
torch.set_num_threads(1); torch.manual_seed(0)
d = np.fromfile(sys.argv[1], dtype=np.float32).reshape(${ROWS}, ${COLS + 1})
X = torch.from_numpy(d[:, :-1].copy()); y = torch.from_numpy(d[:, -1:].copy())
m = torch.nn.Sequential(torch.nn.Linear(${COLS}, 64), torch.nn.ReLU(), torch.nn.Linear(64, 64), torch.nn.ReLU(), torch.nn.Linear(64, 1))
opt = torch.optim.Adam(m.parameters(), lr=1e-3); lossf = torch.nn.BCEWithLogitsLoss()
times = []
for epoch in range(${EPOCHS + 1}):
    t0 = time.perf_counter(); c0 = time.process_time(); perm = torch.randperm(${ROWS})
    for i in range(0, ${ROWS}, ${BATCH}):
        idx = perm[i:i + ${BATCH}]; opt.zero_grad(); loss = lossf(m(X[idx]), y[idx]); loss.backward(); opt.step()
    times.append((time.perf_counter() - t0, time.process_time() - c0))
t = sorted(times[1:])[len(times[1:]) // 2]
print(t[0] * 1000, t[1] * 1000)
`;

/** PyTorch's own nn.LSTM / nn.GRU (32 units) on the same windows. */
const torchRecurrentScript = (module: 'LSTM' | 'GRU') => `
import sys, time, numpy as np, torch
torch.set_num_threads(1); torch.manual_seed(0)
d = np.fromfile(sys.argv[1], dtype=np.float32)
X = torch.from_numpy(d[:${SEQ_N * SEQ_T * SEQ_F}].reshape(${SEQ_N}, ${SEQ_T}, ${SEQ_F}).copy()); y = torch.from_numpy(d[${SEQ_N * SEQ_T * SEQ_F}:].reshape(${SEQ_N}, 1).copy())
class Net(torch.nn.Module):
    def __init__(self):
        super().__init__(); self.rnn = torch.nn.${module}(${SEQ_F}, 32, batch_first=True); self.out = torch.nn.Linear(32, 1)
    def forward(self, x):
        h, _ = self.rnn(x); return self.out(h[:, -1])
m = Net(); opt = torch.optim.Adam(m.parameters(), lr=1e-3); lossf = torch.nn.MSELoss()
times = []
for epoch in range(int(sys.argv[2]) + 1):
    t0 = time.perf_counter(); c0 = time.process_time(); perm = torch.randperm(${SEQ_N})
    for i in range(0, ${SEQ_N}, 64):
        idx = perm[i:i + 64]; opt.zero_grad(); loss = lossf(m(X[idx]), y[idx]); loss.backward(); opt.step()
    times.append((time.perf_counter() - t0, time.process_time() - c0))
t = sorted(times[1:])[len(times[1:]) // 2]
print(t[0] * 1000, t[1] * 1000)
`;

interface EpochTime {
  wall: number;
  cpu: number;
}

/** Runs a PyTorch script on one thread; it prints its median epoch's wall and CPU milliseconds. */
function torchEpoch(script: string, args: string[]): EpochTime {
  const [wall, cpu] = execFileSync('/usr/bin/python3', [script, ...args], { env: { ...process.env, OMP_NUM_THREADS: '1' }, encoding: 'utf8' }).trim().split(/\s+/).map(Number);
  return { wall, cpu };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * PyTorch and the workbench in turns, `rounds` each (the machine is shared:
 * interleaving spreads its load over both). PyTorch's time is its own
 * median epoch (after a warm-up epoch); the workbench's is the whole cell
 * divided by its epochs, so it includes the cell's own setup.
 */
async function versusTorch(rounds: number, torch: () => EpochTime, workbench: () => Promise<void>, epochs: number): Promise<{ torch: EpochTime; workbench: EpochTime; cpuRatio: number }> {
  const t: EpochTime[] = [];
  const w: EpochTime[] = [];
  await workbench(); // warm-up: kernels compiled, backend up
  for (let r = 0; r < rounds; r++) {
    t.push(torch());
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await workbench();
    const c = process.cpuUsage(c0);
    w.push({ wall: (performance.now() - t0) / epochs, cpu: (c.user + c.system) / 1000 / epochs });
  }
  const torchTime = { wall: median(t.map((x) => x.wall)), cpu: median(t.map((x) => x.cpu)) };
  const workbenchTime = { wall: median(w.map((x) => x.wall)), cpu: median(w.map((x) => x.cpu)) };
  return { torch: torchTime, workbench: workbenchTime, cpuRatio: round4(workbenchTime.cpu / torchTime.cpu) };
}

/**
 * The train cell's LSTM or GRU (32 units) against PyTorch's nn.LSTM / nn.GRU
 * on one thread, same windows, epochs, batch and optimizer.
 */
function recurrentVsTorch(kind: 'lstm' | 'gru', goalRatio?: number): Benchmark {
  const name = `models/${kind}-vs-pytorch`;
  const label = kind.toUpperCase();
  return {
    name,
    async run() {
      if (!existsSync('/usr/bin/python3')) throw new Error('Debian python3 is missing (apt-get install python3-torch).');
      const { backend } = await initBackend({ order: ['wasm', 'cpu'] });
      const table = seriesTable();
      const epochs = 3;
      const features = Array.from({ length: SEQ_F }, (_, f) => `f${f}`);
      const ctx = testContext({ train: { type: 'table', table } });
      await sequencesCell.run(sequencesCell.schema.parse({ features, target: 'y', steps: SEQ_T, horizon: 0 }), ctx);
      const seq = ctx.get('sequences');
      if (seq?.type !== 'object') throw new Error('no sequences');
      // Windows of the same shape for PyTorch: window i is rows i … i+19 (its target: y at the last row).
      const cols = features.map((f) => table.array(f) as Float64Array);
      const yCol = table.array('y') as Float64Array;
      const packed = new Float32Array(SEQ_N * SEQ_T * SEQ_F + SEQ_N);
      for (let i = 0; i < SEQ_N; i++) {
        for (let t = 0; t < SEQ_T; t++) for (let f = 0; f < SEQ_F; f++) packed[(i * SEQ_T + t) * SEQ_F + f] = cols[f][i + t];
        packed[SEQ_N * SEQ_T * SEQ_F + i] = yCol[i + SEQ_T - 1];
      }
      const dir = mkdtempSync(join(tmpdir(), `${kind}-torch-`));
      try {
        writeFileSync(join(dir, 'data.f32'), packed);
        writeFileSync(join(dir, 'rnn.py'), torchRecurrentScript(kind === 'lstm' ? 'LSTM' : 'GRU'));
        const params = trainCell.schema.parse({ input: 'sequences', model: kind, sequence: { units: [32] }, epochs, batchSize: 64, learningRate: 0.001 });
        const t = await versusTorch(3, () => torchEpoch(join(dir, 'rnn.py'), [join(dir, 'data.f32'), String(epochs)]), async () => {
          const c = testContext({ sequences: seq });
          await trainCell.run(params, c);
          const m = c.values.get('model');
          if (m?.type === 'model') m.model.dispose();
        }, epochs);
        return [result(name, t.workbench.wall, 'ms/epoch', `PyTorch CPU (nn.${label}), one thread, same ${label} (32 units) and windows (interleaved, median of 3)`, t.torch.wall, { backend, windows: SEQ_N, steps: SEQ_T, features: SEQ_F, units: 32, batch: 64, ...(goalRatio ? { goal_ratio: goalRatio } : {}), cpu_ratio: t.cpuRatio })];
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export const benchmarks: Benchmark[] = [
  {
    name: 'models/lstm-train-overhead',
    async run() {
      const { backend } = await initBackend({ order: ['wasm', 'cpu'] });
      const table = seriesTable();
      const epochs = 2;
      const ctx = testContext({ train: { type: 'table', table } });
      await sequencesCell.run(sequencesCell.schema.parse({ features: Array.from({ length: SEQ_F }, (_, f) => `f${f}`), target: 'y', steps: SEQ_T, horizon: 0 }), ctx);
      const seq = ctx.get('sequences');
      if (seq?.type !== 'object') throw new Error('no sequences');
      const params = trainCell.schema.parse({ input: 'sequences', model: 'lstm', sequence: { units: [32] }, epochs, batchSize: 64, learningRate: 0.001 });
      const t = await timeInterleaved({
        workbench: async () => {
          const c = testContext({ sequences: seq });
          await trainCell.run(params, c);
          const m = c.values.get('model');
          if (m?.type === 'model') m.model.dispose();
        },
        bare: async () => {
          const model = tf.sequential({ layers: [tf.layers.lstm({ inputShape: [SEQ_T, SEQ_F], units: 32 }), tf.layers.dense({ units: 1 })] });
          model.compile({ optimizer: tf.train.adam(0.001), loss: 'meanSquaredError' });
          const xs = tf.randomNormal([SEQ_N, SEQ_T, SEQ_F]);
          const ys = tf.randomNormal([SEQ_N, 1]);
          await model.fit(xs, ys, { epochs, batchSize: 64, shuffle: true, verbose: 0 });
          xs.dispose();
          ys.dispose();
          model.dispose();
        },
      }, ROUNDS);
      return [result('models/lstm-train-overhead', t.workbench.wall / epochs, 'ms/epoch', `bare tfjs model.fit, same LSTM, ${backend}`, t.bare.wall / epochs, { backend, windows: SEQ_N, steps: SEQ_T, features: SEQ_F, units: 32, batch: 64, rounds: ROUNDS, cpu_ratio: round4(t.workbench.cpu / t.bare.cpu) })];
    },
  },
  {
    name: 'models/mlp-vs-pytorch',
    async run() {
      const python = '/usr/bin/python3';
      if (!existsSync(python)) throw new Error('Debian python3 is missing (apt-get install python3-torch).');
      const { backend } = await initBackend({ order: ['wasm', 'cpu'] });
      const { X, y } = data();
      const dir = mkdtempSync(join(tmpdir(), 'mlp-torch-'));
      try {
        const packed = new Float32Array(ROWS * (COLS + 1));
        for (let r = 0; r < ROWS; r++) {
          packed.set(X.subarray(r * COLS, (r + 1) * COLS), r * (COLS + 1));
          packed[r * (COLS + 1) + COLS] = y[r];
        }
        writeFileSync(join(dir, 'data.f32'), packed);
        writeFileSync(join(dir, 'mlp.py'), TORCH_SCRIPT);
        const columns: Record<string, Float64Array | string[]> = {};
        for (let c = 0; c < COLS; c++) columns[`f${c}`] = Float64Array.from({ length: ROWS }, (_, r) => X[r * COLS + c]);
        columns.label = Array.from(y, (v) => (v ? 'yes' : 'no'));
        const table = aq.table(columns);
        const params = trainCell.schema.parse({ input: 'train', target: 'label', model: 'mlp', hidden: [64, 64], epochs: EPOCHS, batchSize: BATCH, learningRate: 0.001 });
        const t = await versusTorch(3, () => torchEpoch(join(dir, 'mlp.py'), [join(dir, 'data.f32')]), async () => {
          const ctx = testContext({ train: { type: 'table', table } });
          await trainCell.run(params, ctx);
          const m = ctx.values.get('model');
          if (m?.type === 'model') m.model.dispose();
        }, EPOCHS);
        return [result('models/mlp-vs-pytorch', t.workbench.wall, 'ms/epoch', 'PyTorch CPU, one thread, same MLP and data (interleaved, median of 3)', t.torch.wall, { backend, rows: ROWS, features: COLS, batch: BATCH, goal_ratio: 4, cpu_ratio: t.cpuRatio })];
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  recurrentVsTorch('lstm', 5),
  recurrentVsTorch('gru'),
  {
    name: 'models/mlp-train-overhead',
    async run() {
      const { backend } = await initBackend({ order: ['wasm', 'cpu'] });
      const { X, y } = data();
      const columns: Record<string, Float64Array | string[]> = {};
      for (let c = 0; c < COLS; c++) columns[`f${c}`] = Float64Array.from({ length: ROWS }, (_, r) => X[r * COLS + c]);
      columns.label = Array.from(y, (v) => (v ? 'yes' : 'no'));
      const table = aq.table(columns);
      const params = trainCell.schema.parse({ input: 'train', target: 'label', model: 'mlp', hidden: [64, 64], epochs: EPOCHS, batchSize: BATCH, learningRate: 0.001 });

      const t = await timeInterleaved({
        workbench: async () => {
          const ctx = testContext({ train: { type: 'table', table } });
          await trainCell.run(params, ctx);
          const m = ctx.values.get('model');
          if (m?.type === 'model') m.model.dispose();
        },
        bare: async () => {
          const model = tf.sequential({
            layers: [
              tf.layers.dense({ inputShape: [COLS], units: 64, activation: 'relu' }),
              tf.layers.dense({ units: 64, activation: 'relu' }),
              tf.layers.dense({ units: 1, activation: 'sigmoid' }),
            ],
          });
          model.compile({ optimizer: tf.train.adam(0.001), loss: 'binaryCrossentropy' });
          const xs = tf.tensor2d(X, [ROWS, COLS]);
          const ys = tf.tensor2d(y, [ROWS, 1]);
          await model.fit(xs, ys, { epochs: EPOCHS, batchSize: BATCH, shuffle: true, verbose: 0 });
          xs.dispose();
          ys.dispose();
          model.dispose();
        },
      }, ROUNDS);
      return [
        result('models/mlp-train-overhead', t.workbench.wall / EPOCHS, 'ms/epoch', `bare tfjs model.fit, same MLP, ${backend}`, t.bare.wall / EPOCHS, { backend, rows: ROWS, features: COLS, batch: BATCH, rounds: ROUNDS, cpu_ratio: round4(t.workbench.cpu / t.bare.cpu) }),
      ];
    },
  },
];
