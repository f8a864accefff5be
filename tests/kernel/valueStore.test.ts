import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { ValueStore } from '../../src/kernel/valueStore.ts';
import type { TrainedModel, Value } from '../../src/core/values.ts';
import { CellError } from '../../src/core/errors.ts';

/** A model value that counts its dispose() calls. */
function model(): { value: Value; disposed: () => number } {
  let n = 0;
  const m = { modelType: 'fake', task: 'classification', target: 'y', features: [], predict: () => Promise.reject(new Error('unused')), dispose: () => void n++ } as unknown as TrainedModel;
  return { value: { type: 'model', model: m }, disposed: () => n };
}

describe('ValueStore', () => {
  it('frees a replaced model, but not while another name still holds it', () => {
    const store = new ValueStore();
    const a = model();
    store.set('m', a.value, 'c1');
    store.set('alias', { type: 'model', model: (a.value as Extract<Value, { type: 'model' }>).model }, 'c2');
    store.set('m', model().value, 'c1');
    expect(a.disposed()).toBe(0); // "alias" still holds it
    store.set('alias', model().value, 'c2');
    expect(a.disposed()).toBe(1);
    store.clear();
    expect(store.size).toBe(0);
  });

  it('refuses a bad name and a table over the budget, saying which', () => {
    const store = new ValueStore();
    const table: Value = { type: 'table', table: aq.table({ x: [1, 2, 3], y: [4, 5, 6] }) };
    expect(() => store.set('not a name', table, 'c1')).toThrow(CellError);
    try {
      store.set('big', table, 'c1', 5);
      expect.unreachable();
    } catch (e) {
      expect((e as CellError).code).toBe('budget.table');
      expect((e as CellError).message).toContain('big');
    }
    store.set('ok', table, 'c1', 6);
    expect(store.summaries()).toEqual([expect.objectContaining({ name: 'ok', type: 'table', cellId: 'c1' })]);
    expect(store.availableText('model')).toBe('none yet');
    expect(store.availableText()).toBe('"ok"');
  });
});
