// The train cell's gbdt branch: params, rendering, training output, stored
// TreeModel, validation + early stopping, booleans and missing values, cancel.
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { gbdtSchema, trainCell, trainSchema } from '../../src/cells/train.ts';
import { CancelledError } from '../../src/core/errors.ts';
import type { TrainingOutput } from '../../src/core/outputs.ts';
import { seededRandom } from '../../src/core/random.ts';
import { TreeModel } from '../../src/ml/trees/model.ts';
import { testContext } from '../helpers/context.ts';

function table(n: number, seed: number) {
  const r = seededRandom(seed);
  const x = Array.from({ length: n }, () => (r() < 0.1 ? null : r() * 2 - 1));
  const flag = Array.from({ length: n }, () => r() < 0.5);
  const label = x.map((v, i) => ((v ?? 1) > 0 !== flag[i] ? 'yes' : 'no'));
  return aq.table({ x, flag, label });
}

describe('train cell, model gbdt', () => {
  it('keeps the existing defaults and documents the gbdt settings', () => {
    expect(trainSchema.parse({}).gbdt).toBeUndefined();
    expect(gbdtSchema.parse({})).toEqual({
      rounds: 100, eta: 0.1, maxDepth: 6, maxLeaves: 0, minChildWeight: 1, minSamplesLeaf: 1, subsample: 1, colsample: 1,
      lambda: 1, alpha: 0, gamma: 0, scalePosWeight: 1, earlyStoppingRounds: 0, stoppingMetric: 'auto', maxBins: 255,
    });
    for (const [name, field] of Object.entries(gbdtSchema.shape)) expect(field.description, name).toBeTruthy();
    const p = trainSchema.parse({ model: 'gbdt', target: 'label', gbdt: { rounds: 20, earlyStoppingRounds: 5 }, validation: 'valid' });
    expect(trainCell.render(p)).toBe('// train gbdt on train → model, target: label\n// 20 rounds, eta 0.1, depth 6, seed 42, validation valid, early stopping 5');
    expect(trainCell.reads(p)).toEqual(['train', 'valid']);
  });

  it('trains trees on numbers, booleans and missing values, reports rounds and a summary', async () => {
    const ctx = testContext({ train: { type: 'table', table: table(800, 1) }, valid: { type: 'table', table: table(300, 2) } });
    const params = trainSchema.parse({ model: 'gbdt', target: 'label', validation: 'valid', gbdt: { rounds: 30 } });
    const [out] = (await trainCell.run(params, ctx)) as TrainingOutput[];
    expect(out.type).toBe('training');
    expect(out.history).toHaveLength(30);
    expect(out.history[29].val_auc).toBeGreaterThan(0.95);
    expect(out.history[29].loss).toBeLessThan(out.history[0].loss);
    expect(out.summary).toMatch(/^Gradient-boosted trees, 30 rounds × depth 6, \d+\.\d s$/);
    const stored = ctx.values.get('model');
    if (stored?.type !== 'model') throw new Error('no model');
    expect(stored.model).toBeInstanceOf(TreeModel);
    expect(stored.model.modelType).toBe('gbdt');
    expect(stored.model.features).toEqual(['x', 'flag']);
    const pred = await stored.model.predict(table(50, 3));
    expect(pred.classes).toEqual(['no', 'yes']);
    expect(ctx.progressEvents.at(-1)).toMatchObject({ phase: 'train', epoch: 30, epochs: 30, fraction: 1 });
  });

  it('stops early on the validation set and keeps the best round', async () => {
    const ctx = testContext({ train: { type: 'table', table: table(400, 4) }, valid: { type: 'table', table: table(200, 5) } });
    const params = trainSchema.parse({ model: 'gbdt', target: 'label', validation: 'valid', gbdt: { rounds: 500, eta: 0.5, earlyStoppingRounds: 5 } });
    const [out] = (await trainCell.run(params, ctx)) as TrainingOutput[];
    expect(out.stoppedEarly).toBe(true);
    expect(out.bestEpoch).toBe(out.history.length - 5);
    expect(out.summary).toContain(`(best round ${out.bestEpoch} kept)`);
    const stored = ctx.values.get('model');
    if (stored?.type !== 'model' || !(stored.model instanceof TreeModel)) throw new Error('no model');
    expect(stored.model.rounds).toBe(out.bestEpoch);
  });

  it('stops when the cell is cancelled', async () => {
    const ctx = testContext({ train: { type: 'table', table: table(5000, 6) } });
    const params = trainSchema.parse({ model: 'gbdt', target: 'label', gbdt: { rounds: 100_000 } });
    setTimeout(() => ctx.controller.abort(), 30);
    await expect(trainCell.run(params, ctx)).rejects.toBeInstanceOf(CancelledError);
    expect(ctx.values.has('model')).toBe(false);
  });
});
