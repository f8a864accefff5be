// Each model kind learns a small synthetic problem to a stated quality.
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/ml/backend.ts';
import { fitModel, type FitOptions } from '../../src/ml/fit.ts';
import { accuracy, rmse } from '../../src/ml/metrics/index.ts';
import { targetLabels } from '../../src/ml/features.ts';
import { blobs, circles, line, separable } from './synthetic.ts';

const base: Omit<FitOptions, 'target' | 'model'> = { optimizer: 'adam', learningRate: 0.05, epochs: 40, batchSize: 32, seed: 42 };

beforeAll(async () => {
  await initBackend({ order: ['wasm', 'cpu'] });
});

describe('models', () => {
  it('linear regression recovers y = 3x + 2 within 0.05', async () => {
    const table = line();
    const { model } = await fitModel(table, { ...base, target: 'y', model: 'linear', epochs: 60 });
    try {
      expect(model.task).toBe('regression');
      const c = model.coefficients()!;
      expect(Math.abs(c.coef[0][0] - 3)).toBeLessThan(0.05);
      expect(Math.abs(c.intercept[0] - 2)).toBeLessThan(0.05);
      const p = await model.predict(table);
      expect(rmse(table.array('y') as number[], p.predictions as number[])).toBeLessThan(0.05);
    } finally {
      model.dispose();
    }
  });

  it('logistic regression separates a linearly separable 2D set (accuracy ≥ 0.95), string labels', async () => {
    const table = separable();
    const { model } = await fitModel(table, { ...base, target: 'label', model: 'logistic' });
    try {
      expect(model.classes).toEqual(['neg', 'pos']);
      const p = await model.predict(table);
      expect(accuracy(targetLabels(table, 'label'), p.predictions)).toBeGreaterThanOrEqual(0.95);
      for (const row of p.probabilities!) expect(row[0] + row[1]).toBeCloseTo(1, 5);
    } finally {
      model.dispose();
    }
  });

  it('multiclass logistic (softmax) learns three blobs (accuracy ≥ 0.95)', async () => {
    const table = blobs();
    const { model } = await fitModel(table, { ...base, target: 'k', model: 'logistic' });
    try {
      expect(model.classes).toEqual([0, 1, 2]);
      const p = await model.predict(table);
      expect(p.probabilities![0]).toHaveLength(3);
      expect(accuracy(targetLabels(table, 'k'), p.predictions)).toBeGreaterThanOrEqual(0.95);
    } finally {
      model.dispose();
    }
  });

  it('an MLP learns circles (accuracy ≥ 0.9) where logistic regression cannot', async () => {
    const table = circles();
    const truth = targetLabels(table, 'inside');
    const mlp = await fitModel(table, { ...base, target: 'inside', model: 'mlp', hidden: [16, 16], activation: 'tanh', epochs: 60 });
    const logistic = await fitModel(table, { ...base, target: 'inside', model: 'logistic' });
    try {
      const accMlp = accuracy(truth, (await mlp.model.predict(table)).predictions);
      const accLog = accuracy(truth, (await logistic.model.predict(table)).predictions);
      expect(accMlp).toBeGreaterThanOrEqual(0.9);
      expect(accLog).toBeLessThan(0.8);
      expect(mlp.model.describe()).toMatchObject({ modelType: 'mlp', hidden: [16, 16], parameters: 2 * 16 + 16 + 16 * 16 + 16 + 16 + 1 });
    } finally {
      mlp.model.dispose();
      logistic.model.dispose();
    }
  });

  it('an MLP with relu, dropout and L2 regression on y = 3x + 2 reaches RMSE < 0.3', async () => {
    const table = line();
    const { model } = await fitModel(table, { ...base, target: 'y', model: 'mlp', hidden: [16], dropout: 0.1, l2: 1e-4, epochs: 40 });
    try {
      const p = await model.predict(table);
      expect(rmse(table.array('y') as number[], p.predictions as number[])).toBeLessThan(0.3);
    } finally {
      model.dispose();
    }
  });
});
