import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { codeCell, declaredWrites, mentionedIdentifiers, displayOutput } from '../../src/cells/code.ts';
import { testContext } from '../helpers/context.ts';

const run = (code: string, values = {}) => {
  const ctx = testContext(values);
  return { ctx, done: codeCell.run(codeCell.schema.parse({ code }), ctx) };
};

describe('code cell', () => {
  it('finds set() writes with literal names only', () => {
    expect(declaredWrites("set('a', 1); set(\"b\", 2); set(`c`, 3); set(name, 4); reset('d', 5)")).toEqual(['a', 'b', 'c']);
  });

  it('finds mentioned identifiers, ignoring strings, comments and properties', () => {
    const ids = mentionedIdentifiers("// uses old\nconst x = train.numRows() + values.model + tables['test'];\nconst s = 'valid';");
    expect(ids).toEqual(expect.arrayContaining(['x', 'train', 'model', 'test']));
    expect(ids).not.toContain('old');
    expect(ids).not.toContain('valid');
    expect(ids).not.toContain('numRows');
  });

  it('has tables, aq, tf, display and earlier values in scope', async () => {
    const t = aq.table({ a: [1, 2, 3] });
    const { ctx, done } = run(
      "display(tables.data.numRows());\nconst sum = data.rollup({ s: aq.op.sum('a') }).get('s', 0);\nconst tensor = tf.tensor1d([1, 2]);\nconst n = tensor.sum().arraySync();\ntensor.dispose();\nset('total', sum + n);\nreturn data.derive({ b: d => d.a * 2 });",
      { data: { type: 'table', table: t } },
    );
    const outputs = await done;
    expect(ctx.emitted).toEqual([{ type: 'text', text: '3' }]);
    expect(ctx.values.get('total')).toEqual({ type: 'object', value: 9 });
    expect(outputs[0]).toMatchObject({ type: 'table', rowCount: 3, columns: [{ name: 'a' }, { name: 'b' }] });
  });

  it('stores tables set() from code as tables', async () => {
    const { ctx, done } = run("set('t', aq.table({ x: [1] }));");
    await done;
    expect(ctx.values.get('t')?.type).toBe('table');
  });

  it('shows objects as JSON, figures as figures', () => {
    expect(displayOutput({ a: [1, 2] })).toEqual({ type: 'json', value: { a: [1, 2] } });
    expect(displayOutput({ data: [{ type: 'bar', x: [1], y: [2] }], layout: { title: 't' } })).toMatchObject({ type: 'figure' });
    expect(displayOutput(undefined)).toEqual({ type: 'text', text: 'undefined' });
  });

  it('sees the abort signal', async () => {
    const { ctx, done } = run('while (!signal.aborted) await new Promise((r) => setTimeout(r, 1)); return "stopped";');
    setTimeout(() => ctx.controller.abort(), 20);
    expect(await done).toEqual([{ type: 'text', text: 'stopped' }]);
  });

  it('runs again after it wrote a value it also declares (course notebooks declare `const sessions` and set("sessions")): the declaration shadows the earlier value', async () => {
    const code = "const sessions = aq.table({ id: [1, 2] });\nset('sessions', sessions);\nreturn sessions.numRows();";
    const first = run(code);
    expect(await first.done).toEqual([{ type: 'text', text: '2' }]);
    // The second run sees "sessions" as an earlier value (its own, from the first run).
    const again = run(code, { sessions: first.ctx.values.get('sessions') });
    expect(await again.done).toEqual([{ type: 'text', text: '2' }]);
    // An earlier value of another cell is still in scope when the code does not declare it.
    expect(await run('return sessions.numRows() + 1;', { sessions: first.ctx.values.get('sessions') }).done).toEqual([{ type: 'text', text: '3' }]);
  });

  it('reports a syntax error as a cell error with a hint', async () => {
    await expect(run('const = 3').done).rejects.toMatchObject({ name: 'CellError', where: 'code' });
  });
});

describe('code cell values', () => {
  it('keeps a model stored with set() a model', async () => {
    const model = { modelType: 'fake', task: 'classification', target: 'y', features: [], predict: async () => ({ predictions: [] }), describe: () => ({}), dispose: () => undefined };
    const ctx = testContext({ m: { type: 'object', value: model } });
    await codeCell.run(codeCell.schema.parse({ code: "set('best', values.m);" }), ctx);
    expect(ctx.values.get('best')?.type).toBe('model');
  });
});

describe('code cell metrics values', () => {
  it('stores a record of numbers as metrics, other objects as objects', async () => {
    const ctx = testContext();
    await codeCell.run(codeCell.schema.parse({ code: "set('m', { auc: 0.8, accuracy: 0.9 }); set('o', { a: 'x' }); set('e', {});" }), ctx);
    expect(ctx.values.get('m')).toEqual({ type: 'metrics', metrics: { auc: 0.8, accuracy: 0.9 } });
    expect(ctx.values.get('o')?.type).toBe('object');
    expect(ctx.values.get('e')?.type).toBe('object');
  });
});
