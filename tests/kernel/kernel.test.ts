import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Kernel, type CellRegistry } from '../../src/kernel/kernel.ts';
import { defineCell, type CellKindDef } from '../../src/cells/types.ts';
import { CellError, checkAborted } from '../../src/core/errors.ts';
import { noHostServices } from '../../src/core/host.ts';
import type { NotebookCell } from '../../src/notebook/model.ts';
import type { KernelEvent } from '../../src/kernel/state.ts';
import { markdownCell } from '../../src/cells/markdown.ts';
import { codeCell } from '../../src/cells/code.ts';

const runs: string[] = [];

// "num": writes `out` = a number (value of `n`), optionally reading `input` and adding it.
const numCell = defineCell({
  kind: 'num',
  label: 'Number',
  description: 'test cell',
  schema: z.object({ n: z.number().default(1), input: z.string().default(''), output: z.string().default('x'), fail: z.boolean().default(false) }),
  runnable: true,
  reads: (p) => (p.input ? [p.input] : []),
  writes: (p) => [p.output],
  render: (p) => `// num ${p.n}`,
  async run(p, ctx) {
    runs.push(p.output);
    if (p.fail) throw new CellError('Planned failure.', { where: 'params.fail', hint: 'Untick fail.' });
    const base = p.input ? (ctx.require(p.input, 'object').value as number) : 0;
    ctx.set(p.output, { type: 'object', value: base + p.n });
    return [{ type: 'text', text: String(base + p.n) }];
  },
});

// "slow": loops until aborted, reporting progress.
const slowCell = defineCell({
  kind: 'slow',
  label: 'Slow',
  description: 'test cell',
  schema: z.object({}),
  runnable: true,
  reads: () => [],
  writes: () => [],
  render: () => '// slow',
  async run(_p, ctx) {
    for (let i = 0; ; i++) {
      ctx.progress({ phase: 'train', epoch: i, fraction: 0.5 });
      await new Promise((r) => setTimeout(r, 5));
      checkAborted(ctx.signal);
    }
  },
});

const registry: CellRegistry = new Map<string, CellKindDef>(
  ([numCell, slowCell, markdownCell, codeCell] as unknown as CellKindDef[]).map((d) => [d.kind, d]),
);

function cell(id: string, kind: string, params: Record<string, unknown> = {}): NotebookCell {
  return { id, kind, params, outputs: [], jupyter: { cellType: kind === 'markdown' ? 'markdown' : 'code', metadata: {}, source: '' } };
}

function chain(): NotebookCell[] {
  return [
    cell('intro', 'markdown', { text: '# hi' }),
    cell('a', 'num', { n: 1, output: 'a' }),
    cell('b', 'num', { n: 10, input: 'a', output: 'b' }),
    cell('c', 'num', { n: 100, input: 'b', output: 'c' }),
    cell('other', 'num', { n: 5, output: 'other' }),
  ];
}

function statuses(k: Kernel): Record<string, string> {
  return Object.fromEntries(k.cells().map((c) => [c.id, c.status]));
}

describe('kernel', () => {
  it('runs all cells in order over named values', async () => {
    const k = new Kernel(registry, noHostServices);
    k.setCells(chain());
    runs.length = 0;
    await k.runAll();
    expect(runs).toEqual(['a', 'b', 'c', 'other']);
    expect(k.getValue('c')).toEqual({ type: 'object', value: 111 });
    expect(statuses(k)).toEqual({ intro: 'idle', a: 'done', b: 'done', c: 'done', other: 'done' });
    expect(k.cellState('c')!.outputs).toEqual([{ type: 'text', text: '111' }]);
    expect(k.cellState('c')!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('marks downstream cells stale when a cell re-runs or its params change, and only those', async () => {
    const k = new Kernel(registry, noHostServices);
    const cells = chain();
    k.setCells(cells);
    await k.runAll();
    await k.runCell('a');
    expect(statuses(k)).toMatchObject({ a: 'done', b: 'stale', c: 'stale', other: 'done' });
    expect(k.cellState('c')!.staleReason).toContain('cell 2');
    await k.runAll();
    const edited = cells.map((c) => (c.id === 'b' ? { ...c, params: { ...c.params, n: 20 } } : c));
    k.setCells(edited);
    expect(statuses(k)).toMatchObject({ a: 'done', b: 'stale', c: 'stale', other: 'done' });
    expect(k.cellState('b')!.staleReason).toBe('its parameters changed');
    await k.runTo('c');
    expect(k.getValue('c')).toEqual({ type: 'object', value: 121 });
  });

  it('tells the student which cell to run first when a value is missing', async () => {
    const k = new Kernel(registry, noHostServices);
    k.setCells(chain());
    const r = await k.runCell('c');
    expect(r.status).toBe('error');
    const err = k.cellState('c')!.outputs[0];
    expect(err).toMatchObject({ type: 'error', message: expect.stringContaining('"b"'), hint: expect.stringContaining('Run cell 3') });
  });

  it('stops run-all at the first error by default, and keeps going with continueOnError', async () => {
    const cells = chain();
    cells[2] = cell('b', 'num', { n: 10, input: 'a', output: 'b', fail: true });
    const k = new Kernel(registry, noHostServices);
    k.setCells(cells);
    runs.length = 0;
    const results = await k.runAll();
    expect(results.map((r) => r.status)).toEqual(['done', 'error']);
    expect(statuses(k)).toMatchObject({ c: 'idle', other: 'idle' });
    expect(k.cellState('b')!.outputs[0]).toEqual({ type: 'error', message: 'Planned failure.', where: 'params.fail', hint: 'Untick fail.' });

    const k2 = new Kernel(registry, noHostServices);
    k2.setCells(cells);
    const all = await k2.runAll({ continueOnError: true });
    expect(all.map((r) => [r.cellId, r.status])).toEqual([['a', 'done'], ['b', 'error'], ['c', 'error'], ['other', 'done']]);
    expect(k2.cellState('c')!.outputs[0]).toMatchObject({ message: expect.stringContaining('Skipped'), hint: expect.stringContaining('Fix cell 3') });
  });

  it('steps through with runNext, skipping markdown', async () => {
    const k = new Kernel(registry, noHostServices);
    k.setCells(chain());
    expect((await k.runNext())!.cellId).toBe('a');
    expect((await k.runNext())!.cellId).toBe('b');
    expect(statuses(k)).toMatchObject({ a: 'done', b: 'done', c: 'idle' });
    await k.runNext();
    await k.runNext();
    expect(await k.runNext()).toBeUndefined();
  });

  it('reports invalid params with the parameter path', async () => {
    const k = new Kernel(registry, noHostServices);
    k.setCells([cell('bad', 'num', { n: 'seven' })]);
    await k.runAll();
    expect(k.cellState('bad')!.outputs[0]).toMatchObject({ type: 'error', where: 'params.n', message: expect.stringContaining('params.n') });
  });

  it('cancels a running cell and drops queued ones', async () => {
    const k = new Kernel(registry, noHostServices);
    k.setCells([cell('a', 'num', { output: 'a' }), cell('s', 'slow'), cell('after', 'num', { output: 'z' })]);
    const events: KernelEvent[] = [];
    k.on((e) => events.push(e));
    const done = k.runAll();
    await new Promise((r) => setTimeout(r, 60));
    expect(k.cellState('s')!.status).toBe('running');
    expect(k.cellState('after')!.status).toBe('queued');
    k.cancel();
    const results = await done;
    expect(results.map((r) => r.status)).toEqual(['done', 'cancelled']);
    expect(k.cellState('s')!.outputs).toEqual([{ type: 'error', message: 'Stopped by user.', code: 'cell.stopped', params: {} }]);
    expect(k.cellState('after')!.status).toBe('idle');
    expect(events.some((e) => e.type === 'progress' && e.cellId === 's' && e.progress.phase === 'train')).toBe(true);
    // The kernel is usable after a cancel.
    expect((await k.runCell('after')).status).toBe('done');
  });

  it('restart forgets values and resets statuses', async () => {
    const k = new Kernel(registry, noHostServices);
    k.setCells(chain());
    await k.runAll();
    await k.restart();
    expect(k.valueSummaries()).toEqual([]);
    expect(statuses(k)).toMatchObject({ a: 'idle', c: 'idle' });
  });

  it('restart reports only what changes: no event for idle cells, no values event when there were none', async () => {
    const k = new Kernel(registry, noHostServices);
    k.setCells(chain());
    const events: KernelEvent[] = [];
    k.on((e) => events.push(e));
    await k.restart();
    expect(events).toEqual([]);
    await k.runCell('a');
    events.length = 0;
    await k.restart();
    expect(events).toEqual([
      { type: 'status', cellId: 'a', status: 'idle', durationMs: expect.any(Number), staleReason: undefined },
      { type: 'values', values: [] },
    ]);
    expect(statuses(k)).toMatchObject({ a: 'idle', c: 'idle' });
  });

  it('runs code cells with earlier values in scope and tracks set() as writes', async () => {
    const k = new Kernel(registry, noHostServices);
    k.setCells([
      cell('a', 'num', { n: 2, output: 'a' }),
      cell('js', 'code', { code: "const doubled = a * 2;\nset('d', doubled);\ndisplay('hello');\nreturn { doubled };" }),
      cell('js2', 'code', { code: 'return d + 1;' }),
    ]);
    await k.runAll();
    expect(k.cellState('js')!.writes).toEqual(['d']);
    expect(k.cellState('js')!.outputs).toEqual([{ type: 'text', text: 'hello' }, { type: 'json', value: { doubled: 4 } }]);
    expect(k.cellState('js2')!.outputs).toEqual([{ type: 'text', text: '5' }]);
    await k.runCell('a');
    expect(statuses(k)).toMatchObject({ js: 'stale', js2: 'stale' });
  });

  it('reports a syntax error in a code cell', async () => {
    const k = new Kernel(registry, noHostServices);
    k.setCells([cell('js', 'code', { code: 'return (1 + ;' })]);
    await k.runAll();
    expect(k.cellState('js')!.outputs[0]).toMatchObject({ type: 'error', where: 'code', message: expect.stringContaining('does not parse') });
  });
});

describe('kernel: a failed re-run', () => {
  it('keeps the previous outputs and value after the error', async () => {
    const k = new Kernel(registry, noHostServices);
    const cells = [cell('a', 'num', { n: 1, output: 'a' })];
    k.setCells(cells);
    await k.runAll();
    k.setCells([cell('a', 'num', { n: 2, output: 'a', fail: true })]);
    await k.runAll();
    expect(k.cellState('a')!.status).toBe('error');
    expect(k.cellState('a')!.outputs).toEqual([{ type: 'error', message: 'Planned failure.', where: 'params.fail', hint: 'Untick fail.' }, { type: 'text', text: '1' }]);
    expect(k.getValue('a')).toEqual({ type: 'object', value: 1 });
  });
});
