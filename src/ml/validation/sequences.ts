// Cross-validation and fitting of sequence models on a sequences value
// (src/ml/sequences): folds over windows (forward chaining in time, or by
// group) or over padded sequences (by sequence = by session), each fold
// re-fitted through fitSequenceModel — the train cell's own path — and
// scored by that fit's validation metrics on the held-out part.
// Note: the sequences value's feature scaling (and padded vocabulary) was
// fitted once on all of its rows by the sequences cell, so a fold's test part
// has contributed to the scaling statistics (not to any weights).
import type { EpochRecord } from '../../core/outputs.ts';
import { CellError, checkAborted } from '../../core/errors.ts';
import { fitSequenceModel, type SequenceFitOptions } from '../sequences/fit.ts';
import type { SequenceModel } from '../models/sequence-model.ts';
import type { PaddedSequences, SequenceData, WindowSequences } from '../sequences/types.ts';
import { groupKFold, kFold, timeFolds, type Fold } from './folds.ts';
import { summarise, type CrossValResult, type FoldResult } from './crossval.ts';

/** The samples (windows or sequences) at `idx`, in that order, as a new sequences value. */
export function subsetSequences(data: SequenceData, idx: readonly number[]): SequenceData {
  const T = data.steps;
  const F = data.features.length;
  const n = idx.length;
  if (data.mode === 'windows') {
    const X = new Float32Array(n * T * F);
    const w = T * F;
    idx.forEach((s, i) => X.set(data.X.subarray(s * w, (s + 1) * w), i * w));
    const out: WindowSequences = { ...data, n, X, y: idx.map((s) => data.y[s]), index: Int32Array.from(idx, (s) => data.index[s]) };
    if (data.groups) out.groups = idx.map((s) => data.groups![s]);
    return out;
  }
  const states = new Int32Array(n * T);
  const targets = new Int32Array(n * T);
  const numeric = new Float32Array(n * T * F);
  idx.forEach((s, i) => {
    states.set(data.states.subarray(s * T, (s + 1) * T), i * T);
    targets.set(data.targets.subarray(s * T, (s + 1) * T), i * T);
    numeric.set(data.numeric.subarray(s * T * F, (s + 1) * T * F), i * T * F);
  });
  const out: PaddedSequences = {
    ...data, n, states, targets, numeric, lengths: Int32Array.from(idx, (s) => data.lengths[s]), groups: idx.map((s) => data.groups[s]),
  };
  return out;
}

export type SequenceFoldMethod = 'kfold' | 'stratified' | 'group' | 'time';

/**
 * Folds over the samples of a sequences value.
 * - windows, time: forward chaining (TimeSeriesSplit) over the windows in the
 *   order of their last row, so no training window ends after a test window;
 * - windows, group: GroupKFold by the windows' group (a series never on both sides);
 * - padded, kfold or group: K-fold by sequence, i.e. by session (each
 *   sequence is one group already).
 * Shuffled or stratified folds of windows would train on the future; refused.
 */
export function sequenceFolds(data: SequenceData, method: SequenceFoldMethod, k: number, seed: number): Fold[] {
  if (data.mode === 'padded') {
    if (method === 'time' || method === 'stratified') {
      throw CellError.coded('folds.paddedMethod', { group: data.options.group, method }, { where: 'params.method' });
    }
    return kFold(data.n, k, seed).map((f) => ({ train: f.train, test: f.test }));
  }
  if (method === 'time') return timeFolds(data.n, k, Array.from(data.index));
  if (method === 'group') {
    if (!data.groups) throw CellError.coded('folds.windowsNoGroup', {}, { where: 'params.method' });
    return groupKFold(data.groups, k);
  }
  throw CellError.coded('folds.windowsLeak', { method }, { where: 'params.method' });
}

export interface SequenceFitAnyHooks {
  validation?: SequenceData;
  signal?: AbortSignal;
  onEpoch?: (record: EpochRecord) => void;
}

/** fitSequenceModel with one callback per finished epoch (as fitAny gives for tables). */
export async function fitSequenceAny(train: SequenceData, options: SequenceFitOptions, hooks: SequenceFitAnyHooks = {}): Promise<{ model: SequenceModel; history: EpochRecord[]; bestEpoch?: number }> {
  let lastEpoch = 0;
  const onProgress = (p: { metrics?: Record<string, number> }) => {
    const m = p.metrics;
    if (!hooks.onEpoch || !m || typeof m.epoch !== 'number' || m.epoch <= lastEpoch) return;
    lastEpoch = m.epoch;
    hooks.onEpoch({ ...m, epoch: m.epoch, loss: m.loss });
  };
  const { model, result } = await fitSequenceModel(train, options, { validation: hooks.validation, signal: hooks.signal, onProgress, progressIntervalMs: 0 });
  return { model, history: result.history, bestEpoch: result.bestEpoch };
}

/** The validation metrics of the epoch whose weights the model kept, without the val_ prefix. */
export function keptMetrics(history: readonly EpochRecord[], bestEpoch?: number): Record<string, number> {
  const record = (bestEpoch !== undefined ? history.find((r) => r.epoch === bestEpoch) : undefined) ?? history.at(-1);
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(record ?? {})) {
    if (key.startsWith('val_') && typeof value === 'number') out[key.slice(4)] = value;
  }
  return out;
}

export interface SequenceCrossValHooks {
  signal?: AbortSignal;
  onFold?: (done: number, total: number, result: FoldResult) => void;
}

/** Cross-validate a sequence model: fit per fold (disposed after scoring), metrics from the held-out samples. */
export async function crossValidateSequences(data: SequenceData, options: SequenceFitOptions, folds: readonly Fold[], hooks: SequenceCrossValHooks = {}): Promise<CrossValResult> {
  const results: FoldResult[] = [];
  for (let f = 0; f < folds.length; f++) {
    checkAborted(hooks.signal);
    const train = subsetSequences(data, folds[f].train);
    const test = subsetSequences(data, folds[f].test);
    const { model, history, bestEpoch } = await fitSequenceAny(train, options, { validation: test, signal: hooks.signal });
    model.dispose();
    const result = { fold: f + 1, trainRows: train.n, testRows: test.n, metrics: keptMetrics(history, bestEpoch) };
    results.push(result);
    hooks.onFold?.(f + 1, folds.length, result);
  }
  return { folds: results, summary: summarise(results) };
}
