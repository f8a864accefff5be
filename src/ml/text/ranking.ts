// Ranking passages by score, fusing two rankings, and the measures the
// course's retrieval step needs: recall@k and mean reciprocal rank (MRR),
// with the value a random ranking would expect.

/** Passage indices by score, highest first; ties keep passage order. */
export function rankByScore(scores: ArrayLike<number>): number[] {
  return Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
}

function minMax(scores: ArrayLike<number>): Float64Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < scores.length; i++) {
    lo = Math.min(lo, scores[i]);
    hi = Math.max(hi, scores[i]);
  }
  return Float64Array.from({ length: scores.length }, (_, i) => (hi > lo ? (scores[i] - lo) / (hi - lo) : 0));
}

export type FusionMethod = 'weighted' | 'rrf';

/**
 * Hybrid scores from a sparse (BM25) and a dense ranking:
 * 'weighted' = α·minmax(sparse) + (1 − α)·minmax(dense);
 * 'rrf' (reciprocal rank fusion) = α/(c + rank_sparse) + (1 − α)/(c + rank_dense), ranks from 1.
 */
export function fuseScores(sparse: ArrayLike<number>, dense: ArrayLike<number>, method: FusionMethod, alpha: number, rrfC = 60): Float64Array {
  if (sparse.length !== dense.length) throw new Error('Both rankings must score the same passages.');
  if (method === 'weighted') {
    const a = minMax(sparse);
    const b = minMax(dense);
    return Float64Array.from(a, (v, i) => alpha * v + (1 - alpha) * b[i]);
  }
  const out = new Float64Array(sparse.length);
  rankByScore(sparse).forEach((p, r) => (out[p] += alpha / (rrfC + r + 1)));
  rankByScore(dense).forEach((p, r) => (out[p] += (1 - alpha) / (rrfC + r + 1)));
  return out;
}

/** 1-based rank of the first relevant passage in a ranking, or Infinity. */
export function firstRelevantRank(ranking: readonly number[], relevant: ReadonlySet<number>): number {
  const i = ranking.findIndex((p) => relevant.has(p));
  return i < 0 ? Infinity : i + 1;
}

export interface RetrievalScores {
  /** recall@k per k: share of questions whose relevant passage is in the top k. */
  recall: Record<number, number>;
  mrr: number;
}

/** recall@k and MRR from each question's first relevant rank (one relevant passage a question). */
export function retrievalScores(ranks: readonly number[], ks: readonly number[]): RetrievalScores {
  const n = ranks.length || 1;
  const recall: Record<number, number> = {};
  for (const k of ks) recall[k] = ranks.filter((r) => r <= k).length / n;
  return { recall, mrr: ranks.reduce((s, r) => s + (Number.isFinite(r) ? 1 / r : 0), 0) / n };
}

/** What a uniformly random ranking of N passages expects with one relevant passage: recall@k = k/N, MRR = H_N / N. */
export function randomRetrievalScores(passages: number, ks: readonly number[]): RetrievalScores {
  const recall: Record<number, number> = {};
  for (const k of ks) recall[k] = Math.min(k, passages) / passages;
  let harmonic = 0;
  for (let i = 1; i <= passages; i++) harmonic += 1 / i;
  return { recall, mrr: harmonic / passages };
}
