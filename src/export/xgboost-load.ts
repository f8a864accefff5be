// An XGBoost JSON model (the workbench's own download, xgboost.ts, or one
// Python's Booster.save_model wrote) back into the workbench's TreeModel.
//
// XGBoost sends a row left when float32(x) < split_condition; the workbench
// when x <= threshold in float64. The threshold that does the same is the
// largest double that rounds (to nearest, ties to even) to a float32 below
// the condition. The workbench's own model.meta.json also carries each
// split's exact threshold (splitThresholds), used when it agrees with the
// condition, so a downloaded model predicts bit for bit as it did in the
// notebook; without it (a file from Python) predictions are XGBoost's.
// Leaves carry the base margin folded into each output's first tree (see
// xgboost.ts); a Python file's base_score becomes the margin to start from.
import type { Scalar } from '../core/outputs.ts';
import { DEFAULT_BOOST_PARAMS, type Objective } from '../ml/trees/boost.ts';
import type { Tree } from '../ml/trees/tree.ts';
import { TreeModel } from '../ml/trees/model.ts';
import { nextFloat32Up } from './xgboost.ts';
import { isObject, refuse, strings } from './portable-files.ts';

const FLOAT32_MAX = 3.4028234663852886e38;

const OBJECTIVES: Record<string, Objective> = {
  'binary:logistic': 'binary',
  'multi:softprob': 'multiclass',
  'multi:softmax': 'multiclass',
  'reg:squarederror': 'regression',
  'reg:linear': 'regression',
};

/** The float32 just below v (v a float32). */
function prevFloat32(v: number): number {
  const f = new Float32Array([v]);
  const bits = new Int32Array(f.buffer);
  if (v === 0) bits[0] = 0x80000001 | 0; // -(smallest subnormal)
  else bits[0] += v > 0 ? -1 : 1;
  return f[0];
}

/** The double just below v. */
function prevDouble(v: number): number {
  if (v === 0) return -Number.MIN_VALUE;
  const f = new Float64Array([v]);
  const bits = new BigInt64Array(f.buffer);
  bits[0] += v > 0 ? -1n : 1n;
  return f[0];
}

/** The float64 threshold t with x <= t exactly when XGBoost sends x left (float32(x) < condition). */
export function thresholdFromCondition(condition: number): number {
  const c = Math.fround(condition);
  if (c >= FLOAT32_MAX) return Infinity;
  if (c <= -FLOAT32_MAX) return -Infinity;
  const below = prevFloat32(c);
  // Doubles under the midpoint round to `below` or lower; the midpoint itself to the even one of the two.
  const mid = (below + c) / 2;
  const evenBelow = (new Int32Array(new Float32Array([below]).buffer)[0] & 1) === 0;
  return evenBelow ? mid : prevDouble(mid);
}

function numberOf(v: unknown): number {
  // XGBoost writes base_score as a string ("5E-1"; 2.x: "[5E-1]").
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.replace(/^\[|\]$/g, '')) : NaN;
  return n;
}

const intArray = (v: unknown, n: number): v is number[] => Array.isArray(v) && v.length === n && v.every((x) => Number.isInteger(x));
const numArray = (v: unknown, n: number): v is number[] => Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'number');

/** One XGBoost tree as a workbench Tree; `exact`: the meta file's thresholds for its nodes, when present. */
function treeOf(json: unknown, index: number, nFeatures: number, file: string, exact: unknown): Tree {
  const bad = (detail: string) => refuse('modelFile.xgboostTree', file, { tree: index, detail });
  if (!isObject(json)) throw bad('it is not an object');
  const n = Number((json.tree_param as { num_nodes?: unknown } | undefined)?.num_nodes ?? (json.left_children as unknown[] | undefined)?.length);
  if (!Number.isInteger(n) || n < 1) throw bad('no nodes');
  const { left_children: left, right_children: right, split_indices: feature, split_conditions: cond, default_left: defaultLeft } = json;
  if (!intArray(left, n) || !intArray(right, n) || !intArray(feature, n) || !numArray(cond, n) || !Array.isArray(defaultLeft) || defaultLeft.length !== n) {
    throw bad(`its node arrays (left_children, right_children, split_indices, split_conditions, default_left) do not all have ${n} entries`);
  }
  const categorical = (Array.isArray(json.split_type) && json.split_type.some((t) => t !== 0)) || (Array.isArray(json.categories) && json.categories.length > 0);
  if (categorical) throw refuse('modelFile.xgboostUnsupported', file, { what: 'categorical splits' });
  const exactOk = Array.isArray(exact) && exact.length === n;
  const tree: Tree = {
    feature: new Int32Array(n), threshold: new Float64Array(n), binThreshold: new Uint8Array(n), missingLeft: new Uint8Array(n),
    left: new Int32Array(n), right: new Int32Array(n), value: new Float64Array(n), gain: new Float64Array(n), count: new Int32Array(n),
  };
  const gain = numArray(json.loss_changes, n) ? json.loss_changes : undefined;
  const hessian = numArray(json.sum_hessian, n) ? json.sum_hessian : undefined;
  for (let k = 0; k < n; k++) {
    const leaf = left[k] < 0;
    // Children come after their parent, so every path ends at a leaf.
    if (!leaf && (left[k] <= k || right[k] <= k || left[k] >= n || right[k] >= n)) throw bad(`node ${k} points at a child that is not after it`);
    if (!leaf && (feature[k] < 0 || feature[k] >= nFeatures)) throw bad(`node ${k} splits on feature ${feature[k]} of ${nFeatures}`);
    tree.left[k] = leaf ? -1 : left[k];
    tree.right[k] = leaf ? -1 : right[k];
    tree.feature[k] = leaf ? -1 : feature[k];
    tree.missingLeft[k] = !leaf && (defaultLeft[k] === 1 || defaultLeft[k] === true) ? 1 : 0;
    tree.value[k] = leaf ? cond[k] : 0;
    if (!leaf) {
      const given = exactOk ? (exact as unknown[])[k] : undefined;
      const t = given === null ? Infinity : typeof given === 'number' ? given : NaN;
      tree.threshold[k] = nextFloat32Up(t) === Math.fround(cond[k]) ? t : thresholdFromCondition(cond[k]);
    }
    tree.gain[k] = gain?.[k] ?? 0;
    tree.count[k] = Math.round(hessian?.[k] ?? 0);
  }
  return tree;
}

/**
 * The trees of an XGBoost JSON model. `meta`: the workbench's model.meta.json
 * (features, classes, target, exact thresholds), absent for a Python file.
 */
export function xgboostModelFromJson(json: Record<string, unknown>, meta: Record<string, unknown> | undefined, file: string): TreeModel {
  const learner = json.learner;
  if (!isObject(learner)) throw refuse('modelFile.notXgboost', file, { detail: 'it has no learner' });
  const booster = learner.gradient_booster;
  if (!isObject(booster)) throw refuse('modelFile.notXgboost', file, { detail: 'it has no gradient_booster' });
  if (booster.name !== 'gbtree') throw refuse('modelFile.xgboostUnsupported', file, { what: `the "${String(booster.name)}" booster` });
  const model = booster.model;
  if (!isObject(model) || !Array.isArray(model.trees)) throw refuse('modelFile.notXgboost', file, { detail: 'it has no trees' });
  const parallel = Number((model.gbtree_model_param as { num_parallel_tree?: unknown } | undefined)?.num_parallel_tree ?? 1);
  if (parallel !== 1) throw refuse('modelFile.xgboostUnsupported', file, { what: `${parallel} trees per round (a random forest)` });
  const objectiveName = String((learner.objective as { name?: unknown } | undefined)?.name);
  const objective = OBJECTIVES[objectiveName];
  if (!objective) throw refuse('modelFile.xgboostUnsupported', file, { what: `the objective "${objectiveName}"` });
  const param = isObject(learner.learner_model_param) ? learner.learner_model_param : {};
  if (Number(param.num_target ?? 1) > 1) throw refuse('modelFile.xgboostUnsupported', file, { what: 'several targets' });
  const types = learner.feature_types;
  if (strings(types) && types.some((t) => t === 'c')) throw refuse('modelFile.xgboostUnsupported', file, { what: 'categorical features' });

  const features = meta && strings(meta.features) && meta.features.length ? meta.features : strings(learner.feature_names) && learner.feature_names.length ? learner.feature_names : undefined;
  if (!features) throw refuse('modelFile.xgboostNoFeatures', file);
  const nFeatures = Number(param.num_feature ?? features.length);
  if (nFeatures !== features.length) throw refuse('modelFile.notXgboost', file, { detail: `it reads ${nFeatures} features but names ${features.length}` });
  const outputs = objective === 'multiclass' ? Number(param.num_class) : 1;
  if (!Number.isInteger(outputs) || outputs < 1 || (objective === 'multiclass' && outputs < 2)) throw refuse('modelFile.notXgboost', file, { detail: 'its number of classes (num_class) is missing' });
  const metaClasses = meta && Array.isArray(meta.classes) ? (meta.classes as Scalar[]) : undefined;
  const classes: Scalar[] | undefined = objective === 'regression' ? undefined : metaClasses ?? Array.from({ length: objective === 'binary' ? 2 : outputs }, (_, k) => k);
  if (classes && classes.length !== (objective === 'binary' ? 2 : outputs)) throw refuse('modelFile.badMeta', file, { detail: `${classes.length} classes for a model with ${objective === 'binary' ? 2 : outputs}` });

  const baseScore = numberOf(param.base_score ?? (objective === 'binary' ? 0.5 : 0));
  if (!Number.isFinite(baseScore) || (objective === 'binary' && !(baseScore > 0 && baseScore < 1))) throw refuse('modelFile.notXgboost', file, { detail: `its base_score "${String(param.base_score)}" is not a number XGBoost could use` });
  // binary:logistic keeps base_score as a probability; the margin starts at its logit.
  const margin = objective === 'binary' ? Math.log(baseScore / (1 - baseScore)) : baseScore;

  const treeInfo = Array.isArray(model.tree_info) ? model.tree_info : model.trees.map(() => 0);
  const exact = meta && Array.isArray(meta.splitThresholds) ? meta.splitThresholds : [];
  const perOutput: Tree[][] = Array.from({ length: outputs }, () => []);
  model.trees.forEach((t, i) => {
    const k = Number(treeInfo[i]);
    if (!Number.isInteger(k) || k < 0 || k >= outputs) throw refuse('modelFile.xgboostTree', file, { tree: i, detail: `it belongs to output ${String(treeInfo[i])} of ${outputs}` });
    perOutput[k].push(treeOf(t, i, nFeatures, file, exact[i]));
  });
  const rounds = perOutput[0].length;
  if (rounds === 0 || perOutput.some((ts) => ts.length !== rounds)) throw refuse('modelFile.notXgboost', file, { detail: 'its outputs do not have one tree each per round' });
  const trees = Array.from({ length: rounds }, (_, r) => perOutput.map((ts) => ts[r]));
  return new TreeModel({
    ensemble: { objective, outputs, baseScore: new Array<number>(outputs).fill(margin), trees, nFeatures },
    target: meta && typeof meta.target === 'string' ? meta.target : 'target',
    features,
    ...(classes ? { classes } : {}),
    params: { ...DEFAULT_BOOST_PARAMS, rounds },
    training: { loadedFrom: file },
  });
}
