// The Python export's building blocks: the helpers reproduce the workbench's
// seeded generator and splits exactly, the expression translator, and the
// shape of an exported notebook (markdown kept, TODO cells explicit, valid
// nbformat 4.5).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { seededRandom, shuffledIndices } from '../../src/core/random.ts';
import { groupSplit, randomSplit, stratifiedSplit, timeSplit } from '../../src/data/split.ts';
import { translateExpression, UnsupportedExpression } from '../../src/export/python/jsexpr.ts';
import { exportPython, toIpynb, toScript } from '../../src/export/python/index.ts';
import { twinMissingWrites, twinValueKinds } from '../../src/export/python/codecell.ts';
import { NotebookBuilder } from '../../notebooks/source/builder.ts';
import { chooseThreshold, type ThresholdRule } from '../../src/ml/metrics/threshold.ts';
import { PYTHON, pythonMissing, runWithHelpers } from './helpers.ts';

const missing = pythonMissing(['numpy', 'pandas', 'sklearn']);

describe.skipIf(missing !== undefined)(`the Python helpers match the workbench${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('mulberry32 gives the same numbers and shuffles for any seed', () => {
    const seeds = [0, 1, 42, 2027, -7, 4294967295];
    const py = runWithHelpers(`print(json.dumps([[[r() for _ in range(50)] for r in [mulberry32(s)]][0] + shuffled_indices(97, mulberry32(s)) for s in ${JSON.stringify(seeds)}]))`) as number[][];
    seeds.forEach((seed, i) => {
      const r = seededRandom(seed);
      const xs = Array.from({ length: 50 }, () => r());
      expect(py[i]).toEqual([...xs, ...Array.from(shuffledIndices(97, seededRandom(seed)))]);
    });
  });

  it("choose_threshold picks the evaluate cell's threshold under every rule, ties included", () => {
    const r = seededRandom(11);
    // Scores on a 0.05 grid, so many rows tie; the positive class more likely at high scores.
    const scores = Array.from({ length: 301 }, () => Math.round(r() * 20) / 20);
    const labels = scores.map((sc) => (r() < 0.2 + 0.6 * sc ? 'yes' : 'no'));
    const rules: ThresholdRule[] = ['f1', 'acc_macro_f1', 'youden'];
    const py = runWithHelpers(`print(json.dumps([choose_threshold(${JSON.stringify(labels)}, ${JSON.stringify(scores)}, 'yes', rule) for rule in ${JSON.stringify(rules)}]))`) as number[];
    const positive = labels.map((l) => l === 'yes');
    expect(py).toEqual(rules.map((rule) => chooseThreshold(positive, scores, rule).threshold));
    // The rules disagree on this data, so each one is checked, not one answer three times.
    expect(new Set(py).size).toBeGreaterThan(1);
  });

  it('random, stratified, group and time splits give the same rows', () => {
    const r = seededRandom(5);
    const n = 503;
    const labels = Array.from({ length: n }, () => (r() < 0.1 ? null : ['a', 'b', 'c', 'd'][Math.floor(r() * r() * 4)]));
    const groups = Array.from({ length: n }, () => `s${Math.floor(r() * 60)}`);
    const times = Array.from({ length: n }, (_, i) => (i % 17 === 0 ? null : `2024-01-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`));
    const frame = `df = pd.DataFrame({'y': ${JSON.stringify(labels).replace(/null/g, 'None')}, 'g': ${JSON.stringify(groups)}, 't': ${JSON.stringify(times).replace(/null/g, 'None')}})`;
    for (const f of [{ train: 0.7, validation: 0.15, test: 0.15 }, { train: 0.8, validation: 0, test: 0.2 }, { train: 0.6, validation: 0.25, test: 0.15 }]) {
      const fr = `(${f.train}, ${f.validation}, ${f.test})`;
      const py = runWithHelpers(`${frame}
print(json.dumps({
  'random': split_rows(df, 'random', ${fr}, seed=11),
  'stratified': split_rows(df, 'stratified', ${fr}, seed=42, target='y'),
  'group': split_rows(df, 'group', ${fr}, seed=3, group='g'),
  'time': split_rows(df, 'time', ${fr}, seed=0, time='t'),
  'last': split_rows(df, 'time', ${fr}, seed=0, time='t', last_days=5),
}))`) as Record<string, number[][]>;
      const asList = (s: { train: number[]; validation: number[]; test: number[] }) => [s.train, s.validation, s.test];
      const dates = times.map((t) => (t === null ? null : new Date(`${t}T00:00:00Z`)));
      expect(py.random).toEqual(asList(randomSplit(n, f, 11)));
      expect(py.stratified).toEqual(asList(stratifiedSplit(labels, f, 42)));
      expect(py.group).toEqual(asList(groupSplit(groups, f, 3)));
      expect(py.time).toEqual(asList(timeSplit(dates, f)));
      expect(py.last).toEqual(asList(timeSplit(dates, f, { lastDays: 5 })));
    }
  });
});

describe('Arquero expressions → pandas', () => {
  it('translates the course notebooks\' expressions', () => {
    expect(translateExpression("d => d.pdays === 999 ? 1 : 0")).toBe('np.where((df["pdays"] == 999), 1, 0)');
    expect(translateExpression("d => (d.job === 'student' || d.job === 'retired') ? 1 : 0")).toBe('np.where(((df["job"] == "student") | (df["job"] == "retired")), 1, 0)');
    expect(translateExpression("d => op.replace(d.job, /\\./g, '_')")).toBe('df["job"].str.replace("\\\\.", "_", regex=True)');
    expect(translateExpression('d => (d.Date_weekday + 3) % 7')).toBe('np.fmod((df["Date_weekday"] + 3), 7)');
    expect(translateExpression('d => d.a * 2 + d["b c"] / -d.c', 't')).toBe('((t["a"] * 2) + (t["b c"] / (-t["c"])))');
    expect(translateExpression('d => !op.is_finite(d.x) && d.page_depth < d.n_events')).toBe('(~(np.isfinite(pd.to_numeric(df["x"], errors=\'coerce\'))) & (df["page_depth"] < df["n_events"]))');
  });

  it('refuses what it does not understand, with the reason', () => {
    expect(() => translateExpression('d => op.mean(d.x)')).toThrow(UnsupportedExpression);
    expect(() => translateExpression('d => d.x.foo()')).toThrow(/unexpected text/);
    expect(() => translateExpression('x + 1')).toThrow(/d => \.\.\./);
  });
});

describe('an exported notebook', () => {
  // A small notebook of its own (the course notebooks change): translated
  // cells, a JavaScript code cell, a compare cell, and cells that need their values.
  const doc = new NotebookBuilder('Export shape')
    .md('# Title\n\nSome *markdown*.')
    .cell('load', { source: { type: 'dataset', name: 'bank-marketing' }, output: 'bank' })
    .cell('split', { input: 'bank', method: 'stratified', target: 'y', train: 0.7, validation: 0.2, test: 0.1, seed: 42, outputs: { train: 'train', validation: 'valid', test: 'test' } })
    .md('## Prepare')
    .cell('transform', { input: 'train', output: 'train_x', steps: [{ op: 'onehot', columns: ['job'] }], applyTo: [{ input: 'valid', output: 'valid_x' }, { input: 'test', output: 'test_x' }], transform: 'prep' })
    .cell('train', { input: 'train_x', target: 'y', model: 'gbdt', gbdt: { rounds: 5 }, seed: 42, output: 'conservative' })
    .cell('train', { input: 'train_x', target: 'y', model: 'gbdt', gbdt: { rounds: 9 }, seed: 42, output: 'aggressive' })
    .cell('compare', { modelA: 'conservative', modelB: 'aggressive', input: 'test_x' })
    .code("set('best', conservative);\nreturn 'picked';")
    .cell('evaluate', { model: 'best', input: 'test_x', output: 'best_metrics' })
    .cell('register', { model: 'best', name: 'm', metrics: 'best_metrics' })
    .build();
  const exported = exportPython(doc);

  it('keeps every markdown cell and says which cells were not translated, and why', () => {
    const markdown = doc.cells.filter((c) => c.kind === 'markdown').map((c) => c.jupyter.source);
    const kept = exported.cells.filter((c) => c.type === 'markdown').map((c) => c.source);
    for (const text of markdown) expect(kept).toContain(text);
    expect(exported.todos.map((t) => t.kind)).toEqual(['code', 'evaluate', 'register']);
    // The compare cell becomes the workbench's bootstrap in Python.
    expect(exported.cells.filter((c) => c.from?.startsWith('compare')).map((c) => c.source).join('\n')).toMatch(/= compare_models\(/);
    // A JavaScript code cell: its code shown in a markdown cell, then a TODO cell saying what it read and made.
    const [shown, todo] = exported.cells.filter((c) => c.from === 'code-1');
    expect(shown.type).toBe('markdown');
    expect(shown.source).toContain("```javascript\nset('best', conservative);\nreturn 'picked';\n```");
    expect(todo.todo).toBe(true);
    expect(todo.source).toContain('# TODO: not exported to Python: a JavaScript code cell (shown above)');
    expect(todo.source).toContain('# It read: conservative.');
    expect(todo.source).toContain('# It made: best (with set');
    expect(todo.source).toContain('# It showed a result');
    // Every workbench cell has its Python (or TODO) cells, in order.
    const from = exported.cells.map((c) => c.from).filter((f, i, all): f is string => f !== undefined && f !== all[i - 1]);
    expect(from).toEqual(doc.cells.map((c) => c.id));
    expect(exported.files).toEqual(['datasets/bank-marketing.csv']);
  });

  it("a code cell with its author's Python twin exports that Python, and the cells below that need its values are translated", () => {
    const twin = (python: string) => ({ ...doc, cells: doc.cells.map((c) => (c.kind === 'code' ? { ...c, params: { ...c.params, python } } : c)) });
    const withTwin = exportPython(twin("# pick the conservative model\nbest = conservative\nprint('picked')"));
    expect(withTwin.todos.map((t) => t.kind)).toEqual(['register']);
    const [cell] = withTwin.cells.filter((c) => c.from === 'code-1');
    expect(cell.todo).toBeUndefined();
    expect(cell.source).toContain("# The notebook author's Python for this JavaScript cell.\n# pick the conservative model\nbest = conservative");
    // What each value holds: a table unless the twin says otherwise.
    expect([...twinValueKinds('best = conservative\n# value best: model', ['best', 'other'])]).toEqual([['best', 'model'], ['other', 'table']]);
    expect(twinMissingWrites('a, (b, c) = f()\nfor d in x: pass\ndef e(): pass\nif f == 1: pass', ['a', 'b', 'c', 'd', 'e', 'f'])).toEqual(['f']);
    // A twin that never makes what the JavaScript sets is a TODO that says which name is missing.
    const wrong = exportPython(twin("chosen = conservative\nprint(best == 1)"));
    expect(wrong.todos.find((t) => t.cell === 'code-1')?.reason).toBe('its Python twin does not make "best", which the JavaScript sets');
    expect(wrong.todos.map((t) => t.kind)).toEqual(['code', 'evaluate', 'register']);
  });

  it("a twin reports the values it made, keeps a final expression last, and waits for values a TODO cell makes", () => {
    const twin = (python: string) => ({ ...doc, cells: doc.cells.map((c) => (c.kind === 'code' ? { ...c, params: { ...c.params, python } } : c)) });
    const [cell] = exportPython(twin('best = conservative\nbest')).cells.filter((c) => c.from === 'code-1');
    expect(cell.source.split('\n').slice(-3)).toEqual(['best = conservative', 'report_value("code-1", "best", best)', 'best']);
    // A model is not reported (report_value would pass over it anyway).
    const [model] = exportPython(twin('# value best: model\nbest = conservative')).cells.filter((c) => c.from === 'code-1');
    expect(model.source).not.toContain('report_value');
    // The twin reads "picked", which a JavaScript cell without a twin makes: a TODO that says so.
    const chained = new NotebookBuilder('Twins in a row')
      .cell('load', { source: { type: 'dataset', name: 'bank-marketing' }, output: 'bank' })
      .code("set('picked', bank.slice(0, 5));")
      .code("set('ages', picked.select('age'));", undefined, "ages = picked[['age']]")
      .build();
    expect(exportPython(chained).todos.map((t) => [t.cell, t.reason])).toEqual([
      ['code-1', 'a JavaScript code cell (shown above); translate it by hand.'],
      ['code-2', 'it needs "picked", which an earlier cell that is not exported makes'],
    ]);
  });

  it('a cell whose inputs come from a TODO cell is a TODO too', () => {
    expect(exported.todos.find((t) => t.cell === 'evaluate-1')?.reason).toMatch(/needs "best", which an earlier cell that is not exported makes/);
    const blocked = exportPython({ ...doc, cells: doc.cells.filter((c) => c.kind !== 'split') });
    expect(blocked.todos.find((t) => t.cell === 'transform-1')?.reason).toMatch(/needs "train"/);
    expect(blocked.todos.find((t) => t.cell === 'train-1')?.reason).toMatch(/needs "train_x"/);
  });

  it.skipIf(pythonMissing(['nbformat']) !== undefined)('is valid nbformat 4.5 with a python3 kernel, and the script form compiles', () => {
    const ipynb = toIpynb(doc, exported);
    const nb = JSON.parse(ipynb);
    expect(nb.nbformat).toBe(4);
    expect(nb.nbformat_minor).toBe(5);
    expect(nb.metadata.kernelspec.name).toBe('python3');
    const check = spawnSync(PYTHON, ['-c', 'import sys, nbformat; nbformat.validate(nbformat.reads(sys.stdin.read(), as_version=4)); print("ok")'], { input: ipynb, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.stdout.trim()).toBe('ok');
    const script = toScript(doc, exported);
    const compiled = spawnSync(PYTHON, ['-c', 'import sys; compile(sys.stdin.read(), "export.py", "exec"); print("ok")'], { input: script, encoding: 'utf8' });
    expect(compiled.stderr).toBe('');
    expect(compiled.stdout.trim()).toBe('ok');
  });
});
