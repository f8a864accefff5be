import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { transformCell, transformSchema } from '../../src/cells/transform.ts';
import { testContext } from '../helpers/context.ts';
import type { TableOutput } from '../../src/core/outputs.ts';

describe('transform cell', () => {
  it('has defaults and declares reads and writes', () => {
    const p = transformSchema.parse({});
    expect(p).toEqual({ input: 'train', output: 'train_prepared', steps: [], applyTo: [], transform: 'transform' });
    const q = transformSchema.parse({ applyTo: [{ input: 'valid', output: 'valid_prepared' }], steps: [{ op: 'scale', columns: ['x'] }] });
    expect(q.steps[0]).toEqual({ op: 'scale', columns: ['x'], method: 'standard' });
    expect(transformCell.reads(q)).toEqual(['train', 'valid']);
    expect(transformCell.writes(q)).toEqual(['train_prepared', 'valid_prepared', 'transform']);
    expect(transformCell.render(q)).toBe('// transform train → train_prepared, valid → valid_prepared (fitted as transform)\n//   1. scale x (standard)');
    expect(() => transformSchema.parse({ steps: [{ op: 'explode' }] })).toThrow();
  });

  it('fits on the input and applies the same state to the other tables', async () => {
    const ctx = testContext({
      train: { type: 'table', table: aq.table({ x: [0, 10, null], c: ['a', 'b', 'a'] }) },
      valid: { type: 'table', table: aq.table({ x: [20, null], c: ['b', 'z'] }) },
    });
    const params = transformSchema.parse({
      steps: [
        { op: 'impute', columns: ['x'], strategy: 'mean' },
        { op: 'scale', columns: ['x'], method: 'minmax' },
        { op: 'onehot', columns: ['c'] },
      ],
      applyTo: [{ input: 'valid', output: 'valid_prepared' }],
    });
    const out = (await transformCell.run(params, ctx)) as TableOutput[];
    expect(out.map((o) => o.name)).toEqual(['train_prepared', 'valid_prepared']);
    expect(ctx.table('train_prepared').objects()).toEqual([
      { x: 0, c_a: 1, c_b: 0 },
      { x: 1, c_a: 0, c_b: 1 },
      { x: 0.5, c_a: 1, c_b: 0 },
    ]);
    // Validation uses the training mean (5) and range (0..10): nothing learned from it.
    expect(ctx.table('valid_prepared').objects()).toEqual([
      { x: 2, c_a: 0, c_b: 1 },
      { x: 0.5, c_a: 0, c_b: 0 },
    ]);
    const fitted = ctx.require('transform', 'transform').transform;
    expect(fitted.apply(aq.table({ x: [5], c: ['a'] })).objects()).toEqual([{ x: 0.5, c_a: 1, c_b: 0 }]);
    expect(JSON.parse(JSON.stringify(fitted.toJSON()))).toMatchObject({ steps: [{ op: 'impute', state: { fill: { x: 5 } } }, { op: 'scale' }, { op: 'onehot' }] });
  });

  it('reports a bad step with its position', async () => {
    const ctx = testContext({ train: { type: 'table', table: aq.table({ x: [1] }) } });
    const params = transformSchema.parse({ steps: [{ op: 'derive', name: 'y', expr: 'd => d.nope + 1' }] });
    await expect(transformCell.run(params, ctx)).rejects.toMatchObject({ where: 'params.steps.0.expr' });
    expect(ctx.get('train_prepared')).toBeUndefined();
  });
});

describe('transform cell: feature steps', () => {
  it('renders and runs time-ordered steps per table', async () => {
    const t = aq.table({ s: ['a', 'a', 'b', 'a'], t: [3, 1, 2, 2], v: [30, 10, 5, 20] });
    const p = transformSchema.parse({ steps: [{ op: 'lag', column: 'v', by: 's', orderBy: 't' }, { op: 'rolling', column: 'v', window: 2, stat: 'sum', by: 's', orderBy: 't' }] });
    expect(transformCell.render(p)).toContain('1. lag v by 1 per s ordered by t');
    const ctx = testContext({ train: { type: 'table', table: t } });
    await transformCell.run(p, ctx);
    const out = (ctx.values.get('train_prepared') as { table: aq.ColumnTable }).table;
    expect(out.array('v_lag1')).toEqual([20, null, null, 10]);
    expect(out.array('v_rolling_sum2')).toEqual([50, null, null, 30]);
  });
});

describe('transform cell: holiday step', () => {
  it('reads the holiday table named by the step and declares it as an input', async () => {
    const day = (d: number) => new Date(Date.UTC(2024, 11, d));
    const ctx = testContext({
      train: { type: 'table', table: aq.table({ day: [day(24), day(25), day(26)] }) },
      test: { type: 'table', table: aq.table({ day: [day(25), null] }) },
      holidays: { type: 'table', table: aq.table({ date: ['2024-12-25', '2024-12-26'] }) },
    });
    const p = transformSchema.parse({
      input: 'train',
      steps: [{ op: 'holiday', column: 'day', from: { table: 'holidays', column: 'date' } }],
      applyTo: [{ input: 'test', output: 'test_prepared' }],
    });
    expect(transformCell.reads(p)).toEqual(['train', 'test', 'holidays']);
    expect(transformCell.render(p)).toMatch(/is_holiday = day is a holiday \(holidays\.date\)/);
    await transformCell.run(p, ctx);
    expect(ctx.table('train_prepared').array('is_holiday')).toEqual([false, true, true]);
    expect(ctx.table('test_prepared').array('is_holiday')).toEqual([true, null]);
    const missing = transformSchema.parse({ input: 'train', steps: [{ op: 'holiday', column: 'day', from: { table: 'nope', column: 'date' } }] });
    await expect(transformCell.run(missing, ctx)).rejects.toMatchObject({ where: 'params.steps.0.from.table' });
  });
});
