// The JSON Schema of a cell kind's params (zod → JSON Schema, sent by the
// worker) read for the form: $ref resolution, nullable unwrapping, the
// widget a field gets, initial values and practical number ranges.
import type { ParamIssue } from '../../kernel/params.ts';

export type JSONSchema = {
  type?: string | string[];
  properties?: Record<string, JSONSchema>;
  required?: string[];
  items?: JSONSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  title?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  anyOf?: JSONSchema[];
  oneOf?: JSONSchema[];
  additionalProperties?: JSONSchema | boolean;
  $ref?: string;
  $defs?: Record<string, JSONSchema>;
  definitions?: Record<string, JSONSchema>;
};

export const COLUMN_FIELD = /(^|_)(columns?|cols?|x|y|target|label|features?|color|by|groupBy|group|on|key|time|date|id|feature)$|Column$|Columns$/i;
export const TABLE_FIELD = /^(input|inputs|table|train|test|valid|data|from|validation|left|right|trainingData|slices)$/i;

export function resolve(schema: JSONSchema | undefined, root: JSONSchema): JSONSchema {
  let s = schema ?? {};
  for (let i = 0; i < 8 && s.$ref; i++) {
    const m = /^#\/(\$defs|definitions)\/(.+)$/.exec(s.$ref);
    const target = m ? (m[1] === '$defs' ? root.$defs : root.definitions)?.[decodeURIComponent(m[2])] : undefined;
    if (!target) break;
    const { $ref: _ref, ...rest } = s;
    s = { ...target, ...rest };
  }
  return s;
}

/** Remove null from a union: a nullable field is shown as its non-null type. */
export function unwrap(schema: JSONSchema, root: JSONSchema): { schema: JSONSchema; nullable: boolean } {
  const s = resolve(schema, root);
  const alts = s.anyOf ?? s.oneOf;
  if (alts) {
    const nonNull = alts.filter((a) => resolve(a, root).type !== 'null');
    if (nonNull.length === 1 && nonNull.length < alts.length) {
      const { anyOf: _a, oneOf: _o, ...rest } = s;
      return { schema: { ...resolve(nonNull[0], root), ...rest }, nullable: true };
    }
  }
  return { schema: s, nullable: false };
}

export function typeOf(s: JSONSchema): string | undefined {
  if (Array.isArray(s.type)) return s.type.find((t) => t !== 'null');
  if (s.type) return s.type;
  if (s.enum) return 'enum';
  if (s.properties) return 'object';
  return undefined;
}

/** A discriminated union: every alternative is an object with a const-valued property in common. */
export function discriminator(alts: JSONSchema[], root: JSONSchema): string | undefined {
  const objs = alts.map((a) => resolve(a, root));
  if (!objs.every((o) => o.properties)) return undefined;
  const candidates = Object.keys(objs[0].properties!).filter((k) =>
    objs.every((o) => {
      const p = resolve(o.properties![k], root);
      return p && (p.const !== undefined || (p.enum && p.enum.length === 1));
    }),
  );
  return candidates[0];
}

export function constOf(s: JSONSchema | undefined, root: JSONSchema): unknown {
  const r = resolve(s, root);
  return r.const !== undefined ? r.const : r.enum?.[0];
}

export function initialValue(schema: JSONSchema, root: JSONSchema): unknown {
  const { schema: s } = unwrap(schema, root);
  if (s.default !== undefined) return structuredClone(s.default);
  if (s.const !== undefined) return s.const;
  const alts = s.oneOf ?? s.anyOf;
  if (alts?.length) return initialValue(alts[0], root);
  switch (typeOf(s)) {
    case 'string': return '';
    case 'number':
    case 'integer': return practicalRange('', s).min ?? 0;
    case 'boolean': return false;
    case 'array': return [];
    case 'enum': return s.enum?.[0];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, p] of Object.entries(s.properties ?? {})) {
        const v = initialValue(p, root);
        if (v !== undefined) out[k] = v;
      }
      return out;
    }
  }
  return undefined;
}

/** A class-weight-like union: a set of preset names, or a map of label → number. */
export function presetOrMap(schema: JSONSchema, root: JSONSchema): { presets: string[]; map: JSONSchema } | undefined {
  const alts = schema.anyOf ?? schema.oneOf;
  if (!alts || alts.length !== 2) return undefined;
  const [a, b] = alts.map((x) => resolve(x, root));
  const presets = a.enum ?? b.enum;
  const map = a.enum ? b : a;
  if (!presets || typeOf(map) !== 'object' || map.properties || typeof map.additionalProperties !== 'object') return undefined;
  return { presets: presets.map(String), map };
}

/** Bounds beyond these are implementation limits (2^53), not advice: not shown. */
const SHOWN_LIMIT = 1e6;

/** Practical bounds shown beside (and set on) number fields where the schema's are limits, not advice. */
const PRACTICAL: Record<string, { min?: number; max?: number }> = {
  batchSize: { min: 1, max: 4096 },
  epochs: { min: 1, max: 10_000 },
  rounds: { min: 1, max: 10_000 },
  learningRate: { min: 0.000001, max: 1 },
  patience: { min: 0, max: 1000 },
  earlyStoppingRounds: { min: 0, max: 1000 },
  maxLeaves: { min: 0, max: 4096 },
  minSamplesLeaf: { min: 1, max: 10_000 },
  clipNorm: { min: 0, max: 100 },
  classWeightCap: { min: 1, max: 100 },
  k: { min: 1, max: 1000 },
  topK: { min: 0, max: 100 },
  trials: { min: 1, max: 1000 },
  folds: { min: 2, max: 50 },
};

/** The range a number field shows and enforces in the browser: the schema's, capped to practical values per field. */
export function practicalRange(name: string, s: JSONSchema): { min?: number; max?: number } {
  const practical = PRACTICAL[name] ?? {};
  let min = s.minimum ?? s.exclusiveMinimum;
  let max = s.maximum ?? s.exclusiveMaximum;
  if (min !== undefined && Math.abs(min) > SHOWN_LIMIT) min = undefined;
  if (max !== undefined && Math.abs(max) > SHOWN_LIMIT) max = undefined;
  if (practical.min !== undefined) min = min === undefined ? practical.min : Math.max(min, practical.min);
  if (practical.max !== undefined) max = max === undefined ? practical.max : Math.min(max, practical.max);
  return { min, max };
}

export function label(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}

export function issuesAt(issues: ParamIssue[], path: string, exact = true): ParamIssue[] {
  return issues.filter((i) => (exact ? i.path === path : i.path === path || i.path.startsWith(path + '.')));
}
