// The model card cell: document a trained model — intended use, data
// (fingerprint, rows), metrics, slices, limitations and training
// parameters — as Markdown in the notebook and as a standalone HTML page
// stored as a text value for download.
import { z } from 'zod';
import type { CellOutput } from '../core/outputs.ts';
import { CellError } from '../core/errors.ts';
import { defineCell } from './types.ts';
import { fingerprintTable } from '../lifecycle/fingerprint.ts';
import { buildModelCard, cardToHtml, cardToMarkdown, type ModelCardInput } from '../lifecycle/modelcard.ts';
import { toScalar } from '../data/preview.ts';

export const modelcardSchema = z.object({
  model: z.string().default('model').describe('Trained model the card documents.'),
  metrics: z.string().default('metrics').describe('Metrics value from an evaluate cell; empty to leave metrics out.'),
  title: z.string().default('').describe('Card title; empty means "Model card: <model>".'),
  intendedUse: z.string().default('').describe('What the model is for, and for whom.'),
  limitations: z.string().default('').describe('Known limits, failure modes and out-of-scope uses.'),
  data: z.string().default('').describe('Description of the training and evaluation data.'),
  trainingData: z.string().default('').describe('Optional training table: its rows, columns and fingerprint go on the card.'),
  slices: z.string().default('').describe('Optional table of metrics per slice (one row per slice).'),
  output: z.string().default('model_card').describe('Name to store the standalone HTML card under (a text value).'),
});

export type ModelcardParams = z.output<typeof modelcardSchema>;

export const modelcardCell = defineCell({
  kind: 'modelcard',
  label: 'Model card',
  description: 'Write a model card (intended use, data, metrics, slices, limitations, training parameters) as Markdown and as a downloadable HTML page.',
  schema: modelcardSchema,
  runnable: true,
  reads: (p) => [p.model, ...[p.metrics, p.trainingData, p.slices].filter(Boolean)],
  writes: (p) => (p.output ? [p.output] : []),
  render: (p) => `// model card for ${p.model}${p.metrics ? ` with ${p.metrics}` : ''} → ${p.output || '(not stored)'}`,
  async run(params, ctx): Promise<CellOutput[]> {
    const { model } = ctx.require(params.model, 'model', 'params.model');
    let parameters: Record<string, unknown>;
    try {
      parameters = model.describe();
    } catch (e) {
      throw CellError.coded('modelcard.describeFailed', { detail: (e as Error).message }, { where: 'params.model' });
    }
    const input: ModelCardInput = {
      title: params.title.trim() || `Model card: ${params.model}`,
      modelType: model.modelType,
      task: model.task,
      target: model.target,
      features: model.features,
      parameters,
      intendedUse: params.intendedUse,
      limitations: params.limitations,
      dataDescription: params.data,
      createdAt: new Date().toISOString().slice(0, 10),
    };
    if (params.metrics) input.metrics = { source: params.metrics, values: ctx.require(params.metrics, 'metrics', 'params.metrics').metrics };
    if (params.trainingData) input.fingerprint = { table: params.trainingData, ...fingerprintTable(ctx.table(params.trainingData, 'params.trainingData')) };
    if (params.slices) {
      const t = ctx.table(params.slices, 'params.slices');
      const columns = t.columnNames();
      const rows = t.objects().map((r) => Object.fromEntries(columns.map((c) => [c, toScalar((r as Record<string, unknown>)[c])])));
      input.slices = { source: params.slices, columns, rows };
    }
    const card = buildModelCard(input);
    if (params.output) ctx.set(params.output, { type: 'text', text: cardToHtml(card) });
    // The Korean UI shows the card's own words in Korean; a title left empty is the card's too.
    const cardKo = buildModelCard({ ...input, title: params.title.trim() || `모델 카드: ${params.model}` }, 'ko');
    const out: CellOutput[] = [{ type: 'markdown', markdown: cardToMarkdown(card), ko: cardToMarkdown(cardKo) }];
    if (params.output) {
      out.push({
        type: 'text', text: `Standalone HTML card stored as "${params.output}" (download it from the values panel).`,
        ko: `따로 열리는 HTML 카드를 "${params.output}"에 저장했어요 (값 패널에서 내려받으세요).`,
      });
    }
    return out;
  },
});
