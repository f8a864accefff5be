// TF-IDF over token lists, as scikit-learn's TfidfVectorizer computes it
// (smooth_idf, l2 norm): idf = ln((1 + N) / (1 + df)) + 1, row = tf·idf / ‖tf·idf‖.
// The vocabulary is sorted (code-point order, like Python's), so feature j
// is the same term in both. Rows are sparse.

export interface SparseRow {
  /** Feature indices, increasing. */
  indices: Int32Array;
  values: Float64Array;
}

export interface TfidfOptions {
  /** Keep terms found in at least this many documents. */
  minDf: number;
  /** Keep only the most frequent terms (by total count; ties by term order); 0 = all. */
  maxFeatures: number;
  /** 1 + ln(tf) instead of tf. */
  sublinearTf: boolean;
}

export const DEFAULT_TFIDF: TfidfOptions = { minDf: 1, maxFeatures: 0, sublinearTf: false };

export interface TfidfModel {
  readonly vocabulary: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly idf: Float64Array;
  readonly options: TfidfOptions;
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function fitTfidf(docs: readonly (readonly string[])[], options: TfidfOptions = DEFAULT_TFIDF): TfidfModel {
  const df = new Map<string, number>();
  const total = new Map<string, number>();
  for (const tokens of docs) {
    const seen = new Set<string>();
    for (const t of tokens) {
      total.set(t, (total.get(t) ?? 0) + 1);
      if (!seen.has(t)) {
        seen.add(t);
        df.set(t, (df.get(t) ?? 0) + 1);
      }
    }
  }
  let terms = [...df.keys()].filter((t) => df.get(t)! >= options.minDf).sort(compareCodePoints);
  if (options.maxFeatures > 0 && terms.length > options.maxFeatures) {
    // Stable sort by count (descending) keeps the alphabetical order among ties, as scikit-learn does.
    const keep = new Set([...terms].sort((a, b) => total.get(b)! - total.get(a)!).slice(0, options.maxFeatures));
    terms = terms.filter((t) => keep.has(t));
  }
  const n = docs.length;
  const idf = Float64Array.from(terms, (t) => Math.log((1 + n) / (1 + df.get(t)!)) + 1);
  return { vocabulary: terms, index: new Map(terms.map((t, i) => [t, i])), idf, options };
}

/** One document's TF-IDF row (unknown terms are ignored; an empty row stays all zero). */
export function tfidfRow(model: TfidfModel, tokens: readonly string[]): SparseRow {
  const counts = new Map<number, number>();
  for (const t of tokens) {
    const j = model.index.get(t);
    if (j !== undefined) counts.set(j, (counts.get(j) ?? 0) + 1);
  }
  const indices = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const values = Float64Array.from(indices, (j) => {
    const tf = counts.get(j)!;
    return (model.options.sublinearTf ? 1 + Math.log(tf) : tf) * model.idf[j];
  });
  let norm = 0;
  for (const v of values) norm += v * v;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < values.length; i++) values[i] /= norm;
  return { indices, values };
}

export function tfidfMatrix(model: TfidfModel, docs: readonly (readonly string[])[]): SparseRow[] {
  return docs.map((d) => tfidfRow(model, d));
}
