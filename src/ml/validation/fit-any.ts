// Fit any model kind the train cell offers from one plain description, so
// cross-validation, tuning and explain need not know tfjs from trees.
import type { ColumnTable } from 'arquero';
import type { EpochRecord } from '../../core/outputs.ts';
import type { TrainedModel } from '../../core/values.ts';
import { fitModel, fitTreeModel, type FitOptions, type TreeFitOptions } from '../fit.ts';

export type ModelSpec = { kind: 'tfjs'; options: FitOptions } | { kind: 'gbdt'; options: TreeFitOptions };

export interface AnyFitHooks {
  validation?: ColumnTable;
  signal?: AbortSignal;
  /** Called once per finished epoch (tfjs) or boosting round (trees) with its record. */
  onEpoch?: (record: EpochRecord) => void;
}

export interface AnyFitResult {
  model: TrainedModel;
  history: EpochRecord[];
}

export async function fitAny(table: ColumnTable, spec: ModelSpec, hooks: AnyFitHooks = {}): Promise<AnyFitResult> {
  // Both loops report the last finished epoch's record with their progress;
  // with no throttling every epoch is seen, and each is passed on once.
  let lastEpoch = 0;
  const onProgress = (p: { metrics?: Record<string, number> }) => {
    const m = p.metrics;
    if (!hooks.onEpoch || !m || typeof m.epoch !== 'number' || m.epoch <= lastEpoch) return;
    lastEpoch = m.epoch;
    hooks.onEpoch({ ...m, epoch: m.epoch, loss: m.loss });
  };
  const common = { validation: hooks.validation, signal: hooks.signal, onProgress, progressIntervalMs: 0 };
  if (spec.kind === 'gbdt') {
    const { model, result } = await fitTreeModel(table, spec.options, common);
    return { model, history: result.history };
  }
  const { model, result } = await fitModel(table, spec.options, common);
  return { model, history: result.history };
}
