import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { sessionFeaturesCell, sessionFeaturesSchema } from '../../src/cells/sessionfeatures.ts';
import { testContext } from '../helpers/context.ts';
import { fitPipeline } from '../../src/data/transforms/pipeline.ts';
import { CellError } from '../../src/core/errors.ts';

// A raw log as the shop-sessions table has it; gaps and deltas come from a transform pipeline, as in the notebook.
function rawLog(ids: string[]) {
  const rows = [
    ['A', '2025-03-08 10:00:00', '/search', '/product', 1, 1, 0],
    ['A', '2025-03-08 10:00:02', '/product', '/cart/add', 2, 1, 0],
    ['A', '2025-03-08 10:00:05', '/cart/add', '/logout', 3, 1, 2],
    ['A', '2025-03-08 10:00:06', '/logout', '/logout', 4, 1, 2],
    ['B', '2025-03-10 23:59:59', '/', '/products', 1, 0, 0],
    ['B', '2025-03-11 00:00:01', '/products', '/', 2, 0, 0],
    ['B', '2025-03-11 00:00:05', '/', '/', 3, 0, 0],
  ].filter((r) => ids.includes(r[0] as string));
  const cols = ['session_id', 'timestamp', 'current_state', 'next_state', 'page_depth', 'search_count', 'cart_item_count'];
  const raw = aq.table(Object.fromEntries(cols.map((c, j) => [c, rows.map((r) => (c === 'timestamp' ? new Date(`${String(r[j]).replace(' ', 'T')}Z`) : r[j]))])), cols);
  return fitPipeline([
    { op: 'gaps', time: 'timestamp', by: 'session_id', name: 'gap_sec' },
    { op: 'deltas', columns: ['page_depth', 'search_count', 'cart_item_count'], by: 'session_id', orderBy: 'timestamp', prefix: 'delta_', clip: true },
  ], raw).fitted;
}

describe('sessionfeatures cell', () => {
  it('has defaults: K 3, 5, 7, the course terminals, 50 bigrams', () => {
    const p = sessionFeaturesSchema.parse({});
    expect(p.ks).toEqual([3, 5, 7]);
    expect(p.terminals).toEqual(['/logout', '/delete_user']);
    expect(p.topBigrams).toBe(50);
    expect(p.columns.gap).toBe('gap_sec');
    expect(sessionFeaturesCell.kind).toBe('sessionfeatures');
  });

  it('reads the logs and writes the feature tables and the fitted transform', () => {
    const p = sessionFeaturesSchema.parse({ input: 'tr', output: 'trx', applyTo: [{ input: 'te', output: 'tex' }], transform: 'fe' });
    expect(sessionFeaturesCell.reads(p)).toEqual(['tr', 'te']);
    expect(sessionFeaturesCell.writes(p)).toEqual(['trx', 'tex', 'fe']);
    expect(sessionFeaturesCell.render(p)).toContain('session features tr → trx, te → tex (fitted as fe)');
  });

  it('fits on the training log, applies to the other, and the transform featurises new raw sessions', async () => {
    const ctx = testContext({ tr: { type: 'table', table: rawLog(['A', 'B']) }, te: { type: 'table', table: rawLog(['B']) } });
    const p = sessionFeaturesSchema.parse({ input: 'tr', output: 'trx', applyTo: [{ input: 'te', output: 'tex' }], transform: 'fe', ks: [3], topBigrams: 3 });
    const outputs = await sessionFeaturesCell.run(p, ctx);
    expect(outputs[0]).toMatchObject({ type: 'text' });
    const trx = ctx.table('trx');
    expect(trx.numRows()).toBe(2);
    const a = trx.objects().find((r) => (r as Record<string, unknown>).session_id === 'A') as Record<string, number>;
    // Deltas from the pipeline: search counter 1,1,1 → delta 1,0,0; cart 0,0,2 → 0,0,2.
    expect([a.label, a.n_events, a.search_delta_sum, a.cart_adds, a.gap_p95, a.bg_0, a.bg_1]).toEqual([1, 3, 1, 2, 2.9, 1, 1]);
    const tex = ctx.table('tex');
    expect(tex.numRows()).toBe(1);
    expect((tex.objects()[0] as Record<string, number>).bg_2).toBe(1);
    const fe = ctx.require('fe', 'transform');
    expect(fe.transform.apply(rawLog(['A'])).numRows()).toBe(1);
    expect(JSON.stringify(fe.transform.toJSON())).toContain('/search');
  });

  it('says which step to add when gap or delta columns are missing', async () => {
    const ctx = testContext({ tr: { type: 'table', table: rawLog(['A']).select('session_id', 'timestamp', 'current_state', 'next_state', 'page_depth') } });
    const err = await sessionFeaturesCell.run(sessionFeaturesSchema.parse({ input: 'tr' }), ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CellError);
    expect((err as CellError).message).toMatch(/gap_sec/);
  });
});
