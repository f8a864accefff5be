// The training loop. Our own epoch/batch loop rather than model.fit gives
// exact control over seeded shuffling and dropout, cancellation between
// batches, throttled progress and early stopping with restored weights.
import type { EpochRecord } from '../core/outputs.ts';
import { checkAborted } from '../core/errors.ts';
import { seededRandom, shuffledIndices } from '../core/random.ts';
import { tf } from './tf.ts';
import { forward, headLoss, l2Penalty, type Head } from './models/network.ts';
import { makeOptimizer, type OptimizerName } from './optimizers.ts';

export interface TrainProgress {
  phase: 'train';
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
  loss: number;
  fraction: number;
  /** The last finished epoch's record (loss, val_loss, val_accuracy/val_rmse), for live curves. */
  metrics?: Record<string, number>;
}

/** Standardised features and encoded targets (class index, or standardised value). */
export interface TrainData {
  X: Float32Array;
  y: Float32Array;
  rows: number;
  cols: number;
}

export interface TrainConfig {
  optimizer: OptimizerName;
  learningRate: number;
  epochs: number;
  batchSize: number;
  seed: number;
  dropout?: number;
  l2?: number;
  /** AdamW's decoupled weight decay (default 0.01). */
  weightDecay?: number;
  /** Stop after this many epochs without improvement of the monitored loss; 0 = off. */
  patience?: number;
  /** With patience: put back the best epoch's weights (default true). */
  restoreBest?: boolean;
}

export interface TrainHooks {
  validation?: TrainData;
  onProgress?: (p: TrainProgress) => void;
  signal?: AbortSignal;
  /** Minimum time between progress events (default 100 ms, i.e. at most ~10/s). */
  progressIntervalMs?: number;
  /** Multiplies reported losses: var(y) for a standardised regression target, so they are in target units. */
  lossScale?: number;
  /** Number of classes (multiclass head). */
  classes?: number;
}

export interface TrainResult {
  history: EpochRecord[];
  /** 1-based epoch whose weights the network holds, when restored. */
  bestEpoch?: number;
  stoppedEarly: boolean;
  seconds: number;
}

/** How long compute may run before handing the event loop a turn (cancel, UI messages). */
const YIELD_EVERY_MS = 15;

function yieldToEventLoop(): Promise<void> {
  // setTimeout, not a microtask: abort messages arrive as macrotasks.
  return new Promise((resolve) => setTimeout(() => resolve(), 0));
}

/**
 * Train `net` in place. On cancel it throws CancelledError between batches;
 * the network keeps the weights of the last finished batch and stays usable.
 * Every tensor it makes is freed, whatever happens.
 */
export async function trainNetwork(net: tf.Sequential, head: Head, data: TrainData, config: TrainConfig, hooks: TrainHooks = {}): Promise<TrainResult> {
  const started = performance.now();
  const { rows, cols } = data;
  if (rows === 0) throw new Error('No rows to train on.');
  const batchSize = Math.max(1, Math.min(Math.floor(config.batchSize), rows));
  const batches = Math.ceil(rows / batchSize);
  const epochs = Math.max(1, Math.floor(config.epochs));
  const dropout = config.dropout ?? 0;
  const l2 = config.l2 ?? 0;
  const scale = hooks.lossScale ?? 1;
  const classes = hooks.classes ?? 2;
  const interval = hooks.progressIntervalMs ?? 100;
  const patience = config.patience ?? 0;
  const restoreBest = config.restoreBest ?? true;
  const random = seededRandom(config.seed);

  const { optimizer, afterStep } = makeOptimizer(config.optimizer, config.learningRate, config.weightDecay);
  const variables = net.trainableWeights.map((w) => w.read() as tf.Variable);
  const kernels = net.layers.map((l) => l.trainableWeights[0].read() as tf.Variable);
  const xAll = tf.tensor2d(data.X, [rows, cols]);
  const yAll = tf.tensor1d(data.y);
  const val = hooks.validation;
  const xVal = val ? tf.tensor2d(val.X, [val.rows, val.cols]) : undefined;
  const yVal = val ? tf.tensor1d(val.y) : undefined;

  const history: EpochRecord[] = [];
  let snapshot: tf.Tensor[] | undefined;
  let best = Infinity;
  let bestEpoch = 0;
  let stoppedEarly = false;
  let lastProgress = -Infinity;
  let lastYield = performance.now();

  try {
    for (let epoch = 1; epoch <= epochs; epoch++) {
      const order = shuffledIndices(rows, random);
      let lossSum = 0;
      for (let b = 0; b < batches; b++) {
        checkAborted(hooks.signal);
        const start = b * batchSize;
        const idx = Int32Array.from(order.subarray(start, Math.min(rows, start + batchSize)));
        const dropoutSeed = Math.floor(random() * 2 ** 31);
        const cost = tf.tidy(() => {
          const indices = tf.tensor1d(idx, 'int32');
          const xb = tf.gather(xAll, indices) as tf.Tensor2D;
          const yb = tf.gather(yAll, indices) as tf.Tensor1D;
          // The reported loss includes the L2 penalty, as Keras reports it.
          const total = optimizer.minimize(() => {
            const out = forward(net, xb, dropout, dropout > 0 ? dropoutSeed : undefined);
            const dataLoss = headLoss(head, out, yb, classes);
            return l2 > 0 ? dataLoss.add(l2Penalty(net, l2)) : dataLoss;
          }, true, variables);
          afterStep(kernels);
          return total as tf.Scalar;
        });
        const batchLoss = cost.dataSync()[0] * scale;
        cost.dispose();
        lossSum += batchLoss * idx.length;

        const now = performance.now();
        if (hooks.onProgress && now - lastProgress >= interval) {
          lastProgress = now;
          hooks.onProgress(progressEvent(epoch, epochs, b + 1, batches, batchLoss, history.at(-1)));
        }
        if (now - lastYield >= YIELD_EVERY_MS) {
          await yieldToEventLoop();
          lastYield = performance.now();
        }
      }

      const record: EpochRecord = { epoch, loss: lossSum / rows };
      if (xVal && yVal) Object.assign(record, evaluateValidation(net, head, xVal, yVal, classes, scale));
      history.push(record);

      if (patience > 0) {
        const monitored = record.val_loss ?? record.loss;
        if (monitored < best) {
          best = monitored;
          bestEpoch = epoch;
          if (restoreBest) {
            snapshot?.forEach((t) => t.dispose());
            snapshot = variables.map((v) => tf.clone(v));
          }
        } else if (epoch - bestEpoch >= patience) {
          stoppedEarly = true;
          break;
        }
      }
    }
    // The closing event is never throttled away: the UI sees 100 % and the final metrics.
    const last = history.at(-1)!;
    hooks.onProgress?.({ ...progressEvent(last.epoch, epochs, batches, batches, last.loss, last), fraction: 1 });
    const restored = patience > 0 && restoreBest && snapshot !== undefined && bestEpoch !== history.length;
    if (restored && snapshot) {
      const saved = snapshot;
      variables.forEach((v, i) => v.assign(saved[i]));
    }
    const result: TrainResult = { history, stoppedEarly, seconds: (performance.now() - started) / 1000 };
    if (restored) result.bestEpoch = bestEpoch;
    return result;
  } finally {
    snapshot?.forEach((t) => t.dispose());
    xAll.dispose();
    yAll.dispose();
    xVal?.dispose();
    yVal?.dispose();
    optimizer.dispose();
  }
}

function progressEvent(epoch: number, epochs: number, batch: number, batches: number, loss: number, record: EpochRecord | undefined): TrainProgress {
  const p: TrainProgress = { phase: 'train', epoch, epochs, batch, batches, loss, fraction: ((epoch - 1) * batches + batch) / (epochs * batches) };
  if (record) p.metrics = { ...record };
  return p;
}

/** Validation loss (target units) and accuracy or RMSE after an epoch. */
function evaluateValidation(net: tf.Sequential, head: Head, x: tf.Tensor2D, y: tf.Tensor1D, classes: number, scale: number): Record<string, number> {
  const [loss, hits] = tf.tidy(() => {
    const out = forward(net, x);
    const l = headLoss(head, out, y, classes);
    if (head === 'regression') return [l.dataSync()[0], 0];
    const predicted = head === 'binary' ? out.reshape([-1]).greater(0).cast('float32') : out.argMax(1).cast('float32');
    return [l.dataSync()[0], predicted.equal(y).sum().dataSync()[0]];
  });
  const valLoss = loss * scale;
  if (head === 'regression') return { val_loss: valLoss, val_rmse: Math.sqrt(valLoss) };
  return { val_loss: valLoss, val_accuracy: hits / y.shape[0] };
}
