import { describe, expect, it } from 'vitest';
import type { NotebookCell, NotebookDoc } from '../../src/notebook/model.ts';
import type { KindInfo } from '../../src/worker/protocol.ts';
import { blankNotebook, newCell } from '../../src/ui/document/cells.ts';
import { knownTables, nearestTable, wireNewCell, writtenBy } from '../../src/ui/document/wiring.ts';

// Kinds as the worker describes them (the params that matter for wiring).
const str = { type: 'string' };
const kinds: KindInfo[] = [
  kind('load', { output: str }, { output: 'data' }),
  kind('eda', { input: str, target: str, columns: { type: 'array' } }, { input: 'data', columns: [] }),
  kind('split', { input: str, target: str, outputs: { type: 'object' } }, { input: 'data', train: 0.7, validation: 0, test: 0.3, outputs: { train: 'train', validation: 'valid', test: 'test' } }),
  kind('train', { input: str, target: str, features: { type: 'array' }, model: { type: 'string', enum: ['mlp', 'gbdt'] }, validation: str, output: str }, { input: 'train', target: '', features: [], model: 'mlp', validation: '', output: 'model' }),
  kind('evaluate', { model: str, input: str, output: str }, { model: 'model', input: 'test', output: 'metrics' }),
  kind('register', { model: str, metrics: str }, { model: 'model', metrics: 'metrics' }),
];

function kind(name: string, properties: Record<string, unknown>, defaults: Record<string, unknown>): KindInfo {
  return { kind: name, label: name, description: '', runnable: true, jsonSchema: { type: 'object', properties }, defaults };
}

function make(kindName: string, params: Record<string, unknown> = {}): NotebookCell {
  const c = newCell(kindName, kinds);
  return { ...c, params: { ...c.params, ...params } };
}

function add(doc: NotebookDoc, kindName: string, tableColumns?: Record<string, string[]>): NotebookCell {
  const cell = wireNewCell(newCell(kindName, kinds), doc.cells.length, doc, { kinds, tableColumns });
  doc.cells.push(cell);
  return cell;
}

describe('a new cell wires itself to the cells above', () => {
  it('load → explore → split → train → evaluate on an uploaded table needs only the target typed once', () => {
    const doc = blankNotebook('bank');
    doc.cells.push(make('load', { output: 'bank_additional' }));
    const eda = add(doc, 'eda');
    expect(eda.params.input).toBe('bank_additional');
    // The student types the target once, in the explore cell.
    eda.params.target = 'y';
    const split = add(doc, 'split');
    expect(split.params).toMatchObject({ input: 'bank_additional', target: 'y' });
    const train = add(doc, 'train');
    expect(train.params).toMatchObject({ input: 'train', target: 'y', model: 'mlp' });
    const evaluate = add(doc, 'evaluate');
    expect(evaluate.params).toMatchObject({ input: 'test', model: 'model' });
    const register = add(doc, 'register');
    expect(register.params).toMatchObject({ model: 'model', metrics: 'metrics' });
  });

  it('follows renamed outputs above: the split parts and the model by their current names', () => {
    const doc = blankNotebook('t');
    doc.cells.push(make('load', { output: 'raw' }));
    doc.cells.push(make('split', { input: 'raw', validation: 0.15, outputs: { train: 'fit_rows', validation: 'dev_rows', test: 'holdout' } }));
    const train = add(doc, 'train');
    expect(train.params).toMatchObject({ input: 'fit_rows', validation: 'dev_rows' });
    train.params.output = 'clf';
    expect(add(doc, 'evaluate').params).toMatchObject({ input: 'holdout', model: 'clf' });
  });

  it('takes the nearest value above the insertion point, not the last one in the notebook', () => {
    const doc = blankNotebook('t');
    doc.cells.push(make('load', { output: 'first' }), make('load', { output: 'second' }));
    expect(nearestTable(doc.cells, 1, 'eda')).toBe('first');
    expect(nearestTable(doc.cells, 2, 'eda')).toBe('second');
    expect(nearestTable(doc.cells, 0, 'eda')).toBeUndefined();
  });

  it('carries a target over only when the input table has that column (where its columns are known)', () => {
    const doc = blankNotebook('t');
    doc.cells.push(make('load', { output: 'a' }), make('eda', { input: 'a', target: 'price' }));
    expect(add(doc, 'split', { a: ['x', 'y'] }).params.target).toBeUndefined();
    const doc2 = blankNotebook('t');
    doc2.cells.push(make('load', { output: 'a' }), make('eda', { input: 'a', target: 'price' }));
    expect(add(doc2, 'split', { a: ['x', 'price'] }).params.target).toBe('price');
  });

  it('a new output does not shadow a value above it', () => {
    const doc = blankNotebook('t');
    doc.cells.push(make('load'), make('split'), make('train'));
    expect(add(doc, 'train').params.output).toBe('model_2');
    expect(add(doc, 'evaluate').params.model).toBe('model_2');
  });

  it('lists what cells write, with types and split roles', () => {
    expect(writtenBy(make('split', { validation: 0.1 }))).toEqual([
      { name: 'train', type: 'table', role: 'train' },
      { name: 'valid', type: 'table', role: 'validation' },
      { name: 'test', type: 'table', role: 'test' },
    ]);
    expect(writtenBy(make('train'))).toEqual([{ name: 'model', type: 'model' }]);
    expect(writtenBy(make('evaluate'))).toEqual([{ name: 'metrics', type: 'metrics' }]);
  });

  it('split parts have the columns of the table they come from until the split has run', () => {
    const doc = blankNotebook('t');
    doc.cells.push(make('load', { output: 'bank' }), make('split', { input: 'bank' }));
    const shown = { bank: ['age', 'y'], test: ['age', 'y', 'extra'] };
    const { columns, types } = knownTables(doc, shown, { bank: { age: 'integer', y: 'string' } });
    expect(columns.train).toEqual(['age', 'y']);
    // A part already shown keeps its own columns.
    expect(columns.test).toEqual(['age', 'y', 'extra']);
    expect(types.train).toEqual({ age: 'integer', y: 'string' });
    // Nothing known about the source: nothing invented.
    expect(knownTables(doc, {}, {}).columns).toEqual({});
  });
});
