// Sequence networks as explicit layer lists: recurrent (LSTM/GRU) or 1-D
// convolutional bodies for windows (many-to-one) and padded sequences
// (many-to-many, with an Embedding of the state index concatenated with the
// numeric step features). As in network.ts, dropout is applied by forward()
// with seeded masks so a seed reproduces a run, and every initializer is
// seeded so a seed gives the same start on any backend.
import { tf } from '../tf.ts';
import { outputUnits, type Head } from './network.ts';
import { conv1dIm2col, type Conv1dPadding } from './conv1d.ts';
import { recurrentForward, type RecurrentKind } from './recurrent.ts';

export type SequenceKind = 'lstm' | 'gru' | 'cnn1d';
export type Pooling = 'max' | 'average' | 'none';

export interface SequenceSpec {
  kind: SequenceKind;
  mode: 'windows' | 'padded';
  head: Head;
  /** Numeric features per step. */
  features: number;
  steps: number;
  /** Output classes (multiclass head; padded: the vocabulary size). */
  classes?: number;
  /** Recurrent units per stacked layer (lstm, gru). */
  units: number[];
  /** Convolution filters per layer (cnn1d). */
  filters: number[];
  kernelSize: number;
  /** Windows cnn1d: pooling (size 2) after each convolution. */
  pooling: Pooling;
  /** Dense ReLU layers between the body and the output (windows). */
  dense: number[];
  dropout: number;
  /** LSTM/GRU recurrent-state dropout (tfjs draws these masks unseeded). */
  recurrentDropout: number;
  /** Padded: vocabulary size and embedding width. */
  vocab?: number;
  embeddingDim: number;
  seed: number;
}

type Layer = tf.layers.Layer;

export interface SequenceInputs {
  /** batch × steps × features (windows; padded numeric step features). */
  numeric: tf.Tensor3D;
  /** batch × steps state indices (padded). */
  states?: tf.Tensor2D;
}

export class SequenceNet {
  readonly spec: SequenceSpec;
  private readonly embedding?: Layer;
  /** Body layers with a flag: is dropout applied after it. */
  private readonly body: { layer: Layer; dropout: boolean; recurrent?: { kind: RecurrentKind; returnSequences: boolean }; conv?: Conv1dPadding }[] = [];
  private readonly output: Layer;
  private disposed = false;

  constructor(spec: SequenceSpec) {
    this.spec = spec;
    let seed = spec.seed;
    const glorot = () => tf.initializers.glorotUniform({ seed: seed++ });
    const padded = spec.mode === 'padded';
    if (padded) {
      this.embedding = tf.layers.embedding({
        inputDim: spec.vocab ?? 2, outputDim: spec.embeddingDim,
        embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05, seed: seed++ }),
      });
    }
    if (spec.kind === 'cnn1d') {
      let length = spec.steps;
      for (const filters of spec.filters) {
        // Padded sequences use causal convolutions: step t sees steps ≤ t only, like an RNN.
        // The layer only holds the weights (its own apply builds them; tfjs-layers
        // cannot run 'causal' itself): forward() convolves with conv1dIm2col.
        const padding: Conv1dPadding = padded ? 'causal' : 'same';
        this.body.push({ layer: tf.layers.conv1d({ filters, kernelSize: spec.kernelSize, padding: 'same', activation: 'relu', kernelInitializer: glorot() }), dropout: true, conv: padding });
        if (!padded && spec.pooling !== 'none' && length >= 2) {
          const pool = spec.pooling === 'max' ? tf.layers.maxPooling1d({ poolSize: 2 }) : tf.layers.averagePooling1d({ poolSize: 2 });
          this.body.push({ layer: pool, dropout: false });
          length = Math.floor(length / 2);
        }
      }
      if (!padded) this.body.push({ layer: tf.layers.flatten(), dropout: false });
    } else {
      const kind = spec.kind;
      spec.units.forEach((units, i) => {
        const returnSequences = padded || i < spec.units.length - 1;
        const args = {
          units, returnSequences, recurrentDropout: spec.recurrentDropout,
          kernelInitializer: glorot(), recurrentInitializer: tf.initializers.orthogonal({ gain: 1, seed: seed++ }),
        };
        // The layer holds the weights; forward() steps them with recurrentForward (see recurrent.ts).
        this.body.push({ layer: kind === 'lstm' ? tf.layers.lstm(args) : tf.layers.gru(args), dropout: true, recurrent: { kind, returnSequences } });
      });
    }
    for (const units of spec.dense) this.body.push({ layer: tf.layers.dense({ units, activation: 'relu', kernelInitializer: glorot() }), dropout: true });
    this.output = tf.layers.dense({ units: outputUnits(spec), kernelInitializer: glorot() });
    // Build every weight now (a forward pass on zeros) so training sees all variables.
    tf.tidy(() => {
      this.embedding?.apply(tf.zeros([1, 1], 'int32'));
      const numeric = tf.zeros([1, spec.steps, spec.features]) as tf.Tensor3D;
      this.forward({ numeric, states: padded ? (tf.zeros([1, spec.steps], 'int32') as tf.Tensor2D) : undefined });
    });
  }

  private layers(): Layer[] {
    return [...(this.embedding ? [this.embedding] : []), ...this.body.map((b) => b.layer), this.output];
  }

  /**
   * Raw outputs: windows [batch, units]; padded [batch, steps, classes].
   * With `dropoutSeed` (training) seeded dropout masks follow the body layers.
   */
  forward(inputs: SequenceInputs, dropoutSeed?: number): tf.Tensor {
    const training = dropoutSeed !== undefined;
    const rate = this.spec.dropout;
    let h: tf.Tensor = inputs.numeric;
    if (this.embedding) {
      if (!inputs.states) throw new Error('Padded sequence models need the state indices.');
      // A one-hot matmul rather than the layer's gather: gather's gradient
      // (UnsortedSegmentSum) has no WASM kernel, and V is small here.
      const [b, T] = inputs.states.shape;
      const table = this.embedding.trainableWeights[0].read();
      const V = table.shape[0];
      const e = tf.oneHot(inputs.states.reshape([-1]), V).matMul(table).reshape([b, T, this.spec.embeddingDim]);
      // Numeric features join the embedding directly: a Linear projection
      // before the LSTM would compose with its (linear) input kernel.
      h = this.spec.features > 0 ? tf.concat([e, inputs.numeric], 2) : e;
    }
    // Recurrent dropout masks are the tfjs layer's own (training only): then the layer steps itself.
    const layerDropout = training && this.spec.recurrentDropout > 0;
    this.body.forEach((b, i) => {
      if (b.conv) h = convolve(b.layer, h as tf.Tensor3D, b.conv);
      else if (b.recurrent && b.layer.built && !layerDropout) h = recur(b.layer, h as tf.Tensor3D, b.recurrent.kind, b.recurrent.returnSequences);
      else h = b.layer.apply(h, b.recurrent && layerDropout ? { training: true } : {}) as tf.Tensor;
      if (training && b.dropout && rate > 0) {
        const keep = tf.randomUniform(h.shape, 0, 1, 'float32', dropoutSeed + i).greaterEqual(rate);
        h = h.mul(keep.cast('float32')).div(1 - rate);
      }
    });
    return this.output.apply(h) as tf.Tensor;
  }

  /**
   * The layers in forward order (embedding, body, output) for a portable
   * download (src/export/sequence-files.ts), each with the padding its
   * convolution really uses ('causal' is done here, not by the layer).
   */
  layerList(): { layer: Layer; convPadding?: Conv1dPadding }[] {
    return [
      ...(this.embedding ? [{ layer: this.embedding }] : []),
      ...this.body.map((b) => (b.conv ? { layer: b.layer, convPadding: b.conv } : { layer: b.layer })),
      { layer: this.output },
    ];
  }

  get variables(): tf.Variable[] {
    return this.layers().flatMap((l) => l.trainableWeights.map((w) => w.read() as tf.Variable));
  }

  /** Weights AdamW decays: everything but biases. */
  get kernels(): tf.Variable[] {
    return this.layers().flatMap((l) => l.trainableWeights.filter((w) => !/bias/i.test(w.name)).map((w) => w.read() as tf.Variable));
  }

  countParams(): number {
    return this.layers().reduce((s, l) => s + l.countParams(), 0);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const l of this.layers()) l.dispose();
  }
}

/**
 * A conv1d layer's ReLU convolution as im2col + matMul, which every backend
 * differentiates (WASM has no Conv2D filter gradient). The layer is built by
 * its own apply() the first time (the constructor's pass on zeros), so its
 * weights keep the names and order tfjs gives them; that pass's output is
 * discarded by the constructor's tidy.
 */
function convolve(layer: Layer, h: tf.Tensor3D, padding: Conv1dPadding): tf.Tensor3D {
  if (!layer.built) layer.apply(h);
  const [kernel, bias] = layer.trainableWeights.map((w) => w.read());
  return conv1dIm2col(h, kernel as tf.Tensor3D, bias as tf.Tensor1D, padding);
}

/** An LSTM/GRU layer's forward pass with its weights (kernel, recurrent kernel, bias), stepped by recurrentForward. */
function recur(layer: Layer, h: tf.Tensor3D, kind: RecurrentKind, returnSequences: boolean): tf.Tensor {
  const [kernel, recurrentKernel, bias] = layer.trainableWeights.map((w) => w.read());
  return recurrentForward(kind, h, { kernel: kernel as tf.Tensor2D, recurrentKernel: recurrentKernel as tf.Tensor2D, bias: bias as tf.Tensor1D }, returnSequences);
}
