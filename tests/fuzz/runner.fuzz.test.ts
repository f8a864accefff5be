// The headless runner on hostile notebooks and CSVs (issue 14): generated
// notebooks (thrown values of every kind, floating rejections, never-settling
// promises, syntax errors, huge strings, random params, malformed saved
// outputs, corrupt files) and generated CSVs (stray quotes, delimiters, line
// ends, long quote runs) go through `run-all` in one process, as a grader
// runs a folder. The runner answers for every notebook: a summary line each,
// exit code 0, 1 or 2, no stack trace, no internal error. No case may take
// over 60 s: that bound is the runner's own `--timeout 60`, not a clock here.
// CI: 200 notebooks and 200 CSVs with a fixed seed; `npm run fuzz`: 5,000 each.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { fuzzOptions } from './settings.ts';

const { numRuns, seed } = fuzzOptions(200);
const STACK = /\n\s+at |\.ts:\d+:\d+|internal error/;

const SNIPPETS = [
  'return 1;', 'throw 42;', 'throw Object.create(null);', 'throw null;', 'throw undefined;', "throw 'plain text';", 'throw Symbol("s");',
  'throw new Proxy({}, { get() { throw 1; }, getPrototypeOf() { throw 2; }, ownKeys() { throw 3; } });',
  "const e = new Error('x'); Object.defineProperty(e, 'message', { get() { throw 1; } }); throw e;",
  "set('t', aq.table({ x: [1, 2, 3], y: ['a', 'b', null] }));", 'return t.numRows();', 'display(undefined); display(null); display(Symbol("q"));',
  'return { a: { b: [1, { c: 2n }] } };', "return 'x'.repeat(100000);", 'Promise.reject(5); return 1;', 'setTimeout(() => { throw 1; }, 0); return 2;',
  'return Symbol("s");', 'const o = {}; o.o = o; return o;', 'const o = {}; o.o = o; display({ data: [o], layout: o });', 'return { data: [{ x: [1], y: [2], name: () => 1 }] };',
  'await new Promise((r) => setTimeout(r, 5)); return "later";', 'return tf.tensor([1, 2, 3]).sum().dataSync()[0];', 'return values;', 'return [1, 2, 3].map((x) => x * 2);',
  'let a = 0; for (let i = 0; i < 1e6; i++) a += i; return a;', 'throw new RangeError("Invalid array length");', 'return new Date(NaN);', 'return -0;',
];
/** Rare, because each one costs a fresh kernel thread: a cell the runner must stop or report. */
const RARE = ['await new Promise(() => {});', 'process.exit(7);'];

const codeSource = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom(...SNIPPETS) },
  { weight: 3, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom(...RARE) },
);

const KINDS = ['load', 'visualize', 'eda', 'transform', 'split', 'train', 'evaluate', 'predict', 'register', 'compare', 'join', 'select', 'timeseries', 'drift', 'explain'];
const jsonish = fc.jsonValue({ maxDepth: 3 });
const savedOutput = fc.record({
  type: fc.constantFrom('table', 'figure', 'metrics', 'text', 'json', 'error', 'profile', 'training', 'markdown', 'confusion', 'nonsense'),
  columns: jsonish, rows: jsonish, spec: jsonish, text: jsonish, metrics: jsonish, message: jsonish, value: jsonish,
}, { requiredKeys: ['type'] }).map((payload) => ({ output_type: 'display_data', metadata: {}, data: { 'application/vnd.ml-workbench.output+json': payload } }));

const codeCell = fc.record({ id: fc.uuid(), source: codeSource, outputs: fc.array(savedOutput, { maxLength: 2 }) })
  .map(({ id, source, outputs }) => ({ cell_type: 'code', id, metadata: { workbench: { kind: 'code', params: {} } }, source, outputs, execution_count: null }));
const typedCell = fc.record({ id: fc.uuid(), kind: fc.constantFrom(...KINDS), params: fc.oneof(fc.constant({}), fc.dictionary(fc.constantFrom('input', 'output', 'source', 'x', 'y', 'model', 'chart', 'target'), jsonish, { maxKeys: 3 })) })
  .map(({ id, kind, params }) => ({ cell_type: 'code', id, metadata: { workbench: { kind, params } }, source: '', outputs: [], execution_count: null }));
const loadPenguins = fc.uuid().map((id) => ({ cell_type: 'code', id, metadata: { workbench: { kind: 'load', params: { source: { type: 'dataset', name: 'penguins' }, output: 't' } } }, source: '', outputs: [], execution_count: null }));
const markdownCell = fc.record({ id: fc.uuid(), text: fc.string({ maxLength: 80 }) }).map(({ id, text }) => ({ cell_type: 'markdown', id, metadata: {}, source: text }));

const notebookText = fc.oneof(
  { weight: 12, arbitrary: fc.array(fc.oneof({ weight: 6, arbitrary: codeCell }, { weight: 2, arbitrary: typedCell }, { weight: 1, arbitrary: loadPenguins }, { weight: 1, arbitrary: markdownCell }), { minLength: 1, maxLength: 6 })
    .map((cells) => JSON.stringify({ cells, metadata: { title: 'fuzz', workbench: { formatVersion: 1 } }, nbformat: 4, nbformat_minor: 5 })) },
  // Corrupt files: cut short, not JSON, JSON that is no notebook.
  { weight: 1, arbitrary: fc.tuple(codeCell, fc.nat(200)).map(([c, n]) => JSON.stringify({ cells: [c], metadata: {}, nbformat: 4, nbformat_minor: 5 }).slice(0, n)) },
  { weight: 1, arbitrary: jsonish.map((v) => JSON.stringify(v)) },
);

const csvChar = fc.constantFrom('a', '1', '2.5', ',', ';', '\t', '|', '"', '""', '\n', '\r\n', '\r', ' ', 'é', '\ufeff', 'NA', '2024-01-02');
const csvText = fc.oneof(
  { weight: 10, arbitrary: fc.array(csvChar, { maxLength: 300 }).map((parts) => parts.join('')) },
  // Pathological fields: long runs of quotes (odd and even), a long quoted field full of doubled quotes and line breaks.
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 200_000 }).map((n) => `a,b\n${'"'.repeat(n)}\n`) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 50_000 }).map((n) => `a,b\n1,"${'x""\n'.repeat(n)}`) },
);

describe('runner fuzzing', () => {
  it(`answers for ${numRuns} generated notebooks and ${numRuns} generated CSVs: exit 0/1/2, one summary line each, no stack trace`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlwb-fuzz-'));
    const notebooks = fc.sample(notebookText, seed === undefined ? { numRuns } : { numRuns, seed });
    const csvs = fc.sample(csvText, seed === undefined ? { numRuns } : { numRuns, seed: seed + 1 });
    notebooks.forEach((text, i) => writeFileSync(join(dir, `nb${String(i).padStart(5, '0')}.ipynb`), text));
    csvs.forEach((text, i) => {
      const file = `data${i}.csv`;
      writeFileSync(join(dir, file), text);
      const load = { cell_type: 'code', id: 'load', metadata: { workbench: { kind: 'load', params: { source: { type: 'file', fileId: file, fileName: file }, output: 'd' } } }, source: '', outputs: [], execution_count: null };
      const look = { cell_type: 'code', id: 'look', metadata: { workbench: { kind: 'code', params: {} } }, source: 'return d.numRows();', outputs: [], execution_count: null };
      writeFileSync(join(dir, `csv${String(i).padStart(5, '0')}.ipynb`), JSON.stringify({ cells: [load, look], metadata: { title: 'csv', workbench: { formatVersion: 1 } }, nbformat: 4, nbformat_minor: 5 }));
    });
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['run-all', dir, '--timeout', '60', '--quiet'], (s) => out.push(s), (s) => err.push(s));
    const all = [...out, ...err].join('\n');
    expect([0, 1, 2]).toContain(code);
    expect(all).not.toMatch(STACK);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ipynb'));
    expect(files).toHaveLength(2 * numRuns);
    const summary = out.flatMap((l) => l.split('\n')).filter((l) => /^(ok {4}|FAILED|BAD {3}) /.test(l));
    // FUZZ_DEBUG=<file> keeps what the runner printed, to read a failure.
    if (process.env.FUZZ_DEBUG) writeFileSync(process.env.FUZZ_DEBUG, JSON.stringify({ dir, code, out, err }, null, 1));
    expect(summary).toHaveLength(files.length);
    for (const f of files) expect(summary.some((l) => l.includes(f)), f).toBe(true);

    // Some notebooks one by one with both report writers (malformed saved outputs reach the HTML report).
    for (const f of files.filter((name) => name.startsWith('nb')).slice(0, Math.max(3, Math.round(numRuns / 50)))) {
      const one: string[] = [];
      const oneCode = await main(['run', join(dir, f), '--timeout', '60', '--quiet', '--json', join(dir, `${f}.json`), '--html', join(dir, `${f}.html`)], (s) => one.push(s), (s) => one.push(s));
      expect([0, 1, 2], f).toContain(oneCode);
      expect(one.join('\n'), f).not.toMatch(STACK);
    }
  }, 60_000 + numRuns * 1_000);
});
