// The transform cell: an ordered list of steps (select, drop, rename,
// derive, filter, impute, scale, onehot) fitted on one table and applied
// with the same fitted state to other tables (validation, test), so no
// statistic ever leaks from them into training.
import { z } from 'zod';
import type { CellOutput } from '../core/outputs.ts';
import { CellError, checkAborted } from '../core/errors.ts';
import { defineCell } from './types.ts';
import { stepSchema, type Step } from '../data/transforms/schema.ts';
import { fitPipeline } from '../data/transforms/pipeline.ts';
import { holidaySourceTables, resolveHolidaySources } from '../data/transforms/holiday.ts';
import { tablePreview } from '../data/preview.ts';
import { describeFeatureStep } from '../data/transforms/describe.ts';

export const transformSchema = z.object({
  input: z.string().default('train').describe('Table to fit the steps on (the training data).'),
  output: z.string().default('train_prepared').describe('Name for the transformed input table.'),
  steps: z.array(stepSchema).default(() => []).describe('Steps, applied in order.'),
  applyTo: z
    .array(z.object({ input: z.string().describe('Another table, e.g. valid or test.'), output: z.string().describe('Name for it once transformed.') }))
    .default(() => [])
    .describe('Other tables transformed with the same fitted state (nothing is learned from them).'),
  transform: z.string().default('transform').describe('Name to store the fitted transform under (to reuse on new data).'),
});

export type TransformParams = z.output<typeof transformSchema>;

/** One readable line per step. */
export function describeStep(step: Step): string {
  switch (step.op) {
    case 'select': return `select ${step.columns.join(', ')}`;
    case 'drop': return `drop ${step.columns.join(', ')}`;
    case 'rename': return `rename ${step.from} → ${step.to}`;
    case 'derive': return `derive ${step.name} = ${step.expr}`;
    case 'filter': return `filter ${step.expr}`;
    case 'impute': return `impute ${step.columns.join(', ')} with ${step.strategy}${step.strategy === 'constant' && step.value !== undefined ? ` ${JSON.stringify(step.value)}` : ''}`;
    case 'scale': return `scale ${step.columns.join(', ')} (${step.method})`;
    case 'onehot': return `onehot ${step.columns.join(', ')}${step.dropFirst ? ' (drop first)' : ''}`;
    default: return describeFeatureStep(step);
  }
}

export const transformCell = defineCell({
  kind: 'transform',
  label: 'Transform',
  description: 'Prepare features: select, drop, rename, derive and filter columns, impute missing values, scale and one-hot encode, fitted on the training table and reused on the others.',
  schema: transformSchema,
  runnable: true,
  reads: (p) => [p.input, ...p.applyTo.map((a) => a.input), ...holidaySourceTables(p.steps)],
  writes: (p) => [p.output, ...p.applyTo.map((a) => a.output), p.transform],
  render(p) {
    const lines = [`// transform ${p.input} → ${p.output}${p.applyTo.map((a) => `, ${a.input} → ${a.output}`).join('')} (fitted as ${p.transform})`];
    p.steps.forEach((s, i) => lines.push(`//   ${i + 1}. ${describeStep(s)}`));
    return lines.join('\n');
  },
  async run(params, ctx): Promise<CellOutput[]> {
    const names: [string, string][] = [['params.output', params.output], ['params.transform', params.transform]];
    params.applyTo.forEach((a, i) => names.push([`params.applyTo.${i}.output`, a.output]));
    for (const [where, name] of names) if (name.trim() === '') throw CellError.coded('name.result', {}, { where });
    const table = ctx.table(params.input, 'params.input');
    const others = params.applyTo.map((a, i) => ctx.table(a.input, `params.applyTo.${i}.input`));
    ctx.progress({ phase: 'fit' });
    // Holiday steps that name a table read its dates now; the fitted state keeps them.
    const steps = resolveHolidaySources(params.steps, (name, where) => ctx.table(name, where));
    const pipeline = fitPipeline(steps, table, ctx.signal);
    const outputs: CellOutput[] = [tablePreview(pipeline.fitted, { name: params.output })];
    const results = others.map((t, i) => {
      checkAborted(ctx.signal);
      ctx.progress({ phase: 'apply', fraction: (i + 1) / others.length });
      return pipeline.apply(t);
    });
    ctx.set(params.output, { type: 'table', table: pipeline.fitted });
    results.forEach((t, i) => {
      ctx.set(params.applyTo[i].output, { type: 'table', table: t });
      outputs.push(tablePreview(t, { name: params.applyTo[i].output, rows: 10 }));
    });
    ctx.set(params.transform, { type: 'transform', transform: pipeline });
    return outputs;
  },
});
