// The transform steps a pipeline is made of, as zod schemas: the transform
// cell's params embed them, and the pipeline fits them. Each step is a plain
// record with an `op` tag, so a notebook file stores it as JSON.
import { z } from 'zod';

const columns = z.array(z.string()).default([]).describe('Columns the step works on.');

export const selectStep = z.object({ op: z.literal('select'), columns: columns.describe('Columns to keep, in this order.') });
export const dropStep = z.object({ op: z.literal('drop'), columns: columns.describe('Columns to remove.') });
export const renameStep = z.object({
  op: z.literal('rename'),
  from: z.string().default('').describe('Current column name.'),
  to: z.string().default('').describe('New column name.'),
});
export const deriveStep = z.object({
  op: z.literal('derive'),
  name: z.string().default('').describe('Name of the new (or replaced) column.'),
  expr: z.string().default('d => d').describe('Arquero expression, e.g. "d => d.bill_length_mm / d.bill_depth_mm".'),
});
export const filterStep = z.object({
  op: z.literal('filter'),
  expr: z.string().default('d => true').describe('Arquero predicate; rows where it is true are kept, e.g. "d => op.valid(d.sex)".'),
});
export const imputeStep = z.object({
  op: z.literal('impute'),
  columns: columns.describe('Columns whose missing values are filled.'),
  strategy: z.enum(['mean', 'median', 'most_frequent', 'constant']).default('mean').describe('Fill value, learned from the training table (like scikit-learn SimpleImputer).'),
  value: z.union([z.number(), z.string(), z.boolean()]).optional().describe('Fill value for the constant strategy (default 0 for numbers, "missing_value" for text).'),
});
export const scaleStep = z.object({
  op: z.literal('scale'),
  columns: columns.describe('Numeric columns to scale.'),
  method: z.enum(['standard', 'minmax']).default('standard').describe('standard: (x - mean) / std (population std, like StandardScaler); minmax: to [0, 1] (like MinMaxScaler).'),
});
export const onehotStep = z.object({
  op: z.literal('onehot'),
  columns: columns.describe('Categorical columns to expand into 0/1 columns named column_value.'),
  dropFirst: z.boolean().default(false).describe('Drop the first (sorted) category of each column, to avoid collinear columns.'),
});

export const stepSchema = z.discriminatedUnion('op', [selectStep, dropStep, renameStep, deriveStep, filterStep, imputeStep, scaleStep, onehotStep]);

export type Step = z.output<typeof stepSchema>;
export type StepOf<Op extends Step['op']> = Extract<Step, { op: Op }>;
