// Named values that cells read and write through the kernel. Unlike outputs,
// values may hold live objects (Arquero tables, tfjs models) and never leave
// the kernel's process; the kernel shows them to the UI as outputs.
import type { ColumnTable } from 'arquero';
import type { Scalar } from './outputs.ts';

export type Task = 'classification' | 'regression';

export interface Prediction {
  /** Predicted label per row (classification) or value (regression). */
  predictions: Scalar[];
  /** Class probabilities per row, columns in `classes` order (classification only). */
  probabilities?: number[][];
  classes?: Scalar[];
  /**
   * Sequence models on a raw table: the input row each prediction belongs to
   * (a window's last row). Rows without a full window get no prediction.
   */
  rows?: number[];
}

/** Predictions with the truth they align with (sequence models: one per window or per real step). */
export interface SequencePrediction {
  truth: Scalar[];
  prediction: Prediction;
}

/** A trained model as the kernel holds it: owns its tensors until dispose(). */
export interface TrainedModel {
  readonly modelType: string;
  readonly task: Task;
  readonly target: string;
  readonly features: string[];
  /** Class labels in the order of the probability columns (classification). */
  readonly classes?: Scalar[];
  predict(table: ColumnTable, signal?: AbortSignal): Promise<Prediction>;
  /**
   * Sequence models only: predict a sequences value (built by a sequences
   * cell, stored as an 'object' value) and return the aligned truth, since
   * windows and padded steps do not map one-to-one onto table rows.
   */
  evaluateSequences?(value: unknown, signal?: AbortSignal): Promise<SequencePrediction>;
  /**
   * Optional: fit a fresh, independent model of this kind on another table
   * with the settings this one was fitted with (its features, task and
   * hyperparameters; epochs/rounds as actually trained, no early stopping).
   * Out-of-fold stacking re-fits members per fold through it. The caller
   * owns (and disposes) the returned model.
   */
  refit?(table: ColumnTable, signal?: AbortSignal): Promise<TrainedModel>;
  /** Plain description (parameters, sizes) for outputs and tracking. */
  describe(): Record<string, unknown>;
  dispose(): void;
}

/** A fitted data transform: fitted once on training data, applied unchanged to any table. */
export interface FittedTransform {
  apply(table: ColumnTable): ColumnTable;
  /** The fitted state (means, categories, ...) as plain JSON. */
  toJSON(): unknown;
}

export type Value =
  | { type: 'table'; table: ColumnTable }
  | { type: 'model'; model: TrainedModel }
  | { type: 'transform'; transform: FittedTransform }
  | { type: 'metrics'; metrics: Record<string, number> }
  | { type: 'figure'; spec: { data: Record<string, unknown>[]; layout: Record<string, unknown> } }
  | { type: 'text'; text: string }
  | { type: 'object'; value: unknown };

export type ValueType = Value['type'];
