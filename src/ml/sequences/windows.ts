// Sliding windows over a time-ordered table (the course's temporalize): each
// window is `steps` consecutive rows of the features, and its target is the
// target column `horizon` rows after the window's last row.
import type { ColumnTable } from 'arquero';
import type { Scalar } from '../../core/outputs.ts';
import { CellError } from '../../core/errors.ts';
import { featureMatrix, targetLabels } from '../features.ts';
import { groupRows, requireColumn } from './rows.ts';
import { fitScaling, scaleValue } from './scaling.ts';
import type { FeatureScaling, WindowOptions, WindowSequences } from './types.ts';

/**
 * Windows of `table`. Without `fitted`, scaling is fitted on this table's
 * rows with `method` (the training table); with it, applied unchanged.
 */
export function buildWindows(table: ColumnTable, options: WindowOptions, fitted?: FeatureScaling, method: FeatureScaling['method'] = 'standard'): WindowSequences {
  const { features, target, steps, horizon } = options;
  if (features.length === 0) throw CellError.coded('windows.needFeatures', {}, { where: 'params.features' });
  if (!target) throw CellError.coded('windows.needTarget', {}, { where: 'params.target' });
  if (!Number.isInteger(steps) || steps < 1) throw CellError.coded('windows.steps', {}, { where: 'params.steps' });
  if (!Number.isInteger(horizon) || horizon < 0) throw CellError.coded('windows.horizon', {}, { where: 'params.horizon' });
  requireColumn(table, target, 'params.target');
  if (options.group) requireColumn(table, options.group, 'params.group');
  if (options.time) requireColumn(table, options.time, 'params.time');

  const { X: raw, rows, cols } = featureMatrix(table, features);
  const scaling = fitted ?? fitScaling(method, raw, rows, cols);
  const labels = targetLabels(table, target);
  const groups = groupRows(table, options.group, options.time);

  // Count first so X is allocated once.
  let n = 0;
  for (const g of groups) n += Math.max(0, g.rows.length - steps - horizon + 1);
  if (n === 0) {
    const longest = Math.max(0, ...groups.map((g) => g.rows.length));
    throw CellError.coded(options.group ? 'windows.noFitGroup' : 'windows.noFitTable', { longest, needed: steps + horizon, steps, horizon }, { where: 'params.steps' });
  }
  const X = new Float32Array(n * steps * cols);
  const y: Scalar[] = new Array<Scalar>(n);
  const index = new Int32Array(n);
  const windowGroups: Scalar[] | undefined = options.group ? new Array<Scalar>(n) : undefined;
  let w = 0;
  for (const g of groups) {
    const r = g.rows;
    for (let end = steps - 1; end + horizon < r.length; end++) {
      for (let t = 0; t < steps; t++) {
        const row = r[end - steps + 1 + t];
        const base = (w * steps + t) * cols;
        for (let j = 0; j < cols; j++) X[base + j] = scaleValue(scaling, j, raw[row * cols + j]);
      }
      y[w] = labels[r[end + horizon]];
      index[w] = r[end];
      if (windowGroups) windowGroups[w] = g.key;
      w++;
    }
  }
  const out: WindowSequences = {
    kind: 'sequences', mode: 'windows', options: { ...options, features: [...features] },
    n, steps, features: [...features], X, y, index, scaling,
  };
  if (windowGroups) out.groups = windowGroups;
  return out;
}
