import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { driftCell, driftSchema, PREDICTION_COLUMN } from '../../src/cells/drift.ts';
import type { MarkdownOutput, TableOutput } from '../../src/core/outputs.ts';
import { seededRandom } from '../../src/core/random.ts';
import { ks2samp, numericPsi } from '../../src/lifecycle/stats/index.ts';
import { testContext } from '../helpers/context.ts';
import { columnModel } from '../lifecycle/fakes.ts';

function sample(n: number, shift: number, seed: number, colours: string[]) {
  const r = seededRandom(seed);
  const x = Array.from({ length: n }, () => r() + shift);
  const z = Array.from({ length: n }, () => r());
  const c = Array.from({ length: n }, () => colours[Math.floor(r() * colours.length)]);
  return aq.table({ x, z, c, pred: x.map((v) => v * 2) });
}

describe('drift cell', () => {
  it('parses {} to defaults', () => {
    const p = driftSchema.parse({});
    expect(p).toMatchObject({ reference: 'train', current: 'current', columns: [], psiThreshold: 0.2, ksAlpha: 0.05, model: '' });
    for (const [name, field] of Object.entries(driftSchema.shape)) expect(field.description, name).toBeTruthy();
    expect(driftCell.reads({ ...p, model: 'm' })).toEqual(['train', 'current', 'm']);
  });

  it('flags the shifted numeric and categorical features and advises retraining', async () => {
    const train = sample(200, 0, 1, ['red', 'green', 'blue']);
    const current = sample(150, 0.4, 2, ['red', 'red', 'green']);
    const ctx = testContext({ train: { type: 'table', table: train }, current: { type: 'table', table: current } });
    const [table, md] = (await driftCell.run(driftSchema.parse({}), ctx)) as [TableOutput, MarkdownOutput];
    const byName = Object.fromEntries(table.rows.map((r) => [r.column, r]));
    expect(byName.x).toMatchObject({ type: 'numeric', test: 'KS', drifted: true });
    expect(byName.x.PSI).toBeCloseTo(numericPsi(train.array('x') as number[], current.array('x') as number[]).psi, 12);
    expect(byName.x['p-value']).toBe(ks2samp(train.array('x') as number[], current.array('x') as number[]).pvalue);
    expect(byName.z.drifted).toBe(false);
    expect(byName.c).toMatchObject({ type: 'categorical', test: 'chi²', drifted: true });
    expect(md.markdown).toMatch(/Drift detected in 3 of 4 features\*\* \(x, c, pred\): retraining advised/);
  });

  it('no drift on the same distribution; prediction drift with a model; column checks', async () => {
    const a = sample(600, 0, 11, ['a', 'b']);
    const b = sample(600, 0, 29, ['a', 'b']);
    const model = columnModel({ task: 'regression', target: 'y', predCol: 'pred' });
    const ctx = testContext({ train: { type: 'table', table: a }, current: { type: 'table', table: b }, m: { type: 'model', model } });
    const [table, md] = (await driftCell.run(driftSchema.parse({ columns: ['x', 'c'], model: 'm' }), ctx)) as [TableOutput, MarkdownOutput];
    expect(table.rows.map((r) => r.column)).toEqual(['x', 'c', PREDICTION_COLUMN]);
    expect(md.markdown).toMatch(/No drift detected\*\* in 2 features/);
    expect(md.markdown).toMatch(/Predictions are stable/);
    expect(ctx.values.get('drift')).toMatchObject({ type: 'object', value: { overall: false, drifted: [] } });
    await expect(driftCell.run(driftSchema.parse({ columns: ['nope'] }), ctx)).rejects.toThrow('Column "nope" is not in "train" and "current".');
  });
});
