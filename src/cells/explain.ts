// The explain cell: which features a trained model relies on (permutation
// importance on a table, plus the model's own importances when it has them,
// e.g. trees) as a ranked bar chart, and optionally the partial dependence
// of one feature as a line chart.
import { z } from 'zod';
import * as aq from 'arquero';
import type { CellOutput, FigureOutput } from '../core/outputs.ts';
import { CellError } from '../core/errors.ts';
import { defineCell } from './types.ts';
import { tablePreview } from '../data/preview.ts';
import { modelImportances, partialDependence, permutationImportance } from '../ml/explain/index.ts';
import { progressText } from '../core/messages/progress.ts';

export const explainSchema = z.object({
  model: z.string().default('model').describe('Trained model to explain.'),
  input: z.string().default('test').describe('Table with the features and the target (held-out data shows what generalises).'),
  scoring: z.enum(['auto', 'accuracy', 'roc_auc', 'r2']).default('auto').describe('Score whose drop measures importance; auto = accuracy (classes) or R² (numbers).'),
  repeats: z.number().int().min(1).max(100).default(5).describe('Shuffles per feature.'),
  seed: z.number().int().default(42).describe('Random seed for the shuffles.'),
  feature: z.string().default('').describe('Optional feature for a partial dependence plot.'),
  gridResolution: z.number().int().min(2).max(200).default(20).describe('Partial dependence: points on the feature\'s grid.'),
  output: z.string().default('importances').describe('Name to store the importance table under.'),
});

export type ExplainParams = z.output<typeof explainSchema>;

function bars(title: string, titleKo: string, items: { feature: string; value: number; error?: number }[]): FigureOutput {
  // Horizontal bars, largest on top: Plotly draws the first category at the bottom.
  const sorted = [...items].sort((a, b) => a.value - b.value);
  const trace: Record<string, unknown> = { type: 'bar', orientation: 'h', x: sorted.map((i) => i.value), y: sorted.map((i) => i.feature) };
  if (items.some((i) => i.error !== undefined)) trace.error_x = { type: 'data', array: sorted.map((i) => i.error ?? 0) };
  return {
    type: 'figure', title, titleKo,
    spec: { data: [trace], layout: { title: { text: title }, xaxis: { title: { text: 'importance' } }, margin: { l: 120 } } },
    ko: { layout: { title: titleKo, xaxis: '중요도' } },
  };
}

export const explainCell = defineCell({
  kind: 'explain',
  label: 'Explain',
  description: 'Permutation importance of every feature (and the model\'s own importances, for trees), plus partial dependence of one feature.',
  schema: explainSchema,
  runnable: true,
  reads: (p) => [p.model, p.input],
  writes: (p) => [p.output],
  render(p) {
    const pd = p.feature ? `, partial dependence of ${p.feature}` : '';
    return `// explain ${p.model} on ${p.input}: permutation importance (${p.scoring}, ${p.repeats} repeats, seed ${p.seed})${pd} → ${p.output}`;
  },
  async run(params, ctx): Promise<CellOutput[]> {
    if (!params.output.trim()) throw CellError.coded('explain.nameOutput', {}, { where: 'params.output' });
    const { model } = ctx.require(params.model, 'model', 'params.model');
    const table = ctx.table(params.input, 'params.input');
    if (table.numRows() === 0) throw CellError.coded('table.noRows', { table: params.input }, { where: 'params.input' });
    if (!table.columnNames().includes(model.target)) {
      throw CellError.coded('explain.noTarget', { table: params.input, target: model.target }, { where: 'params.input' });
    }
    const perm = await permutationImportance(model, table, {
      scoring: params.scoring, nRepeats: params.repeats, seed: params.seed, signal: ctx.signal,
      onFeature: (done, total) => ctx.progress({ phase: 'explain', fraction: done / total, ...progressText('progress.permuted', { done, total }) }),
    });
    const builtin = modelImportances(model);
    const columns: Record<string, (string | number)[]> = {
      feature: perm.features.map((f) => f.feature), importance_mean: perm.features.map((f) => f.mean), importance_std: perm.features.map((f) => f.std),
    };
    if (builtin) columns.model_importance = builtin.map((b) => b.importance);
    const result = aq.table(columns).orderby(aq.desc('importance_mean')).reify();
    ctx.set(params.output, { type: 'table', table: result });

    const outputs: CellOutput[] = [
      tablePreview(result, { name: params.output, title: `Permutation importance (drop in ${perm.scoring}; baseline ${perm.baseline.toFixed(4)})`,
        titleKo: `순열 중요도 (${perm.scoring} 감소량, 기준 ${perm.baseline.toFixed(4)})` }),
      bars(`Permutation importance (${perm.scoring})`, `순열 중요도 (${perm.scoring})`, perm.features.map((f) => ({ feature: f.feature, value: f.mean, error: f.std }))),
    ];
    if (builtin) outputs.push(bars('Model feature importance', '모델의 특성 중요도', builtin.map((b) => ({ feature: b.feature, value: b.importance }))));
    if (params.feature) {
      const pd = await partialDependence(model, table, params.feature, { gridResolution: params.gridResolution, signal: ctx.signal });
      const title = `Partial dependence on ${params.feature}`;
      const titleKo = `${params.feature}에 대한 부분 의존성`;
      outputs.push({
        type: 'figure', title, titleKo,
        ko: { layout: { title: titleKo, yaxis: model.task === 'regression' ? `${model.target} 평균 예측값` : '평균 확률' }, traces: pd.curves.map((c) => (model.task === 'regression' ? `${String(c.output)} 평균` : null)) },
        spec: {
          data: pd.curves.map((c) => ({ type: 'scatter', mode: 'lines+markers', name: model.task === 'regression' ? `mean ${String(c.output)}` : `P(${String(c.output)})`, x: pd.grid, y: c.average })),
          layout: { title: { text: title }, xaxis: { title: { text: params.feature } }, yaxis: { title: { text: model.task === 'regression' ? `average predicted ${model.target}` : 'average probability' } } },
        },
      });
    }
    return outputs;
  },
});
