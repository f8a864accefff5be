// Latent semantic analysis: a truncated SVD of the passages' TF-IDF matrix
// X (passages × terms), uncentred, as scikit-learn's TruncatedSVD. The SVD
// comes from the eigen-decomposition of the smaller Gram matrix (X·Xᵀ when
// there are fewer passages than terms), so it is exact, not randomised.
// Signs follow scikit-learn's svd_flip: the largest-magnitude entry of each
// component is positive.
import type { SparseRow } from './tfidf.ts';
import { symmetricEigen } from './eigen.ts';
import { CellError } from '../../core/errors.ts';

export interface LsaModel {
  /** k × terms, row-major per component. */
  components: Float64Array[];
  singularValues: Float64Array;
  /** Share of the total squared norm of X each component explains. */
  explained: Float64Array;
  terms: number;
}

function dotSparse(a: SparseRow, b: SparseRow): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.indices.length && j < b.indices.length) {
    if (a.indices[i] === b.indices[j]) s += a.values[i++] * b.values[j++];
    else if (a.indices[i] < b.indices[j]) i++;
    else j++;
  }
  return s;
}

export function fitLsa(rows: readonly SparseRow[], terms: number, k: number): LsaModel {
  const m = rows.length;
  const rank = Math.min(m, terms);
  if (!(k >= 1) || k >= rank + 1) throw CellError.coded('lsa.dimensions', { rank, dimensions: k }, { where: 'params.dimensions' });
  let components: Float64Array[];
  let values: Float64Array;
  if (m <= terms) {
    const gram = new Float64Array(m * m);
    for (let i = 0; i < m; i++) for (let j = i; j < m; j++) gram[i * m + j] = gram[j * m + i] = dotSparse(rows[i], rows[j]);
    const eig = symmetricEigen(gram, m);
    values = eig.values.slice(0, k);
    components = [];
    for (let c = 0; c < k; c++) {
      const sigma = Math.sqrt(Math.max(values[c], 0));
      const comp = new Float64Array(terms);
      const u = eig.vectors[c];
      rows.forEach((r, i) => {
        for (let t = 0; t < r.indices.length; t++) comp[r.indices[t]] += r.values[t] * u[i];
      });
      if (sigma > 0) for (let t = 0; t < terms; t++) comp[t] /= sigma;
      components.push(comp);
    }
  } else {
    const gram = new Float64Array(terms * terms);
    for (const r of rows) {
      for (let a = 0; a < r.indices.length; a++) for (let b = 0; b < r.indices.length; b++) gram[r.indices[a] * terms + r.indices[b]] += r.values[a] * r.values[b];
    }
    const eig = symmetricEigen(gram, terms);
    values = eig.values.slice(0, k);
    components = eig.vectors.slice(0, k).map((v) => Float64Array.from(v));
  }
  for (const comp of components) {
    let best = 0;
    for (let t = 1; t < comp.length; t++) if (Math.abs(comp[t]) > Math.abs(comp[best])) best = t;
    if (comp[best] < 0) for (let t = 0; t < comp.length; t++) comp[t] = -comp[t];
  }
  let totalSq = 0;
  for (const r of rows) for (const v of r.values) totalSq += v * v;
  const singularValues = Float64Array.from(values, (l) => Math.sqrt(Math.max(l, 0)));
  return { components, singularValues, explained: Float64Array.from(values, (l) => (totalSq > 0 ? Math.max(l, 0) / totalSq : 0)), terms };
}

/** A row projected on the components (scikit-learn's transform: X·Vᵀ). */
export function lsaTransform(model: LsaModel, row: SparseRow): Float64Array {
  return Float64Array.from(model.components, (comp) => {
    let s = 0;
    for (let t = 0; t < row.indices.length; t++) s += row.values[t] * comp[row.indices[t]];
    return s;
  });
}

export function cosine(a: Float64Array, b: Float64Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}
