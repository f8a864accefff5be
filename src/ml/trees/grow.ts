// Growing one tree from gradients and hessians on binned features: per-node
// histograms of (G, H, count) per bin, the smaller child's histogram built
// from its rows and the sibling's derived by subtraction, best-first (leaf-
// wise) growth limited by maxLeaves and maxDepth. Without a leaf cap every
// positive-gain split is made, which is the depth-wise tree of XGBoost.
// Split gain and leaf values follow XGBoost: with T(G) = sign(G)·max(|G|-α, 0)
// gain = ½[T(G_L)²/(H_L+λ) + T(G_R)²/(H_R+λ) − T(G)²/(H+λ)] − γ,
// leaf value = −η·T(G)/(H+λ).
import { TreeBuilder, type Tree } from './tree.ts';
import { createHistKernel, kernelSuits, type HistKernel } from './histKernel.ts';
import { FEATURE_STRIDE, histAllJs, histSomeJs, type RowRecords } from './histJs.ts';

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

// Histograms: see histJs.ts for the layout (FEATURE_STRIDE float64 slots per feature).
/** At most this much WebAssembly memory for histograms; beyond it they are ordinary arrays. */
const ARENA_BYTES = 64 * 1024 * 1024;
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
  /**
   * 32-bit words per row record: the row's bins of every feature (cols bytes,
   * padded to whole words), then its gradient and hessian as float32 (as
   * XGBoost and scikit-learn keep them; the histograms sum in float64).
   */
  private readonly words: number;
  /** Word of a record holding the gradient (the hessian is the next). */
  private readonly gradWord: number;
  /** The bins again, row-major records in row order (gradient slots unused). */
  private readonly rowBins: Uint8Array;
  /**
   * The records of the tree being grown, in node order: a node's rows are
   * positions start..end here (and in order), because partitioning moves each
   * record. The histogram passes then read memory sequentially at every depth,
   * not one scattered cache line per row, and one record holds all a row's
   * pass needs.
   */
  private readonly work: Uint8Array;
  private readonly work32: Int32Array;
  private readonly workF32: Float32Array;
  /** The root histogram of a tree on every row, kept for its counts (slot 3b + 2), which never change. */
  private rootCounts: Float64Array | null = null;
  /** Whether work holds every row's record (in some order, order[] telling which). */
  private holdsAllRows = false;
  private readonly pool: Float64Array[] = [];
  /**
   * The histogram pass in WebAssembly (histKernel.ts), or null: then work and
   * every histogram are ordinary arrays and the JavaScript loops run. With it,
   * work, the feature list and up to `arenaSlots` histograms live in its memory.
   */
  private readonly kernel: HistKernel | null;
  private readonly featureList: Int32Array | null = null;
  private readonly arenaStart: number = 0;
  private arenaUsed = 0;
  private readonly arenaSlots: number = 0;
  /** Per feature: its first histogram slot (f * FEATURE_STRIDE). */
  private readonly offset: Int32Array;
  /** Per feature: the histogram slots its bins use, 3 · (nBins + 1). */
  private readonly used: Int32Array;

  constructor(
    private readonly bins: Uint8Array,
    private readonly rows: number,
    private readonly cols: number,
    private readonly nBins: Uint16Array,
    private readonly thresholds: Float64Array[],
    private readonly params: GrowParams,
  ) {
    this.gradWord = (cols + 3) >> 2;
    const words = (this.words = this.gradWord + 2);
    const stride = 4 * words;
    this.rowBins = new Uint8Array(rows * stride);
    for (let f = 0; f < cols; f++) {
      const off = f * rows;
      for (let r = 0; r < rows; r++) this.rowBins[r * stride + f] = bins[off + r];
    }
    // Histograms live at most (open leaves + the child being built) at a time: maxLeaves + 1, or with a
    // depth limit d and no leaf cap 2^(d−1) + 1 (leaves at depth d never split, so keep none).
    const histBytes = cols * FEATURE_STRIDE * 8;
    const wanted = params.maxLeaves > 0 ? params.maxLeaves + 1 : params.maxDepth > 0 && params.maxDepth <= 7 ? 2 ** (params.maxDepth - 1) + 1 : 65;
    const slots = Math.max(2, Math.min(wanted, Math.floor(ARENA_BYTES / histBytes)));
    // float64 views need 8-byte alignment
    const orderAt = 8 * Math.ceil((rows * stride) / 8);
    const featuresAt = orderAt + 8 * Math.ceil(rows / 2);
    const arenaStart = featuresAt + 8 * Math.ceil(cols / 2);
    this.kernel = createHistKernel(FEATURE_STRIDE * 8, arenaStart + slots * histBytes, kernelSuits(rows, nBins));
    if (this.kernel) {
      const buffer = this.kernel.buffer;
      this.work = new Uint8Array(buffer, 0, rows * stride);
      this.work32 = new Int32Array(buffer, 0, rows * words);
      this.workF32 = new Float32Array(buffer, 0, rows * words);
      this.featureList = new Int32Array(buffer, featuresAt, cols);
      this.order = new Uint32Array(buffer, orderAt, rows);
      this.arenaStart = arenaStart;
      this.arenaSlots = slots;
    } else {
      this.work = new Uint8Array(rows * stride);
      this.work32 = new Int32Array(this.work.buffer);
      this.workF32 = new Float32Array(this.work.buffer);
      this.order = new Uint32Array(rows);
    }
    this.offset = new Int32Array(cols + 1);
    for (let f = 0; f <= cols; f++) this.offset[f] = f * FEATURE_STRIDE;
    this.used = new Int32Array(cols);
    for (let f = 0; f < cols; f++) this.used[f] = 3 * (nBins[f] + 1);
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
      for (let f = 0; f < this.cols; f++) h.fill(0, this.offset[f], this.offset[f] + this.used[f]);
      return h;
    }
    if (this.kernel && this.arenaUsed < this.arenaSlots) {
      const n = this.offset[this.cols];
      return new Float64Array(this.kernel.buffer, this.arenaStart + this.arenaUsed++ * n * 8, n);
    }
    return new Float64Array(this.offset[this.cols]);
  }

  private release(leaf: Leaf): void {
    if (leaf.hist) this.pool.push(leaf.hist);
    leaf.hist = null;
  }

  /**
   * Add the rows at positions start..end (one node's, in node order) to the
   * histogram: each row's bins of every feature are read once, sequentially,
   * with its gradient and hessian loaded once for all features. (The sums
   * run in node order, which the partition shuffles: the same rows and the
   * same tree as row order up to float round-off.) In WebAssembly when the
   * histogram is in its memory, else the same loop in JavaScript.
   */
  private buildHist(hist: Float64Array, start: number, end: number, features: Int32Array): void {
    const { cols, words, gradWord, kernel } = this;
    const nf = features.length;
    if (kernel && hist.buffer === kernel.buffer) {
      if (nf === cols) kernel.all(0, start, end, 4 * words, 4 * gradWord, hist.byteOffset, cols);
      else {
        this.featureList!.set(features);
        kernel.some(0, start, end, 4 * words, 4 * gradWord, hist.byteOffset, this.featureList!.byteOffset, nf);
      }
    } else if (nf === cols) histAllJs(hist, this.records(), start, end, true);
    else histSomeJs(hist, this.records(), start, end, features);
  }

  /**
   * The root of a tree grown on every row: the pass of buildHist without the
   * count updates (2 of the 3 per feature), the counts copied from the first
   * tree's root. The same sums in the same order.
   */
  private buildRootHist(hist: Float64Array, n: number, counts: Float64Array): void {
    const { cols, words, gradWord, kernel } = this;
    if (kernel && hist.buffer === kernel.buffer) kernel.allNoCounts(0, 0, n, 4 * words, 4 * gradWord, hist.byteOffset, cols);
    else histAllJs(hist, this.records(), 0, n, false);
    for (let f = 0; f < cols; f++) {
      const end = this.offset[f] + this.used[f];
      for (let j = this.offset[f] + 2; j < end; j += 3) hist[j] = counts[j];
    }
  }

  private records(): RowRecords {
    return { bins: this.work, values: this.workF32, words: this.words, gradWord: this.gradWord, cols: this.cols };
  }

  private findSplit(leaf: Leaf, features: Int32Array): Split | null {
    const p = this.params;
    const hist = leaf.hist;
    if (!hist) return null;
    if (p.maxDepth > 0 && leaf.depth >= p.maxDepth) return null;
    if (leaf.c < 2 * p.minSamplesLeaf || leaf.h < 2 * p.minChildWeight) return null;
    const { g: G, h: H, c: C } = leaf;
    const parent = this.score(G, H);
    // The best candidate so far in scalars: nothing is allocated per candidate.
    let bestGain = MIN_GAIN;
    let bestFeature = -1;
    let bestBin = 0;
    let bestMissingLeft = false;
    let bestGl = 0;
    let bestHl = 0;
    let bestCl = 0;
    for (let fi = 0; fi < features.length; fi++) {
      const f = features[fi];
      const nb = this.nBins[f];
      const base = this.offset[f];
      const mIdx = base + nb * 3;
      const mg = hist[mIdx];
      const mh = hist[mIdx + 1];
      const mc = hist[mIdx + 2];
      let gl = 0;
      let hl = 0;
      let cl = 0;
      for (let b = 0; b < nb - 1; b++) {
        const idx = base + b * 3;
        gl += hist[idx];
        hl += hist[idx + 1];
        cl += hist[idx + 2];
        if (mc > 0) {
          let gain = this.gain(gl, hl, cl, G, H, C, parent);
          if (gain > bestGain) {
            bestGain = gain; bestFeature = f; bestBin = b; bestMissingLeft = false; bestGl = gl; bestHl = hl; bestCl = cl;
          }
          gain = this.gain(gl + mg, hl + mh, cl + mc, G, H, C, parent);
          if (gain > bestGain) {
            bestGain = gain; bestFeature = f; bestBin = b; bestMissingLeft = true; bestGl = gl + mg; bestHl = hl + mh; bestCl = cl + mc;
          }
        } else {
          const gain = this.gain(gl, hl, cl, G, H, C, parent);
          if (gain > bestGain) {
            // No missing values here: unseen missing values follow the larger child.
            bestGain = gain; bestFeature = f; bestBin = b; bestMissingLeft = cl >= C - cl; bestGl = gl; bestHl = hl; bestCl = cl;
          }
        }
      }
      if (mc > 0 && mc < C) {
        // Missing vs. every present value.
        const gain = this.gain(G - mg, H - mh, C - mc, G, H, C, parent);
        if (gain > bestGain) {
          bestGain = gain; bestFeature = f; bestBin = nb - 1; bestMissingLeft = false; bestGl = G - mg; bestHl = H - mh; bestCl = C - mc;
        }
      }
    }
    if (bestFeature < 0) return null;
    const threshold = bestBin < this.nBins[bestFeature] - 1 ? this.thresholds[bestFeature][bestBin] : Infinity;
    return { feature: bestFeature, bin: bestBin, threshold, missingLeft: bestMissingLeft, gain: bestGain, gl: bestGl, hl: bestHl, cl: bestCl };
  }

  /** Gain of sending (gl, hl, cl) of the node's (G, H, C) left, or -Infinity where a child is too small. */
  private gain(gl: number, hl: number, cl: number, G: number, H: number, C: number, parent: number): number {
    const p = this.params;
    const hr = H - hl;
    if (cl < p.minSamplesLeaf || C - cl < p.minSamplesLeaf || hl < p.minChildWeight || hr < p.minChildWeight) return -Infinity;
    return 0.5 * (this.score(gl, hl) + this.score(G - gl, hr) - parent) - p.gamma;
  }

  /**
   * Partition positions start..end by the split in place, from both ends
   * (Hoare): a row on the wrong side swaps records, row number included, with
   * one on the wrong side from the other end, so about half the rows move
   * once; a stable partition moved most rows and the right ones twice.
   * Returns the first right position.
   */
  private partition(start: number, end: number, s: Split): number {
    const { order, work, work32, words, kernel } = this;
    const stride = 4 * words;
    const f = s.feature;
    const missing = this.nBins[f];
    const thr = s.bin;
    const ml = s.missingLeft;
    if (kernel) return kernel.partition(0, order.byteOffset, start, end, stride, f, missing, thr, ml ? 1 : 0);
    let i = start;
    let j = end - 1;
    for (;;) {
      while (i <= j) {
        const b = work[i * stride + f];
        if (!(b === missing ? ml : b <= thr)) break;
        i++;
      }
      while (i < j) {
        const b = work[j * stride + f];
        if (b === missing ? ml : b <= thr) break;
        j--;
      }
      if (i >= j) return i;
      const x = i * words;
      const y = j * words;
      for (let w = 0; w < words; w++) {
        const t = work32[x + w];
        work32[x + w] = work32[y + w];
        work32[y + w] = t;
      }
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
      i++;
      j--;
    }
  }

  /**
   * Grow one tree. `sample` lists the training rows to use (null = all);
   * `features` the columns it may split on.
   */
  grow(grad: Float64Array, hess: Float64Array, sample: Uint32Array | null, features: Int32Array): GrownTree {
    const p = this.params;
    const n = sample ? sample.length : this.rows;
    const { order, work32, workF32, words, gradWord } = this;
    if (sample) {
      const src32 = new Int32Array(this.rowBins.buffer);
      for (let k = 0; k < n; k++) {
        const r = sample[k];
        order[k] = r;
        for (let w = 0; w < gradWord; w++) work32[k * words + w] = src32[r * words + w];
      }
      this.holdsAllRows = false;
    } else if (!this.holdsAllRows) {
      for (let i = 0; i < n; i++) order[i] = i;
      this.work.set(this.rowBins);
      this.holdsAllRows = true;
    }
    // else: the records of every row are still here from the last tree, in
    // the order its partitions left them; only the gradients are new.
    // The float32 gradients go into the records; the node sums start from the same float32 values.
    let G = 0;
    let H = 0;
    for (let i = 0; i < n; i++) {
      const w = i * words + gradWord;
      const r = order[i];
      workF32[w] = grad[r];
      workF32[w + 1] = hess[r];
      G += workF32[w];
      H += workF32[w + 1];
    }
    const builder = new TreeBuilder();
    const root: Leaf = { node: builder.addLeaf(this.leafValue(G, H), n), start: 0, end: n, depth: 0, g: G, h: H, c: n, hist: null, split: null };
    const done: Leaf[] = [];
    const open: Leaf[] = [];
    if (n >= 2 * p.minSamplesLeaf) {
      root.hist = this.takeHist();
      if (!sample && features.length === this.cols && this.rootCounts) this.buildRootHist(root.hist, n, this.rootCounts);
      else {
        this.buildHist(root.hist, 0, n, features);
        // Every row's counts per bin: the same for every tree grown on all rows.
        if (!sample && features.length === this.cols) this.rootCounts = root.hist.slice();
      }
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
        this.buildHist(small.hist, small.start, small.end, features);
        for (let fi = 0; fi < features.length; fi++) {
          const f = features[fi];
          const end = this.offset[f] + this.used[f];
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
