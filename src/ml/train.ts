// The training loop. Our own epoch/batch loop rather than model.fit gives
// exact control over seeded shuffling and dropout, cancellation between
// batches, throttled progress, class weights, clipping, schedules and early
// stopping with restored weights. trainLoop() runs any LoopTask (an MLP on a
// matrix, a sequence network on windows or padded sequences).
import type { EpochRecord } from '../core/outputs.ts';
import { CellError, checkAborted } from '../core/errors.ts';
import { seededRandom, shuffledIndices } from '../core/random.ts';
import { yieldToEventLoop } from '../core/yield.ts';
import { tf } from './tf.ts';
import { forward, headLoss, l2Penalty, weightedHeadLoss, type Head } from './models/network.ts';
import { makeOptimizer, type OptimizerName } from './optimizers.ts';
import { monitorMode, type LrSchedule } from './controls.ts';

export type { LrSchedule } from './controls.ts';

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
  /** Stop after this many epochs without improvement of the monitored metric; 0 = off. */
  patience?: number;
  /** With patience: put back the best epoch's weights (default true). */
  restoreBest?: boolean;
  /** Early stopping (and plateau) metric: 'val_loss' (default with validation), 'loss', 'val_accuracy', … */
  monitor?: string;
  monitorMode?: 'auto' | 'min' | 'max';
  /** Loss weight per class index (Keras class_weight): loss = Σ w[y_i]·ℓ_i / n. */
  classWeight?: number[];
  lrSchedule?: LrSchedule;
  /** Clip gradients to this global L2 norm (torch clip_grad_norm_, Keras global_clipnorm); 0/absent = off. */
  clipNorm?: number;
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

/** What trainLoop needs from a model: its variables, a batch loss, validation metrics. */
export interface LoopTask {
  /** Training samples (rows, windows or sequences). */
  rows: number;
  variables: tf.Variable[];
  /** Kernels that AdamW decays. */
  kernels: tf.Variable[];
  /**
   * The batch of samples at `indices`: gathers its inputs and returns its
   * mean training loss as a function of the variables (differentiable;
   * dropout seeded). The gathers happen here, outside the gradient tape: an
   * op under the tape keeps its inputs for the backward pass, and the WASM
   * backend keeps a gather's whole source tensor by copying it, every batch.
   */
  batch(indices: tf.Tensor1D, dropoutSeed: number): () => tf.Scalar;
  /** Validation metrics after an epoch (val_loss first); absent without validation data. */
  validate?(): Promise<Record<string, number>>;
}

/** How long compute may run before handing the event loop a turn (cancel, UI messages). */
const YIELD_EVERY_MS = 25;

/**
 * Train `net` in place. On cancel it throws CancelledError between batches;
 * the network keeps the weights of the last finished batch and stays usable.
 * Every tensor it makes is freed, whatever happens.
 */
export async function trainNetwork(net: tf.Sequential, head: Head, data: TrainData, config: TrainConfig, hooks: TrainHooks = {}): Promise<TrainResult> {
  const { rows, cols } = data;
  if (rows === 0) throw CellError.coded('train.noRows');
  const dropout = config.dropout ?? 0;
  const l2 = config.l2 ?? 0;
  const scale = hooks.lossScale ?? 1;
  const classes = hooks.classes ?? 2;
  const xAll = tf.tensor2d(data.X, [rows, cols]);
  const yAll = tf.tensor1d(data.y);
  const weights = config.classWeight && head !== 'regression' ? tf.tensor1d(config.classWeight) : undefined;
  const val = hooks.validation;
  const xVal = val ? tf.tensor2d(val.X, [val.rows, val.cols]) : undefined;
  const yVal = val ? tf.tensor1d(val.y) : undefined;
  const task: LoopTask = {
    rows,
    variables: net.trainableWeights.map((w) => w.read() as tf.Variable),
    kernels: net.layers.map((l) => l.trainableWeights[0].read() as tf.Variable),
    batch(indices, seed) {
      const xb = tf.gather(xAll, indices) as tf.Tensor2D;
      const yb = tf.gather(yAll, indices) as tf.Tensor1D;
      return () => {
        const out = forward(net, xb, dropout, dropout > 0 ? seed : undefined);
        // Keras class_weight: each sample's loss times its class's weight, divided by the batch size.
        const dataLoss = weights ? weightedHeadLoss(head, out, yb, classes, weights) : headLoss(head, out, yb, classes);
        // The reported loss includes the L2 penalty, as Keras reports it.
        return l2 > 0 ? dataLoss.add(l2Penalty(net, l2)) : dataLoss;
      };
    },
    validate: xVal && yVal ? () => evaluateValidation(net, head, xVal, yVal, classes, scale) : undefined,
  };
  try {
    return await trainLoop(task, config, hooks);
  } finally {
    xAll.dispose();
    yAll.dispose();
    weights?.dispose();
    xVal?.dispose();
    yVal?.dispose();
  }
}

/** Scale every gradient by clip / max(‖g‖, clip), ‖g‖ the global L2 norm over all variables. */
export function clipByGlobalNorm(grads: tf.NamedTensorMap, clip: number): tf.NamedTensorMap {
  const names = Object.keys(grads);
  const norm = tf.sqrt(tf.addN(names.map((n) => tf.sum(tf.square(grads[n])))));
  const factor = tf.div(clip, tf.maximum(norm, clip));
  const out: tf.NamedTensorMap = {};
  for (const n of names) out[n] = tf.mul(grads[n], factor);
  return out;
}

/** The generic epoch/batch loop over a LoopTask. */
export async function trainLoop(task: LoopTask, config: TrainConfig, hooks: TrainHooks = {}): Promise<TrainResult> {
  const started = performance.now();
  const { rows, variables } = task;
  if (rows === 0) throw CellError.coded('train.noRows');
  const batchSize = Math.max(1, Math.min(Math.floor(config.batchSize), rows));
  const batches = Math.ceil(rows / batchSize);
  const epochs = Math.max(1, Math.floor(config.epochs));
  const scale = hooks.lossScale ?? 1;
  const interval = hooks.progressIntervalMs ?? 100;
  const patience = config.patience ?? 0;
  const restoreBest = config.restoreBest ?? true;
  const clip = config.clipNorm ?? 0;
  const schedule = config.lrSchedule ?? { type: 'none' };
  const random = seededRandom(config.seed);

  const handle = makeOptimizer(config.optimizer, config.learningRate, config.weightDecay, task.kernels);
  const { optimizer } = handle;
  let lr = config.learningRate;

  const history: EpochRecord[] = [];
  let snapshot: tf.Tensor[] | undefined;
  let best = Infinity;
  let bestEpoch = 0;
  let plateauBest = Infinity;
  let plateauWait = 0;
  let stoppedEarly = false;
  let lastProgress = -Infinity;
  let lastYield = performance.now();

  try {
    for (let epoch = 1; epoch <= epochs; epoch++) {
      const order = shuffledIndices(rows, random);
      // The epoch's loss is summed on the device and read once at the end:
      // a readback per batch stalls GPU backends (a no-op cost on cpu/wasm).
      let lossSum: tf.Scalar = tf.scalar(0);
      try {
        for (let b = 0; b < batches; b++) {
          checkAborted(hooks.signal);
          const start = b * batchSize;
          const idx = Int32Array.from(order.subarray(start, Math.min(rows, start + batchSize)));
          const dropoutSeed = Math.floor(random() * 2 ** 31);
          const cost = tf.tidy(() => {
            const f = task.batch(tf.tensor1d(idx, 'int32'), dropoutSeed);
            let total: tf.Scalar;
            if (clip > 0) {
              const { value, grads } = tf.variableGrads(f, variables);
              optimizer.applyGradients(clipByGlobalNorm(grads, clip));
              total = value;
            } else {
              total = optimizer.minimize(f, true, variables) as tf.Scalar;
            }
            return total;
          });
          const now = performance.now();
          if (hooks.onProgress && now - lastProgress >= interval) {
            lastProgress = now;
            hooks.onProgress(progressEvent(epoch, epochs, b + 1, batches, (await cost.data())[0] * scale, history.at(-1)));
          }
          const next = tf.tidy(() => lossSum.add(cost.mul(idx.length))) as tf.Scalar;
          lossSum.dispose();
          cost.dispose();
          lossSum = next;
          if (now - lastYield >= YIELD_EVERY_MS) {
            await yieldToEventLoop();
            lastYield = performance.now();
          }
        }
        // Async reads: WebGPU has no synchronous readback of GPU tensors.
        const record: EpochRecord = { epoch, loss: ((await lossSum.data())[0] / rows) * scale };
        if (!Number.isFinite(record.loss)) {
          // Diverged weights never recover: stop now with what to change, instead of training on NaN.
          throw CellError.coded('train.diverged', { loss: String(record.loss), epoch }, { where: 'params.learningRate' });
        }
        if (task.validate) Object.assign(record, await task.validate());
        if (schedule.type !== 'none') record.lr = lr;
        history.push(record);
      } finally {
        lossSum.dispose();
      }
      const record = history.at(-1)!;
      const monitor = config.monitor || (record.val_loss !== undefined ? 'val_loss' : 'loss');
      const needMonitor = patience > 0 || schedule.type === 'plateau';
      const value = record[monitor];
      if (needMonitor && value === undefined) {
        throw CellError.coded('train.monitorMissing', { monitor, recorded: Object.keys(record).filter((k) => k !== 'epoch').join(', ') }, { where: 'params.monitor' });
      }
      // Compare as "smaller is better" by negating maximised metrics.
      const signed = needMonitor ? (monitorMode(monitor, config.monitorMode) === 'max' ? -value : value) : 0;

      if (schedule.type === 'step' && epoch % Math.max(1, schedule.every) === 0) {
        lr *= schedule.factor;
        handle.setLearningRate(lr);
      } else if (schedule.type === 'plateau') {
        // Keras/PyTorch ReduceLROnPlateau (no cooldown, no threshold).
        if (signed < plateauBest) {
          plateauBest = signed;
          plateauWait = 0;
        } else if (++plateauWait >= schedule.patience) {
          lr = Math.max(lr * schedule.factor, schedule.minLr ?? 0);
          handle.setLearningRate(lr);
          plateauWait = 0;
        }
      }

      if (patience > 0) {
        if (signed < best) {
          best = signed;
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
    optimizer.dispose();
  }
}

function progressEvent(epoch: number, epochs: number, batch: number, batches: number, loss: number, record: EpochRecord | undefined): TrainProgress {
  const p: TrainProgress = { phase: 'train', epoch, epochs, batch, batches, loss, fraction: ((epoch - 1) * batches + batch) / (epochs * batches) };
  if (record) p.metrics = { ...record };
  return p;
}

/** Validation loss (target units) and accuracy or RMSE after an epoch. */
async function evaluateValidation(net: tf.Sequential, head: Head, x: tf.Tensor2D, y: tf.Tensor1D, classes: number, scale: number): Promise<Record<string, number>> {
  const both = tf.tidy(() => {
    const out = forward(net, x);
    const l = headLoss(head, out, y, classes);
    if (head === 'regression') return tf.stack([l, tf.scalar(0)]);
    const predicted = head === 'binary' ? out.reshape([-1]).greater(0).cast('float32') : out.argMax(1).cast('float32');
    return tf.stack([l, predicted.equal(y).sum().cast('float32')]);
  });
  const [loss, hits] = await both.data();
  both.dispose();
  const valLoss = loss * scale;
  if (head === 'regression') return { val_loss: valLoss, val_rmse: Math.sqrt(valLoss) };
  return { val_loss: valLoss, val_accuracy: hits / y.shape[0] };
}
