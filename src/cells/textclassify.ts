// The text classifier cell (K-Mart day 4, the classic way): TF-IDF of
// character n-grams inside words (or of word n-grams) and a logistic
// regression fitted as scikit-learn fits it, or a small neural network over
// characters (embedding + 1D-CNN or LSTM). Writes a model that the evaluate
// and predict cells use like any other; the logistic model also shows the
// n-grams that weigh most for each class.
import { z } from 'zod';
import type { CellOutput, TableOutput } from '../core/outputs.ts';
import { CellError, checkAborted } from '../core/errors.ts';
import { defineCell } from './types.ts';
import { classificationTarget } from '../ml/features.ts';
import { fitTfidf, tfidfMatrix } from '../ml/text/tfidf.ts';
import { fitLogistic } from '../ml/text/logistic.ts';
import { columnTexts, textTokens, TextLogisticModel } from '../ml/text/textModel.ts';
import { fitCharNet } from '../ml/text/charNet.ts';
import type { Scalar } from '../core/outputs.ts';
import { progressText } from '../core/messages/progress.ts';

export const textClassifySchema = z.object({
  input: z.string().default('train').describe('Training table.'),
  textColumn: z.string().default('text').describe('Column with the text to classify.'),
  target: z.string().default('label').describe('Column with the class (two classes).'),
  model: z.enum(['logistic', 'cnn1d']).default('logistic').describe('logistic: TF-IDF n-grams + logistic regression; cnn1d: character embedding + 1D convolution (max-pooled).'),
  analyzer: z.enum(['char_wb', 'word']).default('char_wb').describe('char_wb: character n-grams inside words (works for Korean without a tokenizer); word: word n-grams.'),
  ngramMin: z.number().int().min(1).max(8).default(1).describe('Shortest n-gram.'),
  ngramMax: z.number().int().min(1).max(8).default(3).describe('Longest n-gram.'),
  minDf: z.number().int().min(1).default(2).describe('Keep n-grams found in at least this many texts.'),
  maxFeatures: z.number().int().min(0).default(0).describe('Keep only the most frequent n-grams (0 = all).'),
  sublinearTf: z.boolean().default(true).describe('Use 1 + log(count) instead of the count.'),
  C: z.number().gt(0).default(1).describe('Inverse regularisation strength (scikit-learn\'s C): smaller = simpler model.'),
  maxIter: z.number().int().min(1).max(10_000).default(1000).describe('L-BFGS iterations at most.'),
  net: z.object({
    maxLength: z.number().int().min(4).max(1000).default(60).describe('Characters kept per text.'),
    embeddingDim: z.number().int().min(1).max(256).default(16).describe('Embedding width of each character.'),
    units: z.number().int().min(1).max(512).default(32).describe('Convolution filters (each 3 characters wide).'),
    minCount: z.number().int().min(1).default(2).describe('Characters seen fewer times become "unknown".'),
    maxVocab: z.number().int().min(1).max(5000).default(300).describe('Only the most frequent characters get their own embedding; the rest share "unknown".'),
    epochs: z.number().int().min(1).max(200).default(3),
    batchSize: z.number().int().min(1).max(4096).default(64),
    learningRate: z.number().gt(0).default(0.005),
    seed: z.number().int().default(42),
  }).default({ maxLength: 60, embeddingDim: 16, units: 32, minCount: 2, maxVocab: 300, epochs: 3, batchSize: 64, learningRate: 0.005, seed: 42 }).describe('The neural model only (cnn1d).'),
  output: z.string().default('text_model').describe('Name to store the model under.'),
});

export type TextClassifyParams = z.output<typeof textClassifySchema>;

export const textClassifyCell = defineCell({
  kind: 'textclassify',
  label: 'Text classifier',
  description: 'Classify texts with TF-IDF of character n-grams (or words) and logistic regression, as scikit-learn does, or with a character embedding + 1D-CNN; the model works with the evaluate and predict cells.',
  schema: textClassifySchema,
  runnable: true,
  reads: (p) => [p.input],
  writes: (p) => [p.output],
  render: (p) => p.model !== 'logistic'
    ? `// ${p.output} = character embedding(${p.net.embeddingDim}) + Conv1D(${p.net.units}, 3) + global max pooling + sigmoid, first ${p.net.maxLength} characters\n// fit on ${p.input}.${p.textColumn} → ${p.target}: ${p.net.epochs} epochs, batch ${p.net.batchSize}, Adam ${p.net.learningRate}, seed ${p.net.seed}`
    : `// ${p.output} = TfidfVectorizer(analyzer='${p.analyzer}', ngram_range=(${p.ngramMin}, ${p.ngramMax}), min_df=${p.minDf}${p.maxFeatures ? `, max_features=${p.maxFeatures}` : ''}${p.sublinearTf ? ', sublinear_tf=True' : ''}) + LogisticRegression(C=${p.C})\n// fit on ${p.input}.${p.textColumn} → ${p.target}`,
  async run(params, ctx): Promise<CellOutput[]> {
    if (params.ngramMax < params.ngramMin) throw CellError.coded('text.ngramOrder', { max: params.ngramMax, min: params.ngramMin }, { where: 'params.ngramMax' });
    const table = ctx.table(params.input, 'params.input');
    for (const [col, where] of [[params.textColumn, 'params.textColumn'], [params.target, 'params.target']] as const) {
      if (!table.columnNames().includes(col)) throw CellError.coded('text.columnNotIn', { column: col, table: params.input, columns: table.columnNames().join(', ') }, { where });
    }
    const { y, classes } = classificationTarget(table, params.target);
    if (classes.length !== 2) {
      throw CellError.coded('text.twoClasses', { target: params.target, count: classes.length, classes: classes.slice(0, 5).map((c) => JSON.stringify(c)).join(', ') }, { where: 'params.target' });
    }
    if (params.model !== 'logistic') return fitNet(params, ctx, columnTexts(table, params.textColumn), y, classes);
    const tokenOptions = { analyzer: params.analyzer, ngramMin: params.ngramMin, ngramMax: params.ngramMax };
    ctx.progress({ phase: 'features', ...progressText('progress.tfidf') });
    const tokens = columnTexts(table, params.textColumn).map((t) => textTokens(t, tokenOptions));
    const tfidf = fitTfidf(tokens, { minDf: params.minDf, maxFeatures: params.maxFeatures, sublinearTf: params.sublinearTf });
    if (!tfidf.vocabulary.length) throw CellError.coded('text.noNgrams', { minDf: params.minDf }, { where: 'params.minDf' });
    const rows = tfidfMatrix(tfidf, tokens);
    checkAborted(ctx.signal);
    const fit = fitLogistic(rows, y, tfidf.vocabulary.length, { C: params.C, maxIter: params.maxIter, tolerance: 1e-5 }, (i, loss) => {
      checkAborted(ctx.signal);
      ctx.progress({ phase: 'fit', ...progressText('progress.lbfgs', { i, loss: loss.toFixed(4) }), fraction: i / params.maxIter });
    });
    const model = new TextLogisticModel(params.target, params.textColumn, classes, tokenOptions, tfidf, fit, { analyzer: params.analyzer, ngram: [params.ngramMin, params.ngramMax], minDf: params.minDf, C: params.C });
    ctx.set(params.output, { type: 'model', model });
    const trainPred = await model.predict(table, ctx.signal);
    const trainAccuracy = trainPred.predictions.filter((p, i) => p === classes[y[i]]).length / y.length;
    const { positive, negative } = model.strongest(15);
    const rows15 = positive.map(([term, w], i) => ({ rank: i + 1, [`towards ${classes[1]}`]: term, weight_1: w, [`towards ${classes[0]}`]: negative[i][0], weight_0: negative[i][1] }));
    const top: TableOutput = {
      type: 'table', title: 'The n-grams that weigh most (␣ marks a word boundary)', titleKo: '가중치가 가장 큰 n-그램 (␣는 단어 경계)',
      columns: [{ name: 'rank', type: 'integer' }, { name: `towards ${classes[1]}`, type: 'string' }, { name: 'weight_1', type: 'number' }, { name: `towards ${classes[0]}`, type: 'string' }, { name: 'weight_0', type: 'number' }],
      rowCount: rows15.length,
      rows: rows15.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' ? v.replaceAll(' ', '␣') : v]))),
    };
    return [
      {
        type: 'markdown',
        markdown: `**${params.output}**: ${tfidf.vocabulary.length.toLocaleString('en')} ${params.analyzer === 'char_wb' ? 'character' : 'word'} n-grams (${params.ngramMin}–${params.ngramMax}) from ${y.length.toLocaleString('en')} texts; `
          + `logistic regression (C = ${params.C}) ${fit.converged ? `converged in ${fit.iterations} L-BFGS iterations` : `stopped after ${fit.iterations} iterations without converging — raise maxIter`}. `
          + `Training accuracy ${(trainAccuracy * 100).toFixed(1)} % (the test set tells the truth).`,
        ko: `**${params.output}**: 텍스트 ${y.length.toLocaleString('en')}개에서 ${params.analyzer === 'char_wb' ? '글자' : '단어'} n-그램 (${params.ngramMin}–${params.ngramMax}) ${tfidf.vocabulary.length.toLocaleString('en')}개; `
          + `로지스틱 회귀 (C = ${params.C}) ${fit.converged ? `L-BFGS ${fit.iterations}번 반복에서 수렴했어요` : `${fit.iterations}번 반복하고도 수렴하지 못했어요 — maxIter를 늘리세요`}. `
          + `학습 정확도 ${(trainAccuracy * 100).toFixed(1)} % (진짜 성능은 테스트 세트가 알려 줘요).`,
      },
      top,
    ];
  },
});

async function fitNet(params: TextClassifyParams, ctx: Parameters<typeof textClassifyCell.run>[1], texts: string[], y: Int32Array, classes: Scalar[]): Promise<CellOutput[]> {
  const options = { ...params.net };
  const model = await fitCharNet({ texts, y, target: params.target, textColumn: params.textColumn, classes }, options, {
    signal: ctx.signal,
    onEpoch: (e) => ctx.progress({ phase: 'train', epoch: e.epoch, epochs: options.epochs, loss: e.loss, fraction: e.epoch / options.epochs, ...progressText('progress.epoch', { epoch: e.epoch, epochs: options.epochs, loss: e.loss.toFixed(4) }) }),
  });
  ctx.set(params.output, { type: 'model', model });
  const p = model.probabilities(texts);
  const trainAccuracy = p.filter((v, i) => (v >= 0.5 ? 1 : 0) === y[i]).length / y.length;
  const d = model.describe();
  const summary = `**${params.output}**: character embedding (${String(d.vocabulary)} characters × ${options.embeddingDim}) + 1D convolution (${options.units} filters of width 3, max-pooled) + sigmoid; `
    + `${Number(d.parameters).toLocaleString('en')} weights, ${options.epochs} epochs. `
    + `Training accuracy ${(trainAccuracy * 100).toFixed(1)} % (the test set tells the truth).`;
  const summaryKo = `**${params.output}**: 글자 임베딩 (글자 ${String(d.vocabulary)}개 × ${options.embeddingDim}) + 1D 합성곱 (너비 3 필터 ${options.units}개, 최대 풀링) + 시그모이드; `
    + `가중치 ${Number(d.parameters).toLocaleString('en')}개, 에포크 ${options.epochs}번. `
    + `학습 정확도 ${(trainAccuracy * 100).toFixed(1)} % (진짜 성능은 테스트 세트가 알려 줘요).`;
  const loss = model.history.at(-1)!.loss.toFixed(4);
  return [
    {
      type: 'training', history: model.history.map((h) => ({ epoch: h.epoch, loss: h.loss })),
      summary: `${options.epochs} epochs, final loss ${loss}`, summaryKo: `에포크 ${options.epochs}번, 마지막 손실 ${loss}`,
    },
    { type: 'markdown', markdown: summary, ko: summaryKo },
  ];
}
