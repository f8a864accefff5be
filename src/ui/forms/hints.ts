// Layout hints per cell kind: which fields a form shows for the current
// choices (the train cell shows the chosen model's settings only) and which
// go under "Advanced". A kind without hints gets a good form anyway: fields
// that are optional with no default (absent = off) go under Advanced when
// the form is long.
import type { JSONSchema } from './schema.ts';

type Params = Record<string, unknown>;

export interface KindHints {
  /** Field paths (top-level keys, or "gbdt.lambda" inside a group) shown under Advanced. */
  advanced?: string[];
  /** Field paths shown only when the predicate holds for the cell's params. */
  when?: Record<string, (params: Params) => boolean>;
  /** Field paths always shown in the basic part, even when optional. */
  basic?: string[];
}

const NEURAL = ['linear', 'logistic', 'mlp', 'lstm', 'gru', 'cnn1d'];
const SEQUENCE = ['lstm', 'gru', 'cnn1d'];
const model = (p: Params) => String(p.model ?? 'mlp');
const isNeural = (p: Params) => NEURAL.includes(model(p));

export const HINTS: Record<string, KindHints> = {
  train: {
    basic: ['gbdt', 'sequence'],
    advanced: [
      'paramsFrom', 'task', 'l2', 'seed', 'patience', 'classWeight', 'classWeightCap', 'lrSchedule', 'clipNorm', 'monitor', 'monitorMode', 'restoreBest', 'weightDecay',
      'gbdt.maxLeaves', 'gbdt.minChildWeight', 'gbdt.minSamplesLeaf', 'gbdt.subsample', 'gbdt.colsample', 'gbdt.lambda', 'gbdt.alpha', 'gbdt.gamma', 'gbdt.scalePosWeight', 'gbdt.earlyStoppingRounds', 'gbdt.stoppingMetric', 'gbdt.maxBins',
      'sequence.recurrentDropout', 'sequence.embeddingDim', 'sequence.pooling',
    ],
    when: {
      hidden: (p) => model(p) === 'mlp',
      activation: (p) => model(p) === 'mlp',
      dropout: (p) => model(p) === 'mlp' || SEQUENCE.includes(model(p)),
      l2: isNeural,
      optimizer: isNeural,
      learningRate: isNeural,
      epochs: isNeural,
      batchSize: isNeural,
      lrSchedule: isNeural,
      clipNorm: isNeural,
      monitor: isNeural,
      monitorMode: isNeural,
      restoreBest: isNeural,
      patience: isNeural,
      weightDecay: (p) => isNeural(p) && p.optimizer === 'adamw',
      gbdt: (p) => model(p) === 'gbdt',
      sequence: (p) => SEQUENCE.includes(model(p)),
      'sequence.units': (p) => model(p) === 'lstm' || model(p) === 'gru',
      'sequence.recurrentDropout': (p) => model(p) === 'lstm' || model(p) === 'gru',
      'sequence.filters': (p) => model(p) === 'cnn1d',
      'sequence.kernelSize': (p) => model(p) === 'cnn1d',
      'sequence.pooling': (p) => model(p) === 'cnn1d',
      classWeight: (p) => p.task !== 'regression' && model(p) !== 'linear',
      classWeightCap: (p) => p.classWeight === 'inverse_capped',
    },
  },
  split: {
    advanced: ['seed', 'outputs', 'lastDays'],
    basic: ['group', 'time', 'target'],
    when: {
      group: (p) => p.method === 'group',
      time: (p) => p.method === 'time',
      lastDays: (p) => p.method === 'time',
    },
  },
  load: { advanced: ['delimiter', 'header', 'ragged', 'missing', 'types', 'format'] },
  pipeline: {
    advanced: ['testFraction', 'seed', 'output', 'result', 'train.task'],
    when: {
      'train.rounds': (p) => pipelineModel(p) === 'gbdt',
      'train.eta': (p) => pipelineModel(p) === 'gbdt',
      'train.maxDepth': (p) => pipelineModel(p) === 'gbdt',
      'train.hidden': (p) => pipelineModel(p) === 'mlp',
      'train.epochs': (p) => pipelineModel(p) !== 'gbdt',
      'train.learningRate': (p) => pipelineModel(p) !== 'gbdt',
    },
  },
};

/** The pipeline cell's model kind (its train step's). */
function pipelineModel(p: Params): string {
  const train = p.train as { model?: unknown } | undefined;
  return typeof train?.model === 'string' ? train.model : 'gbdt';
}

/** A long form: optional fields with no default move under Advanced. */
const LONG_FORM = 8;

/** Whether a field is shown now, and whether in the Advanced part. */
export function placement(kind: string | undefined, path: string, schema: JSONSchema, siblings: number, params: Params, required: boolean): 'hidden' | 'basic' | 'advanced' {
  const hints = (kind && HINTS[kind]) || {};
  const when = hints.when?.[path];
  if (when && !when(params)) return 'hidden';
  if (hints.advanced?.includes(path)) return 'advanced';
  if (hints.basic?.includes(path)) return 'basic';
  // Nested fields follow their group unless named above.
  if (path.includes('.')) return 'basic';
  if (siblings > LONG_FORM && !required && schema.default === undefined) return 'advanced';
  return 'basic';
}
