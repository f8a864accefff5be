// Sequence data as the sequences cell builds it and sequence models read it.
// Plain typed arrays plus the fitted state (vocabulary, scaling) so that
// validation and test sequences are built exactly like the training ones.
import type { Scalar } from '../../core/outputs.ts';

/** x' = (x − offset) / scale per feature, fitted on the training rows. */
export interface FeatureScaling {
  method: 'standard' | 'minmax' | 'none';
  offset: number[];
  scale: number[];
}

/** How the sequences were cut from a table; kept so a model can rebuild them from a new table. */
export interface WindowOptions {
  features: string[];
  target: string;
  steps: number;
  /** The target `horizon` rows after the window's last row (0 = that row itself). */
  horizon: number;
  group?: string;
  time?: string;
}

/** Many-to-one: n windows of `steps` rows × F features, one target each. */
export interface WindowSequences {
  kind: 'sequences';
  mode: 'windows';
  options: WindowOptions;
  n: number;
  steps: number;
  features: string[];
  /** n × steps × F, row-major, already scaled. */
  X: Float32Array;
  /** The raw target of each window (a number, or a class label). */
  y: Scalar[];
  /** Row (in the time-sorted table) of each window's last step. */
  index: Int32Array;
  groups?: Scalar[];
  scaling: FeatureScaling;
}

export interface PaddedOptions {
  group: string;
  state: string;
  features: string[];
  time?: string;
  /** Steps kept per sequence (the last ones); 0 = the longest training sequence. */
  maxLength: number;
  /** Groups shorter than this many rows are dropped (a next-state target needs ≥ 2). */
  minLength: number;
}

export const PAD = '<PAD>';
export const UNK = '<UNK>';

/**
 * Many-to-many: one padded sequence per group. Step t's input is the state
 * (vocabulary index) and numeric features of row t; its target is the state
 * of row t + 1, so the last row of each group is only a target. Padding is at
 * the end: a causal RNN's outputs at real steps never see the padding, so
 * the mask is needed by the loss and the metrics only.
 */
export interface PaddedSequences {
  kind: 'sequences';
  mode: 'padded';
  options: PaddedOptions;
  n: number;
  steps: number;
  /** Index → state; 0 is PAD, 1 is UNK (states not seen in training), then the sorted training states. */
  vocab: string[];
  features: string[];
  /** n × steps input state indices (0 on padding). */
  states: Int32Array;
  /** n × steps × F numeric step features, scaled (0 on padding). */
  numeric: Float32Array;
  /** n × steps next-state indices (0 = PAD on padding: ignored by loss and metrics). */
  targets: Int32Array;
  /** Real steps per sequence. */
  lengths: Int32Array;
  groups: Scalar[];
  scaling: FeatureScaling;
}

export type SequenceData = WindowSequences | PaddedSequences;

/** Sequences travel as `{type: 'object', value}` named values; this tells them apart. */
export function isSequenceData(v: unknown): v is SequenceData {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as { kind?: unknown; mode?: unknown };
  return o.kind === 'sequences' && (o.mode === 'windows' || o.mode === 'padded');
}
