// The predict cell: apply a trained model (after the fitted transform of a
// transform cell, when given) to a table or to one row typed in the params,
// and show predictions with a probability per class.
import { z } from 'zod';
import * as aq from 'arquero';
import type { CellOutput, Scalar } from '../core/outputs.ts';
import { CellError } from '../core/errors.ts';
import { defineCell } from './types.ts';
import { tablePreview } from '../data/preview.ts';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const predictSchema = z.object({
  model: z.string().default('model').describe('Trained model.'),
  transform: z.string().default('').describe('Optional fitted transform (from a transform cell) applied first, as in training.'),
  input: z.string().default('').describe('Table to predict; empty = the single row below.'),
  row: z.record(z.string(), scalar).default({}).describe('One row, column → value, used when input is empty.'),
  output: z.string().default('predictions').describe('Name to store the predictions table under.'),
});

export type PredictParams = z.output<typeof predictSchema>;

export const predictCell = defineCell({
  kind: 'predict',
  label: 'Predict',
  description: 'Predict with a trained model on a table or on one typed-in row, with class probabilities.',
  schema: predictSchema,
  runnable: true,
  reads: (p) => [p.model, ...(p.transform ? [p.transform] : []), ...(p.input ? [p.input] : [])],
  writes: (p) => [p.output],
  render(p) {
    const source = p.input || `row ${JSON.stringify(p.row)}`;
    const via = p.transform ? ` via ${p.transform}` : '';
    return `// predict ${p.model} on ${source}${via} → ${p.output}`;
  },
  async run(params, ctx): Promise<CellOutput[]> {
    if (!params.output.trim()) throw CellError.coded('name.predictionsOutput', {}, { where: 'params.output' });
    const { model } = ctx.require(params.model, 'model', 'params.model');
    let table: aq.ColumnTable;
    if (params.input) table = ctx.table(params.input, 'params.input');
    else {
      if (Object.keys(params.row).length === 0) {
        throw CellError.coded('predict.noInput', { features: model.features.join(', ') }, { where: 'params.row' });
      }
      table = aq.table(Object.fromEntries(Object.entries(params.row).map(([k, v]) => [k, [v]])));
    }
    if (params.transform) {
      const { transform } = ctx.require(params.transform, 'transform', 'params.transform');
      table = transform.apply(table);
    }
    const missing = model.features.filter((f) => !table.columnNames().includes(f));
    if (missing.length) {
      const one = missing.length === 1;
      const code = params.transform ? (one ? 'predict.lacksFeatureAfterTransform' : 'predict.lacksFeaturesAfterTransform') : one ? 'predict.lacksFeature' : 'predict.lacksFeatures';
      throw CellError.coded(code, { features: missing.map((m) => `"${m}"`).join(', ') }, { where: params.input ? 'params.input' : 'params.row' });
    }
    ctx.progress({ phase: 'predict', message: `Predicting ${table.numRows()} rows` });
    const pred = await model.predict(table, ctx.signal);
    const columns: Record<string, Scalar[] | number[]> = { prediction: pred.predictions };
    const classes = pred.classes ?? [];
    classes.forEach((c, k) => {
      columns[`p_${String(c)}`] = (pred.probabilities ?? []).map((r) => r[k]);
    });
    const result = table.reify().assign(aq.table(columns));
    ctx.set(params.output, { type: 'table', table: result });
    const outputs: CellOutput[] = [tablePreview(result, { name: params.output })];
    if (table.numRows() === 1 && pred.probabilities) {
      const p = pred.probabilities[0];
      outputs.push({
        type: 'figure', title: `Predicted: ${String(pred.predictions[0])}`,
        spec: {
          data: [{ type: 'bar', x: classes.map(String), y: p, text: p.map((v) => v.toFixed(3)), textposition: 'auto' }],
          layout: { title: { text: `Predicted: ${String(pred.predictions[0])}` }, xaxis: { title: { text: model.target } }, yaxis: { title: { text: 'probability' }, range: [0, 1] } },
        },
      });
    }
    return outputs;
  },
});
