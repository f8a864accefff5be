// The evaluate cell: predict a table with a trained model and report the
// task's metrics (scikit-learn semantics), optionally storing the predictions.
// Optional extras (absent = off, so older notebooks read the same): a chosen
// decision threshold, top-k accuracy, the classification report, per-group metrics.
import { z } from 'zod';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { Prediction } from '../core/values.ts';
import type { CellOutput, MetricsOutput, Scalar } from '../core/outputs.ts';
import { CellError } from '../core/errors.ts';
import { defineCell } from './types.ts';
import { tablePreview } from '../data/preview.ts';
import { targetLabels } from '../ml/features.ts';
import { classificationMetrics, regressionMetrics } from '../ml/metrics/index.ts';
import { columnValues } from '../ml/features.ts';
import { toScalar } from '../data/preview.ts';
import { applyThreshold, groupTable, reportTable, thresholdSchema, topK } from './evaluate-extras.ts';
import { binaryCurves, regressionPoints } from './evaluate-curves.ts';
import { progressText } from '../core/messages/progress.ts';

export const evaluateSchema = z.object({
  model: z.string().default('model').describe('Trained model to evaluate.'),
  input: z.string().default('test').describe('Table with the feature columns and the true target.'),
  predictions: z.string().default('').describe('Optional name to store a table of the rows with predictions (and class probabilities).'),
  output: z.string().default('metrics').describe('Name to store the metrics under.'),
  threshold: thresholdSchema.optional().describe('Two-class models: how to choose the decision threshold on the positive-class probability (absent = the model\'s own prediction).'),
  groupBy: z.string().optional().describe('Optional column: metrics per value of it (e.g. prefix length K) plus overall.'),
  topK: z.number().int().min(0).optional().describe('Classification: also report top-k accuracy for this k (0 or absent = off).'),
  report: z.boolean().optional().describe('Classification: show the per-class report (precision, recall, F1, support); absent = on.'),
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
    const extras: string[] = [];
    if (p.threshold && p.threshold.rule !== 'default') extras.push(`threshold ${p.threshold.rule === 'fixed' ? String(p.threshold.value) : p.threshold.rule}`);
    if (p.topK) extras.push(`top-${p.topK} accuracy`);
    if (p.groupBy) extras.push(`by ${p.groupBy}`);
    return `// evaluate ${p.model} on ${p.input} → ${p.output}${stored}${extras.length ? `\n// ${extras.join(', ')}` : ''}`;
  },
  async run(params, ctx): Promise<CellOutput[]> {
    const { model } = ctx.require(params.model, 'model', 'params.model');
    const input = ctx.get(params.input);
    let table: ColumnTable | undefined;
    let pred: Prediction;
    let truth: Scalar[];
    if (input?.type === 'object' && model.evaluateSequences) {
      // A sequences value (windows or padded steps): the model aligns predictions with their truth.
      if (params.groupBy) throw CellError.coded('evaluate.groupsNeedTable', {}, { where: 'params.groupBy' });
      ctx.progress({ phase: 'predict', ...progressText('progress.predictInput', { input: params.input }) });
      ({ truth, prediction: pred } = await model.evaluateSequences(input.value, ctx.signal));
      if (truth.length === 0) throw CellError.coded('evaluate.noWindows', { input: params.input }, { where: 'params.input' });
    } else {
      table = ctx.table(params.input, 'params.input');
      if (table.numRows() === 0) throw CellError.coded('evaluate.noRows', { table: params.input }, { where: 'params.input' });
      if (!table.columnNames().includes(model.target)) {
        throw CellError.coded('evaluate.noTarget', { table: params.input, target: model.target }, { where: 'params.input' });
      }
      ctx.progress({ phase: 'predict', ...progressText('progress.predictRows', { rows: table.numRows() }) });
      pred = await model.predict(table, ctx.signal);
      truth = targetLabels(table, model.target);
    }

    if (params.groupBy && table && !table.columnNames().includes(params.groupBy)) {
      throw CellError.coded('evaluate.noGroupColumn', { table: params.input, column: params.groupBy }, { where: 'params.groupBy' });
    }

    const out: MetricsOutput = { type: 'metrics', title: `${params.model} on ${params.input}`, titleKo: `${params.input}에서 평가한 ${params.model}`, task: model.task, metrics: {} };
    const extraOutputs: CellOutput[] = [];
    let predictions = pred.predictions;
    if (model.task === 'classification') {
      const classes = pred.classes ?? model.classes ?? [];
      const chosen = applyThreshold({ ...pred, classes }, truth, params.threshold);
      if (chosen) predictions = chosen.predictions;
      const { metrics, confusion } = classificationMetrics(truth, predictions, pred.probabilities, classes);
      out.metrics = metrics;
      out.confusion = confusion;
      if (chosen) {
        out.metrics.threshold = chosen.choice.threshold;
        out.title += ` at threshold ${+chosen.choice.threshold.toFixed(4)}`;
        out.titleKo += ` (임계값 ${+chosen.choice.threshold.toFixed(4)})`;
        const c = chosen.choice;
        extraOutputs.push({
          type: 'text',
          text: `Threshold ${c.threshold} (rule ${params.threshold?.rule}): accuracy ${c.metrics.accuracy.toFixed(4)}, F1 ${c.metrics.f1.toFixed(4)}, macro F1 ${c.metrics.f1_macro.toFixed(4)}, Youden's J ${c.metrics.youden.toFixed(4)}.`,
          ko: `임계값 ${c.threshold} (규칙 ${params.threshold?.rule}): 정확도 ${c.metrics.accuracy.toFixed(4)}, F1 ${c.metrics.f1.toFixed(4)}, 매크로 F1 ${c.metrics.f1_macro.toFixed(4)}, 유덴 J ${c.metrics.youden.toFixed(4)}.`,
        });
      }
      if (params.topK) {
        const k = topK(truth, { ...pred, classes }, params.topK);
        if (k !== undefined) out.metrics[`top_${params.topK}_accuracy`] = k;
      }
      const curves = binaryCurves(truth, pred, classes, chosen?.choice.threshold ?? 0.5);
      if (curves) out.binary = curves;
      if (params.report ?? true) extraOutputs.push(reportTable(truth, predictions));
    } else {
      const yTrue = truth.map((v, i) => {
        if (typeof v !== 'number') {
          throw CellError.coded('evaluate.targetNotNumber', { target: model.target, value: JSON.stringify(v), row: i + 1 }, { where: 'params.input' });
        }
        return v;
      });
      out.metrics = regressionMetrics(yTrue, pred.predictions as number[]);
      out.points = regressionPoints(yTrue, pred.predictions as number[]);
    }
    ctx.set(params.output, { type: 'metrics', metrics: out.metrics });

    if (params.groupBy && table) {
      const groups = columnValues(table, params.groupBy, 'params.groupBy').map(toScalar);
      extraOutputs.push(groupTable(model, groups, truth, predictions, pred, params.groupBy));
    }

    const outputs: CellOutput[] = [out];
    if (params.predictions) {
      const columns: Record<string, Scalar[] | number[]> = { prediction: predictions };
      (pred.classes ?? []).forEach((c, k) => {
        columns[`p_${String(c)}`] = pred.probabilities!.map((row) => row[k]);
      });
      const withPredictions = table ? table.reify().assign(aq.table(columns)) : aq.table({ truth, ...columns });
      ctx.set(params.predictions, { type: 'table', table: withPredictions });
      outputs.push(tablePreview(withPredictions, { name: params.predictions }));
    }
    return [...outputs, ...extraOutputs];
  },
});
