// A sequence model's download (sequence-files.ts: weights.json + weights.bin,
// preprocessing.json with the sequences settings, model.meta.json) back into
// a SequenceModel for the predict cell. The network is rebuilt from the
// layers weights.json lists (their tfjs class and config), checked layer by
// layer against what the workbench builds from that spec, and given the
// weights in the manifest's order; the sequences template (options,
// scaling, vocabulary) comes from preprocessing.json, so a raw table is cut
// into windows or padded sequences exactly as in the notebook.
import { tf } from '../ml/tf.ts';
import type { Scalar } from '../core/outputs.ts';
import type { Head } from '../ml/models/network.ts';
import { SequenceModel } from '../ml/models/sequence-model.ts';
import { SequenceNet, type Pooling, type SequenceKind, type SequenceSpec } from '../ml/models/sequence-net.ts';
import type { FeatureScaling, PaddedOptions, SequenceData, WindowOptions } from '../ml/sequences/types.ts';
import { entry, finiteNumbers, isObject, jsonPart, refuse, strings } from './portable-files.ts';

const KINDS: readonly SequenceKind[] = ['lstm', 'gru', 'cnn1d'];
const HEADS: readonly Head[] = ['regression', 'binary', 'multiclass'];

interface FileLayer { className: string; config: Record<string, unknown>; weights: string[] }
interface WeightSpec { name: string; shape: number[] }

const num = (v: unknown): number => (Array.isArray(v) ? Number(v[0]) : Number(v));

/** The spec the workbench would have built these layers from (dropout and seed do not matter to predictions). */
function specOf(layers: FileLayer[], kind: SequenceKind, mode: 'windows' | 'padded', head: Head, features: number, steps: number, fail: (d: string) => Error): SequenceSpec {
  const of = (name: string) => layers.filter((l) => l.className === name);
  const dense = of('Dense').map((l) => num(l.config.units));
  const output = dense.pop();
  const pooling: Pooling = of('MaxPooling1D').length ? 'max' : of('AveragePooling1D').length ? 'average' : 'none';
  const embedding = of('Embedding')[0];
  if (output === undefined || !Number.isInteger(output)) throw fail('it has no output layer (Dense)');
  if ((mode === 'padded') !== !!embedding) throw fail(mode === 'padded' ? 'a padded model without its Embedding layer' : 'an Embedding layer in a windows model');
  return {
    kind, mode, head, features, steps,
    ...(head === 'multiclass' ? { classes: output } : {}),
    units: of(kind === 'lstm' ? 'LSTM' : 'GRU').map((l) => num(l.config.units)),
    filters: of('Conv1D').map((l) => num(l.config.filters)),
    kernelSize: num(of('Conv1D')[0]?.config.kernelSize ?? 3),
    pooling,
    dense,
    dropout: 0,
    recurrentDropout: 0,
    ...(embedding ? { vocab: num(embedding.config.inputDim) } : {}),
    embeddingDim: embedding ? num(embedding.config.outputDim) : 16,
    seed: 0,
  };
}

function scalingOf(v: unknown, features: number): FeatureScaling | undefined {
  if (!isObject(v) || !['standard', 'minmax', 'none'].includes(String(v.method))) return undefined;
  return finiteNumbers(v.offset, features) && finiteNumbers(v.scale, features) ? { method: v.method as FeatureScaling['method'], offset: v.offset, scale: v.scale } : undefined;
}

/** The empty sequences value the model keeps: how to cut a table, no data. */
function templateOf(seq: Record<string, unknown>, fail: (d: string) => Error): SequenceData {
  const mode = seq.mode;
  const steps = seq.steps;
  const options = seq.options;
  if ((mode !== 'windows' && mode !== 'padded') || typeof steps !== 'number' || !Number.isInteger(steps) || steps < 1 || !isObject(options) || !strings(options.features)) {
    throw fail('mode, steps and options (features) are needed');
  }
  const features = options.features;
  const scaling = scalingOf(seq.scaling, features.length);
  if (!scaling) throw fail(`scaling (a method and an offset and a scale per feature, ${features.length} each)`);
  if (mode === 'windows') {
    const o = options as unknown as WindowOptions;
    if (typeof o.target !== 'string' || typeof o.horizon !== 'number' || o.steps !== steps) throw fail('the windows options (target, steps, horizon)');
    return { kind: 'sequences', mode, options: o, n: 0, steps, features, X: new Float32Array(0), y: [], index: new Int32Array(0), scaling };
  }
  const o = options as unknown as PaddedOptions;
  const vocabulary = seq.vocabulary;
  if (typeof o.group !== 'string' || typeof o.state !== 'string' || !isObject(vocabulary)) throw fail('the padded options (group, state) and the vocabulary');
  const vocab: string[] = [];
  for (const [token, i] of Object.entries(vocabulary)) if (typeof i === 'number' && Number.isInteger(i) && i >= 0) vocab[i] = token;
  if (vocab.length < 2 || vocab.some((t) => t === undefined) || vocab.length !== Object.keys(vocabulary).length) throw fail('a vocabulary with one index per state, 0 to its size − 1');
  const empty = new Int32Array(0);
  return { kind: 'sequences', mode, options: o, n: 0, steps, vocab, features, states: empty, numeric: new Float32Array(0), targets: empty, lengths: empty, groups: [], scaling };
}

/** The sequence model in a download's files; `meta` is its model.meta.json. */
export function sequenceModelFromFiles(files: Map<string, Uint8Array>, meta: Record<string, unknown>, file: string): SequenceModel {
  const layersFail = (detail: string) => refuse('modelFile.sequenceLayers', file, { detail });
  const settingsFail = (detail: string) => refuse('modelFile.sequenceSettings', file, { detail });
  const kind = meta.modelType as SequenceKind;
  const head = meta.head as Head;
  if (!KINDS.includes(kind) || !HEADS.includes(head)) throw refuse('modelFile.badMeta', file, { detail: 'no model type (lstm, gru, cnn1d) or head' });
  const pre = jsonPart(files, 'preprocessing.json', file);
  if (!isObject(pre.sequences)) throw settingsFail('there is no "sequences" field');
  const template = templateOf(pre.sequences, settingsFail);
  const out = isObject(pre.network) && isObject(pre.network.outputScaling) ? pre.network.outputScaling : {};
  const yScale = typeof out.mean === 'number' && typeof out.std === 'number' ? { mean: out.mean, std: out.std } : { mean: 0, std: 1 };
  const classes = Array.isArray(meta.classes) ? (meta.classes as Scalar[]) : undefined;
  if (template.mode === 'windows' && head !== 'regression' && (!classes || classes.length < 2)) throw refuse('modelFile.badMeta', file, { detail: 'a classifier without its classes' });

  const weightsJson = jsonPart(files, 'weights.json', file);
  const layers = weightsJson.layers;
  const manifest = weightsJson.weightsManifest;
  if (!Array.isArray(layers) || !layers.every((l) => isObject(l) && typeof l.className === 'string' && isObject(l.config) && strings(l.weights))) throw layersFail('no list of layers');
  if (!Array.isArray(manifest) || manifest.length !== 1 || !isObject(manifest[0]) || !Array.isArray(manifest[0].weights) || !strings(manifest[0].paths)) throw layersFail('a damaged weightsManifest');
  const specs = manifest[0].weights as WeightSpec[];
  const bin = entry(files, manifest[0].paths[0] ?? 'weights.bin');
  if (!bin) throw refuse('modelFile.missingPart', file, { part: String(manifest[0].paths[0] ?? 'weights.bin') });

  const spec = specOf(layers as FileLayer[], kind, template.mode, head, template.features.length, template.steps, layersFail);
  let net: SequenceNet;
  try {
    net = new SequenceNet(spec);
  } catch (error) {
    throw layersFail(error instanceof Error ? error.message : String(error));
  }
  try {
    const built = net.layerList().map(({ layer }) => layer.getClassName());
    const listed = (layers as FileLayer[]).map((l) => l.className);
    if (built.join() !== listed.join()) throw layersFail(`its layers (${listed.join(', ')}) are not the ones a ${kind} network has (${built.join(', ')})`);
    const variables = net.variables;
    if (variables.length !== specs.length) throw layersFail(`${specs.length} weight arrays for a network with ${variables.length}`);
    let at = 0;
    variables.forEach((v, i) => {
      const shape = specs[i]?.shape;
      if (!Array.isArray(shape) || shape.join() !== v.shape.join()) throw layersFail(`weight ${i} (${String(specs[i]?.name)}) has shape [${String(shape)}], the network needs [${v.shape.join(', ')}]`);
      const size = v.size * 4;
      if (at + size > bin.length) throw layersFail('weights.bin is shorter than its manifest says');
      // A copy: the zip's bytes need not be aligned for a Float32Array (little endian, as written).
      const values = new Float32Array(bin.slice(at, at + size).buffer);
      tf.tidy(() => v.assign(tf.tensor(values, v.shape)));
      at += size;
    });
    if (at !== bin.length) throw layersFail('weights.bin is longer than its manifest says');
  } catch (error) {
    net.dispose();
    throw error;
  }
  return new SequenceModel({
    net,
    template,
    ...(template.mode === 'windows' && classes ? { classes } : {}),
    yScale,
    training: { loadedFrom: file },
  });
}
