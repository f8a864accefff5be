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
  strategy: z
    .enum(['mean', 'median', 'most_frequent', 'constant', 'ffill'])
    .default('mean')
    .describe('Fill value, learned from the training table (like scikit-learn SimpleImputer); ffill carries the previous value forward (pandas ffill) within each table.'),
  value: z.union([z.number(), z.string(), z.boolean()]).optional().describe('Fill value for the constant strategy (default 0 for numbers, "missing_value" for text).'),
  by: z.string().optional().describe('ffill only: fill within each group of this column (a session, a store).'),
  orderBy: z.string().optional().describe('ffill only: carry forward in the order of this column (e.g. a date).'),
});
export const scaleStep = z.object({
  op: z.literal('scale'),
  columns: columns.describe('Numeric columns to scale.'),
  method: z
    .enum(['standard', 'minmax', 'robust'])
    .default('standard')
    .describe('standard: (x - mean) / std (population std, like StandardScaler); minmax: to [0, 1] (like MinMaxScaler); robust: (x - median) / IQR (like RobustScaler).'),
});
export const onehotStep = z.object({
  op: z.literal('onehot'),
  columns: columns.describe('Categorical columns to expand into 0/1 columns named column_value.'),
  dropFirst: z.boolean().default(false).describe('Drop the first (sorted) category of each column, to avoid collinear columns.'),
});

// Time-ordered steps: computed within each table (no history crosses from
// train into validation), per group of `by`, in the order of `orderBy`.
const by = z.string().optional().describe('Group column: computed within each group (a session, a store).');
const orderBy = z.string().optional().describe('Order column (e.g. a date): computed in its order; empty keeps row order.');
const column = z.string().default('').describe('Column the step works on.');

export const lagStep = z.object({
  op: z.literal('lag'),
  column,
  periods: z.array(z.number().int().min(1)).default(() => [1]).describe('Lags: column_lag1 holds the previous row\'s value (pandas shift(1)).'),
  by,
  orderBy,
});
export const leadStep = z.object({
  op: z.literal('lead'),
  column,
  periods: z.array(z.number().int().min(1)).default(() => [1]).describe('Leads: column_lead1 holds the next row\'s value (pandas shift(-1)).'),
  by,
  orderBy,
});
export const diffStep = z.object({
  op: z.literal('diff'),
  column,
  periods: z.number().int().min(1).default(1).describe('column_diff{periods} = value minus the value that many rows earlier (pandas diff).'),
  by,
  orderBy,
});
export const rollingStep = z.object({
  op: z.literal('rolling'),
  column,
  window: z.number().int().min(1).default(3).describe('Rows in the trailing window, the current row included.'),
  stat: z.enum(['mean', 'std', 'min', 'max', 'sum']).default('mean').describe('Statistic over the window (std: sample, ddof 1, like pandas).'),
  minPeriods: z.number().int().min(0).optional().describe('Fewest non-missing values needed for a result (default: the window, like pandas).'),
  by,
  orderBy,
});
export const datepartsStep = z.object({
  op: z.literal('dateparts'),
  column,
  parts: z
    .array(z.enum(['year', 'month', 'day', 'weekday', 'hour', 'weekend', 'dayofyear']))
    .default(() => ['year' as const, 'month' as const, 'day' as const, 'weekday' as const])
    .describe('Parts to add as column_part (UTC; weekday Monday = 0 like pandas; weekend is Saturday or Sunday).'),
});
export const gapsStep = z.object({
  op: z.literal('gaps'),
  time: z.string().default('timestamp').describe('Date column of the events.'),
  by,
  name: z.string().default('gap_sec').describe('Name of the new column: seconds since the previous event of the group (0 for the first).'),
});
export const deltasStep = z.object({
  op: z.literal('deltas'),
  columns: columns.describe('Running counters whose change per event is wanted.'),
  by,
  orderBy,
  prefix: z.string().default('delta_').describe('New columns are prefix + column.'),
  clip: z.boolean().default(false).describe('Clip negative changes to 0.'),
});
export const binStep = z.object({
  op: z.literal('bin'),
  column,
  bins: z.union([z.number().int().min(1), z.array(z.number())]).default(4).describe('Number of equal-width bins (edges learned on the training table) or the edges themselves (pandas cut, right-closed).'),
  labels: z.array(z.string()).optional().describe('One label per bin (default: the bin number 0, 1, ...).'),
  name: z.string().optional().describe('New column name (default column_bin).'),
});
export const shiftTargetStep = z.object({
  op: z.literal('shiftTarget'),
  column,
  lead: z.number().int().min(1).default(1).describe('Lead time in rows: the value this many rows later (pandas shift(-lead)).'),
  by,
  orderBy,
  name: z.string().optional().describe('New column name (default target_lead{lead}).'),
});
export const ordinalStep = z.object({
  op: z.literal('ordinal'),
  columns: columns.describe('Categorical columns to replace by their category number (sorted categories, 0-based).'),
});
export const targetEncodeStep = z.object({
  op: z.literal('target'),
  columns: columns.describe('Categorical columns to replace by the smoothed mean of the target per category.'),
  target: z.string().default('').describe('Numeric or 0/1 target column (read on the training table only).'),
  smoothing: z.number().min(0).default(10).describe('m in (n * mean_c + m * global) / (n + m): pulls rare categories toward the overall mean.'),
});

export const holidayStep = z.object({
  op: z.literal('holiday'),
  column: column.describe('Date column to check (compared by UTC day, so timestamps match their day).'),
  dates: z.array(z.string()).default(() => []).describe('Holiday dates, yyyy-mm-dd.'),
  from: z
    .object({
      table: z.string().describe('Table of holidays, e.g. holidays.'),
      column: z.string().describe('Its date column.'),
    })
    .optional()
    .describe('Also read the holidays from a date column of another table (read when the cell runs; the fitted transform keeps the dates).'),
  name: z.string().default('is_holiday').describe('Name of the new column: true on a holiday, false otherwise, missing when the date is.'),
});

export const stepSchema = z.discriminatedUnion('op', [
  selectStep, dropStep, renameStep, deriveStep, filterStep, imputeStep, scaleStep, onehotStep,
  lagStep, leadStep, diffStep, rollingStep, datepartsStep, gapsStep, deltasStep, binStep, shiftTargetStep, ordinalStep, targetEncodeStep, holidayStep,
]);

export type Step = z.output<typeof stepSchema>;
export type StepOf<Op extends Step['op']> = Extract<Step, { op: Op }>;
