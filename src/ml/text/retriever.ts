// A passage retriever as the course builds one: documents cut into chunks,
// a BM25 index (sparse) and LSA embeddings (dense: TF-IDF + truncated SVD,
// trained on the chunks themselves), and a hybrid of the two. Evaluation
// on labelled questions finds the chunk that holds each question's answer
// sentence and scores where each method ranks it.
import { chunkAt, chunkDocument, findPhrase, type Chunk, type ChunkOptions } from './chunk.ts';
import { buildBm25, bm25Scores, type Bm25Index, type Bm25Params } from './bm25.ts';
import { fitTfidf, tfidfMatrix, tfidfRow, type TfidfModel } from './tfidf.ts';
import { cosine, fitLsa, lsaTransform, type LsaModel } from './lsa.ts';
import { firstRelevantRank, fuseScores, rankByScore, retrievalScores, type FusionMethod, type RetrievalScores } from './ranking.ts';
import { tokenize, type TokenizeOptions } from './tokenize.ts';
import { CellError } from '../../core/errors.ts';

export interface RetrieverOptions {
  chunk: ChunkOptions;
  tokenize: TokenizeOptions;
  bm25: Bm25Params;
  /** LSA dimensions. */
  dimensions: number;
  fusion: { method: FusionMethod; alpha: number };
}

export interface Retriever {
  readonly options: RetrieverOptions;
  readonly chunks: Chunk[];
  readonly bm25: Bm25Index;
  readonly tfidf: TfidfModel;
  readonly lsa: LsaModel;
  readonly vectors: Float64Array[];
}

export interface SourceDoc {
  id: string;
  text: string;
}

export function buildRetriever(docs: readonly SourceDoc[], options: RetrieverOptions): Retriever {
  const chunks = docs.flatMap((d) => chunkDocument(d.id, d.text, options.chunk));
  if (!chunks.length) throw CellError.coded('retrieve.noWords');
  const tokens = chunks.map((c) => tokenize(c.text, options.tokenize));
  const bm25 = buildBm25(tokens, options.bm25);
  const tfidf = fitTfidf(tokens);
  const rows = tfidfMatrix(tfidf, tokens);
  const lsa = fitLsa(rows, tfidf.vocabulary.length, Math.min(options.dimensions, chunks.length, tfidf.vocabulary.length));
  return { options, chunks, bm25, tfidf, lsa, vectors: rows.map((r) => lsaTransform(lsa, r)) };
}

export interface SearchScores {
  bm25: Float64Array;
  dense: Float64Array;
  hybrid: Float64Array;
}

export function searchScores(retriever: Retriever, query: string): SearchScores {
  const tokens = tokenize(query, retriever.options.tokenize);
  const bm25 = bm25Scores(retriever.bm25, tokens);
  const q = lsaTransform(retriever.lsa, tfidfRow(retriever.tfidf, tokens));
  const dense = Float64Array.from(retriever.vectors, (v) => cosine(q, v));
  const { method, alpha } = retriever.options.fusion;
  return { bm25, dense, hybrid: fuseScores(bm25, dense, method, alpha) };
}

export interface LabelledQuestion {
  question: string;
  doc: string;
  /** The sentence of `doc` that answers it. */
  answer: string;
}

export type Method = keyof SearchScores;
export const METHODS: Method[] = ['bm25', 'dense', 'hybrid'];

export interface QuestionResult {
  question: string;
  relevant: string;
  ranks: Record<Method, number>;
}

export interface RetrievalEvaluation {
  scores: Record<Method, RetrievalScores>;
  questions: QuestionResult[];
  /** Questions left out: their answer is not found in their document. */
  skipped: string[];
}

export function evaluateRetriever(retriever: Retriever, questions: readonly LabelledQuestion[], docs: readonly SourceDoc[], ks: readonly number[], onEach?: () => void): RetrievalEvaluation {
  const textOf = new Map(docs.map((d) => [d.id, d.text]));
  const results: QuestionResult[] = [];
  const skipped: string[] = [];
  for (const q of questions) {
    onEach?.();
    const offset = findPhrase(textOf.get(q.doc) ?? '', q.answer);
    const chunk = offset < 0 ? undefined : chunkAt(retriever.chunks, q.doc, offset, retriever.options.chunk.size);
    if (!chunk) {
      skipped.push(q.question);
      continue;
    }
    const relevant = new Set([retriever.chunks.indexOf(chunk)]);
    const s = searchScores(retriever, q.question);
    const ranks = Object.fromEntries(METHODS.map((m) => [m, firstRelevantRank(rankByScore(s[m]), relevant)])) as Record<Method, number>;
    results.push({ question: q.question, relevant: chunk.id, ranks });
  }
  const scores = Object.fromEntries(METHODS.map((m) => [m, retrievalScores(results.map((r) => r.ranks[m]), ks)])) as Record<Method, RetrievalScores>;
  return { scores, questions: results, skipped };
}
