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
  if (space.length === 0) throw CellError.coded('space.empty', {}, { where: 'params.space' });
  const seen = new Set<string>();
  space.forEach((d, i) => {
    const where = `params.space.${i}`;
    if (!d.name) throw CellError.coded('space.noName', { n: i + 1 }, { where });
    if (seen.has(d.name)) throw CellError.coded('space.duplicate', { name: d.name }, { where });
    seen.add(d.name);
    if (d.type === 'categorical') {
      if (!d.choices || d.choices.length === 0) throw CellError.coded('space.noChoices', { name: d.name }, { where });
      return;
    }
    if (typeof d.low !== 'number' || typeof d.high !== 'number' || !(d.low <= d.high)) {
      throw CellError.coded('space.lowHigh', { name: d.name, low: String(d.low), high: String(d.high) }, { where });
    }
    if (d.type === 'logfloat' && d.low <= 0) throw CellError.coded('space.logLow', { name: d.name }, { where });
    if (d.type === 'int' && (!Number.isInteger(d.low) || !Number.isInteger(d.high))) throw CellError.coded('space.intBounds', { name: d.name }, { where });
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
