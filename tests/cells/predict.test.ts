import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { beforeAll, describe, expect, it } from 'vitest';
import { predictCell, predictSchema } from '../../src/cells/predict.ts';
import { trainCell, trainSchema } from '../../src/cells/train.ts';
import type { FigureOutput, TableOutput } from '../../src/core/outputs.ts';
import type { FittedTransform } from '../../src/core/values.ts';
import { initBackend } from '../../src/ml/backend.ts';
import { testContext } from '../helpers/context.ts';
import { separable } from '../ml/synthetic.ts';

beforeAll(async () => {
  await initBackend({ order: ['wasm', 'cpu'] });
});

/** Renames raw columns a, b to the model's x1, x2 (stands in for a transform cell's pipeline). */
const rename: FittedTransform = {
  apply: (t: ColumnTable) => t.rename({ a: 'x1', b: 'x2' }),
  toJSON: () => ({ rename: { a: 'x1', b: 'x2' } }),
};

async function trainedContext() {
  const ctx = testContext({ train: { type: 'table', table: separable(80) }, prep: { type: 'transform', transform: rename } });
  await trainCell.run(trainSchema.parse({ target: 'label', model: 'logistic', epochs: 15, learningRate: 0.1 }), ctx);
  return ctx;
}

describe('predict cell', () => {
  it('parses {} to defaults and declares reads/writes', () => {
    const p = predictSchema.parse({});
    expect(p).toEqual({ model: 'model', transform: '', input: '', row: {}, output: 'predictions' });
    expect(predictCell.reads({ ...p, transform: 'prep', input: 'new' })).toEqual(['model', 'prep', 'new']);
    expect(predictCell.writes(p)).toEqual(['predictions']);
  });

  it('one typed row through a transform: prediction, probabilities and a bar chart', async () => {
    const ctx = await trainedContext();
    const outputs = await predictCell.run(predictSchema.parse({ transform: 'prep', row: { a: 1.5, b: 1.5 } }), ctx);
    const [table, fig] = outputs as [TableOutput, FigureOutput];
    expect(table.rowCount).toBe(1);
    expect(table.rows[0].prediction).toBe('pos');
    expect((table.rows[0].p_neg as number) + (table.rows[0].p_pos as number)).toBeCloseTo(1, 5);
    expect(fig.spec.data[0].x).toEqual(['neg', 'pos']);
  });

  it('a table: one prediction per row, no chart; names missing features', async () => {
    const ctx = await trainedContext();
    ctx.values.set('new', { type: 'table', table: aq.table({ x1: [-1.5, 1.5, 0.9], x2: [-1.5, 1.5, 0.9] }) });
    const outputs = await predictCell.run(predictSchema.parse({ input: 'new' }), ctx);
    expect(outputs).toHaveLength(1);
    expect((outputs[0] as TableOutput).rows.map((r) => r.prediction)).toEqual(['neg', 'pos', 'pos']);
    await expect(predictCell.run(predictSchema.parse({ row: { x1: 1 } }), ctx)).rejects.toThrow(/"x2"/);
    await expect(predictCell.run(predictSchema.parse({}), ctx)).rejects.toThrow(/one row/);
  });
});
