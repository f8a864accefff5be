// Growing one tree from gradients and hessians on binned features: per-node
// histograms of (G, H, count) per bin, the smaller child's histogram built
// from its rows and the sibling's derived by subtraction, best-first (leaf-
// wise) growth limited by maxLeaves and maxDepth. Without a leaf cap every
// positive-gain split is made, which is the depth-wise tree of XGBoost.
// Split gain and leaf values follow XGBoost: with T(G) = sign(G)·max(|G|-α, 0)
// gain = ½[T(G_L)²/(H_L+λ) + T(G_R)²/(H_R+λ) − T(G)²/(H+λ)] − γ,
// leaf value = −η·T(G)/(H+λ).
import { TreeBuilder, type Tree } from './tree.ts';

export interface GrowParams {
  /** 0 = unlimited. */
  maxDepth: number;
  /** 0 = unlimited. */
  maxLeaves: number;
  minChildWeight: number;
  minSamplesLeaf: number;
  lambda: number;
  alpha: number;
  gamma: number;
  learningRate: number;
}

// Histograms are one Float64Array: feature f's bins b = 0..nBins[f] (the
// last is the missing bin) at offset[f] + 3b as (G, H, count).
/** Gains at or below this count as no improvement (float round-off). */
const MIN_GAIN = 1e-12;

interface Split {
  feature: number;
  bin: number;
  threshold: number;
  missingLeft: boolean;
  gain: number;
  gl: number;
  hl: number;
  cl: number;
}

interface Leaf {
  node: number;
  start: number;
  end: number;
  depth: number;
  g: number;
  h: number;
  c: number;
  hist: Float64Array | null;
  split: Split | null;
}

export interface GrownTree {
  tree: Tree;
  /** Row order after partitioning: rows of leaf k are order[start..end). */
  order: Uint32Array;
  leaves: { node: number; start: number; end: number }[];
}

function thresholdL1(g: number, alpha: number): number {
  if (alpha <= 0) return g;
  if (g > alpha) return g - alpha;
  if (g < -alpha) return g + alpha;
  return 0;
}

export class Grower {
  private readonly order: Uint32Array;
  private readonly temp: Uint32Array;
  private readonly gBuf: Float64Array;
  private readonly hBuf: Float64Array;
  private readonly pool: Float64Array[] = [];
  private readonly offset: Int32Array;

  constructor(
    private readonly bins: Uint8Array,
    private readonly rows: number,
    private readonly cols: number,
    private readonly nBins: Uint16Array,
    private readonly thresholds: Float64Array[],
    private readonly params: GrowParams,
  ) {
    this.order = new Uint32Array(rows);
    this.temp = new Uint32Array(rows);
    this.gBuf = new Float64Array(rows);
    this.hBuf = new Float64Array(rows);
    this.offset = new Int32Array(cols + 1);
    for (let f = 0; f < cols; f++) this.offset[f + 1] = this.offset[f] + 3 * (nBins[f] + 1);
  }

  private score(g: number, h: number): number {
    const d = h + this.params.lambda;
    if (d <= 0) return 0;
    const t = thresholdL1(g, this.params.alpha);
    return (t * t) / d;
  }

  private leafValue(g: number, h: number): number {
    const d = h + this.params.lambda;
    if (d <= 0) return 0;
    return (-thresholdL1(g, this.params.alpha) / d) * this.params.learningRate;
  }

  private takeHist(): Float64Array {
    const h = this.pool.pop();
    if (h) {
      h.fill(0);
      return h;
    }
    return new Float64Array(this.offset[this.cols]);
  }

  private release(leaf: Leaf): void {
    if (leaf.hist) this.pool.push(leaf.hist);
    leaf.hist = null;
  }

  /**
   * The root of a tree grown on every row (no subsample): rows in their
   * own order, so each feature's pass reads its bins and the gradients
   * sequentially, without the row index. Same sums in the same order.
   */
  private buildRootHist(hist: Float64Array, grad: Float64Array, hess: Float64Array, features: Int32Array): void {
    const { bins, rows } = this;
    for (let fi = 0; fi < features.length; fi++) {
      const f = features[fi];
      const base = this.offset[f];
      const off = f * rows;
      for (let r = 0; r < rows; r++) {
        const idx = base + bins[off + r] * 3;
        hist[idx] += grad[r];
        hist[idx + 1] += hess[r];
        hist[idx + 2] += 1;
      }
    }
  }

  private buildHist(hist: Float64Array, start: number, end: number, grad: Float64Array, hess: Float64Array, features: Int32Array): void {
    const { order, bins, rows, gBuf, hBuf } = this;
    const n = end - start;
    for (let i = 0; i < n; i++) {
      const r = order[start + i];
      gBuf[i] = grad[r];
      hBuf[i] = hess[r];
    }
    for (let fi = 0; fi < features.length; fi++) {
      const f = features[fi];
      const base = this.offset[f];
      const off = f * rows;
      for (let i = 0; i < n; i++) {
        const idx = base + bins[off + order[start + i]] * 3;
        hist[idx] += gBuf[i];
        hist[idx + 1] += hBuf[i];
        hist[idx + 2] += 1;
      }
    }
  }

  private findSplit(leaf: Leaf, features: Int32Array): Split | null {
    const p = this.params;
    const hist = leaf.hist;
    if (!hist) return null;
    if (p.maxDepth > 0 && leaf.depth >= p.maxDepth) return null;
    if (leaf.c < 2 * p.minSamplesLeaf || leaf.h < 2 * p.minChildWeight) return null;
    const { g: G, h: H, c: C } = leaf;
    const parent = this.score(G, H);
    let best: Split | null = null;
    let bestGain = MIN_GAIN;
    const consider = (feature: number, bin: number, gl: number, hl: number, cl: number, missingLeft: boolean, threshold: number): void => {
      const cr = C - cl;
      const hr = H - hl;
      if (cl < p.minSamplesLeaf || cr < p.minSamplesLeaf || hl < p.minChildWeight || hr < p.minChildWeight) return;
      const gain = 0.5 * (this.score(gl, hl) + this.score(G - gl, hr) - parent) - p.gamma;
      if (gain > bestGain) {
        bestGain = gain;
        best = { feature, bin, threshold, missingLeft, gain, gl, hl, cl };
      }
    };
    for (let fi = 0; fi < features.length; fi++) {
      const f = features[fi];
      const nb = this.nBins[f];
      const base = this.offset[f];
      const mIdx = base + nb * 3;
      const mg = hist[mIdx];
      const mh = hist[mIdx + 1];
      const mc = hist[mIdx + 2];
      const t = this.thresholds[f];
      let gl = 0;
      let hl = 0;
      let cl = 0;
      for (let b = 0; b < nb - 1; b++) {
        const idx = base + b * 3;
        gl += hist[idx];
        hl += hist[idx + 1];
        cl += hist[idx + 2];
        if (mc > 0) {
          consider(f, b, gl, hl, cl, false, t[b]);
          consider(f, b, gl + mg, hl + mh, cl + mc, true, t[b]);
        } else {
          // No missing values here: unseen missing values follow the larger child.
          consider(f, b, gl, hl, cl, cl >= C - cl, t[b]);
        }
      }
      if (mc > 0 && mc < C) {
        // Missing vs. every present value.
        consider(f, nb - 1, G - mg, H - mh, C - mc, false, Infinity);
      }
    }
    return best;
  }

  /** Stable partition of order[start..end) by the split; returns the first right index. */
  private partition(start: number, end: number, s: Split): number {
    const { order, temp, bins, rows } = this;
    const off = s.feature * rows;
    const missing = this.nBins[s.feature];
    const thr = s.bin;
    const ml = s.missingLeft;
    let l = start;
    let r = 0;
    for (let i = start; i < end; i++) {
      const row = order[i];
      const b = bins[off + row];
      const goLeft = b === missing ? ml : b <= thr;
      if (goLeft) order[l++] = row;
      else temp[r++] = row;
    }
    order.set(temp.subarray(0, r), l);
    return l;
  }

  /**
   * Grow one tree. `sample` lists the training rows to use (null = all);
   * `features` the columns it may split on.
   */
  grow(grad: Float64Array, hess: Float64Array, sample: Uint32Array | null, features: Int32Array): GrownTree {
    const p = this.params;
    const n = sample ? sample.length : this.rows;
    if (sample) this.order.set(sample);
    else for (let i = 0; i < n; i++) this.order[i] = i;
    let G = 0;
    let H = 0;
    for (let i = 0; i < n; i++) {
      const r = this.order[i];
      G += grad[r];
      H += hess[r];
    }
    const builder = new TreeBuilder();
    const root: Leaf = { node: builder.addLeaf(this.leafValue(G, H), n), start: 0, end: n, depth: 0, g: G, h: H, c: n, hist: null, split: null };
    const done: Leaf[] = [];
    const open: Leaf[] = [];
    if (n >= 2 * p.minSamplesLeaf) {
      root.hist = this.takeHist();
      if (sample) this.buildHist(root.hist, 0, n, grad, hess, features);
      else this.buildRootHist(root.hist, grad, hess, features);
      root.split = this.findSplit(root, features);
    }
    if (root.split) open.push(root);
    else {
      this.release(root);
      done.push(root);
    }
    let nLeaves = 1;
    while (open.length > 0 && (p.maxLeaves <= 0 || nLeaves < p.maxLeaves)) {
      let bi = 0;
      for (let i = 1; i < open.length; i++) if (open[i].split!.gain > open[bi].split!.gain) bi = i;
      const leaf = open.splice(bi, 1)[0];
      const s = leaf.split!;
      const mid = this.partition(leaf.start, leaf.end, s);
      const k = leaf.node;
      const gr = leaf.g - s.gl;
      const hr = leaf.h - s.hl;
      const cr = leaf.c - s.cl;
      const li = builder.addLeaf(this.leafValue(s.gl, s.hl), s.cl);
      const ri = builder.addLeaf(this.leafValue(gr, hr), cr);
      builder.feature[k] = s.feature;
      builder.threshold[k] = s.threshold;
      builder.binThreshold[k] = s.bin;
      builder.missingLeft[k] = s.missingLeft ? 1 : 0;
      builder.left[k] = li;
      builder.right[k] = ri;
      builder.gain[k] = s.gain;
      nLeaves++;
      const depth = leaf.depth + 1;
      const left: Leaf = { node: li, start: leaf.start, end: mid, depth, g: s.gl, h: s.hl, c: s.cl, hist: null, split: null };
      const right: Leaf = { node: ri, start: mid, end: leaf.end, depth, g: gr, h: hr, c: cr, hist: null, split: null };
      const depthOk = p.maxDepth <= 0 || depth < p.maxDepth;
      const canSplit = (c: Leaf) => depthOk && c.c >= 2 * p.minSamplesLeaf && c.h >= 2 * p.minChildWeight;
      const leftOk = canSplit(left);
      const rightOk = canSplit(right);
      const parentHist = leaf.hist!;
      leaf.hist = null;
      if (leftOk || rightOk) {
        // Histogram subtraction: build the smaller child, derive the larger from the parent's.
        const [small, large] = left.c <= right.c ? [left, right] : [right, left];
        small.hist = this.takeHist();
        this.buildHist(small.hist, small.start, small.end, grad, hess, features);
        for (let fi = 0; fi < features.length; fi++) {
          const f = features[fi];
          const end = this.offset[f + 1];
          for (let j = this.offset[f]; j < end; j++) parentHist[j] -= small.hist[j];
        }
        large.hist = parentHist;
        for (const c of [left, right]) {
          c.split = canSplit(c) ? this.findSplit(c, features) : null;
          if (c.split) open.push(c);
          else {
            this.release(c);
            done.push(c);
          }
        }
      } else {
        this.pool.push(parentHist);
        done.push(left, right);
      }
    }
    for (const leaf of open) {
      this.release(leaf);
      done.push(leaf);
    }
    return {
      tree: builder.finish(),
      order: this.order,
      leaves: done.map((l) => ({ node: l.node, start: l.start, end: l.end })),
    };
  }
}
