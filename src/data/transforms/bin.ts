// bin: cut a numeric column into intervals like pandas cut (right-closed
// (a, b]; values outside the edges or missing give null). With a number of
// bins the edges are learned on the training table as pandas does: equal
// widths between min and max, the lowest edge moved down by 0.1% of the
// range so the minimum falls inside. The result is the bin number (0-based,
// cut(labels=False)) or the given label.
import type { ColumnTable } from 'arquero';
import { CellError } from '../../core/errors.ts';
import type { FittedStep } from './common.ts';
import { stepParams, stepWhere } from './common.ts';
import { requireNumeric } from './diff.ts';
import type { StepOf } from './schema.ts';

/** np.linspace(lo, hi, bins + 1) with pandas' 0.1% extension of the first edge. */
export function equalWidthEdges(lo: number, hi: number, bins: number): number[] {
  if (lo === hi) {
    // pandas widens a constant column by 0.1% on both sides.
    const d = lo !== 0 ? Math.abs(lo) * 0.001 : 0.001;
    lo -= d;
    hi += d;
    return Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + (i * (hi - lo)) / bins));
  }
  const step = (hi - lo) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => i * step + lo);
  edges[bins] = hi;
  edges[0] -= (hi - lo) * 0.001;
  return edges;
}

/** Index of the (a, b] interval holding x, or null. */
export function binOf(x: number, edges: readonly number[]): number | null {
  if (!(x > edges[0]) || x > edges[edges.length - 1]) return null;
  let lo = 0;
  let hi = edges.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x > edges[mid]) lo = mid;
    else hi = mid;
  }
  return lo;
}

export function fitBin(step: StepOf<'bin'>, table: ColumnTable, index: number): FittedStep {
  let edges: number[];
  if (Array.isArray(step.bins)) {
    edges = step.bins;
    if (edges.length < 2 || edges.some((e, i) => i > 0 && !(e > edges[i - 1]))) {
      throw CellError.coded('step.binEdges', stepParams(index, step), { where: stepWhere(index, 'bins') });
    }
  } else {
    const xs = requireNumeric(table, step.column, index, step).filter((v): v is number => v !== null);
    if (xs.length === 0) throw CellError.coded('step.binNoValues', { ...stepParams(index, step), column: step.column }, { where: stepWhere(index, 'column') });
    edges = equalWidthEdges(Math.min(...xs), Math.max(...xs), step.bins);
  }
  const labels = step.labels;
  if (labels && labels.length !== edges.length - 1) {
    throw CellError.coded('step.binLabels', { ...stepParams(index, step), bins: edges.length - 1, labels: labels.length }, { where: stepWhere(index, 'labels') });
  }
  const name = step.name?.trim() || `${step.column}_bin`;
  return {
    step,
    state: { edges },
    apply(t) {
      const values = requireNumeric(t, step.column, index, step);
      const out = values.map((v) => {
        const b = v === null ? null : binOf(v, edges);
        return b === null ? null : labels ? labels[b] : b;
      });
      return t.assign({ [name]: out });
    },
  };
}
