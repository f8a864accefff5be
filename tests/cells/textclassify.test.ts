// The text classifier cell: a separable toy set, its model in the evaluate
// cell's terms, and clear messages for bad input.
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { textClassifyCell, textClassifySchema } from '../../src/cells/textclassify.ts';
import { CellError } from '../../src/core/errors.ts';
import { testContext } from '../helpers/context.ts';
import { rejection } from '../helpers/rejection.ts';

const train = aq.table({
  review: ['정말 재밌다', '최고의 영화', '재밌고 좋았다', '최고 최고', '정말 지루하다', '최악의 영화', '지루하고 별로', '최악 최악'],
  stars: ['pos', 'pos', 'pos', 'pos', 'neg', 'neg', 'neg', 'neg'],
});

describe('textclassify cell', () => {
  it('learns a separable toy set and predicts like any model', async () => {
    const ctx = testContext({ train: { type: 'table', table: train } });
    const out = await textClassifyCell.run(textClassifySchema.parse({ textColumn: 'review', target: 'stars', minDf: 1, C: 10 }), ctx);
    expect(out[0].type === 'markdown' && out[0].markdown).toContain('converged');
    const v = ctx.values.get('text_model');
    expect(v?.type).toBe('model');
    if (v?.type !== 'model') return;
    expect(v.model.classes).toEqual(['neg', 'pos']);
    const pred = await v.model.predict(aq.table({ review: ['재밌다 최고', '지루하다 최악'] }));
    expect(pred.predictions).toEqual(['pos', 'neg']);
    expect(pred.probabilities![0][1]).toBeGreaterThan(0.5);
  });

  it('names a missing column, and refuses more than two classes', async () => {
    const ctx = testContext({ train: { type: 'table', table: train } });
    const missing = await rejection(textClassifyCell.run(textClassifySchema.parse({ textColumn: 'body', target: 'stars' }), ctx));
    expect(missing).toBeInstanceOf(CellError);
    expect((missing as CellError).where).toBe('params.textColumn');
    const three = testContext({ train: { type: 'table', table: aq.table({ t: ['a', 'b', 'c'], y: [1, 2, 3] }) } });
    const err = await rejection(textClassifyCell.run(textClassifySchema.parse({ textColumn: 't', target: 'y', minDf: 1 }), three));
    expect((err as CellError).message).toMatch(/exactly two classes/);
  });
});

describe('character CNN', () => {
  it('numbers characters by frequency (0 pad, 1 unknown) and learns a toy set', async () => {
    const { charVocabulary, encodeChars } = await import('../../src/ml/text/charNet.ts');
    const vocab = charVocabulary(['aab', 'abc'], 1, 2);
    expect([...vocab]).toEqual([['a', 2], ['b', 3]]);
    expect([...encodeChars(['abcz'], vocab, 5)]).toEqual([2, 3, 1, 1, 0]);

    const { initBackend } = await import('../../src/ml/backend.ts');
    await initBackend({ order: ['cpu'] });
    const texts = Array.from({ length: 64 }, (_, i) => (i % 2 ? '좋아요 최고' : '별로 최악') + ' '.repeat(i % 3));
    const table = aq.table({ review: texts, y: texts.map((_, i) => i % 2) });
    const ctx = testContext({ train: { type: 'table', table } });
    await textClassifyCell.run(textClassifySchema.parse({ textColumn: 'review', target: 'y', model: 'cnn1d', net: { maxLength: 8, epochs: 15, batchSize: 16, minCount: 1, learningRate: 0.05 } }), ctx);
    const v = ctx.values.get('text_model');
    if (v?.type !== 'model') throw new Error('no model');
    const pred = await v.model.predict(aq.table({ review: ['최고 좋아요', '최악 별로'] }));
    expect(pred.predictions).toEqual([1, 0]);
    v.model.dispose();
  });
});
