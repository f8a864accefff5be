import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { trainSchema } from '../../src/cells/train.ts';
import { splitSchema } from '../../src/cells/split.ts';
import { placement } from '../../src/ui/forms/hints.ts';
import { practicalRange, presetOrMap, unwrap, type JSONSchema } from '../../src/ui/forms/schema.ts';

const jsonOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JSONSchema;

function layout(kind: string, schema: JSONSchema, params: Record<string, unknown>) {
  const props = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const out: Record<'basic' | 'advanced' | 'hidden', string[]> = { basic: [], advanced: [], hidden: [] };
  for (const [k, sub] of props) out[placement(kind, k, unwrap(sub, schema).schema, props.length, params, required.has(k))].push(k);
  return out;
}

describe('forms fit the choice', () => {
  const train = jsonOf(trainSchema);

  it('an MLP train cell shows its own settings and at most 14 basic fields; boosted trees and sequences are hidden', () => {
    const { basic, advanced, hidden } = layout('train', train, { model: 'mlp' });
    expect(basic).toEqual(['input', 'target', 'features', 'model', 'hidden', 'activation', 'dropout', 'optimizer', 'learningRate', 'epochs', 'batchSize', 'validation', 'output']);
    expect(basic.length).toBeLessThanOrEqual(14);
    expect(hidden).toEqual(expect.arrayContaining(['gbdt', 'sequence', 'weightDecay', 'classWeightCap']));
    expect(advanced).toEqual(expect.arrayContaining(['lrSchedule', 'clipNorm', 'l2', 'seed', 'classWeight']));
  });

  it('a boosted-trees train cell shows the tree settings, not the optimizer or layers', () => {
    const { basic, hidden } = layout('train', train, { model: 'gbdt' });
    expect(basic).toContain('gbdt');
    expect(hidden).toEqual(expect.arrayContaining(['hidden', 'optimizer', 'learningRate', 'epochs', 'batchSize', 'lrSchedule']));
    const gbdt = unwrap(train.properties!.gbdt, train).schema;
    const inner = Object.keys(gbdt.properties!).filter((k) => placement('train', `gbdt.${k}`, {}, 0, { model: 'gbdt' }, false) === 'basic');
    expect(inner).toEqual(['rounds', 'eta', 'maxDepth']);
  });

  it('the split cell shows the group column only for the group method', () => {
    const split = jsonOf(splitSchema);
    expect(layout('split', split, { method: 'random' }).hidden).toEqual(expect.arrayContaining(['group', 'time']));
    expect(layout('split', split, { method: 'group' }).basic).toContain('group');
  });

  it('number ranges are practical: no 2^53 bounds', () => {
    const batch = unwrap(train.properties!.batchSize, train).schema;
    expect(practicalRange('batchSize', batch)).toEqual({ min: 1, max: 4096 });
    const seed = unwrap(train.properties!.seed, train).schema;
    const r = practicalRange('seed', seed);
    for (const v of [r.min, r.max]) expect(v === undefined || Math.abs(v) <= 1e7).toBe(true);
    expect(practicalRange('epochs', unwrap(train.properties!.epochs, train).schema)).toEqual({ min: 1, max: 10_000 });
  });

  it('class weights are a preset or a per-class map, not JSON', () => {
    const cw = unwrap(train.properties!.classWeight, train).schema;
    expect(presetOrMap(cw, train)?.presets).toEqual(['none', 'balanced', 'inverse_capped']);
  });
});
