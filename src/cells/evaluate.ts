// The evaluate cell: predict a table with a trained model and report the
// task's metrics (scikit-learn semantics), optionally storing the predictions.
import { z } from 'zod';
import * as aq from 'arquero';
import type { CellOutput, MetricsOutput, Scalar } from '../core/outputs.ts';
import { CellError } from '../core/errors.ts';
import { defineCell } from './types.ts';
import { tablePreview } from '../data/preview.ts';
import { targetLabels } from '../ml/features.ts';
import { classificationMetrics, regressionMetrics } from '../ml/metrics/index.ts';

export const evaluateSchema = z.object({
  model: z.string().default('model').describe('Trained model to evaluate.'),
  input: z.string().default('test').describe('Table with the feature columns and the true target.'),
  predictions: z.string().default('').describe('Optional name to store a table of the rows with predictions (and class probabilities).'),
  output: z.string().default('metrics').describe('Name to store the metrics under.'),
});

export type EvaluateParams = z.output<typeof evaluateSchema>;

export const evaluateCell = defineCell({
  kind: 'evaluate',
  label: 'Evaluate',
  description: 'Score a trained model on a table: accuracy, precision, recall, F1, ROC-AUC, log loss and a confusion matrix, or RMSE, MAE, MAPE and R².',
  schema: evaluateSchema,
  runnable: true,
  reads: (p) => [p.model, p.input],
  writes: (p) => (p.predictions ? [p.output, p.predictions] : [p.output]),
  render(p) {
    const stored = p.predictions ? `, predictions → ${p.predictions}` : '';
    return `// evaluate ${p.model} on ${p.input} → ${p.output}${stored}`;
  },
  async run(params, ctx): Promise<CellOutput[]> {
    const { model } = ctx.require(params.model, 'model', 'params.model');
    const table = ctx.table(params.input, 'params.input');
    if (table.numRows() === 0) throw new CellError(`Table "${params.input}" has no rows to evaluate on.`, { where: 'params.input' });
    if (!table.columnNames().includes(model.target)) {
      throw new CellError(`Table "${params.input}" has no target column "${model.target}", so there is nothing to compare predictions with.`, {
        hint: 'Evaluate on a table that keeps the target, such as the test part of a split.',
        where: 'params.input',
      });
    }
    ctx.progress({ phase: 'predict', message: `Predicting ${table.numRows()} rows` });
    const pred = await model.predict(table, ctx.signal);
    const truth = targetLabels(table, model.target);

    const out: MetricsOutput = { type: 'metrics', title: `${params.model} on ${params.input}`, task: model.task, metrics: {} };
    if (model.task === 'classification') {
      const classes = pred.classes ?? model.classes ?? [];
      const { metrics, confusion } = classificationMetrics(truth, pred.predictions, pred.probabilities, classes);
      out.metrics = metrics;
      out.confusion = confusion;
    } else {
      const yTrue = truth.map((v, i) => {
        if (typeof v !== 'number') {
          throw new CellError(`Target "${model.target}" holds a non-number (${JSON.stringify(v)}) in row ${i + 1}.`, { where: 'params.input' });
        }
        return v;
      });
      out.metrics = regressionMetrics(yTrue, pred.predictions as number[]);
    }
    ctx.set(params.output, { type: 'metrics', metrics: out.metrics });

    const outputs: CellOutput[] = [out];
    if (params.predictions) {
      const columns: Record<string, Scalar[] | number[]> = { prediction: pred.predictions };
      (pred.classes ?? []).forEach((c, k) => {
        columns[`p_${String(c)}`] = pred.probabilities!.map((row) => row[k]);
      });
      const withPredictions = table.reify().assign(aq.table(columns));
      ctx.set(params.predictions, { type: 'table', table: withPredictions });
      outputs.push(tablePreview(withPredictions, { name: params.predictions }));
    }
    return outputs;
  },
});
