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
  /** The title in Korean, shown when the UI is in Korean (the engine, reports and saved notebooks' text keep the English). */
  titleKo?: string;
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
  /** The title in Korean, shown when the UI is in Korean (the engine, reports and saved notebooks' text keep the English). */
  titleKo?: string;
  rowCount: number;
  columns: ColumnProfile[];
  warnings: string[];
  /** The warnings in Korean, in the same order (shown when the UI is Korean; `warnings` stays English, the leakage hints read it). */
  warningsKo?: string[];
}

/** A Plotly figure: `data` traces and `layout`, exactly as Plotly takes them. */
export interface FigureSpec {
  data: Record<string, unknown>[];
  layout: Record<string, unknown>;
}

export interface FigureOutput {
  type: 'figure';
  title?: string;
  /** The title in Korean, shown when the UI is in Korean (the engine, reports and saved notebooks' text keep the English). */
  titleKo?: string;
  /**
   * Korean for the figure's own words, shown when the UI is in Korean: `layout` maps a layout key
   * ('title', 'xaxis', 'yaxis', 'yaxis2', …) to the Korean text of its title; `traces` gives trace names by index.
   */
  ko?: { layout?: Record<string, string>; traces?: (string | null)[] };
  spec: FigureSpec;
}

export interface ConfusionMatrix {
  labels: string[];
  /** matrix[i][j]: rows are true labels, columns predicted labels (scikit-learn's order). */
  matrix: number[][];
}

/**
 * A binary classifier's scores, compactly: confusion counts at up to ~200
 * thresholds (highest first; positive when the positive class's probability
 * is >= the threshold) and the calibration curve. The ROC and
 * precision-recall curves and the metrics at any listed threshold follow
 * exactly; the UI's threshold slider moves over these thresholds.
 */
export interface BinaryCurves {
  positive: string;
  negative: string;
  thresholds: number[];
  tp: number[];
  fp: number[];
  positives: number;
  negatives: number;
  calibration: { meanPredicted: number[]; fractionPositive: number[]; count: number[] };
  /** The threshold the reported metrics use (0.5, or the chosen one). */
  threshold: number;
}

/** A regressor's predictions against the truth (a seeded sample when there are many rows). */
export interface RegressionPoints {
  actual: number[];
  predicted: number[];
  /** Rows evaluated; more than actual.length when sampled. */
  total: number;
}

export interface MetricsOutput {
  type: 'metrics';
  title?: string;
  /** The title in Korean, shown when the UI is in Korean (the engine, reports and saved notebooks' text keep the English). */
  titleKo?: string;
  task: 'classification' | 'regression';
  metrics: Record<string, number>;
  confusion?: ConfusionMatrix;
  /** Two-class models with probabilities: the ROC / PR / calibration points. */
  binary?: BinaryCurves;
  /** Regression: predicted against actual. */
  points?: RegressionPoints;
}

export interface EpochRecord {
  epoch: number;
  loss: number;
  [metric: string]: number;
}

export interface TrainingOutput {
  type: 'training';
  title?: string;
  /** The title in Korean, shown when the UI is in Korean (the engine, reports and saved notebooks' text keep the English). */
  titleKo?: string;
  history: EpochRecord[];
  /** 1-based epoch whose weights the model holds (restore-best), if not the last. */
  bestEpoch?: number;
  stoppedEarly?: boolean;
  /** What one step of `history` is: an epoch (networks, the default) or a boosting round (trees). */
  step?: 'epoch' | 'round';
  /** The column the model predicts (named in the chart's title: sequence models especially). */
  target?: string;
  summary: string;
  /** The summary in Korean, shown when the UI is in Korean. */
  summaryKo?: string;
}

export interface TextOutput {
  type: 'text';
  text: string;
  /** The same text in Korean, shown when the UI is in Korean (as MarkdownOutput.ko). */
  ko?: string;
}

export interface MarkdownOutput {
  type: 'markdown';
  markdown: string;
  /** The same text in Korean, shown when the UI is in Korean (the engine and saved notebooks keep the English). */
  ko?: string;
}

export interface JsonOutput {
  type: 'json';
  title?: string;
  /** The title in Korean, shown when the UI is in Korean (the engine, reports and saved notebooks' text keep the English). */
  titleKo?: string;
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
  /** The engine message catalogue's code (src/core/messages.ts) and its parameters: the UI translates by them. */
  code?: string;
  params?: Record<string, string | number>;
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
  /** The message as a catalogue code and parameters (src/core/messages/progress.ts), for the UI language. */
  code?: string;
  params?: Record<string, string | number>;
  epoch?: number;
  epochs?: number;
  batch?: number;
  batches?: number;
  loss?: number;
  metrics?: Record<string, number>;
}
