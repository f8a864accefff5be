// Voting rules on plain arrays, with scikit-learn's semantics
// (VotingClassifier / VotingRegressor, sklearn 1.2):
// - soft: np.average(probas, axis=0, weights) then argmax (first maximum);
// - hard: argmax(bincount(predicted class indices, weights)): a tie goes to
//   the lowest class index (the first class in sorted label order);
// - regression: np.average(predictions, axis=0, weights).
import { CellError } from '../../core/errors.ts';

/**
 * The weights as given (empty = 1 each), checked: one per model, finite, ≥ 0,
 * not all zero. Kept unnormalised, as scikit-learn uses them (bincount's
 * weights; np.average divides by their sum), so ties fall the same way.
 */
export function resolveWeights(weights: readonly number[] | undefined, members: number): number[] {
  if (!weights || weights.length === 0) return new Array<number>(members).fill(1);
  if (weights.length !== members) throw CellError.coded('weights.count', { count: weights.length, models: members }, { where: 'params.weights' });
  if (weights.some((w) => !(w >= 0) || !Number.isFinite(w))) throw CellError.coded('weights.finite', {}, { where: 'params.weights' });
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw CellError.coded('weights.allZero', {}, { where: 'params.weights' });
  return [...weights];
}

/** Index of the first largest value. */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if (values[k] > values[best]) best = k;
  return best;
}

/** Weighted mean of each member's probability rows: probas[member][row][class]. */
export function softVote(probas: readonly (readonly (readonly number[])[])[], weights: readonly number[]): number[][] {
  const m = probas.length;
  if (m === 0) throw new Error('Soft voting needs at least one model.');
  const rows = probas[0].length;
  const k = probas[0][0]?.length ?? 0;
  const total = weights.reduce((a, b) => a + b, 0);
  const out: number[][] = [];
  for (let i = 0; i < rows; i++) {
    const row = new Array<number>(k).fill(0);
    for (let j = 0; j < m; j++) for (let c = 0; c < k; c++) row[c] += weights[j] * probas[j][i][c];
    for (let c = 0; c < k; c++) row[c] /= total;
    out.push(row);
  }
  return out;
}

/**
 * Weighted vote counts of each member's predicted class index: votes[member][row].
 * Returns the winning class per row (ties: lowest index) and the weighted counts.
 */
export function hardVote(votes: readonly ArrayLike<number>[], weights: readonly number[], classes: number): { winners: Int32Array; counts: number[][] } {
  const m = votes.length;
  if (m === 0) throw new Error('Hard voting needs at least one model.');
  const rows = votes[0].length;
  const winners = new Int32Array(rows);
  const tallies: number[][] = [];
  for (let i = 0; i < rows; i++) {
    const counts = new Array<number>(classes).fill(0);
    for (let j = 0; j < m; j++) counts[votes[j][i]] += weights[j];
    winners[i] = argmax(counts);
    tallies.push(counts);
  }
  return { winners, counts: tallies };
}

/** Weighted mean of each member's numeric predictions: preds[member][row]. */
export function averagePredictions(preds: readonly ArrayLike<number>[], weights: readonly number[]): number[] {
  const rows = preds[0]?.length ?? 0;
  const total = weights.reduce((a, b) => a + b, 0);
  const out = new Array<number>(rows).fill(0);
  for (let j = 0; j < preds.length; j++) for (let i = 0; i < rows; i++) out[i] += weights[j] * preds[j][i];
  return out.map((v) => v / total);
}
