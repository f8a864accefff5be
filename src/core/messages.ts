// The engine's message catalogue: the common errors as a code, parameters
// and English templates. Errors raised through it carry the code and
// parameters (CellError.code/params → ErrorOutput.code/params), so a UI in
// another language can say the same thing in its own words
// (src/ui/i18n-errors.ts) while the engine, the headless runner and saved
// notebooks keep the English text. No DOM: the engine renders English itself.

import { DATA_MESSAGES } from './messages/data.ts';
import { ML_MESSAGES } from './messages/ml.ts';
import { CELL_MESSAGES } from './messages/cells.ts';
import { HOST_MESSAGES } from './messages/host.ts';
import { ENDPOINT_MESSAGES } from './messages/endpoints.ts';
import { METRIC_MESSAGES } from './messages/metrics.ts';
import { LIFECYCLE_MESSAGES } from './messages/lifecycle.ts';
import { MODEL_FILE_MESSAGES } from './messages/modelFile.ts';

export type MessageParams = Record<string, string | number>;

interface Template {
  message: string;
  hint?: string;
}

export const ENGINE_MESSAGES = {
  'cell.stopped': { message: 'Stopped by user.' },
  'cell.unknownKind': { message: 'Unknown cell kind "{kind}".', hint: 'This notebook may need a newer ML Workbench.' },
  'input.notProduced': { message: 'This cell reads "{name}", but no cell has produced it yet.', hint: 'Run {cell} first (or use Run all).' },
  'input.noProducer': { message: 'This cell reads "{name}", but no cell has produced it yet.', hint: 'Add a cell that produces "{name}" above this one, or pick another input.' },
  'input.producerFailed': { message: 'Skipped: this cell reads "{name}", which {cell} should have produced but that cell failed.', hint: 'Fix {cell} first.' },
  'value.missing': { message: 'There is no value named "{name}".', hint: 'Available: {available}.' },
  'value.wrongType': { message: '"{name}" is a {actual}, but this parameter needs a {expected}.', hint: 'Pick a {expected}: {available}.' },
  'value.badName': { message: '"{name}" is not a valid value name.', hint: 'Use letters, digits and _ only, starting with a letter (like train_data).' },
  'column.missing': { message: 'The table has no column "{column}".', hint: 'Columns are: {columns}.' },
  'target.missing': { message: 'Choose the target column to predict.' },
  'output.missing': { message: 'Name the model output.' },
  'evaluate.noRows': { message: 'Table "{table}" has no rows to evaluate on.' },
  'evaluate.noTarget': {
    message: 'Table "{table}" has no target column "{target}", so there is nothing to compare predictions with.',
    hint: 'Evaluate on a table that keeps the target, such as the test part of a split.',
  },
  'params.invalid': { message: 'Invalid parameter {path}: {detail}.', hint: 'Fix the parameter in the cell form.' },
  'params.invalidMore': { message: 'Invalid parameter {path}: {detail} (and {more} more).', hint: 'Fix the parameter in the cell form.' },
  'column.notIn': { message: 'Column "{column}" is not in "{table}".', hint: 'Available columns: {columns}.' },
  'column.notInTable': { message: 'Column "{column}" is not in the table.', hint: 'Available columns: {columns}.' },
  'column.chartNotIn': { message: 'Column "{column}" is not in the table.', hint: 'Columns: {columns}.' },
  'column.chartNotNumeric': { message: 'Column "{column}" is {type}; this chart needs numbers here.' },
  'chart.needsX': { message: 'A {chart} chart needs an x column.', hint: 'Columns: {columns}.' },
  'table.noColumn': { message: 'Table "{table}" has no column "{column}".' },
  'table.noRows': { message: 'Table "{table}" has no rows.' },
  'table.noTargetColumn': { message: 'Table "{table}" has no target column "{target}".' },
  'train.noTarget': { message: 'No target column is set.', hint: 'Choose the column to predict.' },
  'train.noRows': { message: 'The training table has no rows.' },
  'train.targetIsFeature': { message: 'The target "{target}" is also listed as a feature.', hint: 'Remove it from the features.' },
  'train.oneClass': { message: 'The target "{target}" has only one class ({value}).', hint: 'A classifier needs at least two classes in the training data.' },
  'train.noNumericFeatures': {
    message: 'There are no numeric feature columns besides the target.',
    hint: 'Add a transform cell with a one-hot step to turn text columns into numbers, or list the features.',
  },
  'feature.missingValue': { message: 'Feature column "{column}" has 1 missing value.', hint: 'Add a transform cell with an impute step (or drop those rows) before training.' },
  'feature.missingValues': { message: 'Feature column "{column}" has {count} missing values.', hint: 'Add a transform cell with an impute step (or drop those rows) before training.' },
  'feature.notNumeric': {
    message: 'Feature column "{column}" is not numeric (row {row} holds {value}).',
    hint: 'Models take numbers only: add a transform cell with a one-hot step for this column, or leave it out of the features.',
  },
  'feature.notNumericTrees': {
    message: 'Feature column "{column}" is not numeric (row {row} holds {value}).',
    hint: 'Gradient-boosted trees take numbers and booleans: add a transform cell with a one-hot step for this column, or leave it out of the features.',
  },
  'target.missingValue': {
    message: 'Target column "{target}" has 1 missing value.',
    hint: 'Drop the rows without a target (a transform cell with a filter or drop-missing step) before training.',
  },
  'target.missingValues': {
    message: 'Target column "{target}" has {count} missing values.',
    hint: 'Drop the rows without a target (a transform cell with a filter or drop-missing step) before training.',
  },
  'target.textForRegression': {
    message: 'Target column "{target}" holds text ({value}), so it cannot be a regression target.',
    hint: 'Set task to classification, or pick a numeric target.',
  },
  'target.unknownClass': { message: 'Target value {value} did not occur in the training data.', hint: 'The model knows the classes {classes}.' },
  'split.needsTarget': { message: 'A stratified split needs a target column.', hint: 'Available columns: {columns}.' },
  'split.needsGroup': { message: 'A group split needs a group column.', hint: 'Available columns: {columns}.' },
  'split.needsTime': { message: 'A time split needs a date column.', hint: 'Available columns: {columns}.' },
  'split.fractionRange': { message: 'The {part} fraction must be between 0 and 1, not {value}.' },
  'split.fractionSum': { message: 'The train, validation and test fractions add up to {sum}, not 1.', hint: 'For example 0.7, 0.15, 0.15 or 0.8, 0, 0.2.' },
  'split.noTrain': { message: 'The train fraction must be above 0.' },
  'code.parse': { message: 'The code does not parse: {detail}', hint: 'Check brackets, quotes and semicolons near the place named.' },
  'code.nodeDenied': {
    message: "Code cells cannot use Node's file system, processes or workers in the headless runner.",
    hint: 'Read a file with a load cell (a path next to the notebook), or allow its folder with --allow-read DIR.',
  },
  'code.exitDenied': { message: 'Code cells cannot end the kernel ({call}) in the headless runner.', hint: 'Throw an error to fail the cell; the runner ends when the notebook is done.' },
  'code.killDenied': { message: 'Code cells cannot signal a process ({call}) in the headless runner.', hint: 'Throw an error to fail the cell; the runner ends when the notebook is done.' },
  // Made by the app (src/ui/session/kernelSession.ts), not the engine: the kernel was replaced under a running cell.
  'kernel.stoppedUnresponsive': { message: 'Stopped: the cell did not respond to Stop, so the kernel was restarted.', hint: 'In long loops of a code cell, check signal.aborted.' },
  'kernel.stoppedCrashed': { message: 'Stopped: the kernel ran out of memory or crashed, so it was restarted.', hint: 'Use less data (fewer rows or columns) and run again.' },
  'step.columnMissing': { message: 'step {n} ({op}): column {columns} not in the table.', hint: 'Available columns: {available}.' },
  'step.columnsMissing': { message: 'step {n} ({op}): columns {columns} not in the table.', hint: 'Available columns: {available}.' },
  'step.badExpression': {
    message: 'step {n} ({op}): the expression {expr} cannot be used: {detail}',
    hint: 'Write it as "d => ..." using d.column and op.* functions. Columns: {columns}.',
  },
  'step.needsName': { message: 'step {n} ({op}): the new column needs a name.' },
  'step.notScalable': { message: 'step {n} ({op}): column "{column}" is not numeric and cannot be scaled.', hint: 'One-hot encode text columns instead.' },
  'csv.unclosedQuote': {
    message: 'A quoted field never ends: its opening quote has no closing quote.',
    hint: 'Check for a stray " in that field, or double it ("") to keep it as text.',
  },
  'csv.fieldCount': {
    message: 'Line {line} has {count} fields, but the header has {width}.',
    hint: 'Check the delimiter ({delimiter}) and quoting on that line, or set ragged rows to "pad".',
  },
  'csv.fieldCountNoHeader': {
    message: 'Line {line} has {count} fields, but the first row has {width}.',
    hint: 'Check the delimiter ({delimiter}) and quoting on that line, or set ragged rows to "pad".',
  },
  'csv.oneField': {
    message: 'Line {line} has 1 field, but the header has {width}.',
    hint: 'Check the delimiter ({delimiter}) and quoting on that line, or set ragged rows to "pad".',
  },
  'csv.oneFieldNoHeader': {
    message: 'Line {line} has 1 field, but the first row has {width}.',
    hint: 'Check the delimiter ({delimiter}) and quoting on that line, or set ragged rows to "pad".',
  },
  'csv.empty': { message: 'The file is empty.', hint: 'Check that the right file was chosen and that it has a header and rows.' },
  'load.chooseDataset': { message: 'Choose a dataset to load.' },
  'load.enterUrl': { message: 'Enter the URL to load.' },
  'load.readFailed': { message: 'Could not read {source}: {detail}' },
  'predict.noInput': { message: 'Give a table to predict or one row of values.', hint: 'The model uses {features}.' },
  'predict.lacksFeature': { message: "The data lacks the model's feature {features}.", hint: 'Give the transform the model was trained after, or the same columns as the training table.' },
  'predict.lacksFeatures': { message: "The data lacks the model's features {features}.", hint: 'Give the transform the model was trained after, or the same columns as the training table.' },
  'predict.lacksFeatureAfterTransform': { message: "The data lacks the model's feature {features}.", hint: "Check the row's column names against the raw table the transform was fitted on." },
  'predict.lacksFeaturesAfterTransform': { message: "The data lacks the model's features {features}.", hint: "Check the row's column names against the raw table the transform was fitted on." },
  'select.chooseTarget': { message: 'Choose the target column.' },
  'select.featureNotNumeric': { message: 'Feature "{feature}" is not numeric.', hint: 'Encode it first (transform cell: one-hot or ordinal).' },
  'step.imputeNotNumeric': { message: 'step {n} ({op}): column "{column}" is not numeric, so it has no {strategy}.', hint: 'Use most_frequent or constant for text columns.' },
  'step.imputeNoValues': {
    message: 'step {n} ({op}): column "{column}" has no values in the training table, so there is nothing to compute a {strategy} from.',
    hint: 'Drop the column, or use the constant strategy.',
  },
  'name.result': { message: 'Give the result a name.' },
  'name.table': { message: 'Give the table a name.' },
  'name.joined': { message: 'Give the joined table a name.' },
  'name.resultsOutput': { message: 'Name the results output.' },
  'name.predictionsOutput': { message: 'Name the predictions output.' },
  // The rarer errors, by layer (src/core/messages/).
  ...DATA_MESSAGES,
  ...ML_MESSAGES,
  ...CELL_MESSAGES,
  ...HOST_MESSAGES,
  ...ENDPOINT_MESSAGES,
  ...METRIC_MESSAGES,
  ...LIFECYCLE_MESSAGES,
  ...MODEL_FILE_MESSAGES,
} satisfies Record<string, Template>;

export type MessageCode = keyof typeof ENGINE_MESSAGES;

/** "{name}" in a template → params.name; an unknown {x} stays as it is. */
export function fillTemplate(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/** A notice for the student outside a cell's outputs: the English text, and the code and parameters a UI in another language says it from. */
export interface CodedNotice {
  message: string;
  code: MessageCode;
  params: MessageParams;
}

/** The catalogued notice of a code. */
export function codedNotice(code: MessageCode, params: MessageParams): CodedNotice {
  return { message: engineMessage(code, params).message, code, params };
}

/** The English message and hint of a code. */
export function engineMessage(code: MessageCode, params: MessageParams = {}): { message: string; hint?: string } {
  const t: Template = ENGINE_MESSAGES[code];
  return { message: fillTemplate(t.message, params), ...(t.hint ? { hint: fillTemplate(t.hint, params) } : {}) };
}
