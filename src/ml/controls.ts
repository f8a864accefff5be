// Training controls shared by every tfjs model: class weights (Keras
// class_weight), learning-rate schedules, the early-stopping monitor.
import { CellError } from '../core/errors.ts';

export type ClassWeightSpec = 'none' | 'balanced' | 'inverse_capped' | Record<string, number>;

export type LrSchedule =
  | { type: 'none' }
  | { type: 'step'; every: number; factor: number }
  | { type: 'plateau'; factor: number; patience: number; minLr?: number };

/**
 * Per-class weights from class counts. 'balanced' is scikit-learn's
 * n / (k · count_c) (what Keras users pass as class_weight); 'inverse_capped'
 * is the same inverse frequency clipped at `cap` (the course's next-state
 * notebook uses 1.5) so rare classes cannot dominate the loss. Classes with
 * no rows get weight 1 (they never contribute). A map gives weights by label;
 * labels it omits get 1.
 */
export function resolveClassWeights(spec: ClassWeightSpec | undefined, counts: ArrayLike<number>, labels: readonly string[], cap = 1.5): number[] | undefined {
  if (spec === undefined || spec === 'none') return undefined;
  const k = counts.length;
  if (typeof spec === 'object') {
    const known = new Set(labels);
    for (const key of Object.keys(spec)) {
      if (!known.has(key)) {
        throw CellError.coded('classWeight.unknownClass', { key, classes: labels.join(', ') }, { where: 'params.classWeight' });
      }
    }
    return labels.map((l) => spec[l] ?? 1);
  }
  let present = 0;
  let total = 0;
  for (let c = 0; c < k; c++) {
    total += counts[c];
    if (counts[c] > 0) present++;
  }
  return Array.from({ length: k }, (_, c) => {
    if (counts[c] === 0) return 1;
    const w = total / (present * counts[c]);
    return spec === 'inverse_capped' ? Math.min(w, cap) : w;
  });
}

/** Metrics where larger is better; the rest (losses, errors) are minimised. */
export function monitorMode(monitor: string, mode: 'auto' | 'min' | 'max' = 'auto'): 'min' | 'max' {
  if (mode !== 'auto') return mode;
  return /acc|auc|f1|top|r2|precision|recall/i.test(monitor) ? 'max' : 'min';
}
