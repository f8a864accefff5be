// The retrieve cell (K-Mart days 5–6): chunk a document table, index the
// chunks with BM25 and with LSA embeddings trained here, rank them for a
// question by each and by a hybrid of both (top k side by side), assemble
// the RAG prompt from the top passages, and, given labelled questions,
// report recall@k and MRR against a random ranking. The engine is in
// src/ml/text; this file reads the tables and shapes the outputs.
import { z } from 'zod';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { CellOutput, TableOutput } from '../core/outputs.ts';
import { CellError, checkAborted } from '../core/errors.ts';
import { defineCell } from './types.ts';
import { buildRetriever, evaluateRetriever, METHODS, searchScores, type LabelledQuestion, type Retriever, type SourceDoc } from '../ml/text/retriever.ts';
import { rankByScore, randomRetrievalScores } from '../ml/text/ranking.ts';
import { ragPrompt } from '../ml/text/prompt.ts';
import { progressText } from '../core/messages/progress.ts';

export const retrieveSchema = z.object({
  input: z.string().default('docs').describe('Document table: one row a document.'),
  idColumn: z.string().default('doc_id').describe('Column with each document\'s id.'),
  textColumn: z.string().default('text').describe('Column with each document\'s text.'),
  chunkWords: z.number().int().min(8).max(2000).default(128).describe('Words a chunk (the course: 128).'),
  overlap: z.number().int().min(0).default(0).describe('Words a chunk shares with the previous one.'),
  hangulNgram: z.number().int().min(0).max(4).default(2).describe('Korean words become character n-grams of this length (0 keeps words whole).'),
  k1: z.number().min(0).max(10).default(1.2).describe('BM25 k1: how fast repeated words stop adding to the score.'),
  b: z.number().min(0).max(1).default(0.75).describe('BM25 b: how much long chunks are penalised (0 none, 1 fully).'),
  dimensions: z.number().int().min(1).max(500).default(64).describe('LSA dimensions of the dense embeddings (TF-IDF + truncated SVD).'),
  fusion: z.enum(['weighted', 'rrf']).default('weighted').describe('Hybrid: weighted sum of min–max scaled scores, or reciprocal rank fusion.'),
  alpha: z.number().min(0).max(1).default(0.5).describe('Hybrid weight of BM25 (1 − alpha goes to the dense scores).'),
  query: z.string().default('').describe('A question to search for; empty skips the search.'),
  topK: z.number().int().min(1).max(50).default(10).describe('Passages shown per method.'),
  promptK: z.number().int().min(0).max(20).default(5).describe('Top hybrid passages put into the RAG prompt (0: no prompt).'),
  instruction: z.string().default('Answer the question using only the passages below. Cite the passage numbers you used. If the passages do not contain the answer, say so.')
    .describe('The instruction at the top of the RAG prompt.'),
  questions: z.string().default('').describe('Optional table of labelled questions to evaluate recall@k and MRR on.'),
  questionColumn: z.string().default('question').describe('Question text column of the questions table.'),
  docColumn: z.string().default('doc_id').describe('Column naming the document that answers each question.'),
  answerColumn: z.string().default('answer').describe('Column with the sentence of that document that answers it (finds the relevant chunk).'),
  chunksOutput: z.string().default('chunks').describe('Name to store the chunk table under.'),
  output: z.string().default('retrieval').describe('Name to store the evaluation metrics under (when questions are given).'),
});

export type RetrieveParams = z.output<typeof retrieveSchema>;

function stringColumn(table: ColumnTable, column: string, tableName: string, param: string): string[] {
  if (!table.columnNames().includes(column)) {
    throw CellError.coded('retrieve.columnNotIn', { column, table: tableName, columns: table.columnNames().join(', ') }, { where: param });
  }
  return Array.from(table.array(column) as ArrayLike<unknown>, (v) => (v === null || v === undefined ? '' : String(v)));
}

function short(text: string, words = 28): string {
  const ws = text.split(/\s+/);
  return ws.length > words ? `${ws.slice(0, words).join(' ')} …` : text;
}

function sideBySide(r: Retriever, query: string, k: number): TableOutput {
  const s = searchScores(r, query);
  const bm = rankByScore(s.bm25).slice(0, k);
  const de = rankByScore(s.dense).slice(0, k);
  const rows = bm.map((p, i) => ({
    rank: i + 1,
    bm25_chunk: r.chunks[p].id, bm25_score: s.bm25[p], bm25_passage: short(r.chunks[p].text),
    dense_chunk: r.chunks[de[i]].id, dense_score: s.dense[de[i]], dense_passage: short(r.chunks[de[i]].text),
  }));
  return {
    type: 'table', title: `BM25 top ${k} | dense (LSA) top ${k}: "${query}"`, titleKo: `BM25 상위 ${k}개 | 밀집(LSA) 상위 ${k}개: "${query}"`,
    columns: [
      { name: 'rank', type: 'integer' }, { name: 'bm25_chunk', type: 'string' }, { name: 'bm25_score', type: 'number' }, { name: 'bm25_passage', type: 'string' },
      { name: 'dense_chunk', type: 'string' }, { name: 'dense_score', type: 'number' }, { name: 'dense_passage', type: 'string' },
    ],
    rowCount: rows.length, rows,
  };
}

const KS = [1, 5, 10];

export const retrieveCell = defineCell({
  kind: 'retrieve',
  label: 'Retrieve (BM25 + dense)',
  description: 'Chunk documents, index them with BM25 and LSA embeddings, search a question (BM25 and dense top k side by side, a hybrid ranking), build the RAG prompt from the top passages, and evaluate recall@k and MRR on labelled questions.',
  schema: retrieveSchema,
  runnable: true,
  reads: (p) => [p.input, ...(p.questions ? [p.questions] : [])],
  writes: (p) => [...(p.chunksOutput ? [p.chunksOutput] : []), ...(p.questions && p.output ? [p.output] : [])],
  render: (p) => [
    `// retrieve over ${p.input}.${p.textColumn}: chunks of ${p.chunkWords} words${p.overlap ? ` (overlap ${p.overlap})` : ''}, Korean ${p.hangulNgram ? `character ${p.hangulNgram}-grams` : 'words'}`,
    `// BM25 k1=${p.k1} b=${p.b}; dense: TF-IDF + LSA (${p.dimensions} dims); hybrid: ${p.fusion} alpha=${p.alpha}`,
    ...(p.query ? [`// query: ${JSON.stringify(p.query)} → top ${p.topK}${p.promptK ? `, prompt from the top ${p.promptK}` : ''}`] : []),
    ...(p.questions ? [`// evaluate on ${p.questions}: recall@1/5/10 and MRR → ${p.output}`] : []),
  ].join('\n'),
  async run(params, ctx): Promise<CellOutput[]> {
    if (params.overlap >= params.chunkWords) throw CellError.coded('retrieve.overlap', { overlap: params.overlap, words: params.chunkWords }, { where: 'params.overlap' });
    const table = ctx.table(params.input, 'params.input');
    const ids = stringColumn(table, params.idColumn, params.input, 'params.idColumn');
    const texts = stringColumn(table, params.textColumn, params.input, 'params.textColumn');
    const docs: SourceDoc[] = ids.map((id, i) => ({ id, text: texts[i] }));
    ctx.progress({ phase: 'index', ...progressText('progress.indexing') });
    let retriever: Retriever;
    try {
      retriever = buildRetriever(docs, {
        chunk: { size: params.chunkWords, overlap: params.overlap },
        tokenize: { hangulNgram: params.hangulNgram },
        bm25: { k1: params.k1, b: params.b },
        dimensions: params.dimensions,
        fusion: { method: params.fusion, alpha: params.alpha },
      });
    } catch (error) {
      throw CellError.coded('retrieve.indexFailed', { input: params.input, detail: error instanceof Error ? error.message : String(error) }, { where: 'params.input' });
    }
    checkAborted(ctx.signal);
    const { chunks, lsa } = retriever;
    if (params.chunksOutput) {
      ctx.set(params.chunksOutput, { type: 'table', table: aq.table({ chunk_id: chunks.map((c) => c.id), doc_id: chunks.map((c) => c.doc), words: chunks.map((c) => c.text.split(/\s+/).length), text: chunks.map((c) => c.text) }) });
    }
    const explained = lsa.explained.reduce((a, b) => a + b, 0);
    const outputs: CellOutput[] = [{
      type: 'markdown',
      markdown: `**${chunks.length} chunks** from ${docs.length} documents (up to ${params.chunkWords} words each); vocabulary of ${retriever.tfidf.vocabulary.length} terms. `
        + `Dense embeddings: ${lsa.components.length} LSA dimensions explaining ${(explained * 100).toFixed(1)} % of the TF-IDF matrix.`,
      ko: `문서 ${docs.length}개에서 **청크 ${chunks.length}개** (청크마다 최대 ${params.chunkWords}단어); 어휘 ${retriever.tfidf.vocabulary.length}개 단어. `
        + `밀집 임베딩: LSA ${lsa.components.length}차원이 TF-IDF 행렬의 ${(explained * 100).toFixed(1)} %를 설명해요.`,
    }];

    if (params.query.trim()) {
      outputs.push(sideBySide(retriever, params.query, params.topK));
      if (params.promptK > 0) {
        const hybrid = searchScores(retriever, params.query).hybrid;
        const top = rankByScore(hybrid).slice(0, params.promptK).map((p) => chunks[p]);
        const prompt = `\n\n\`\`\`text\n${ragPrompt(params.query, top, params.instruction)}\`\`\``;
        outputs.push({
          type: 'markdown', markdown: `**RAG prompt** (top ${top.length} hybrid passages; an LLM would complete it):${prompt}`,
          ko: `**RAG 프롬프트** (하이브리드 상위 ${top.length}개 구절; LLM이 이어서 답을 써요):${prompt}`,
        });
      }
    }

    if (params.questions) {
      const qt = ctx.table(params.questions, 'params.questions');
      const qs = stringColumn(qt, params.questionColumn, params.questions, 'params.questionColumn');
      const qd = stringColumn(qt, params.docColumn, params.questions, 'params.docColumn');
      const qa = stringColumn(qt, params.answerColumn, params.questions, 'params.answerColumn');
      const labelled: LabelledQuestion[] = qs.map((question, i) => ({ question, doc: qd[i], answer: qa[i] }));
      ctx.progress({ phase: 'evaluate', ...progressText('progress.evaluatingQuestions', { n: labelled.length }) });
      const ev = evaluateRetriever(retriever, labelled, docs, KS, () => checkAborted(ctx.signal));
      if (!ev.questions.length) throw CellError.coded('retrieve.noAnswers', { docColumn: params.docColumn, answerColumn: params.answerColumn, questions: params.questions }, { where: 'params.answerColumn' });
      const random = randomRetrievalScores(chunks.length, KS);
      const rows = [...METHODS.map((m) => ({ method: m, ...ev.scores[m] })), { method: 'random', ...random }].map((s) => ({
        method: s.method, 'recall@1': s.recall[1], 'recall@5': s.recall[5], 'recall@10': s.recall[10], MRR: s.mrr,
      }));
      const metrics: Record<string, number> = { questions: ev.questions.length, chunks: chunks.length };
      for (const r of rows) for (const [key, value] of Object.entries(r)) if (key !== 'method') metrics[`${r.method}_${key.replace('@', '_at_').toLowerCase()}`] = value as number;
      if (params.output) ctx.set(params.output, { type: 'metrics', metrics });
      outputs.push({
        type: 'table', title: `Retrieval on ${ev.questions.length} labelled questions (${chunks.length} chunks)`,
        titleKo: `레이블이 붙은 질문 ${ev.questions.length}개에 대한 검색 (청크 ${chunks.length}개)`,
        columns: [{ name: 'method', type: 'string' }, { name: 'recall@1', type: 'number' }, { name: 'recall@5', type: 'number' }, { name: 'recall@10', type: 'number' }, { name: 'MRR', type: 'number' }],
        rowCount: rows.length, rows,
      });
      const misses = ev.questions.filter((q) => q.ranks.hybrid > 5).slice(0, 10).map((q) => ({ question: q.question, relevant_chunk: q.relevant, bm25_rank: q.ranks.bm25, dense_rank: q.ranks.dense, hybrid_rank: q.ranks.hybrid }));
      if (misses.length) {
        outputs.push({
          type: 'table', title: 'Questions the hybrid ranking misses in its top 5 (first 10)', titleKo: '하이브리드 순위의 상위 5개에 정답이 없는 질문 (처음 10개)',
          columns: [{ name: 'question', type: 'string' }, { name: 'relevant_chunk', type: 'string' }, { name: 'bm25_rank', type: 'integer' }, { name: 'dense_rank', type: 'integer' }, { name: 'hybrid_rank', type: 'integer' }],
          rowCount: misses.length, rows: misses,
        });
      }
      if (ev.skipped.length) outputs.push({ type: 'text', text: `${ev.skipped.length} question(s) skipped: their answer sentence is not in their document.`, ko: `질문 ${ev.skipped.length}개는 건너뛰었어요: 답이 되는 문장이 그 문서에 없어요.` });
    }
    return outputs;
  },
});
