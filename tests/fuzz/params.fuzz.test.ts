// Every cell kind's params on hostile values: each field of the defaults is
// replaced by random JSON. Validation either accepts them or names the
// parameter path; the data cells then run on a small table and either work
// or raise a CellError — never a TypeError or a hang.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as aq from 'arquero';
import { cellRegistry } from '../../src/cells/registry.ts';
import { validateParams } from '../../src/kernel/params.ts';
import { CellError, CancelledError } from '../../src/core/errors.ts';
import { testContext } from '../helpers/context.ts';
import { fuzzOptions } from './settings.ts';

/** Cells cheap enough to run on every case (no training). */
const RUNNABLE = ['eda', 'transform', 'split', 'visualize', 'timeseries', 'sequences', 'sessionfeatures', 'join', 'select'];

function table() {
  return aq.table({
    id: [1, 2, 3, 4, 5, 6, 7, 8],
    when: ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-06', '2024-01-07', '2024-01-08'].map((d) => new Date(d)),
    x: [1.5, 2, null, 4, 5, 6.5, 7, 8],
    y: ['a', 'b', 'a', 'b', 'a', 'b', 'a', null],
    g: ['p', 'p', 'q', 'q', 'r', 'r', 's', 's'],
  });
}

function mutated(defaults: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(defaults);
  const interesting = fc.oneof(fc.jsonValue(), fc.constantFrom('data', 'x', 'y', 'g', 'when', 'id', '', 'missing', -1, 0, 1, 1e9, 0.5, [], ['x'], ['y', 'x'], {}, null));
  return fc.dictionary(fc.constantFrom(...(keys.length ? keys : ['input'])), interesting, { maxKeys: 4 }).map((changes) => ({ ...defaults, ...changes }));
}

const ran = new Map<string, number>();

describe('cell params fuzzing', () => {
  afterAll(() => console.log('valid params run per kind:', JSON.stringify(Object.fromEntries(ran))));
  for (const [kind, def] of cellRegistry) {
    const defaults = def.schema.parse({}) as Record<string, unknown>;
    it(`${kind}: invalid params name a path; valid ones run or explain`, async () => {
      await fc.assert(
        fc.asyncProperty(mutated(defaults), async (params) => {
          const result = validateParams(def, params);
          if (!result.ok) {
            expect(result.error.where).toMatch(/^params(\.|$)/);
            return;
          }
          if (!RUNNABLE.includes(kind)) return;
          ran.set(kind, (ran.get(kind) ?? 0) + 1);
          const ctx = testContext({ data: { type: 'table', table: table() }, train: { type: 'table', table: table() } });
          const timer = setTimeout(() => ctx.controller.abort(), 5000);
          try {
            await def.run(result.params, ctx);
          } catch (error) {
            if (!(error instanceof CellError) && !(error instanceof CancelledError)) throw error;
          } finally {
            clearTimeout(timer);
          }
        }),
        fuzzOptions(60),
      );
    });
  }
});
