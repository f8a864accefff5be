// Any thrown value becomes the cell's error (issue 14): in the app's worker
// and the runner alike, a cell that throws a number, an object without a
// prototype or a Proxy whose traps throw ends in "error" (never stuck in
// "running"), and later cells still run with continueOnError.
import { describe, expect, it } from 'vitest';
import { Kernel } from '../../src/kernel/kernel.ts';
import { noHostServices } from '../../src/core/host.ts';
import { codeCell } from '../../src/cells/code.ts';
import type { NotebookCell } from '../../src/notebook/model.ts';

const code = (id: string, source: string): NotebookCell => ({ id, kind: 'code', params: { code: source }, outputs: [], jupyter: { cellType: 'code', metadata: {}, source } });
const hostile = 'throw new Proxy({}, { get() { throw 1; }, getPrototypeOf() { throw 2; }, ownKeys() { throw 3; }, has() { throw 4; } });';

describe('thrown values', () => {
  it.each([
    ['throw Object.create(null);', 'an object with no prototype (a thrown object, not an Error)'],
    ['throw 42;', '42 (a thrown number, not an Error)'],
    ['throw undefined;', 'undefined (a thrown undefined, not an Error)'],
    ["throw 'plain';", 'plain'],
    ['throw { code: 7 };', '{"code":7} (a thrown object, not an Error)'],
    [hostile, 'A value was thrown that cannot be shown as text (not an Error).'],
    ["const e = new Error('x'); Object.defineProperty(e, 'message', { get() { throw 1; } }); throw e;", 'A value was thrown that cannot be shown as text (not an Error).'],
  ])('%s is the cell\'s error and the next cell runs', async (source, message) => {
    const kernel = new Kernel(new Map([['code', codeCell]]), noHostServices);
    kernel.setCells([code('a', source), code('b', 'return 2;')]);
    const results = await kernel.runAll({ continueOnError: true });
    expect(results.map((r) => r.status)).toEqual(['error', 'done']);
    const [a] = kernel.cells();
    expect(a.outputs[0]).toEqual({ type: 'error', message });
    expect(kernel.cells().some((c) => c.status === 'running')).toBe(false);
  });
});
