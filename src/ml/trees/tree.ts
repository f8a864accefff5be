// One regression tree in flat arrays. Internal node k splits on feature[k]:
// rows with x <= threshold[k] (bin <= binThreshold[k]) go to left[k], others
// to right[k]; missing values go left when missingLeft[k] is 1. Leaves have
// left[k] = -1 and hold value[k] (already multiplied by the learning rate).
export interface Tree {
  feature: Int32Array;
  threshold: Float64Array;
  binThreshold: Uint8Array;
  missingLeft: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
  /** Split gain of internal nodes (0 for leaves). */
  gain: Float64Array;
  /** Training rows (of the subsample) that reached the node. */
  count: Int32Array;
}

export interface TreeJSON {
  feature: number[];
  threshold: (number | null)[];
  binThreshold: number[];
  missingLeft: number[];
  left: number[];
  right: number[];
  value: number[];
  gain: number[];
  count: number[];
}

/** A growable tree under construction. */
export class TreeBuilder {
  feature: number[] = [];
  threshold: number[] = [];
  binThreshold: number[] = [];
  missingLeft: number[] = [];
  left: number[] = [];
  right: number[] = [];
  value: number[] = [];
  gain: number[] = [];
  count: number[] = [];

  addLeaf(value: number, count: number): number {
    this.feature.push(-1);
    this.threshold.push(0);
    this.binThreshold.push(0);
    this.missingLeft.push(0);
    this.left.push(-1);
    this.right.push(-1);
    this.value.push(value);
    this.gain.push(0);
    this.count.push(count);
    return this.value.length - 1;
  }

  finish(): Tree {
    return {
      feature: Int32Array.from(this.feature),
      threshold: Float64Array.from(this.threshold),
      binThreshold: Uint8Array.from(this.binThreshold),
      missingLeft: Uint8Array.from(this.missingLeft),
      left: Int32Array.from(this.left),
      right: Int32Array.from(this.right),
      value: Float64Array.from(this.value),
      gain: Float64Array.from(this.gain),
      count: Int32Array.from(this.count),
    };
  }
}

/** Leaf reached by row i of a column-major raw matrix (rows rows). */
export function leafRaw(tree: Tree, X: Float64Array, rows: number, i: number): number {
  let k = 0;
  const { left, right, feature, threshold, missingLeft } = tree;
  while (left[k] >= 0) {
    const v = X[feature[k] * rows + i];
    if (v !== v) k = missingLeft[k] ? left[k] : right[k];
    else k = v <= threshold[k] ? left[k] : right[k];
  }
  return k;
}

/** Leaf reached by row i of a column-major binned matrix (missing bin of feature j = nBins[j]). */
export function leafBinned(tree: Tree, bins: Uint8Array, rows: number, i: number, nBins: Uint16Array): number {
  let k = 0;
  const { left, right, feature, binThreshold, missingLeft } = tree;
  while (left[k] >= 0) {
    const f = feature[k];
    const b = bins[f * rows + i];
    if (b === nBins[f]) k = missingLeft[k] ? left[k] : right[k];
    else k = b <= binThreshold[k] ? left[k] : right[k];
  }
  return k;
}

export function treeToJSON(t: Tree): TreeJSON {
  return {
    feature: Array.from(t.feature),
    // JSON has no Infinity: the "missing vs. everything else" split stores null.
    threshold: Array.from(t.threshold, (v) => (Number.isFinite(v) ? v : null)),
    binThreshold: Array.from(t.binThreshold),
    missingLeft: Array.from(t.missingLeft),
    left: Array.from(t.left),
    right: Array.from(t.right),
    value: Array.from(t.value),
    gain: Array.from(t.gain),
    count: Array.from(t.count),
  };
}

export function treeFromJSON(j: TreeJSON): Tree {
  return {
    feature: Int32Array.from(j.feature),
    threshold: Float64Array.from(j.threshold, (v) => (v === null ? Infinity : v)),
    binThreshold: Uint8Array.from(j.binThreshold),
    missingLeft: Uint8Array.from(j.missingLeft),
    left: Int32Array.from(j.left),
    right: Int32Array.from(j.right),
    value: Float64Array.from(j.value),
    gain: Float64Array.from(j.gain),
    count: Int32Array.from(j.count),
  };
}
