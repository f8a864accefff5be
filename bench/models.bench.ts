// models/: the workbench's train cell against a bare tfjs script training the
// same MLP (20k × 50 → 64 → 64 → 1, batch 256, Adam) on the same backend.
import * as aq from 'arquero';
import { tf } from '../src/ml/tf.ts';
import { initBackend } from '../src/ml/backend.ts';
import { trainCell } from '../src/cells/train.ts';
import { testContext } from '../tests/helpers/context.ts';
import { result, timeIt, type Benchmark } from './harness.ts';

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

export const benchmarks: Benchmark[] = [
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

      const workbench = await timeIt(async () => {
        const ctx = testContext({ train: { type: 'table', table } });
        await trainCell.run(params, ctx);
        const m = ctx.values.get('model');
        if (m?.type === 'model') m.model.dispose();
      }, 3);

      const bare = await timeIt(async () => {
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
      }, 3);
      return [
        result('models/mlp-train-overhead', workbench / EPOCHS, 'ms/epoch', `bare tfjs model.fit, same MLP, ${backend}`, bare / EPOCHS, { backend, rows: ROWS, features: COLS, batch: BATCH }),
      ];
    },
  },
];
