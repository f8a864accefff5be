// The retrieval engine against references: Okapi BM25 reimplemented in
// Python, scikit-learn's TF-IDF and TruncatedSVD (ARPACK) and its char_wb
// analyzer (tests/fixtures/make_text_fixtures.py), plus the chunker,
// tokeniser and ranking measures on cases worked by hand.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildBm25, bm25Scores } from '../../src/ml/text/bm25.ts';
import { fitTfidf, tfidfMatrix, tfidfRow } from '../../src/ml/text/tfidf.ts';
import { fitLsa, lsaTransform } from '../../src/ml/text/lsa.ts';
import { charWbNgrams, tokenize } from '../../src/ml/text/tokenize.ts';
import { chunkAt, chunkDocument, findPhrase } from '../../src/ml/text/chunk.ts';
import { firstRelevantRank, fuseScores, randomRetrievalScores, rankByScore, retrievalScores } from '../../src/ml/text/ranking.ts';
import { ragPrompt } from '../../src/ml/text/prompt.ts';

const fx = JSON.parse(readFileSync(new URL('../fixtures/text_retrieval.json', import.meta.url), 'utf8')) as {
  k1: number; b: number; docs: string[][]; queries: string[][]; bm25: number[][]; vocabulary: string[]; idf: number[]; tfidf: number[][];
  dims: number; singular_values: number[]; components: number[][]; transformed: number[][]; query_transformed: number[][]; char_wb: Record<string, string[]>;
};

function dense(row: { indices: Int32Array; values: Float64Array }, width: number): number[] {
  const out = new Array<number>(width).fill(0);
  row.indices.forEach((j, i) => (out[j] = row.values[i]));
  return out;
}

describe('BM25', () => {
  it('equals the Python Okapi BM25 (same k1, b) on every query and passage', () => {
    const index = buildBm25(fx.docs, { k1: fx.k1, b: fx.b });
    fx.queries.forEach((q, i) => {
      const scores = bm25Scores(index, q);
      fx.bm25[i].forEach((s, d) => expect(scores[d], `query ${i} doc ${d}`).toBeCloseTo(s, 10));
    });
    // The fixture exercises repeated terms, an unknown term and non-zero scores.
    expect(fx.bm25[4].every((s) => s === 0)).toBe(true);
    expect(Math.max(...fx.bm25[0])).toBeGreaterThan(1);
  });

  it('rejects parameters outside their range', () => {
    expect(() => buildBm25(fx.docs, { k1: -1, b: 0.5 })).toThrow(/k1/);
    expect(() => buildBm25(fx.docs, { k1: 1.2, b: 1.5 })).toThrow(/b/);
  });
});

describe('TF-IDF and LSA', () => {
  const model = fitTfidf(fx.docs);
  const rows = tfidfMatrix(model, fx.docs);

  it('TF-IDF equals scikit-learn\'s TfidfVectorizer (vocabulary, idf, rows)', () => {
    expect(model.vocabulary).toEqual(fx.vocabulary);
    fx.idf.forEach((v, j) => expect(model.idf[j]).toBeCloseTo(v, 12));
    rows.forEach((r, i) => dense(r, fx.vocabulary.length).forEach((v, j) => expect(v, `row ${i} col ${j}`).toBeCloseTo(fx.tfidf[i][j], 12)));
  });

  it('the truncated SVD equals scikit-learn\'s TruncatedSVD (ARPACK) up to the sign of each component', () => {
    const lsa = fitLsa(rows, model.vocabulary.length, fx.dims);
    fx.singular_values.forEach((s, c) => expect(lsa.singularValues[c]).toBeCloseTo(s, 9));
    for (let c = 0; c < fx.dims; c++) {
      const sign = Math.sign(fx.components[c].reduce((a, v, j) => a + v * lsa.components[c][j], 0));
      expect(Math.abs(sign)).toBe(1);
      fx.components[c].forEach((v, j) => expect(sign * lsa.components[c][j], `component ${c} term ${j}`).toBeCloseTo(v, 8));
      rows.forEach((r, i) => expect(sign * lsaTransform(lsa, r)[c], `doc ${i} dim ${c}`).toBeCloseTo(fx.transformed[i][c], 8));
      fx.queries.forEach((q, i) => expect(sign * lsaTransform(lsa, tfidfRow(model, q))[c], `query ${i} dim ${c}`).toBeCloseTo(fx.query_transformed[i][c], 8));
    }
    expect([...lsa.explained].every((e, i, a) => e > 0 && (i === 0 || e <= a[i - 1] + 1e-12))).toBe(true);
  });

  it('takes the term side when there are more passages than terms: orthonormal components, ‖X·v‖ = σ', () => {
    const many = Array.from({ length: 12 }, (_, i) => [['a', 'b', 'c'][i % 3], ['b', 'c', 'd'][i % 2], 'e', ...(i % 5 ? [] : ['f'])]);
    const m = fitTfidf(many);
    const r = tfidfMatrix(m, many);
    const lsa = fitLsa(r, m.vocabulary.length, 3);
    for (let c = 0; c < 3; c++) {
      for (let d = 0; d < 3; d++) expect(lsa.components[c].reduce((a, v, j) => a + v * lsa.components[d][j], 0)).toBeCloseTo(c === d ? 1 : 0, 10);
      const projected = r.map((row) => lsaTransform(lsa, row)[c]);
      expect(Math.sqrt(projected.reduce((a, v) => a + v * v, 0))).toBeCloseTo(lsa.singularValues[c], 10);
    }
    expect(() => fitLsa(r, m.vocabulary.length, 99)).toThrow(/dimensions/);
  });
});

describe('tokenising', () => {
  it('char_wb n-grams equal scikit-learn\'s analyzer', () => {
    for (const [text, grams] of Object.entries(fx.char_wb)) expect(charWbNgrams(text, 1, 3), text).toEqual(grams);
  });

  it('cuts Korean words into character bigrams and keeps English words whole', () => {
    expect(tokenize('반품할 수 있나요? Return it!')).toEqual(['반품', '품할', '수', '있나', '나요', 'return', 'it']);
    expect(tokenize('반품할 수', { hangulNgram: 0 })).toEqual(['반품할', '수']);
  });
});

describe('chunks, ranks and the prompt', () => {
  const text = Array.from({ length: 300 }, (_, i) => `w${i}`).join(' ');

  it('chunks 128 words a chunk and finds the chunk holding a phrase', () => {
    const chunks = chunkDocument('d', text, { size: 128, overlap: 0 });
    expect(chunks.map((c) => c.start)).toEqual([0, 128, 256]);
    expect(chunks[2].text.split(' ')).toHaveLength(44);
    expect(findPhrase(text, 'w130 w131')).toBe(130);
    expect(chunkAt(chunks, 'd', 130, 128)?.id).toBe('d#1');
    expect(chunkDocument('d', text, { size: 128, overlap: 28 }).map((c) => c.start)).toEqual([0, 100, 200]);
    expect(() => chunkDocument('d', text, { size: 10, overlap: 10 })).toThrow(/overlap/);
  });

  it('scores recall@k and MRR, and what a random ranking expects', () => {
    expect(rankByScore([0.1, 0.5, 0.5, 0.2])).toEqual([1, 2, 3, 0]);
    expect(firstRelevantRank([3, 1, 2], new Set([2]))).toBe(3);
    const s = retrievalScores([1, 2, 6], [1, 5]);
    expect(s.recall).toEqual({ 1: 1 / 3, 5: 2 / 3 });
    expect(s.mrr).toBeCloseTo((1 + 0.5 + 1 / 6) / 3, 12);
    const r = randomRetrievalScores(4, [1, 5]);
    expect(r.recall).toEqual({ 1: 0.25, 5: 1 });
    expect(r.mrr).toBeCloseTo((1 + 1 / 2 + 1 / 3 + 1 / 4) / 4, 12);
  });

  it('fuses two rankings by weighted min–max scores or reciprocal ranks', () => {
    expect([...fuseScores([0, 10, 5], [1, 0, 0.5], 'weighted', 0.5)]).toEqual([0.5, 0.5, 0.5]);
    expect([...fuseScores([0, 10, 5], [1, 0, 0.5], 'weighted', 1)]).toEqual([0, 1, 0.5]);
    const rrf = fuseScores([3, 2, 1], [1, 2, 3], 'rrf', 0.5, 60);
    expect(rrf[1]).toBeCloseTo(1 / 62, 12);
    expect(rrf[0]).toBeCloseTo(0.5 / 61 + 0.5 / 63, 12);
  });

  it('puts the question and numbered passages into the prompt', () => {
    const p = ragPrompt('Why?', [{ id: 'a#0', text: 'Because.' }, { id: 'b#1', text: 'So.' }], 'Use the passages.');
    expect(p).toBe('Use the passages.\n\n### Passages\n[1] (a#0) Because.\n\n[2] (b#1) So.\n\n### Question\nWhy?\n\n### Answer\n');
  });
});
