// The exported retrieve cell's tokens and chunks are the workbench's:
// Hangul words as character n-grams, other scripts' words whole, digits kept,
// punctuation and underscores separating words; chunks with an overlap.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/ml/text/tokenize.ts';
import { chunkDocument } from '../../src/ml/text/chunk.ts';
import { pyLiteral } from '../../src/export/python/context.ts';
import { pythonMissing, runWithHelpers } from './helpers.ts';

const missing = pythonMissing(['numpy', 'pandas', 'sklearn']);

const texts = [
  '반품은 30일 이내에 가능합니다. 반품하려면 영수증을 가져오세요!',
  "Can't I return it after 30 days? E-mail: help_desk@kmart.example",
  'Größe XL — café crème, 2x 안녕 가 나다라',
  '   spaced\ttabs\nand newlines   ',
];

describe.skipIf(missing !== undefined)(`retrieve exported to Python: tokens and chunks${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('tokenizes like the workbench for n = 0, 2 and 3', () => {
    for (const n of [0, 2, 3]) {
      const py = runWithHelpers(`print(json.dumps([retrieval_tokens(t, ${n}) for t in ${pyLiteral(texts)}]))`);
      expect(py, `n = ${n}`).toEqual(texts.map((t) => tokenize(t, { hangulNgram: n })));
    }
  });

  it('cuts the same chunks, with and without overlap', () => {
    const text = Array.from({ length: 23 }, (_, i) => `w${i}`).join(' ');
    for (const [size, overlap] of [[8, 0], [8, 3], [23, 0], [30, 5]]) {
      const py = runWithHelpers(`c = chunk_documents(pd.DataFrame({'id': ['d'], 'text': [${pyLiteral(text)}]}), 'id', 'text', size=${size}, overlap=${overlap})
print(json.dumps(c[['chunk_id', 'start', 'text']].values.tolist()))`);
      expect(py, `size ${size}, overlap ${overlap}`).toEqual(chunkDocument('d', text, { size, overlap }).map((c) => [c.id, c.start, c.text]));
    }
  });
});
