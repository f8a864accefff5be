// A hyperparameter search space: named parameters, each an integer range, a
// float range (linear or log scale) or a list of choices, and uniform
// sampling from it (the random sampler, and TPE's first trials).
import { CellError } from '../../core/errors.ts';
import type { Scalar } from '../../core/outputs.ts';

export type ParamType = 'int' | 'float' | 'logfloat' | 'categorical';

export interface ParamDef {
  name: string;
  type: ParamType;
  low?: number;
  high?: number;
  choices?: Scalar[];
}

export type ParamValues = Record<string, Scalar>;

/** Refuse empty ranges, non-positive log bounds and empty choice lists, naming the parameter. */
export function checkSpace(space: readonly ParamDef[]): void {
  if (space.length === 0) throw new CellError('The search space is empty.', { hint: 'Add at least one parameter, e.g. {name: "learningRate", type: "logfloat", low: 0.0001, high: 0.1}.', where: 'params.space' });
  const seen = new Set<string>();
  space.forEach((d, i) => {
    const where = `params.space.${i}`;
    if (!d.name) throw new CellError(`Search-space entry ${i + 1} has no name.`, { where });
    if (seen.has(d.name)) throw new CellError(`"${d.name}" appears twice in the search space.`, { where });
    seen.add(d.name);
    if (d.type === 'categorical') {
      if (!d.choices || d.choices.length === 0) throw new CellError(`"${d.name}" is categorical but has no choices.`, { where });
      return;
    }
    if (typeof d.low !== 'number' || typeof d.high !== 'number' || !(d.low <= d.high)) {
      throw new CellError(`"${d.name}" needs low ≤ high, got ${String(d.low)} and ${String(d.high)}.`, { where });
    }
    if (d.type === 'logfloat' && d.low <= 0) throw new CellError(`"${d.name}" is on a log scale, so low must be above 0.`, { where });
    if (d.type === 'int' && (!Number.isInteger(d.low) || !Number.isInteger(d.high))) throw new CellError(`"${d.name}" is an integer, so low and high must be integers.`, { where });
  });
}

/**
 * The continuous interval a numeric parameter lives in for the samplers:
 * log scale for logfloat, and integers widened by ½ on each side so every
 * integer gets an equal share (Optuna's treatment).
 */
export function internalRange(d: ParamDef): [number, number] {
  const low = d.low as number;
  const high = d.high as number;
  if (d.type === 'logfloat') return [Math.log(low), Math.log(high)];
  if (d.type === 'int') return [low - 0.5, high + 0.5];
  return [low, high];
}

/** From the sampler's internal value back to the parameter's value (exp, round, clip). */
export function fromInternal(d: ParamDef, x: number): number {
  const low = d.low as number;
  const high = d.high as number;
  const v = d.type === 'logfloat' ? Math.exp(x) : d.type === 'int' ? Math.round(x) : x;
  return Math.min(high, Math.max(low, v));
}

export function toInternal(d: ParamDef, v: number): number {
  return d.type === 'logfloat' ? Math.log(v) : v;
}

export function sampleUniform(d: ParamDef, random: () => number): Scalar {
  if (d.type === 'categorical') {
    const choices = d.choices as Scalar[];
    return choices[Math.floor(random() * choices.length)];
  }
  const [a, b] = internalRange(d);
  return fromInternal(d, a + (b - a) * random());
}

export function sampleSpace(space: readonly ParamDef[], random: () => number): ParamValues {
  const out: ParamValues = {};
  for (const d of space) out[d.name] = sampleUniform(d, random);
  return out;
}
