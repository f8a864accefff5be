// A memory-hungry cell is stopped with a message before it takes the tab
// (issue 14): the tensor watch, the table budget when a table is stored, and
// the CSV reader's budget while it reads.
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { Kernel } from '../../src/kernel/kernel.ts';
import { noHostServices, type HostServices } from '../../src/core/host.ts';
import { codeCell } from '../../src/cells/code.ts';
import { watchTensorBytes } from '../../src/worker/memoryWatch.ts';
import { parseCsv } from '../../src/data/csv.ts';
import { CellError } from '../../src/core/errors.ts';
import type { NotebookCell } from '../../src/notebook/model.ts';

const code = (id: string, source: string): NotebookCell => ({ id, kind: 'code', params: { code: source }, outputs: [], jupyter: { cellType: 'code', metadata: {}, source } });
const kernelWith = (budget: HostServices['memoryBudget']) => new Kernel(new Map([['code', codeCell]]), { ...noHostServices, memoryBudget: budget });

describe('memory budget', () => {
  it('stops a cell whose live tensors outgrow the budget, with the reason; the next cell runs', async () => {
    await tf.ready();
    const budget = { tableCells: 1e9, tensorBytes: 64 * 1024 };
    const kernel = kernelWith(budget);
    const stop = watchTensorBytes(kernel, budget, () => tf.memory().numBytes, 10);
    kernel.setCells([
      code('grow', 'const kept = [];\nwhile (!signal.aborted) { kept.push(tf.zeros([4096])); await new Promise((r) => setTimeout(r, 1)); }\nkept.forEach((t) => t.dispose());'),
      code('after', 'return 1;'),
    ]);
    const results = await kernel.runAll({ continueOnError: true });
    stop();
    expect(results.map((r) => r.status)).toEqual(['error', 'done']);
    expect(kernel.cells()[0].outputs[0]).toMatchObject({ type: 'error', message: expect.stringMatching(/^Stopped: this cell's tensors take .* GB, over this browser tab's budget of 0\.0 GB/), hint: expect.stringContaining('dispose') });
  });

  it('refuses to store a table over the budget, naming it and its size', async () => {
    const kernel = kernelWith({ tableCells: 10, tensorBytes: 1e12 });
    kernel.setCells([code('small', "set('s', aq.table({ x: [1, 2, 3] }));"), code('big', "set('b', aq.table({ x: [1, 2, 3, 4], y: [1, 2, 3, 4], z: [1, 2, 3, 4] }));")]);
    const results = await kernel.runAll({ continueOnError: true });
    expect(results.map((r) => r.status)).toEqual(['done', 'error']);
    expect(kernel.cells()[1].outputs[0]).toMatchObject({ message: 'The table "b" (4 rows × 3 columns) is too large for this browser tab: its budget is 10 values.' });
  });

  it('stops reading a CSV once it holds more values than the budget, with the line', () => {
    const text = 'a,b\n' + Array.from({ length: 100 }, (_, i) => `${i},${i}`).join('\n');
    expect(parseCsv(text, { maxCells: 1000 }).lines).toHaveLength(100);
    try {
      parseCsv(text, { maxCells: 50 });
      throw new Error('expected the budget error');
    } catch (error) {
      expect(error).toBeInstanceOf(CellError);
      expect((error as CellError).where).toBe('line 27');
      expect((error as CellError).message).toMatch(/too large for this browser tab: by line 27 it already holds 26 rows × 2 columns, over the budget of 50 values/);
    }
  });
});
