import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { joinCell, joinSchema } from '../../src/cells/join.ts';
import { testContext } from '../helpers/context.ts';
import { CellError } from '../../src/core/errors.ts';

const orders = aq.table({ id: [1, 2, 3], store: ['a', 'b', 'z'], day: ['2024-01-03', '2024-01-10', '2024-01-05'].map((d) => new Date(d)) });
const stores = aq.table({ store: ['a', 'b', 'c'], city: ['Seoul', 'Busan', 'Daegu'] });
const prices = aq.table({ day: ['2024-01-01', '2024-01-04', '2024-01-09'].map((d) => new Date(d)), price: [10, 11, 12] });

describe('join cell', () => {
  it('has defaults and renders', () => {
    const p = joinSchema.parse({ on: ['store'] });
    expect(p.how).toBe('inner');
    expect(joinCell.render(p)).toBe('// inner join left with right on store → joined');
    expect(joinCell.reads(p)).toEqual(['left', 'right']);
    expect(joinCell.writes(p)).toEqual(['joined']);
  });

  it('left-joins and reports matched and unmatched rows', async () => {
    const ctx = testContext({ orders: { type: 'table', table: orders }, stores: { type: 'table', table: stores } });
    const out = await joinCell.run(joinSchema.parse({ left: 'orders', right: 'stores', how: 'left', on: ['store'], output: 'j' }), ctx);
    expect(out[0]).toMatchObject({ type: 'text', text: expect.stringContaining('3 left rows (2 matched, 1 unmatched)') });
    const j = ctx.table('j');
    expect(j.array('city')).toEqual(['Seoul', 'Busan', null]);
  });

  it('joins as-of by date', async () => {
    const ctx = testContext({ orders: { type: 'table', table: orders }, prices: { type: 'table', table: prices } });
    const p = joinSchema.parse({ left: 'orders', right: 'prices', asof: { leftTime: 'day', rightTime: 'day', toleranceDays: 3 }, output: 'j' });
    const out = await joinCell.run(p, ctx);
    expect(ctx.table('j').array('price')).toEqual([10, 12, 11]);
    expect(out[0]).toMatchObject({ text: expect.stringContaining('3 matched') });
    expect(joinCell.render(p)).toContain('within 3 days');
  });

  it('names a missing key column', async () => {
    const ctx = testContext({ orders: { type: 'table', table: orders }, stores: { type: 'table', table: stores } });
    const run = joinCell.run(joinSchema.parse({ left: 'orders', right: 'stores', on: ['nope'] }), ctx);
    await expect(run).rejects.toBeInstanceOf(CellError);
    await expect(run).rejects.toMatchObject({ where: 'params.on.0' });
  });
});
