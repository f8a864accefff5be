// Emitter for the retrieve cell: the same chunks, tokens and BM25 scores as
// the workbench, LSA embeddings from scikit-learn's TF-IDF and an exact SVD,
// the hybrid ranking, the RAG prompt and recall@k / MRR on labelled
// questions (helpers-retrieve.ts).
import { Untranslated, header, pyName, type Emitter } from './context.ts';
import { pyString } from './jsexpr.ts';

export const emitRetrieve: Emitter = (cell, p, ctx) => {
  const docs = pyName(String(p.input));
  const questions = String(p.questions ?? '');
  if (questions && ctx.defined.get(questions) !== 'table') return new Untranslated(`its questions "${questions}" are not a table in the exported notebook`);
  const id = pyString(cell.id);
  const chunksOut = String(p.chunksOutput ?? '');
  const passages = chunksOut ? pyName(chunksOut) : 'passages';
  const size = Number(p.chunkWords);
  const idCol = pyString(String(p.idColumn));
  const textCol = pyString(String(p.textColumn));
  const lines = [
    header(cell),
    `# Cut every document into passages of ${size} words${p.overlap ? ` (${p.overlap} shared with the previous one)` : ''}; index them with BM25`,
    `# and with LSA embeddings (TF-IDF, then a truncated SVD to ${p.dimensions} dimensions); the hybrid is ${p.fusion === 'rrf' ? 'reciprocal rank fusion' : 'a weighted sum of min-max scaled scores'}.`,
    `# Korean words become character ${p.hangulNgram}-grams, so "반품은" and "반품할" share "반품".`,
    `${passages} = chunk_documents(${docs}, ${idCol}, ${textCol}, size=${size}, overlap=${Number(p.overlap)})`,
    `retriever = Retriever(${passages}, hangul_ngram=${Number(p.hangulNgram)}, k1=${Number(p.k1)}, b=${Number(p.b)}, dimensions=${Number(p.dimensions)}, fusion=${pyString(String(p.fusion))}, alpha=${Number(p.alpha)})`,
    `print(f'{len(${passages})} chunks from {len(${docs})} documents; vocabulary of {len(retriever.tfidf.vocabulary_)} terms')`,
  ];
  if (chunksOut) {
    lines.push(`${passages}['words'] = ${passages}['text'].str.split().str.len()`);
    ctx.defined.set(chunksOut, 'table');
  }
  const query = String(p.query ?? '').trim();
  if (query) {
    const topK = Number(p.topK);
    lines.push(
      '',
      `query = ${pyString(String(p.query))}`,
      'scores = retriever.search(query)',
      `k = min(${topK}, len(${passages}))`,
      "top_bm25, top_dense = rank_by_score(scores['bm25'])[:k], rank_by_score(scores['dense'])[:k]",
      'side_by_side = pd.DataFrame({',
      `    'rank': range(1, k + 1),`,
      `    'bm25_chunk': ${passages}['chunk_id'].iloc[top_bm25].tolist(), 'bm25_score': scores['bm25'][top_bm25],`,
      `    'dense_chunk': ${passages}['chunk_id'].iloc[top_dense].tolist(), 'dense_score': scores['dense'][top_dense],`,
      '})',
      `report(${id}, 'bm25_scores', dict(zip(${passages}['chunk_id'], scores['bm25'])))`,
      `report(${id}, 'dense_scores', dict(zip(${passages}['chunk_id'], scores['dense'])))`,
      'print(side_by_side.to_string(index=False))',
    );
    const promptK = Number(p.promptK);
    if (promptK > 0) {
      lines.push(
        `# The RAG prompt: the top ${promptK} hybrid passages, numbered, for an LLM to complete.`,
        `top_hybrid = ${passages}.iloc[rank_by_score(scores['hybrid'])[:${promptK}]]`,
        `report(${id}, 'hybrid_top', top_hybrid['chunk_id'].tolist())`,
        `print(rag_prompt(query, top_hybrid, ${pyString(String(p.instruction))}))`,
      );
    }
  }
  if (questions) {
    const out = String(p.output ?? '');
    lines.push(
      '',
      `# recall@1/5/10 and MRR on the labelled questions: the relevant passage is the one holding the answer sentence.`,
      `retrieval_table, evaluated, skipped = evaluate_retriever(retriever, ${docs}, ${idCol}, ${textCol}, ${pyName(questions)},`,
      `    ${pyString(String(p.questionColumn))}, ${pyString(String(p.docColumn))}, ${pyString(String(p.answerColumn))}, size=${size})`,
      `report(${id}, 'retrieval', retrieval_table.to_dict('records'))`,
      "print(f'{evaluated} questions evaluated' + (f', {skipped} skipped (answer sentence not in its document)' if skipped else ''))",
    );
    if (out) {
      lines.push(
        `${pyName(out)} = {'questions': evaluated, 'chunks': len(${passages}), **{f"{row['method']}_{key.replace('@', '_at_').lower()}": row[key]`,
        `    for row in retrieval_table.to_dict('records') for key in row if key != 'method'}}`,
      );
      ctx.defined.set(out, 'metrics');
    }
    lines.push('retrieval_table');
  }
  return [{ type: 'code', source: lines.join('\n'), from: cell.id }];
};
