// preprocessing.json, written beside a downloaded model (model.json): the
// recipe from a raw row of the loaded table to the model's input, so the
// model can be used outside the workbench. The fitted transforms the
// model's training table went through are found by walking the notebook
// back from the train cell (its input table's producer, through transform,
// split and sequences cells, to the load cell); each is written as the transform
// cell's own fitted JSON (steps with their learned state). Then the feature
// order, how the feature matrix reads values, the network's own input
// scaling, and the class labels the outputs stand for. docs/export.md,
// "preprocessing.json", documents every field.
import type { TrainedModel, Value } from '../core/values.ts';

export const PREPROCESSING_FORMAT = 'ml-workbench/preprocessing';
/** Bumped when a field changes meaning; a reader should refuse a newer one. */
export const PREPROCESSING_VERSION = 1;

/** What the walk needs of a cell: the kernel's CellState has these. */
export interface LineageCell {
  id: string;
  kind: string;
  reads: readonly string[];
  writes: readonly string[];
}

export interface FittedTransformEntry {
  /** The transform cell's id and the name its fitted transform is stored under. */
  cell: string;
  name: string;
  /** The table it was fitted on (the transform cell's input). */
  fittedOn: string;
  /** The fitted transform's JSON: { steps: [{ op, …params, state }] }. */
  fitted: unknown;
}

export interface ModelLineage {
  /** Transforms to apply to a raw row, first to last. */
  transforms: FittedTransformEntry[];
  /** The cells walked through, from the model's train cell back to the first table. */
  path: { cell: string; kind: string; reads: string }[];
  /** True when the walk reached a load cell through transform, split and sequences cells only: nothing else changed the columns. */
  complete: boolean;
}

/**
 * Cells walked through without a fitted transform of their own: split passes
 * rows through; the sequences cell's settings and fitted state are written
 * by the sequence model's files themselves (sequence-files.ts).
 */
const PASS_THROUGH = new Set(['split', 'sequences']);

/**
 * The fitted transforms between the loaded table and the model `modelName`,
 * from the cells in notebook order and the kernel's values.
 */
export function modelLineage(cells: readonly LineageCell[], valueOf: (name: string) => Value | undefined, modelName: string): ModelLineage {
  const path: ModelLineage['path'] = [];
  const transforms: FittedTransformEntry[] = [];
  const producer = (name: string, before: number) => {
    for (let i = before - 1; i >= 0; i--) if (cells[i].writes.includes(name)) return i;
    return -1;
  };
  let at = producer(modelName, cells.length);
  if (at < 0) return { transforms, path, complete: false };
  // The train cell's first read is the table it trained on.
  let table = cells[at].reads[0];
  path.push({ cell: cells[at].id, kind: cells[at].kind, reads: table ?? '' });
  while (table !== undefined) {
    at = producer(table, at);
    if (at < 0) return { transforms: transforms.reverse(), path, complete: false };
    const cell = cells[at];
    if (cell.kind === 'load') {
      path.push({ cell: cell.id, kind: cell.kind, reads: '' });
      return { transforms: transforms.reverse(), path, complete: true };
    }
    let next: string | undefined;
    if (cell.kind === 'transform') {
      // writes: [output, ...applyTo outputs, transform]; reads: [input, ...applyTo inputs, …].
      const fittedName = cell.writes[cell.writes.length - 1];
      const fitted = valueOf(fittedName);
      if (fitted?.type !== 'transform') break;
      transforms.push({ cell: cell.id, name: fittedName, fittedOn: cell.reads[0], fitted: fitted.transform.toJSON() });
      next = cell.reads[cell.writes.indexOf(table)];
    } else if (PASS_THROUGH.has(cell.kind)) {
      // sequences: writes [output, ...applyTo outputs] from reads [input, ...applyTo inputs]; split: one input.
      next = cell.reads[cell.writes.indexOf(table)] ?? cell.reads[0];
    }
    path.push({ cell: cell.id, kind: cell.kind, reads: next ?? '' });
    if (next === undefined) break;
    table = next;
  }
  return { transforms: transforms.reverse(), path, complete: false };
}

/** The network's head and own fitted scaling (tfjs networks standardise inputs and a regression target inside). */
export interface NetworkSide {
  /** 'binary' (one logit, sigmoid: the second class), 'multiclass' (softmax over classes) or 'regression'. */
  head: string;
  inputScaling: { mean: number[]; std: number[] };
  outputScaling: { mean: number; std: number };
}

/** preprocessing.json's content for a model with its lineage. */
export function preprocessingJson(model: TrainedModel, kind: 'tfjs-layers' | 'xgboost', lineage: ModelLineage, network?: NetworkSide): Record<string, unknown> {
  return {
    format: PREPROCESSING_FORMAT,
    version: PREPROCESSING_VERSION,
    model: { file: 'model.json', kind, modelType: model.modelType, task: model.task, target: model.target },
    transforms: lineage.transforms,
    lineage: { complete: lineage.complete, path: lineage.path },
    features: [...model.features],
    featureMatrix: {
      dtype: 'float32',
      booleans: 'true is 1, false is 0',
      missing: kind === 'xgboost' ? 'NaN: each tree sends it down the branch it learned for missing values' : 'refused: a network needs every feature present',
    },
    ...(network ? { network } : {}),
    classes: model.classes ? [...model.classes] : null,
    note: 'Apply transforms[*].fitted.steps in order to the raw table, take the features in this order as float32, '
      + (kind === 'xgboost'
        ? 'and predict with xgboost (model.json). Probability column k is classes[k].'
        : 'scale them (x - network.inputScaling.mean) / std and run the network (model.json + weights.bin). Its outputs are logits (network.head) over classes, or a scaled value: value * outputScaling.std + outputScaling.mean.'),
  };
}
