// Per-epoch validation metrics of a sequence network. Windows: val_loss and
// val_rmse or val_accuracy, like the MLP. Padded: masked val_loss (no class
// weights, as Keras reports validation loss), top-1 accuracy, top-3 and
// macro-F1 over the real steps (the course's next-state metrics).
import { tf } from '../tf.ts';
import { headLoss, type Head } from '../models/network.ts';
import type { SequenceNet } from '../models/sequence-net.ts';
import { maskedStepLoss, sliceInputs } from './tensors.ts';
import type { PaddedSequences, WindowSequences } from './types.ts';

const CHUNK = 1024;

export async function sequenceValidation(net: SequenceNet, data: PaddedSequences | WindowSequences, head: Head, y: Float32Array | undefined, scale: number): Promise<Record<string, number>> {
  if (data.mode === 'windows') {
    let lossSum = 0;
    let hits = 0;
    for (let start = 0; start < data.n; start += CHUNK) {
      const end = Math.min(data.n, start + CHUNK);
      const both = tf.tidy(() => {
        const out = net.forward(sliceInputs(data, start, end)) as tf.Tensor2D;
        const yb = tf.tensor1d(y!.subarray(start, end));
        const loss = headLoss(head, out, yb, out.shape[1]).mul(end - start);
        if (head === 'regression') return tf.stack([loss, tf.scalar(0)]);
        const pred = head === 'binary' ? out.reshape([-1]).greater(0).cast('float32') : out.argMax(1).cast('float32');
        return tf.stack([loss, pred.equal(yb).sum().cast('float32')]);
      });
      const [l, h] = await both.data();
      both.dispose();
      lossSum += l;
      hits += h;
    }
    const valLoss = (lossSum / data.n) * scale;
    return head === 'regression' ? { val_loss: valLoss, val_rmse: Math.sqrt(valLoss) } : { val_loss: valLoss, val_accuracy: hits / data.n };
  }

  const V = data.vocab.length;
  const k = Math.min(3, V);
  let lossSum = 0;
  let real = 0;
  let top1 = 0;
  let topk = 0;
  const tp = new Float64Array(V);
  const predicted = new Float64Array(V);
  const actual = new Float64Array(V);
  for (let start = 0; start < data.n; start += CHUNK) {
    const end = Math.min(data.n, start + CHUNK);
    const parts = tf.tidy(() => {
      const targets = tf.tensor2d(data.targets.subarray(start * data.steps, end * data.steps), [end - start, data.steps], 'int32');
      const logits = net.forward(sliceInputs(data, start, end));
      const count = targets.greater(0).cast('float32').sum();
      const loss = maskedStepLoss(logits, targets).mul(count);
      const flat = logits.reshape([-1, V]) as tf.Tensor2D;
      const hit = tf.topk(flat, k).indices.equal(targets.reshape([-1, 1])).any(1);
      return [tf.stack([loss, count]), flat.argMax(1), hit];
    });
    const [sums, best, inTop] = await Promise.all(parts.map((t) => t.data()));
    parts.forEach((t) => t.dispose());
    const [loss, count] = sums;
    lossSum += loss;
    real += count;
    const t0 = start * data.steps;
    for (let i = 0; i < best.length; i++) {
      const truth = data.targets[t0 + i];
      if (truth === 0) continue;
      actual[truth]++;
      predicted[best[i]]++;
      if (best[i] === truth) {
        tp[truth]++;
        top1++;
      }
      if (inTop[i]) topk++;
    }
  }
  // Macro-F1 over the labels that occur in the truth or the predictions (scikit-learn's default).
  let f1Sum = 0;
  let labels = 0;
  for (let c = 0; c < V; c++) {
    if (actual[c] === 0 && predicted[c] === 0) continue;
    labels++;
    f1Sum += (2 * tp[c]) / (actual[c] + predicted[c]);
  }
  const n = Math.max(real, 1);
  return { val_loss: lossSum / n, val_accuracy: top1 / n, [`val_top${k}`]: topk / n, val_macro_f1: labels ? f1Sum / labels : 0 };
}
