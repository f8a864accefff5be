// Cell outputs: plain, JSON-serializable records. They cross the worker
// boundary, are saved in the notebook file and are rendered by the UI and the
// headless runner, so nothing here may hold a class instance or a tensor.

export type Scalar = string | number | boolean | null;

export type ColumnType = 'number' | 'integer' | 'string' | 'boolean' | 'date' | 'unknown';

export interface ColumnInfo {
  name: string;
  type: ColumnType;
}

/** A table preview: schema, row count and the first rows only. */
export interface TableOutput {
  type: 'table';
  /** The named value this preview shows, if any. */
  name?: string;
  title?: string;
  columns: ColumnInfo[];
  rowCount: number;
  rows: Record<string, Scalar>[];
}

export interface HistogramData {
  /** Bin edges: bins.length + 1 numbers. */
  edges: number[];
  counts: number[];
}

export interface TopValue {
  value: Scalar;
  count: number;
}

export interface ColumnProfile {
  name: string;
  type: ColumnType;
  count: number;
  missing: number;
  unique: number;
  mean?: number;
  std?: number;
  min?: number | string;
  q1?: number;
  median?: number;
  q3?: number;
  max?: number | string;
  top: TopValue[];
  histogram?: HistogramData;
}

export interface ProfileOutput {
  type: 'profile';
  name?: string;
  title?: string;
  rowCount: number;
  columns: ColumnProfile[];
  warnings: string[];
}

/** A Plotly figure: `data` traces and `layout`, exactly as Plotly takes them. */
export interface FigureSpec {
  data: Record<string, unknown>[];
  layout: Record<string, unknown>;
}

export interface FigureOutput {
  type: 'figure';
  title?: string;
  spec: FigureSpec;
}

export interface ConfusionMatrix {
  labels: string[];
  /** matrix[i][j]: rows are true labels, columns predicted labels (scikit-learn's order). */
  matrix: number[][];
}

export interface MetricsOutput {
  type: 'metrics';
  title?: string;
  task: 'classification' | 'regression';
  metrics: Record<string, number>;
  confusion?: ConfusionMatrix;
}

export interface EpochRecord {
  epoch: number;
  loss: number;
  [metric: string]: number;
}

export interface TrainingOutput {
  type: 'training';
  title?: string;
  history: EpochRecord[];
  /** 1-based epoch whose weights the model holds (restore-best), if not the last. */
  bestEpoch?: number;
  stoppedEarly?: boolean;
  summary: string;
}

export interface TextOutput {
  type: 'text';
  text: string;
}

export interface MarkdownOutput {
  type: 'markdown';
  markdown: string;
}

export interface JsonOutput {
  type: 'json';
  title?: string;
  value: unknown;
}

export interface ErrorOutput {
  type: 'error';
  /** What went wrong, in words a student can act on. */
  message: string;
  /** What to do about it. */
  hint?: string;
  /** Where: a parameter path ("params.target"), a file position ("line 12, column 3"). */
  where?: string;
}

export type CellOutput =
  | TableOutput
  | ProfileOutput
  | FigureOutput
  | MetricsOutput
  | TrainingOutput
  | TextOutput
  | MarkdownOutput
  | JsonOutput
  | ErrorOutput;

/** Progress of a running cell; training fills the epoch/batch fields. */
export interface Progress {
  phase: string;
  /** 0..1 when known. */
  fraction?: number;
  message?: string;
  epoch?: number;
  epochs?: number;
  batch?: number;
  batches?: number;
  loss?: number;
  metrics?: Record<string, number>;
}
