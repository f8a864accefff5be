// The runner always answers (issue 14): a per-cell timeout that also stops a
// synchronous infinite loop, a never-settling promise, any thrown value, a
// cell that ends the thread, a malformed saved output, pathological CSV
// fields, files outside the notebook's folder. Each case: the exit code, the
// one line that says what and where, and never a stack trace.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, EXIT_BAD_INPUT, EXIT_CELL_FAILED } from '../../src/cli/main.ts';

const dir = mkdtempSync(join(tmpdir(), 'mlwb-bounds-'));
const STACK = /\n\s+at |\.ts:\d+:\d+/;

function notebook(cells: object[]): string {
  return JSON.stringify({ cells, metadata: { title: 'bounds', workbench: { formatVersion: 1 } }, nbformat: 4, nbformat_minor: 5 });
}
function code(id: string, src: string, outputs: object[] = []) {
  return { cell_type: 'code', id, metadata: { workbench: { kind: 'code', params: {} } }, source: src, outputs, execution_count: null };
}
function load(id: string, file: string) {
  return { cell_type: 'code', id, metadata: { workbench: { kind: 'load', params: { source: { type: 'file', fileId: file, fileName: file }, output: id } } }, source: '', outputs: [], execution_count: null };
}
function write(name: string, cells: object[]): string {
  const path = join(dir, name);
  writeFileSync(path, notebook(cells));
  return path;
}
async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (s) => out.push(s), (s) => err.push(s));
  const all = [...out, ...err].join('\n');
  expect(all).not.toMatch(STACK);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
/** The log line of cell n. */
function line(out: string, n: number): string {
  return out.split('\n').find((l) => l.includes(`[${n}] `)) ?? '';
}

describe('the runner always answers', () => {
  it('stops a synchronous infinite loop at --timeout, naming the cell; the cells after it are reported as not run', async () => {
    const nb = write('loop.ipynb', [code('a', "set('x', 1);"), code('loop', 'while (true) {}'), code('b', 'return x + 1;')]);
    const r = await run(['run', nb, '--timeout', '1']);
    expect(r.code).toBe(EXIT_CELL_FAILED);
    expect(line(r.out, 1)).toMatch(/^✓/);
    expect(line(r.out, 2)).toMatch(/✗ \[2\] code .*Timed out: cell 2 \(Code\) did not finish within 1 s, so the runner stopped it\./);
    expect(line(r.out, 3)).toMatch(/✗ \[3\] code .*Not run: the runner stopped the kernel when cell 2 \(Code\) failed/);
    expect(r.out).toMatch(/^FAILED: 1 cell ran, 2 failed \(\[2\] \[3\]\)/m);
  });

  it('reports a promise that never settles as that cell never finishing (even with --timeout 0), not a silent exit', async () => {
    const nb = write('never.ipynb', [code('a', 'await new Promise(() => {});'), code('b', 'return 2;')]);
    const r = await run(['run', nb, '--timeout', '0']);
    expect(r.code).toBe(EXIT_CELL_FAILED);
    expect(line(r.out, 1)).toMatch(/✗ \[1\] code .*Never finished: cell 1 \(Code\) waits on something that can never happen \(a promise that never settles\)/);
    expect(line(r.out, 2)).toMatch(/Not run/);
  });

  it('turns any thrown value into that cell\'s error and runs the later cells', async () => {
    const nb = write('throw.ipynb', [
      code('a', 'throw Object.create(null);'),
      code('b', 'throw 42;'),
      code('c', "throw new Proxy({}, { get() { throw 1; }, getPrototypeOf() { throw 2; }, ownKeys() { throw 3; } });"),
      code('d', 'return 7;'),
    ]);
    const r = await run(['run', nb]);
    expect(r.code).toBe(EXIT_CELL_FAILED);
    expect(line(r.out, 1)).toMatch(/✗ \[1\] code .*an object with no prototype \(a thrown object, not an Error\)/);
    expect(line(r.out, 2)).toMatch(/✗ \[2\] code .*42 \(a thrown number, not an Error\)/);
    expect(line(r.out, 3)).toMatch(/✗ \[3\] code .*A value was thrown that cannot be shown as text/);
    expect(line(r.out, 4)).toMatch(/✓ \[4\] code .*7/);
  });

  it('a cell cannot end the kernel or signal a process: process.exit(0) is that cell\'s error, and the run goes on to its report', async () => {
    const nb = write('exit.ipynb', [code('a', 'process.exit(0);'), code('k', "process.kill(process.ppid, 'SIGKILL');"), code('g', "globalThis.process.reallyExit(0);"), code('b', 'return 2;')]);
    const json = join(dir, 'exit.json');
    const r = await run(['run', nb, '--json', json]);
    expect(r.code).toBe(EXIT_CELL_FAILED);
    expect(line(r.out, 1)).toMatch(/✗ \[1\] code .*Code cells cannot end the kernel \(process\.exit\) in the headless runner\./);
    expect(line(r.out, 2)).toMatch(/✗ \[2\] code .*Code cells cannot signal a process \(process\.kill\)/);
    expect(line(r.out, 3)).toMatch(/✗ \[3\] code .*Code cells cannot end the kernel \(process\.reallyExit\)/);
    expect(line(r.out, 4)).toMatch(/✓ \[4\] code .*2/);
    expect(JSON.parse(readFileSync(json, 'utf8')).cells).toHaveLength(4);
  });

  it('a code cell reaches no file, process, worker or environment variable of the runner\'s (Node\'s permission model)', async () => {
    const secretDir = mkdtempSync(join(tmpdir(), 'mlwb-secret-'));
    const secret = join(secretDir, 'secret.txt');
    writeFileSync(secret, 'the secret');
    process.env.MLWB_TEST_SECRET = 'the secret';
    const planted = join(secretDir, 'planted.txt');
    const nb = write('node.ipynb', [
      code('fs', `const fs = await import('node:fs'); return fs.readFileSync(${JSON.stringify(secret)}, 'utf8');`),
      code('env', 'return process.env.MLWB_TEST_SECRET ?? Object.keys(process.env).join(",");'),
      code('req', `return typeof require === 'function' ? require('fs').readFileSync(${JSON.stringify(secret)}, 'utf8') : 'no require';`),
      code('global', `const { writeFileSync } = await import('node:fs'); globalThis.process.chdir('/'); writeFileSync(${JSON.stringify(planted)}, 'x'); return 'written';`),
      code('fn', "const p = Function('return process')(); const cp = await import('node:child_process'); return cp.execSync('id').toString();"),
      code('worker', "const { Worker } = await import('node:worker_threads'); new Worker('1', { eval: true }); return 'a worker';"),
      code('mine', `const fs = await import('node:fs'); return fs.readFileSync(${JSON.stringify(join(dir, 'node.ipynb'))}, 'utf8').length > 0;`),
    ]);
    const all = await run(['run', nb]).finally(() => delete process.env.MLWB_TEST_SECRET);
    expect(all.code).toBe(EXIT_CELL_FAILED);
    const denied = /Code cells cannot use Node's file system, processes or workers in the headless runner\. — Read a file with a load cell .* --allow-read DIR\./;
    for (const n of [1, 4, 5, 6]) expect(line(all.out, n), `cell ${n}`).toMatch(denied);
    expect(line(all.out, 2)).not.toMatch(/the secret/);
    expect(line(all.out, 2)).toMatch(/^✓ \[2\]/);
    expect(line(all.out, 3)).toMatch(/✓ \[3\] code .*no require/);
    // The notebook's own folder is readable, as for load cells.
    expect(line(all.out, 7)).toMatch(/✓ \[7\] code .*true/);
    expect(all.out).not.toMatch(/the secret/);
    expect(existsSync(planted)).toBe(false);
  });

  it('reports a malformed saved output in the HTML report instead of failing', async () => {
    const bad = { output_type: 'display_data', metadata: {}, data: { 'application/vnd.ml-workbench.output+json': { type: 'table', columns: 5 } } };
    const nb = write('badout.ipynb', [code('a', "throw new Error('first');"), code('b', 'return 2;', [bad])]);
    const html = join(dir, 'badout.html');
    const r = await run(['run', nb, '--stop-on-error', '--html', html]);
    expect(r.code).toBe(EXIT_CELL_FAILED);
    expect(r.err).toMatch(/^ml-workbench: note: cell \[2\] output 1: a saved table output could not be shown/);
    expect(readFileSync(html, 'utf8')).toMatch(/This saved output \(table\) could not be shown/);
  });

  it('refuses a CSV line of a million quote characters with its line and column', async () => {
    writeFileSync(join(dir, 'quotes.csv'), 'a,b\n' + '"'.repeat(1_000_001) + '\n');
    writeFileSync(join(dir, 'pairs.csv'), 'a,b\n1,"' + 'x""'.repeat(300_000) + '\n');
    const nb = write('csv.ipynb', [load('q', 'quotes.csv'), load('p', 'pairs.csv')]);
    const r = await run(['run', nb]);
    expect(r.code).toBe(EXIT_CELL_FAILED);
    expect(line(r.out, 1)).toMatch(/✗ \[1\] load .*A quoted field never ends.*\[line 2, column 1\]/);
    expect(line(r.out, 2)).toMatch(/✗ \[2\] load .*A quoted field never ends.*\[line 2, column 3\]/);
  });

  it('reads files only in the notebook\'s folder, or in a folder given with --allow-read', async () => {
    const other = mkdtempSync(join(tmpdir(), 'mlwb-other-'));
    writeFileSync(join(other, 'x.csv'), 'a,b\n1,2\n');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'sub', 'y.csv'), 'a\n1\n');
    const nb = write('files.ipynb', [load('inside', 'sub/y.csv'), load('outside', join(other, 'x.csv')), load('up', '../' + other.split('/').pop() + '/x.csv')]);
    const refused = await run(['run', nb]);
    expect(refused.code).toBe(EXIT_CELL_FAILED);
    expect(line(refused.out, 1)).toMatch(/✓ \[1\] load .*1 rows × 1 columns/);
    expect(line(refused.out, 2)).toMatch(/Cannot read file ".*x\.csv": it is outside the notebook's folder .* --allow-read <folder>/);
    expect(line(refused.out, 3)).toMatch(/it is outside the notebook's folder/);
    const allowed = await run(['run', nb, '--allow-read', other]);
    expect(allowed.code).toBe(0);
    const missing = await run(['run', nb, '--allow-read', join(dir, 'nope')]);
    expect(missing.code).toBe(EXIT_BAD_INPUT);
    expect(missing.err).toMatch(/^ml-workbench: --allow-read .*nope: not a folder\.$/);
  });

  it.each([
    [['run', 'a.ipynb', '--timeout', 'soon'], /--timeout must be a number of seconds \(0: no limit\), not "soon"/],
    [['run', 'a.ipynb', '--timeout', '-1'], /--timeout needs a value|--timeout must be a number/],
  ])('refuses bad arguments %j with exit 2', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.err).toMatch(message);
  });

  it('says in one line when generated datasets cannot be written', async () => {
    writeFileSync(join(dir, 'notafolder'), '');
    const r = await run(['generate', '--out', join(dir, 'notafolder', 'x')]);
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.err).toMatch(/^ml-workbench: .*notafolder\/x: cannot write the datasets there \(ENOTDIR\)\.$/);
  });

  it('says in one line when a report cannot be written', async () => {
    const nb = write('ok.ipynb', [code('a', 'return 1;')]);
    writeFileSync(join(dir, 'afile'), '');
    const r = await run(['run', nb, '--json', join(dir, 'afile', 'r.json')]);
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.err).toMatch(/^ml-workbench: .*afile\/r\.json: cannot write it \((ENOTDIR|EEXIST)\)\.$/);
  });
});
