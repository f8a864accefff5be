// One padded sequence per group for many-to-many next-state prediction (the
// course's next_state notebook): states go through a vocabulary built on the
// training table, numeric step features are scaled with training statistics.
import type { ColumnTable } from 'arquero';
import type { Scalar } from '../../core/outputs.ts';
import { CellError } from '../../core/errors.ts';
import { columnValues, featureMatrix } from '../features.ts';
import { groupRows, requireColumn } from './rows.ts';
import { fitScaling, scaleValue } from './scaling.ts';
import { PAD, UNK, type FeatureScaling, type PaddedOptions, type PaddedSequences } from './types.ts';

export interface PaddedFitted {
  vocab: string[];
  scaling: FeatureScaling;
  steps: number;
}

/** PAD, UNK, then the distinct states sorted (numerically when all are numbers). */
export function buildVocabulary(states: readonly unknown[]): string[] {
  const distinct = [...new Set(states.filter((s) => s !== null && s !== undefined).map((s) => String(s)))];
  const numeric = distinct.every((s) => s.trim() !== '' && Number.isFinite(Number(s)));
  distinct.sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [PAD, UNK, ...distinct.filter((s) => s !== PAD && s !== UNK)];
}

export function buildPadded(table: ColumnTable, options: PaddedOptions, fitted?: PaddedFitted, method: FeatureScaling['method'] = 'standard'): PaddedSequences {
  if (!options.group) throw CellError.coded('padded.needsGroup', {}, { where: 'params.group' });
  if (!options.state) throw CellError.coded('padded.needsState', {}, { where: 'params.state' });
  requireColumn(table, options.group, 'params.group');
  requireColumn(table, options.state, 'params.state');
  if (options.time) requireColumn(table, options.time, 'params.time');
  const minLength = Math.max(2, options.minLength);

  const rawStates = columnValues(table, options.state, 'params.state');
  const missing = rawStates.filter((s) => s === null || s === undefined).length;
  if (missing > 0) throw CellError.coded('padded.stateMissing', { column: options.state, count: missing }, { where: 'params.state' });
  const vocab = fitted?.vocab ?? buildVocabulary(rawStates);
  const lookup = new Map<string, number>(vocab.map((s, i) => [s, i]));
  const code = (v: unknown): number => lookup.get(String(v)) ?? 1;

  const { X: raw, cols } = featureMatrix(table, options.features);
  const groups = groupRows(table, options.group, options.time).filter((g) => g.rows.length >= minLength);
  if (groups.length === 0) throw CellError.coded('padded.noLongGroup', { min: minLength }, { where: 'params.minLength' });
  const longest = Math.max(...groups.map((g) => g.rows.length - 1));
  const steps = fitted?.steps ?? (options.maxLength > 0 ? Math.min(options.maxLength, longest) : longest);

  // Scaling is fitted on the rows that are inputs of the kept training steps.
  let scaling = fitted?.scaling;
  if (!scaling) {
    const used: number[] = [];
    for (const g of groups) used.push(...g.rows.slice(Math.max(0, g.rows.length - 1 - steps), g.rows.length - 1));
    const sub = new Float64Array(used.length * cols);
    used.forEach((r, i) => { for (let j = 0; j < cols; j++) sub[i * cols + j] = raw[r * cols + j]; });
    scaling = fitScaling(method, sub, used.length, cols);
  }

  const n = groups.length;
  const states = new Int32Array(n * steps);
  const targets = new Int32Array(n * steps);
  const numeric = new Float32Array(n * steps * cols);
  const lengths = new Int32Array(n);
  const keys: Scalar[] = [];
  groups.forEach((g, s) => {
    // Keep the last `steps` transitions: the most recent context matters most.
    const inputs = g.rows.slice(0, -1).slice(-steps);
    const start = g.rows.length - 1 - inputs.length;
    lengths[s] = inputs.length;
    keys.push(g.key);
    inputs.forEach((row, t) => {
      states[s * steps + t] = code(rawStates[row]);
      targets[s * steps + t] = code(rawStates[g.rows[start + t + 1]]);
      for (let j = 0; j < cols; j++) numeric[(s * steps + t) * cols + j] = scaleValue(scaling, j, raw[row * cols + j]);
    });
  });
  return {
    kind: 'sequences', mode: 'padded', options: { ...options, features: [...options.features] },
    n, steps, vocab: [...vocab], features: [...options.features], states, numeric, targets, lengths, groups: keys, scaling,
  };
}
