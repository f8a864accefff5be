// The retrieve cell on a small table: outputs, stored values, and clear
// messages for bad input.
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { retrieveCell, retrieveSchema } from '../../src/cells/retrieve.ts';
import { CellError } from '../../src/core/errors.ts';
import { testContext } from '../helpers/context.ts';
import { rejection } from '../helpers/rejection.ts';

const docs = aq.table({
  doc_id: ['returns', 'delivery', 'hours'],
  text: [
    'Unopened items can be returned within 30 days with the receipt. Fresh food comes back within 2 days.',
    'Delivery is free for orders over 50 dollars. Orders before noon arrive the same evening.',
    'The store opens at 7 and closes at 22. On Sundays it closes at 19.',
  ],
});
const questions = aq.table({
  question: ['When does the store close on Sunday?', 'How much for free delivery?'],
  doc_id: ['hours', 'delivery'],
  answer: ['On Sundays it closes at 19.', 'Delivery is free for orders over 50 dollars.'],
});

describe('retrieve cell', () => {
  it('indexes, searches, builds the prompt and evaluates', async () => {
    const ctx = testContext({ docs: { type: 'table', table: docs }, qs: { type: 'table', table: questions } });
    const params = retrieveSchema.parse({ query: 'returned unopened receipt', questions: 'qs', dimensions: 2, topK: 3, promptK: 2, chunkWords: 8 });
    const out = await retrieveCell.run(params, ctx);
    const chunks = ctx.values.get('chunks');
    expect(chunks?.type === 'table' && chunks.table.numRows()).toBeGreaterThan(3);
    const side = out.find((o) => o.type === 'table' && o.title?.startsWith('BM25')) as { rows: Record<string, unknown>[] };
    expect(side.rows).toHaveLength(3);
    expect(String(side.rows[0].bm25_chunk)).toMatch(/^returns#/);
    const prompt = out.find((o) => o.type === 'markdown' && o.markdown.includes('### Question')) as { markdown: string };
    expect(prompt.markdown).toContain('returned unopened receipt');
    expect(prompt.markdown.match(/^\[\d\] \(/gm)).toHaveLength(2);
    const m = ctx.values.get('retrieval');
    expect(m?.type).toBe('metrics');
    if (m?.type === 'metrics') {
      expect(m.metrics.questions).toBe(2);
      expect(m.metrics.bm25_recall_at_10).toBe(1);
    }
  });

  it('names the missing column and the parameter', async () => {
    const ctx = testContext({ docs: { type: 'table', table: docs } });
    const err = await rejection(retrieveCell.run(retrieveSchema.parse({ textColumn: 'body' }), ctx));
    expect(err).toBeInstanceOf(CellError);
    expect((err as CellError).message).toContain('"body"');
    expect((err as CellError).where).toBe('params.textColumn');
  });

  it('refuses an overlap as long as a chunk', async () => {
    const ctx = testContext({ docs: { type: 'table', table: docs } });
    const err = await rejection(retrieveCell.run(retrieveSchema.parse({ chunkWords: 10, overlap: 10 }), ctx));
    expect((err as CellError).where).toBe('params.overlap');
  });
});
