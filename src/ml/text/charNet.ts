// A small neural text classifier, the course's "embedding + LSTM/CNN"
// baseline: each review becomes a sequence of character ids (no tokenizer
// needed for Korean), an embedding learned from scratch, a width-3 1D
// convolution max-pooled over time, and a sigmoid output. Binary only.
// Seeded initialisers and batch order make a run repeatable on one backend.
// Written with plain tensors so every backend can train it: the embedding
// is a one-hot product (tfjs's WASM backend has no gradient for gather) and
// the width-3 convolution is a product over three shifted copies (WASM has
// no convolution gradients, and the CPU backend's are too slow to teach with).
import type { ColumnTable } from 'arquero';
import type { Scalar } from '../../core/outputs.ts';
import type { Prediction, TrainedModel } from '../../core/values.ts';
import { checkAborted } from '../../core/errors.ts';
import { yieldToEventLoop } from '../../core/yield.ts';
import { seededRandom, shuffledIndices } from '../../core/random.ts';
import { tf } from '../tf.ts';
import { columnTexts } from './textModel.ts';

export interface CharNetOptions {
  /** Characters kept per text (longer texts are cut, shorter ones padded). */
  maxLength: number;
  embeddingDim: number;
  /** Convolution filters. */
  units: number;
  /** Characters seen fewer times in training become UNK. */
  minCount: number;
  /** At most this many characters (the most frequent) get their own id. */
  maxVocab: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
}

/** Character → id: 0 is padding, 1 unknown, then characters by frequency (ties by code point). */
export function charVocabulary(texts: readonly string[], minCount: number, maxVocab: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of texts) for (const c of t) counts.set(c, (counts.get(c) ?? 0) + 1);
  const kept = [...counts].filter(([, n]) => n >= minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, maxVocab);
  return new Map(kept.map(([c], i) => [c, i + 2]));
}

export function encodeChars(texts: readonly string[], vocab: ReadonlyMap<string, number>, maxLength: number): Int32Array {
  const out = new Int32Array(texts.length * maxLength);
  texts.forEach((t, r) => {
    let i = 0;
    for (const c of t) {
      if (i >= maxLength) break;
      out[r * maxLength + i++] = vocab.get(c) ?? 1;
    }
  });
  return out;
}

/** The network's weights and its forward pass (ids → logits). */
class CharNet {
  readonly vars: tf.Variable[];

  constructor(readonly vocabSize: number, private readonly o: CharNetOptions) {
    let seed = o.seed;
    const glorot = (shape: number[]) => tf.variable(tf.initializers.glorotUniform({ seed: seed++ }).apply(shape));
    const table = tf.variable(tf.randomUniform([vocabSize, o.embeddingDim], -0.05, 0.05, 'float32', seed++));
    this.vars = [table, glorot([3 * o.embeddingDim, o.units]), tf.variable(tf.zeros([o.units])), glorot([o.units, 1]), tf.variable(tf.zeros([1]))];
  }

  logits(ids: tf.Tensor2D): tf.Tensor2D {
    const [b, T] = ids.shape;
    const E = this.o.embeddingDim;
    const [table, kernel, bias, head, headBias] = this.vars;
    const e = tf.oneHot(ids.reshape([-1]) as tf.Tensor1D, this.vocabSize).matMul(table).reshape([b, T, E]) as tf.Tensor3D;
    const windows = tf.concat([0, 1, 2].map((k) => tf.slice(e, [0, k, 0], [b, T - 2, E])), 2).reshape([-1, 3 * E]) as tf.Tensor2D;
    const h = tf.relu(windows.matMul(kernel).add(bias)).reshape([b, T - 2, this.o.units]);
    return tf.max(h, 1).matMul(head as tf.Tensor2D).add(headBias) as tf.Tensor2D;
  }

  countParams(): number {
    return this.vars.reduce((n, v) => n + v.size, 0);
  }

  dispose(): void {
    tf.dispose(this.vars);
  }
}

export interface CharNetEpoch {
  epoch: number;
  loss: number;
}

export class CharNetModel implements TrainedModel {
  readonly task = 'classification' as const;
  readonly features: string[];
  readonly modelType = 'char-cnn1d';

  constructor(
    readonly target: string,
    readonly textColumn: string,
    readonly classes: Scalar[],
    private readonly vocab: ReadonlyMap<string, number>,
    private readonly net: CharNet,
    private readonly options: CharNetOptions,
    readonly history: CharNetEpoch[],
  ) {
    this.features = [textColumn];
  }

  probabilities(texts: readonly string[]): number[] {
    const out: number[] = [];
    const batch = 512;
    for (let start = 0; start < texts.length; start += batch) {
      const part = texts.slice(start, start + batch);
      const p = tf.tidy(() => tf.sigmoid(this.net.logits(tf.tensor2d(encodeChars(part, this.vocab, this.options.maxLength), [part.length, this.options.maxLength], 'int32'))).dataSync());
      out.push(...Array.from(p));
    }
    return out;
  }

  async predict(table: ColumnTable, signal?: AbortSignal): Promise<Prediction> {
    checkAborted(signal);
    const p = this.probabilities(columnTexts(table, this.textColumn));
    return { predictions: p.map((v) => this.classes[v >= 0.5 ? 1 : 0]), probabilities: p.map((v) => [1 - v, v]), classes: [...this.classes] };
  }

  describe(): Record<string, unknown> {
    return { modelType: this.modelType, textColumn: this.textColumn, vocabulary: this.vocab.size + 2, parameters: this.net.countParams(), ...this.options };
  }

  dispose(): void {
    this.net.dispose();
  }
}

export interface CharNetFit {
  texts: readonly string[];
  /** 0/1 per text. */
  y: ArrayLike<number>;
  target: string;
  textColumn: string;
  classes: Scalar[];
}

export async function fitCharNet(data: CharNetFit, o: CharNetOptions, hooks: { signal?: AbortSignal; onEpoch?: (e: CharNetEpoch) => void } = {}): Promise<CharNetModel> {
  if (o.maxLength < 3) throw new Error('A text needs at least 3 characters for the convolution.');
  const vocab = charVocabulary(data.texts, o.minCount, o.maxVocab);
  const ids = encodeChars(data.texts, vocab, o.maxLength);
  const n = data.texts.length;
  const net = new CharNet(vocab.size + 2, o);
  const optimizer = tf.train.adam(o.learningRate);
  const random = seededRandom(o.seed);
  const history: CharNetEpoch[] = [];
  const X = tf.tensor2d(ids, [n, o.maxLength], 'int32');
  const Y = tf.tensor2d(Float32Array.from({ length: n }, (_, i) => data.y[i]), [n, 1]);
  try {
    for (let epoch = 1; epoch <= o.epochs; epoch++) {
      const order = shuffledIndices(n, random);
      let sum = 0;
      for (let start = 0; start < n; start += o.batchSize) {
        checkAborted(hooks.signal);
        const idx = tf.tensor1d(Int32Array.from(order.subarray(start, Math.min(n, start + o.batchSize))), 'int32');
        // Gather the batch before the tape starts (as src/ml/train.ts does): the tape would keep the whole source.
        const [xb, yb] = [tf.gather(X, idx) as tf.Tensor2D, tf.gather(Y, idx)];
        const loss = optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(yb, net.logits(xb)) as tf.Scalar, true, net.vars);
        sum += (await loss!.data())[0] * yb.shape[0];
        tf.dispose([idx, xb, yb, loss!]);
        await yieldToEventLoop();
      }
      const record = { epoch, loss: sum / n };
      history.push(record);
      hooks.onEpoch?.(record);
    }
  } catch (error) {
    net.dispose();
    throw error;
  } finally {
    tf.dispose([X, Y]);
    optimizer.dispose();
  }
  return new CharNetModel(data.target, data.textColumn, data.classes, vocab, net, o, history);
}
