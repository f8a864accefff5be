import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { splitCell, splitSchema } from '../../src/cells/split.ts';
import { testContext } from '../helpers/context.ts';
import type { TableOutput } from '../../src/core/outputs.ts';
import type { CellError } from '../../src/core/errors.ts';

const n = 40;
const table = aq.table({ id: Array.from({ length: n }, (_, i) => i), y: Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 'pos' : 'neg')) });

describe('split cell', () => {
  it('has full defaults', () => {
    const p = splitSchema.parse({});
    expect(p).toEqual({ input: 'data', method: 'random', train: 0.7, validation: 0.15, test: 0.15, seed: 42, outputs: { train: 'train', validation: 'valid', test: 'test' } });
    expect(splitCell.reads(p)).toEqual(['data']);
    expect(splitCell.writes(p)).toEqual(['train', 'valid', 'test']);
    expect(splitCell.writes({ ...p, validation: 0, train: 0.85 })).toEqual(['train', 'test']);
    expect(splitCell.render(p)).toBe('// split data random (seed 42) → train 0.7, valid 0.15, test 0.15');
  });

  it('stores stratified parts and summarises sizes and class shares', async () => {
    const ctx = testContext({ data: { type: 'table', table } });
    const [summary] = (await splitCell.run(splitSchema.parse({ method: 'stratified', target: 'y', train: 0.5, validation: 0.25, test: 0.25 }), ctx)) as TableOutput[];
    const ids = ['train', 'valid', 'test'].map((name) => ctx.table(name).array('id') as number[]);
    expect(ids.map((x) => x.length)).toEqual([20, 10, 10]);
    expect(ids.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    // 10 positives: 5 in train; 2.5 expected in each of valid and test, so 2 and 3 (within one row).
    const pos = summary.rows.map((r) => Math.round((r['y=pos'] as number) * (r.rows as number)));
    expect(pos[0]).toBe(5);
    expect([pos[1], pos[2]].sort()).toEqual([2, 3]);
    expect(ids.map((x) => x.filter((i) => i % 4 === 0).length)).toEqual(pos);
    expect(summary.rows.map((r) => r.rows)).toEqual([20, 10, 10]);
  });

  it('skips a 0-sized part and is reproducible by seed', async () => {
    const a = testContext({ data: { type: 'table', table } });
    const b = testContext({ data: { type: 'table', table } });
    const params = splitSchema.parse({ train: 0.8, validation: 0, test: 0.2, seed: 5 });
    await splitCell.run(params, a);
    await splitCell.run(params, b);
    expect(a.get('valid')).toBeUndefined();
    expect(a.table('test').array('id')).toEqual(b.table('test').array('id'));
  });

  it('validates its params', async () => {
    const ctx = testContext({ data: { type: 'table', table } });
    await expect(splitCell.run(splitSchema.parse({ method: 'stratified' }), ctx)).rejects.toMatchObject({ where: 'params.target', hint: 'Available columns: id, y.' });
    await expect(splitCell.run(splitSchema.parse({ target: 'label' }), ctx)).rejects.toMatchObject({ where: 'params.target' });
    await expect(splitCell.run(splitSchema.parse({ train: 0.9 }), ctx)).rejects.toMatchObject({ where: 'params.train' });
  });
});

describe('split cell: group and time methods', () => {
  const t = aq.table({
    session: Array.from({ length: 40 }, (_, i) => `s${i % 10}`),
    when: Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + ((i * 7) % 40)))),
  });
  it('group keeps sessions whole', async () => {
    const ctx = testContext({ data: { type: 'table', table: t } });
    await splitCell.run(splitSchema.parse({ method: 'group', group: 'session', train: 0.6, validation: 0.2, test: 0.2 }), ctx);
    const sessions = (name: string) => new Set((ctx.values.get(name) as { table: aq.ColumnTable }).table.array('session') as string[]);
    const [a, b, c] = [sessions('train'), sessions('valid'), sessions('test')];
    expect([a.size, b.size, c.size]).toEqual([6, 2, 2]);
    for (const s of a) expect(b.has(s) || c.has(s)).toBe(false);
  });
  it('time holds out the latest rows', async () => {
    const ctx = testContext({ data: { type: 'table', table: t } });
    await splitCell.run(splitSchema.parse({ method: 'time', time: 'when', lastDays: 5 }), ctx);
    const times = (name: string) => ((ctx.values.get(name) as { table: aq.ColumnTable }).table.array('when') as Date[]).map((d) => d.getTime());
    expect(times('test')).toHaveLength(5);
    expect(Math.min(...times('valid'))).toBeGreaterThan(Math.max(...times('train')));
    expect(Math.min(...times('test'))).toBeGreaterThan(Math.max(...times('valid')));
    expect(splitCell.render(splitSchema.parse({ method: 'time', time: 'when', lastDays: 5 }))).toContain('by time when (last 5 days held out)');
  });
  it('names the missing group or time column', async () => {
    const ctx = testContext({ data: { type: 'table', table: t } });
    const err = await splitCell.run(splitSchema.parse({ method: 'group' }), ctx).catch((e: unknown) => e);
    expect((err as CellError).where).toBe('params.group');
    const err2 = await splitCell.run(splitSchema.parse({ method: 'time', time: 'nope' }), ctx).catch((e: unknown) => e);
    expect((err2 as CellError).where).toBe('params.time');
  });
});
