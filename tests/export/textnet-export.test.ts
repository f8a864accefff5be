// The text classifier's character CNN in Python (helpers-textnet.ts) reads
// texts as the workbench does: the same vocabulary (frequency order, ties by
// UTF-16 code units, minCount, maxVocab), the same ids per text (code
// points, no lower-casing, unknown 1, padding 0, cut at maxLength), and a
// network with the workbench's weight count. Its metrics on review-sentiment
// are checked in course-notebooks.test.ts (CHAR_CNN_TOLERANCE).
import { describe, expect, it } from 'vitest';
import { charVocabulary, encodeChars, fitCharNet } from '../../src/ml/text/charNet.ts';
import { pythonMissing, runWithHelpers } from './helpers.ts';

const missing = pythonMissing(['numpy', 'pandas', 'torch']);

// Korean, case, astral characters (😀 U+1F600 sorts before U+FF01 by code point but after it by UTF-16 units), ties, rare characters.
const TEXTS = ['재밌다 ㅋㅋ 😀😀', 'Good GOOD good!', '최악 ！！ 별로', 'abcabc ab', '', 'x', '재미 없어요 ！ ㅋ', '𝒜𝒜 😀'];

describe.skipIf(missing !== undefined)(`the character CNN in Python${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('builds the same vocabulary and ids as the workbench', () => {
    for (const [minCount, maxVocab, maxLength] of [[1, 300, 12], [2, 300, 5], [1, 4, 20]]) {
      const vocab = charVocabulary(TEXTS, minCount, maxVocab);
      const ids = encodeChars(TEXTS, vocab, maxLength);
      const mine = runWithHelpers(`
import json
texts = ${JSON.stringify(TEXTS)}
vocab = char_vocabulary(texts, ${minCount}, ${maxVocab})
print(json.dumps({'vocab': sorted(vocab.items(), key=lambda kv: kv[1]), 'ids': encode_chars(texts, vocab, ${maxLength}).reshape(-1).tolist()}))
`) as { vocab: [string, number][]; ids: number[] };
      expect(mine.vocab, `minCount ${minCount}, maxVocab ${maxVocab}`).toEqual([...vocab]);
      expect(mine.ids, `maxLength ${maxLength}`).toEqual(Array.from(ids));
    }
  });

  it('has the workbench network\'s weights and learns a separable toy task', async () => {
    const texts = Array.from({ length: 120 }, (_, i) => (i % 2 ? `좋아요 최고 ${i}` : `별로 최악 ${i}`));
    const y = texts.map((_, i) => i % 2);
    const options = { maxLength: 20, embeddingDim: 8, units: 6, minCount: 1, maxVocab: 50, epochs: 20, batchSize: 16, learningRate: 0.01, seed: 7 };
    const model = await fitCharNet({ texts, y, target: 'label', textColumn: 'text', classes: [0, 1] }, options);
    const parameters = Number(model.describe().parameters);
    model.dispose();
    const mine = runWithHelpers(`
import json
texts = ${JSON.stringify(texts)}
net = CharCNN(max_length=20, embedding_dim=8, units=6, min_count=1, max_vocab=50, epochs=20, batch_size=16, learning_rate=0.01, seed=7).fit(texts, ${JSON.stringify(y)})
p = net.predict_proba(texts)
print(json.dumps({'parameters': sum(w.numel() for w in net.net.parameters()), 'accuracy': float(((p[:, 1] >= 0.5) == np.array(${JSON.stringify(y)})).mean()),
                  'rows_sum_to_one': bool(np.allclose(p.sum(axis=1), 1)), 'epochs': len(net.history)}))
`) as { parameters: number; accuracy: number; rows_sum_to_one: boolean; epochs: number };
    expect(mine.parameters).toBe(parameters);
    expect(mine.epochs).toBe(20);
    expect(mine.rows_sum_to_one).toBe(true);
    expect(mine.accuracy).toBe(1);
  });
});
