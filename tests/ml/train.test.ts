// The training loop: determinism, validation history, progress, cancel,
// early stopping, and no tensor leaks.
import { beforeAll, describe, expect, it } from 'vitest';
import { CancelledError, CellError } from '../../src/core/errors.ts';
import { initBackend } from '../../src/ml/backend.ts';
import { fitModel, type FitOptions } from '../../src/ml/fit.ts';
import { buildNetwork } from '../../src/ml/models/network.ts';
import { tf } from '../../src/ml/tf.ts';
import { trainNetwork, type TrainProgress } from '../../src/ml/train.ts';
import { buildWindows } from '../../src/ml/sequences/index.ts';
import { fitSequenceModel } from '../../src/ml/sequences/fit.ts';
import { blobs, circles, line } from './synthetic.ts';
import { sineSeries } from './sequence-data.ts';

const mlp: FitOptions = {
  target: 'inside', model: 'mlp', hidden: [8, 8], activation: 'relu', dropout: 0.2,
  optimizer: 'adam', learningRate: 0.02, epochs: 5, batchSize: 16, seed: 7,
};

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

describe('trainNetwork', () => {
  it('is deterministic on cpu for a seed (with shuffling and dropout), and the seed matters', async () => {
    const table = circles(120);
    const run = async (seed: number) => {
      const { model, result } = await fitModel(table, { ...mlp, seed });
      model.dispose();
      return result.history.map((h) => h.loss);
    };
    const a = await run(7);
    const b = await run(7);
    const c = await run(8);
    expect(a).toHaveLength(5);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('records per-epoch validation loss and accuracy (classification) or RMSE (regression)', async () => {
    const cls = await fitModel(blobs(90), { ...mlp, target: 'k', epochs: 3 }, { validation: blobs(30, 9) });
    cls.model.dispose();
    expect(cls.result.history.map((h) => Object.keys(h).sort())).toEqual(Array(3).fill(['epoch', 'loss', 'val_accuracy', 'val_loss']));
    const reg = await fitModel(line(60), { ...mlp, target: 'y', model: 'linear', epochs: 30, learningRate: 0.1 }, { validation: line(30, 5) });
    reg.model.dispose();
    const last = reg.result.history.at(-1)!;
    // Reported in target units: val_rmse² = val_loss, small for a noise-free line.
    expect(last.val_rmse).toBeCloseTo(Math.sqrt(last.val_loss), 10);
    expect(last.val_rmse).toBeLessThan(0.5);
    expect(reg.result.history[0].val_loss).toBeGreaterThan(last.val_loss);
  });

  it('throttles progress events to at most ~10/s and always reports the end', async () => {
    const events: TrainProgress[] = [];
    const started = performance.now();
    const { model } = await fitModel(circles(200), { ...mlp, epochs: 6, batchSize: 8 }, { onProgress: (p) => events.push(p) });
    model.dispose();
    const seconds = (performance.now() - started) / 1000;
    // 6 epochs × 25 batches = 150 batches; unthrottled that would be 150 events.
    expect(events.length).toBeLessThanOrEqual(Math.ceil(seconds * 10) + 2);
    expect(events.at(-1)).toMatchObject({ phase: 'train', epoch: 6, epochs: 6, batch: 25, batches: 25, fraction: 1 });
    expect(Object.keys(events.at(-1)!.metrics!)).toEqual(['epoch', 'loss']);
  });

  it('cancel stops before the next batch and leaves the network usable', async () => {
    const net = buildNetwork({ kind: 'mlp', head: 'binary', inputs: 2, hidden: [4], seed: 1 });
    const controller = new AbortController();
    const events: TrainProgress[] = [];
    const data = { X: new Float32Array(200).map((_, i) => (i % 7) / 7), y: new Float32Array(100).map((_, i) => i % 2), rows: 100, cols: 2 };
    const run = trainNetwork(net, 'binary', data, { optimizer: 'sgd', learningRate: 0.1, epochs: 50, batchSize: 10, seed: 1 }, {
      signal: controller.signal,
      progressIntervalMs: 0,
      onProgress: (p) => {
        events.push(p);
        if (p.epoch === 2 && p.batch === 3) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(events.at(-1)).toMatchObject({ epoch: 2, batch: 3 });
    // 10 batches per epoch: epoch 1 and three of epoch 2, nothing after the abort.
    expect(events).toHaveLength(13);
    const out = tf.tidy(() => net.predict(tf.zeros([3, 2])) as tf.Tensor);
    expect(out.shape).toEqual([3, 1]);
    out.dispose();
    net.dispose();
  });

  it('a timer-driven abort is processed during training (the loop yields to the event loop)', async () => {
    const controller = new AbortController();
    let aborted = false;
    let batchesAfterAbort = 0;
    setTimeout(() => {
      aborted = true;
      controller.abort();
    }, 100);
    const run = fitModel(circles(300), { ...mlp, epochs: 10_000, batchSize: 4 }, {
      signal: controller.signal,
      progressIntervalMs: 0,
      onProgress: () => {
        if (aborted) batchesAfterAbort++;
      },
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(aborted).toBe(true);
    // The timer fires while the loop yields; the very next batch check stops it.
    expect(batchesAfterAbort).toBe(0);
  });

  it('early stopping on val_loss restores the best epoch\'s weights', async () => {
    // A tiny noisy training set and a large learning rate overfit quickly.
    const train = circles(40, 11);
    const val = circles(200, 12);
    const { model, result } = await fitModel(train, { ...mlp, hidden: [64, 64], dropout: 0, learningRate: 0.05, epochs: 200, batchSize: 8, patience: 5 }, { validation: val });
    try {
      expect(result.stoppedEarly).toBe(true);
      const best = Math.min(...result.history.map((h) => h.val_loss));
      const bestEpoch = result.history.findIndex((h) => h.val_loss === best) + 1;
      expect(result.history.length).toBe(bestEpoch + 5);
      expect(result.bestEpoch).toBe(bestEpoch);
      // The held weights reproduce the best epoch's validation loss.
      const p = await model.predict(val);
      const y = val.array('inside') as number[];
      const loss = -y.reduce((s, t, i) => s + Math.log(Math.min(Math.max(p.probabilities![i][t], 1e-7), 1)), 0) / y.length;
      expect(loss).toBeCloseTo(best, 4);
    } finally {
      model.dispose();
    }
  });

  it('leaks no tensors: train + predict + dispose, ten times', async () => {
    const table = blobs(60);
    const once = async (optimizer: FitOptions['optimizer']) => {
      const { model } = await fitModel(table, { ...mlp, target: 'k', optimizer, epochs: 2, patience: 1, l2: 1e-3 }, { validation: table });
      await model.predict(table);
      model.dispose();
    };
    await once('adam');
    const after1 = tf.memory().numTensors;
    for (const opt of ['sgd', 'adam', 'rmsprop', 'adamw', 'adam', 'sgd', 'rmsprop', 'adamw', 'adam'] as const) await once(opt);
    expect(tf.memory().numTensors).toBe(after1);
  });
});

describe('batches', () => {
  // An op under the gradient tape keeps its inputs for the backward pass
  // (Engine.saveTensorsForBackwardMode runs an Identity kernel on each, which
  // the WASM backend implements as a copy): a gather of the batch inside the
  // loss function would copy the whole training set every batch.
  const identitiesOf = async (n: number, train: () => Promise<{ dispose(): void }>) => {
    let model: { dispose(): void } | undefined;
    const info = await tf.profile(async () => {
      model = await train();
    });
    model?.dispose();
    return info.kernels.filter((k) => k.name === 'Identity' && k.inputShapes[0]?.[0] === n).length;
  };

  it('gathers each batch outside the gradient tape (no per-batch copy of the training data)', async () => {
    const table = circles(120);
    const mlpCopies = await identitiesOf(120, async () => (await fitModel(table, { ...mlp, epochs: 2 })).model);
    const windows = buildWindows(sineSeries(30), { features: ['v'], target: 'v', steps: 4, horizon: 1, group: 'g' });
    const lstmCopies = await identitiesOf(windows.n, async () => (await fitSequenceModel(windows, { model: 'lstm', units: [4], optimizer: 'adam', learningRate: 0.01, epochs: 2, batchSize: 16, seed: 1 })).model);
    expect(windows.n).toBeGreaterThan(16);
    expect([mlpCopies, lstmCopies]).toEqual([0, 0]);
  });
});

describe('divergence', () => {
  it('stops with a clear message when the loss becomes NaN or infinite', async () => {
    const error = await fitModel(circles(100), { target: 'inside', model: 'mlp', hidden: [8], optimizer: 'sgd', learningRate: 1e12, epochs: 20, batchSize: 10, seed: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CellError);
    expect((error as Error).message).toMatch(/training loss became (NaN|Infinity) in epoch \d+/);
    expect((error as CellError).where).toBe('params.learningRate');
  });
});
