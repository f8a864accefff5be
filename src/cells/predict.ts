// The predict cell: apply a trained model (after the fitted transform of a
// transform cell, when given) to a table or to one row typed in the params,
// and show predictions with a probability per class. The model is a value
// of the notebook or, with modelFile, a model zip downloaded from the
// saved-models list and uploaded again, or an XGBoost JSON model from
// Python (src/export/portable-load.ts).
import { z } from 'zod';
import * as aq from 'arquero';
import type { CellOutput, Scalar } from '../core/outputs.ts';
import { CellError, isCancelled } from '../core/errors.ts';
import { defineCell, type CellContext } from './types.ts';
import { tablePreview } from '../data/preview.ts';
import type { TrainedModel } from '../core/values.ts';
import { loadPortableModel } from '../export/portable-load.ts';
import { progressText } from '../core/messages/progress.ts';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const predictSchema = z.object({
  model: z.string().default('model').describe('Trained model.'),
  modelFile: z.object({
    fileId: z.string().describe('The uploaded model file (run headless: its path relative to the notebook).'),
    fileName: z.string().default('').describe('The file\'s name, shown in messages.'),
  }).optional().describe('Or a model from a file: the <name>-model.zip the saved-models list downloads (a network, boosted trees, or an LSTM, GRU or 1D-CNN), or an XGBoost JSON model saved by Python with its feature names, uploaded. Used instead of the trained model above; absent = the trained model.'),
  transform: z.string().default('').describe('Optional fitted transform (from a transform cell) applied first, as in training.'),
  input: z.string().default('').describe('Table to predict; empty = the single row below. A window sequence model predicts on the last row of each window (rows that end no window get none).'),
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
  reads: (p) => [...(p.modelFile ? [] : [p.model]), ...(p.transform ? [p.transform] : []), ...(p.input ? [p.input] : [])],
  writes: (p) => [p.output],
  render(p) {
    const source = p.input || `row ${JSON.stringify(p.row)}`;
    const via = p.transform ? ` via ${p.transform}` : '';
    const model = p.modelFile ? `the model in ${p.modelFile.fileName || p.modelFile.fileId} (file)` : p.model;
    return `// predict ${model} on ${source}${via} → ${p.output}`;
  },
  async run(params, ctx): Promise<CellOutput[]> {
    if (!params.output.trim()) throw CellError.coded('name.predictionsOutput', {}, { where: 'params.output' });
    const fromFile = params.modelFile ? await modelFromFile(params.modelFile, ctx) : undefined;
    try {
      return await predictWith(fromFile ?? ctx.require(params.model, 'model', 'params.model').model, params, ctx);
    } finally {
      fromFile?.dispose();
    }
  },
});

/** The model in an uploaded model file; its failures point at the file field. */
async function modelFromFile(file: NonNullable<PredictParams['modelFile']>, ctx: CellContext): Promise<TrainedModel> {
  if (!file.fileId.trim()) throw CellError.coded('predict.chooseZip', {}, { where: 'params.modelFile.fileId' });
  const label = file.fileName || file.fileId;
  try {
    ctx.progress({ phase: 'load', ...progressText('progress.loadingModel', { file: label }) });
    return await loadPortableModel(await ctx.host.readUserFile(file.fileId), label);
  } catch (error) {
    if (isCancelled(error) || (error instanceof CellError && error.where)) throw error;
    if (error instanceof CellError) throw new CellError(error.message, { ...(error.hint ? { hint: error.hint } : {}), where: 'params.modelFile.fileId', cause: error, ...(error.code ? { code: error.code, params: error.params } : {}) });
    throw CellError.coded('predict.loadFailed', { detail: error instanceof Error ? error.message : String(error) }, { where: 'params.modelFile.fileId', cause: error });
  }
}

async function predictWith(model: TrainedModel, params: PredictParams, ctx: CellContext): Promise<CellOutput[]> {
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
  ctx.progress({ phase: 'predict', ...progressText('progress.predictRows', { rows: table.numRows() }) });
  const pred = await model.predict(table, ctx.signal);
  const n = table.numRows();
  if (!pred.rows && pred.predictions.length !== n) throw CellError.coded('predict.notPerRow', { predictions: pred.predictions.length, rows: n }, { where: params.input ? 'params.input' : 'params.row' });
  // One value per input row; a sequence model's predictions go to the rows they belong to (null where no window ends).
  const perRow = <T,>(values: T[]): (T | null)[] => {
    if (!pred.rows) return values;
    const out = new Array<T | null>(n).fill(null);
    pred.rows.forEach((row, i) => (out[row] = values[i]));
    return out;
  };
  const columns: Record<string, (Scalar | number | null)[]> = { prediction: perRow(pred.predictions) };
  const classes = pred.classes ?? [];
  classes.forEach((c, k) => {
    columns[`p_${String(c)}`] = perRow((pred.probabilities ?? []).map((r) => r[k]));
  });
  const result = table.reify().assign(aq.table(columns));
  ctx.set(params.output, { type: 'table', table: result });
  const outputs: CellOutput[] = [tablePreview(result, { name: params.output })];
  if (table.numRows() === 1 && pred.probabilities?.length === 1) {
    const p = pred.probabilities[0];
    outputs.push({
      type: 'figure', title: `Predicted: ${String(pred.predictions[0])}`, titleKo: `예측: ${String(pred.predictions[0])}`,
      ko: { layout: { title: `예측: ${String(pred.predictions[0])}`, yaxis: '확률' } },
      spec: {
        data: [{ type: 'bar', x: classes.map(String), y: p, text: p.map((v) => v.toFixed(3)), textposition: 'auto' }],
        layout: { title: { text: `Predicted: ${String(pred.predictions[0])}` }, xaxis: { title: { text: model.target } }, yaxis: { title: { text: 'probability' }, range: [0, 1] } },
      },
    });
  }
  return outputs;
}
