// The ensemble cell: voting and blending over model values, its outputs,
// what it reads and writes, and its refusals.
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { ensembleCell, ensembleSchema } from '../../src/cells/ensemble.ts';
import type { TableOutput, TextOutput } from '../../src/core/outputs.ts';
import type { TrainedModel, Value } from '../../src/core/values.ts';
import { seededRandom } from '../../src/core/random.ts';
import { fitTreeModel } from '../../src/ml/fit.ts';
import { BlendModel, VotingModel } from '../../src/ml/ensemble/index.ts';
import { testContext } from '../helpers/context.ts';

function data(rows: number, seed: number): ColumnTable {
  const r = seededRandom(seed);
  const x1 = Array.from({ length: rows }, () => r() * 2 - 1);
  const x2 = Array.from({ length: rows }, () => r() * 2 - 1);
  return aq.table({ x1, x2, y: x1.map((a, i) => (a + x2[i] + 0.5 * (r() - 0.5) > 0 ? 1 : 0)) });
}

async function values(): Promise<Record<string, Value>> {
  const train = data(600, 1);
  const opts = { target: 'y', rounds: 20, maxDepth: 2, learningRate: 0.3, seed: 1 };
  const a = (await fitTreeModel(train, { ...opts, features: ['x1'] })).model;
  const b = (await fitTreeModel(train, { ...opts, features: ['x2'] })).model;
  return {
    a: { type: 'model', model: a }, b: { type: 'model', model: b },
    valid: { type: 'table', table: data(300, 2) }, test: { type: 'table', table: data(500, 3) },
  };
}

describe('ensemble cell', () => {
  it('has defaults, reads and writes', () => {
    const p = ensembleSchema.parse({});
    expect(p).toMatchObject({ models: [], method: 'voting', voting: 'soft', weights: [], validation: 'valid', meta: 'auto', C: 1, alpha: 1, input: '', output: 'ensemble' });
    const blend = ensembleSchema.parse({ models: ['a', 'b'], method: 'blending', input: 'test' });
    expect(ensembleCell.reads(blend)).toEqual(['a', 'b', 'valid', 'test']);
    expect(ensembleCell.reads(ensembleSchema.parse({ models: ['a', 'b'] }))).toEqual(['a', 'b']);
    expect(ensembleCell.writes(blend)).toEqual(['ensemble']);
    expect(ensembleCell.render(blend)).toContain('ensemble a, b by blending');
  });

  it('soft voting stores a model and scores members and ensemble on a table', async () => {
    const ctx = testContext(await values());
    const out = await ensembleCell.run(ensembleSchema.parse({ models: ['a', 'b'], weights: [1, 1], input: 'test', output: 'vote' }), ctx);
    const v = ctx.values.get('vote');
    expect(v?.type).toBe('model');
    const model = (v as { model: TrainedModel }).model;
    expect(model).toBeInstanceOf(VotingModel);
    expect(model.features).toEqual(['x1', 'x2']);
    const scores = out.find((o) => o.type === 'table' && o.title?.startsWith('Members and ensemble')) as TableOutput;
    expect(scores.rows.map((r) => r.model)).toEqual(['a', 'b', 'vote (ensemble)']);
    const auc = scores.rows.map((r) => r.roc_auc as number);
    expect(auc[2]).toBeGreaterThan(Math.max(auc[0], auc[1]));
  });

  it('blending fits a meta-learner on the validation table and shows its weights', async () => {
    const vals = await values();
    const ctx = testContext(vals);
    const out = await ensembleCell.run(ensembleSchema.parse({ models: ['a', 'b'], method: 'blending', validation: 'valid', input: 'valid' }), ctx);
    const model = (ctx.values.get('ensemble') as { model: TrainedModel }).model;
    expect(model).toBeInstanceOf(BlendModel);
    const weights = out.find((o) => o.type === 'table' && o.title?.startsWith('Meta-learner')) as TableOutput;
    expect(weights.rows.map((r) => r.feature)).toEqual(['a:P(1)', 'b:P(1)', '(intercept)']);
    // Scoring on the meta-learner's own table is flagged as optimistic.
    expect(out.some((o) => o.type === 'text' && (o as TextOutput).text.includes('optimistic'))).toBe(true);
    // The members are untouched and still predict.
    const m = (vals.a as { model: TrainedModel }).model;
    await expect(m.predict(data(5, 9))).resolves.toBeDefined();
  });

  it('hard voting gives labels only', async () => {
    const ctx = testContext(await values());
    await ensembleCell.run(ensembleSchema.parse({ models: ['a', 'b'], voting: 'hard' }), ctx);
    const pred = await (ctx.values.get('ensemble') as { model: TrainedModel }).model.predict(data(10, 4));
    expect(pred.probabilities).toBeUndefined();
    expect(pred.predictions).toHaveLength(10);
  });

  it('refuses too few models, duplicates, an output that replaces a member, and wrong weights', async () => {
    const ctx = testContext(await values());
    const run = (p: Record<string, unknown>) => ensembleCell.run(ensembleSchema.parse(p), ctx);
    await expect(run({ models: ['a'] })).rejects.toThrow(/at least two/);
    await expect(run({ models: ['a', 'a'] })).rejects.toThrow(/twice/);
    await expect(run({ models: ['a', 'b'], output: 'a' })).rejects.toThrow(/replace one of the members/);
    await expect(run({ models: ['a', 'b'], weights: [1] })).rejects.toThrow(/one per model/);
    await expect(run({ models: ['a', 'missing'] })).rejects.toThrow(/missing/);
    await expect(run({ models: ['a', 'b'], method: 'blending', validation: '' })).rejects.toThrow(/held-out table/);
  });

  it('stacks out of fold: members re-fitted per fold on the training table, meta-learner weights, reads the training table', async () => {
    const v = await values();
    const ctx = testContext({ ...v, train: { type: 'table', table: data(600, 1) } });
    const p = ensembleSchema.parse({ models: ['a', 'b'], method: 'stacking', folds: 3, input: 'test', output: 'stack' });
    expect(ensembleCell.reads(p)).toEqual(['a', 'b', 'train', 'test']);
    expect(ensembleCell.render(p)).toContain('stacking (logistic/ridge meta-learner on 3-fold out-of-fold predictions of train)');
    const outputs = await ensembleCell.run(p, ctx);
    expect((outputs[0] as TextOutput).text).toMatch(/Stacking: a logistic regression meta-learner fitted on 3-fold out-of-fold predictions of 600 rows of train/);
    const stored = ctx.values.get('stack');
    if (stored?.type !== 'model') throw new Error('no model');
    expect(stored.model.modelType).toBe('stacking');
    const scores = outputs[2] as TableOutput;
    const acc = scores.rows.map((r) => r.accuracy as number);
    expect(acc[2]).toBeGreaterThanOrEqual(Math.max(acc[0], acc[1]) - 0.01);
    await expect(ensembleCell.run(ensembleSchema.parse({ models: ['a', 'b'], method: 'stacking', train: 'nope' }), ctx)).rejects.toThrow(/nope/);
  });
});
