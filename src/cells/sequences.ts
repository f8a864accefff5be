// The sequences cell: cut a time-ordered table into sliding windows
// (many-to-one: forecasting, classification) or into one padded sequence per
// group (many-to-many next-state prediction), fitting scaling and the state
// vocabulary on the input table and reusing them for the applyTo tables.
import { z } from 'zod';
import type { ColumnTable } from 'arquero';
import type { CellOutput, Scalar, TableOutput } from '../core/outputs.ts';
import { CellError } from '../core/errors.ts';
import { defineCell } from './types.ts';
import { isNumericColumn } from '../ml/features.ts';
import { buildPadded, buildWindows, PAD, UNK, type PaddedSequences, type SequenceData } from '../ml/sequences/index.ts';
import { progressText } from '../core/messages/progress.ts';

export const sequencesSchema = z.object({
  input: z.string().default('train').describe('Training table (time-ordered, or give a time column); scaling and vocabulary are fitted on it.'),
  mode: z.enum(['windows', 'padded']).default('windows').describe('windows: sliding windows of timesteps with one target each; padded: one sequence per group, a next-state target per step.'),
  features: z.array(z.string()).default([]).describe('Numeric feature columns per step; empty means every numeric column except target, group, time and state.'),
  target: z.string().default('').describe('windows: the column to predict.'),
  steps: z.number().int().min(1).max(10_000).default(7).describe('windows: timesteps per window.'),
  horizon: z.number().int().min(0).default(1).describe("windows: the target this many rows after the window's last row (0 = that row)."),
  group: z.string().default('').describe('Group column (series or session id): windows never cross groups; padded makes one sequence per group.'),
  time: z.string().default('').describe('Optional column to sort rows by within each group.'),
  state: z.string().default('').describe('padded: the categorical state column (mapped through the vocabulary: PAD 0, UNK 1, then sorted states).'),
  maxLength: z.number().int().min(0).default(0).describe('padded: steps kept per sequence, the last ones (0 = the longest training sequence).'),
  minLength: z.number().int().min(2).default(2).describe('padded: groups with fewer rows are dropped.'),
  scale: z.enum(['standard', 'minmax', 'none']).default('standard').describe('Feature scaling fitted on the training table: standard (z-score), minmax (0–1) or none.'),
  applyTo: z.array(z.object({ input: z.string(), output: z.string() })).default([]).describe('Other tables (validation, test) built with the same scaling and vocabulary.'),
  output: z.string().default('sequences').describe('Name to store the training sequences under.'),
});

export type SequencesParams = z.output<typeof sequencesSchema>;

function defaultFeatures(table: ColumnTable, p: SequencesParams): string[] {
  if (p.features.length) return [...p.features];
  const skip = new Set([p.target, p.group, p.time, p.state].filter(Boolean));
  return table.columnNames().filter((n) => !skip.has(n) && isNumericColumn(table, n));
}

function build(table: ColumnTable, p: SequencesParams, features: string[], fitted?: SequenceData): SequenceData {
  if (p.mode === 'windows') {
    const options = { features, target: p.target, steps: p.steps, horizon: p.horizon, ...(p.group ? { group: p.group } : {}), ...(p.time ? { time: p.time } : {}) };
    return buildWindows(table, options, fitted?.scaling, p.scale);
  }
  const options = { group: p.group, state: p.state, features, maxLength: p.maxLength, minLength: p.minLength, ...(p.time ? { time: p.time } : {}) };
  const f = fitted?.mode === 'padded' ? { vocab: fitted.vocab, scaling: fitted.scaling, steps: fitted.steps } : undefined;
  return buildPadded(table, options, f, p.scale);
}

function shapeRow(name: string, d: SequenceData): Record<string, Scalar> {
  const F = d.features.length;
  if (d.mode === 'windows') return { name, mode: 'windows', samples: d.n, steps: d.steps, features: F, shape: `(${d.n}, ${d.steps}, ${F})`, targets: d.n };
  let real = 0;
  for (const l of d.lengths) real += l;
  return { name, mode: 'padded', samples: d.n, steps: d.steps, features: F, shape: `(${d.n}, ${d.steps}) states + (${d.n}, ${d.steps}, ${F})`, targets: real };
}

function vocabularyTable(d: PaddedSequences): TableOutput {
  const counts = new Array<number>(d.vocab.length).fill(0);
  for (let i = 0; i < d.targets.length; i++) if (d.targets[i] > 0) counts[d.targets[i]]++;
  const rows = d.vocab.map((state, index) => ({ index, state, targetCount: counts[index] }));
  return {
    type: 'table', title: `Vocabulary (${d.vocab.length} entries; ${PAD} = 0, ${UNK} = 1)`, titleKo: `어휘 (항목 ${d.vocab.length}개; ${PAD} = 0, ${UNK} = 1)`,
    columns: [{ name: 'index', type: 'integer' }, { name: 'state', type: 'string' }, { name: 'targetCount', type: 'integer' }],
    rowCount: rows.length, rows: rows.slice(0, 200),
  };
}

export const sequencesCell = defineCell({
  kind: 'sequences',
  label: 'Sequences',
  description: 'Turn a time-ordered table into sliding windows (forecasting) or padded per-group sequences with a state vocabulary (next-state prediction) for LSTM, GRU and 1D-CNN models.',
  schema: sequencesSchema,
  runnable: true,
  reads: (p) => [p.input, ...p.applyTo.map((a) => a.input)],
  writes: (p) => [p.output, ...p.applyTo.map((a) => a.output)],
  render(p) {
    const also = p.applyTo.length ? `; also ${p.applyTo.map((a) => `${a.input} → ${a.output}`).join(', ')}` : '';
    const what = p.mode === 'windows'
      ? `windows of ${p.steps} steps, target ${p.target || '?'} +${p.horizon}`
      : `padded sequences of ${p.state || '?'} per ${p.group || '?'}`;
    const extras = [p.group && p.mode === 'windows' ? `group ${p.group}` : '', p.time ? `sorted by ${p.time}` : '', `${p.scale} scaling`].filter(Boolean).join(', ');
    return `// sequences: ${what} from ${p.input} → ${p.output}${also}\n// ${extras}`;
  },
  async run(params, ctx): Promise<CellOutput[]> {
    if (!params.output.trim()) throw CellError.coded('sequences.nameOutput', {}, { where: 'params.output' });
    if (params.mode === 'windows' && !params.target) throw CellError.coded('target.missing', {}, { where: 'params.target' });
    const table = ctx.table(params.input, 'params.input');
    const features = defaultFeatures(table, params);
    if (params.mode === 'windows' && features.length === 0) {
      throw CellError.coded('sequences.noNumericFeatures', {}, { where: 'params.features' });
    }
    ctx.progress({ phase: 'sequences', ...progressText('progress.buildingSequences', { mode: params.mode, input: params.input }) });
    const train = build(table, params, features);
    const built: [string, SequenceData][] = [[params.output, train]];
    for (const a of params.applyTo) {
      ctx.progress({ phase: 'sequences', ...progressText('progress.buildingSequences', { mode: params.mode, input: a.input }) });
      built.push([a.output, build(ctx.table(a.input, 'params.applyTo'), params, features, train)]);
    }
    for (const [name, data] of built) ctx.set(name, { type: 'object', value: data });
    const rows = built.map(([name, d]) => shapeRow(name, d));
    const shapes: TableOutput = {
      type: 'table', title: 'Sequence shapes', titleKo: '시퀀스 모양',
      columns: [
        { name: 'name', type: 'string' }, { name: 'mode', type: 'string' }, { name: 'samples', type: 'integer' }, { name: 'steps', type: 'integer' },
        { name: 'features', type: 'integer' }, { name: 'shape', type: 'string' }, { name: 'targets', type: 'integer' },
      ],
      rowCount: rows.length, rows,
    };
    return train.mode === 'padded' ? [shapes, vocabularyTable(train)] : [shapes];
  },
});
