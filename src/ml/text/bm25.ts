// Okapi BM25 over pre-tokenised passages. Our own rather than minisearch's:
// minisearch scores BM25+ (a δ added to every matching term) and multiplies
// each result by the number of distinct query terms it matched, so its
// ranking is not Okapi BM25 (docs/decisions.md).
//
// score(q, d) = Σ_{t in q} idf(t) · tf(t,d)·(k1+1) / (tf(t,d) + k1·(1 − b + b·|d|/avgdl))
// idf(t) = ln(1 + (N − n_t + 0.5) / (n_t + 0.5))  (Lucene's form: never negative)
// A term repeated in the query counts each time, as in rank_bm25.

export interface Bm25Params {
  k1: number;
  b: number;
}

export interface Bm25Index {
  readonly params: Bm25Params;
  readonly size: number;
  readonly avgLength: number;
  /** Per passage: term → count. */
  readonly tf: ReadonlyArray<ReadonlyMap<string, number>>;
  readonly lengths: readonly number[];
  /** Term → number of passages holding it. */
  readonly df: ReadonlyMap<string, number>;
}

export function buildBm25(passages: readonly string[][], params: Bm25Params): Bm25Index {
  if (!(params.k1 >= 0) || !(params.b >= 0 && params.b <= 1)) throw new Error(`BM25 needs k1 ≥ 0 and 0 ≤ b ≤ 1 (got k1 ${params.k1}, b ${params.b}).`);
  const tf: Map<string, number>[] = [];
  const df = new Map<string, number>();
  let total = 0;
  for (const tokens of passages) {
    const counts = new Map<string, number>();
    for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const t of counts.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    tf.push(counts);
    total += tokens.length;
  }
  return { params, size: passages.length, avgLength: passages.length ? total / passages.length : 0, tf, lengths: passages.map((p) => p.length), df };
}

export function bm25Idf(index: Bm25Index, term: string): number {
  const n = index.df.get(term) ?? 0;
  return Math.log(1 + (index.size - n + 0.5) / (n + 0.5));
}

/** The BM25 score of every passage for a tokenised query. */
export function bm25Scores(index: Bm25Index, query: readonly string[]): Float64Array {
  const { k1, b } = index.params;
  const scores = new Float64Array(index.size);
  for (const term of query) {
    if (!index.df.has(term)) continue;
    const idf = bm25Idf(index, term);
    for (let d = 0; d < index.size; d++) {
      const f = index.tf[d].get(term);
      if (!f) continue;
      const norm = index.avgLength > 0 ? 1 - b + (b * index.lengths[d]) / index.avgLength : 1;
      scores[d] += (idf * f * (k1 + 1)) / (f + k1 * norm);
    }
  }
  return scores;
}
