import { describe, expect, it } from 'vitest';
import type { NotebookCell } from '../../src/notebook/model.ts';
import { blankNotebook } from '../../src/ui/document/cells.ts';
import { dropLeakEdits, leaksByCell } from '../../src/ui/document/leakage.ts';
import { applyTransaction, editCell } from '../../src/ui/document/transactions.ts';

let n = 0;
const cell = (kind: string, params: Record<string, unknown>, outputs: NotebookCell['outputs'] = []): NotebookCell => ({ id: `c${++n}`, kind, params, outputs, jupyter: { cellType: 'code', metadata: {}, source: '' } });

const why = '"duration" alone separates the target "y" far better than any other column (AUC 0.822, next best "nr.employed" 0.746): if it is known only after the outcome, it leaks the answer.';

function bank() {
  const doc = blankNotebook('bank');
  const eda = cell('eda', { input: 'bank', target: 'y' }, [{ type: 'profile', rowCount: 10, columns: [], warnings: ['"pdays" is constant (999 in every non-missing row).', why] }]);
  const split = cell('split', { input: 'bank', target: 'y' });
  const train = cell('train', { input: 'train', target: 'y', features: [] });
  const other = cell('train', { input: 'train', target: 'y', features: ['age', 'campaign'], output: 'small' });
  const evaluate = cell('evaluate', { model: 'model', input: 'test' });
  const load = cell('load', { output: 'bank' });
  doc.cells.push(load, eda, split, train, other, evaluate);
  train.params.output = 'model';
  const tables = {
    // Only the loaded table has been shown: the split's parts have its columns.
    columns: { bank: ['age', 'job', 'duration', 'campaign', 'y'] },
    types: { bank: { age: 'integer', job: 'string', duration: 'integer', campaign: 'integer', y: 'string' } },
  };
  return { doc, eda, split, train, other, evaluate, load, tables };
}

describe('leakage follows the student', () => {
  it('names the flagged column on every later split, train and evaluate cell that uses it', () => {
    const { doc, split, train, other, evaluate, load, eda, tables } = bank();
    const byCell = leaksByCell(doc, {}, tables);
    expect(Object.keys(byCell).sort()).toEqual([split.id, train.id, evaluate.id].sort());
    expect(byCell[train.id][0]).toMatchObject({ column: 'duration', why });
    // The constant-column warning is not leakage; the cell with explicit other features does not use it.
    expect(byCell[other.id]).toBeUndefined();
    expect(byCell[load.id]).toBeUndefined();
    expect(byCell[eda.id]).toBeUndefined();
  });

  it('the fix drops it from the train cells that use it (all other numeric columns, listed), in one edit', () => {
    const { doc, train, tables } = bank();
    const leak = leaksByCell(doc, {}, tables)[train.id][0];
    const edits = dropLeakEdits(doc, leak, tables);
    expect(edits).toEqual([{ id: train.id, params: { ...train.params, features: ['age', 'campaign'] } }]);
    const ops = edits.flatMap((e) => editCell(doc, e.id, { params: e.params }, 'drop-column')!.ops);
    const fixed = applyTransaction(doc, { name: 'drop-column', ops });
    expect(leaksByCell(fixed, {}, tables)[train.id]).toBeUndefined();
  });
});
