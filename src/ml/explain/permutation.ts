// Permutation importance with scikit-learn's semantics: the drop in score
// when one feature's column is shuffled (breaking its link to the target),
// n_repeats shuffles per feature, seeded; importance = baseline − permuted.
import type { ColumnTable } from 'arquero';
import { checkAborted } from '../../core/errors.ts';
import { seededRandom, shuffledIndices } from '../../core/random.ts';
import type { TrainedModel } from '../../core/values.ts';
import { columnValues, targetLabels } from '../features.ts';
import { resolveScoring, score, type Scoring } from './scoring.ts';

export interface FeatureImportance {
  feature: string;
  mean: number;
  /** Population standard deviation over repeats (numpy's np.std, as sklearn reports). */
  std: number;
  importances: number[];
}

export interface PermutationResult {
  scoring: Exclude<Scoring, 'auto'>;
  baseline: number;
  /** In the model's feature order. */
  features: FeatureImportance[];
}

export interface PermutationOptions {
  scoring?: Scoring;
  nRepeats?: number;
  seed?: number;
  signal?: AbortSignal;
  onFeature?: (done: number, total: number) => void;
}

export async function permutationImportance(model: TrainedModel, table: ColumnTable, options: PermutationOptions = {}): Promise<PermutationResult> {
  const scoring = resolveScoring(model, options.scoring ?? 'auto');
  const nRepeats = options.nRepeats ?? 5;
  const random = seededRandom(options.seed ?? 42);
  const base = table.reify();
  const truth = targetLabels(base, model.target);
  const baseline = score(scoring, truth, await model.predict(base, options.signal), model);
  const n = base.numRows();
  const features: FeatureImportance[] = [];
  for (const [j, feature] of model.features.entries()) {
    const values = columnValues(base, feature, 'params.input');
    const importances: number[] = [];
    for (let r = 0; r < nRepeats; r++) {
      checkAborted(options.signal);
      const order = shuffledIndices(n, random);
      const permuted = base.assign({ [feature]: Array.from(order, (i) => values[i]) });
      importances.push(baseline - score(scoring, truth, await model.predict(permuted, options.signal), model));
    }
    const mean = importances.reduce((a, b) => a + b, 0) / nRepeats;
    const std = Math.sqrt(importances.reduce((a, x) => a + (x - mean) ** 2, 0) / nRepeats);
    features.push({ feature, mean, std, importances });
    options.onFeature?.(j + 1, model.features.length);
  }
  return { scoring, baseline, features };
}
