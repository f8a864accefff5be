import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { describe, expect, it } from 'vitest';
import { explainCell, explainSchema } from '../../src/cells/explain.ts';
import type { FigureOutput, TableOutput } from '../../src/core/outputs.ts';
import type { Prediction, TrainedModel } from '../../src/core/values.ts';
import { seededRandom } from '../../src/core/random.ts';
import { testContext } from '../helpers/context.ts';

/** y = 4·x1 exactly; x2 is noise the model ignores. */
function linearModel(extra: object = {}): TrainedModel {
  return Object.assign({
    modelType: 'linear', task: 'regression' as const, target: 'y', features: ['x1', 'x2'],
    async predict(table: ColumnTable): Promise<Prediction> {
      return { predictions: Array.from(table.array('x1') as ArrayLike<number>, (v) => 4 * v) };
    },
    describe: () => ({}),
    dispose: () => undefined,
  }, extra);
}

function data(): ColumnTable {
  const r = seededRandom(2);
  const x1 = Array.from({ length: 80 }, () => r() * 2 - 1);
  return aq.table({ x1, x2: x1.map(() => r()), y: x1.map((v) => 4 * v) });
}

describe('explain cell', () => {
  it('parses {} to defaults and declares reads/writes', () => {
    const p = explainSchema.parse({});
    expect(p).toMatchObject({ model: 'model', input: 'test', scoring: 'auto', repeats: 5, feature: '', output: 'importances' });
    for (const [name, field] of Object.entries(explainSchema.shape)) expect(field.description, name).toBeTruthy();
    expect(explainCell.reads(p)).toEqual(['model', 'test']);
    expect(explainCell.writes(p)).toEqual(['importances']);
  });

  it('ranks the feature that matters first; bar chart; partial dependence line with the right slope', async () => {
    const ctx = testContext({ model: { type: 'model', model: linearModel() }, test: { type: 'table', table: data() } });
    const outputs = await explainCell.run(explainSchema.parse({ feature: 'x1', gridResolution: 5, repeats: 3 }), ctx);
    const [table, bars, pd] = outputs as [TableOutput, FigureOutput, FigureOutput];
    expect(table.rows.map((r) => r.feature)).toEqual(['x1', 'x2']);
    expect(table.rows[1].importance_mean).toBe(0);
    expect(bars.spec.data[0].y).toEqual(['x2', 'x1']);
    const trace = pd.spec.data[0] as { x: number[]; y: number[] };
    expect(trace.x).toHaveLength(5);
    for (let i = 0; i < 5; i++) expect(trace.y[i]).toBeCloseTo(4 * trace.x[i], 9);
    expect(outputs).toHaveLength(3);
  });

  it('adds the model\'s own importances when it has featureImportances()', async () => {
    const model = linearModel({ featureImportances: () => [0.9, 0.1] });
    const ctx = testContext({ model: { type: 'model', model }, test: { type: 'table', table: data() } });
    const outputs = await explainCell.run(explainSchema.parse({ repeats: 2 }), ctx);
    expect((outputs[0] as TableOutput).rows[0].model_importance).toBe(0.9);
    expect((outputs[2] as FigureOutput).title).toBe('Model feature importance');
  });
});
