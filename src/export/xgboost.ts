// The workbench's boosted trees (src/ml/trees) in XGBoost's JSON model
// format (the one `Booster.save_model('m.json')` writes, XGBoost 1.7), so
// `xgboost.Booster(); booster.load_model('m.json')` predicts with them.
//
// Two differences are bridged here:
// - the workbench sends x <= threshold left, XGBoost x < split_condition
//   (both in float32 in XGBoost): the condition is the next float32 above
//   the threshold rounded to float32, so f32(x) < cond ⇔ f32(x) <= f32(t);
// - the workbench has a base margin per output, XGBoost one base_score (in
//   probability space for binary:logistic): base_score is the neutral value
//   (0.5 for binary, 0 otherwise) and each output's base margin is added to
//   the leaves of that output's first tree.
// XGBoost sums leaves in float32, so predictions agree to about 1e-7.
import type { Scalar } from '../core/outputs.ts';
import type { Ensemble } from '../ml/trees/boost.ts';
import type { Tree } from '../ml/trees/tree.ts';

const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * The smallest float32 strictly greater than x rounded to float32. A split
 * at ±Infinity (present values all one way, missing the other) becomes
 * ±the largest float32, which JSON can hold.
 */
export function nextFloat32Up(x: number): number {
  if (Math.fround(x) >= FLOAT32_MAX) return FLOAT32_MAX;
  if (Math.fround(x) === -Infinity) return -FLOAT32_MAX;
  const f = new Float32Array([Math.fround(x)]);
  const bits = new Int32Array(f.buffer);
  if (f[0] === 0) {
    bits[0] = 1; // the smallest positive subnormal (from +0 or -0)
    return f[0];
  }
  bits[0] += f[0] > 0 ? 1 : -1;
  return f[0];
}

/** A float for XGBoost's JSON reader, which refuses an integer literal (`0`) where it expects a number (`0.0`). */
class Float {
  constructor(readonly value: number) {}
  toJSON(): string {
    return `${FLOAT_MARK}${this.value}`;
  }
}
const FLOAT_MARK = '\u0000float:';
const floats = (xs: ArrayLike<number>) => Array.from(xs, (x) => new Float(x));

function treeJson(tree: Tree, id: number, nFeatures: number, leafOffset: number) {
  const n = tree.left.length;
  const parents = new Array<number>(n).fill(2147483647);
  for (let k = 0; k < n; k++) {
    if (tree.left[k] >= 0) {
      parents[tree.left[k]] = k;
      parents[tree.right[k]] = k;
    }
  }
  const isLeaf = (k: number) => tree.left[k] < 0;
  const leafValue = (k: number) => tree.value[k] + leafOffset;
  return {
    base_weights: floats(Array.from({ length: n }, (_, k) => (isLeaf(k) ? leafValue(k) : 0))),
    categories: [],
    categories_nodes: [],
    categories_segments: [],
    categories_sizes: [],
    default_left: Array.from({ length: n }, (_, k) => (isLeaf(k) ? 0 : tree.missingLeft[k])),
    id,
    left_children: Array.from(tree.left),
    loss_changes: floats(tree.gain),
    parents,
    right_children: Array.from(tree.right),
    split_conditions: floats(Array.from({ length: n }, (_, k) => (isLeaf(k) ? leafValue(k) : nextFloat32Up(tree.threshold[k])))),
    split_indices: Array.from({ length: n }, (_, k) => (isLeaf(k) ? 0 : tree.feature[k])),
    split_type: new Array<number>(n).fill(0),
    sum_hessian: floats(tree.count),
    tree_param: { num_deleted: '0', num_feature: String(nFeatures), num_nodes: String(n), size_leaf_vector: '0' },
  };
}

export interface XgboostModelInput {
  ensemble: Ensemble;
  features: readonly string[];
}

/** The model as the text of an XGBoost JSON model file. */
export function toXgboostJsonText(model: XgboostModelInput): string {
  return JSON.stringify(toXgboostJson(model)).replace(/"\\u0000float:([^"]*)"/g, (_, x: string) => (/[.eE]/.test(x) ? x : `${x}.0`));
}

/** The model as XGBoost's JSON, as an object (floats wrapped: write it with toXgboostJsonText). */
export function toXgboostJson({ ensemble, features }: XgboostModelInput): Record<string, unknown> {
  const { objective, outputs, baseScore, trees, nFeatures } = ensemble;
  const flat: ReturnType<typeof treeJson>[] = [];
  const treeInfo: number[] = [];
  trees.forEach((round, r) =>
    round.forEach((tree, k) => {
      flat.push(treeJson(tree, flat.length, nFeatures, r === 0 ? baseScore[k] : 0));
      treeInfo.push(k);
    }),
  );
  const objectiveJson =
    objective === 'binary' ? { name: 'binary:logistic', reg_loss_param: { scale_pos_weight: '1' } }
    : objective === 'multiclass' ? { name: 'multi:softprob', softmax_multiclass_param: { num_class: String(outputs) } }
    : { name: 'reg:squarederror', reg_loss_param: { scale_pos_weight: '1' } };
  return {
    learner: {
      attributes: {},
      feature_names: [...features],
      feature_types: features.map(() => 'float'),
      gradient_booster: {
        model: { gbtree_model_param: { num_parallel_tree: '1', num_trees: String(flat.length), size_leaf_vector: '0' }, tree_info: treeInfo, trees: flat },
        name: 'gbtree',
      },
      learner_model_param: {
        base_score: objective === 'binary' ? '5E-1' : '0E0',
        boost_from_average: '0',
        num_class: objective === 'multiclass' ? String(outputs) : '0',
        num_feature: String(nFeatures),
        num_target: '1',
      },
      objective: objectiveJson,
    },
    version: [1, 7, 4],
  };
}

/** What a Python user needs beside the model file: feature order, class labels, target. */
export function xgboostSidecar(model: { features: readonly string[]; classes?: readonly Scalar[]; target: string; ensemble: Ensemble }): Record<string, unknown> {
  return {
    format: 'ml-workbench/xgboost-sidecar',
    target: model.target,
    features: [...model.features],
    classes: model.classes ? [...model.classes] : null,
    objective: model.ensemble.objective,
    note: 'Load with xgboost.Booster().load_model(model.json); predict on xgboost.DMatrix(X[features], missing=nan). Probabilities are in the order of classes.',
  };
}
