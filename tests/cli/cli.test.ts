import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, parseArgs, EXIT_BAD_INPUT, EXIT_CELL_FAILED, EXIT_OK } from '../../src/cli/main.ts';
import { decodeNotebook } from '../../src/notebook/ipynb.ts';

const dir = mkdtempSync(join(tmpdir(), 'mlwb-cli-'));

function notebook(cells: object[]): string {
  return JSON.stringify({ cells, metadata: { title: 'CLI test', workbench: { formatVersion: 1 } }, nbformat: 4, nbformat_minor: 5 });
}
function code(id: string, src: string) {
  return { cell_type: 'code', id, metadata: { workbench: { kind: 'code', params: {} } }, source: src, outputs: [], execution_count: null };
}
function viz(id: string, params: object) {
  return { cell_type: 'code', id, metadata: { workbench: { kind: 'visualize', params } }, source: '', outputs: [], execution_count: null };
}

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('ml-workbench run', () => {
  const good = join(dir, 'good.ipynb');
  writeFileSync(good, notebook([
    { cell_type: 'markdown', id: 'md', metadata: {}, source: '# Hello' },
    code('make', "set('t', aq.table({ x: [1, 2, 3], y: [2, 4, 7] }));"),
    viz('plot', { input: 't', chart: 'line', x: 'x', y: ['y'] }),
  ]));

  it('runs every cell, prints a line per cell and writes a JSON report', async () => {
    const json = join(dir, 'good.json');
    const r = await run(['run', good, '--json', json]);
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).toMatch(/✓ \[2\] code/);
    expect(r.out).toMatch(/✓ \[3\] visualize .*figure/);
    expect(r.out).toMatch(/^OK: 2 cells ran/m);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.ok).toBe(true);
    expect(report.backend).toBe('wasm');
    expect(report.cells.map((c: { status: string }) => c.status)).toEqual(['idle', 'done', 'done']);
    expect(report.cells[2].outputs[0].spec.data[0]).toMatchObject({ x: [1, 2, 3], y: [2, 4, 7], mode: 'lines' });
    expect(report.values).toEqual([expect.objectContaining({ name: 't', type: 'table', detail: '3 rows × 2 columns' })]);
  });

  it('saves the notebook with its outputs when asked', async () => {
    const saved = join(dir, 'saved.ipynb');
    expect((await run(['run', good, '--save', saved])).code).toBe(EXIT_OK);
    const doc = decodeNotebook(readFileSync(saved, 'utf8')).doc;
    expect(doc.cells[2].outputs[0].type).toBe('figure');
  });

  it('exits 1 with a one-line reason per failing cell, and reports cells skipped because of it', async () => {
    const bad = join(dir, 'failing.ipynb');
    writeFileSync(bad, notebook([
      code('make', "set('t', aq.table({ x: [1, 2] }));"),
      viz('p1', { input: 't', chart: 'scatter', x: 'missing_col', y: ['x'] }),
      code('boom', "throw new Error('kaboom');\nset('u', 1);"),
      code('after', 'return u + 1;'),
    ]));
    const r = await run(['run', bad]);
    expect(r.code).toBe(EXIT_CELL_FAILED);
    expect(r.out).toMatch(/✗ \[2\] visualize .*Column "missing_col" is not in the table\. \[params\.x\]/);
    expect(r.out).toMatch(/✗ \[3\] code .*kaboom/);
    expect(r.out).toMatch(/✗ \[4\] code .*Skipped/);
    expect(r.out).toMatch(/FAILED: 1 cell ran, 3 failed \(\[2\] \[3\] \[4\]\)/);
    expect(r.out).not.toMatch(/at .*\.ts:\d+/);
  });

  it.each([
    [['run', join(dir, 'nope.ipynb')], /nope\.ipynb: no such file/],
    [['run', dir], /is a folder/],
    [['run'], /Which notebook/],
    [['frobnicate'], /Unknown command/],
    [['run', 'a.ipynb', '--json'], /--json needs a value/],
    [['run', 'a.ipynb', '--backend', 'webgpu'], /--backend must be wasm or cpu/],
  ])('exits 2 on bad input %j', async (args, pattern) => {
    const r = await run(args);
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.err).toMatch(pattern);
  });

  it.each([
    ['truncated.ipynb', '{"cells": [', /not valid JSON.*ends early.*line 1/],
    ['notjson.ipynb', 'name,age\nann,3\n', /not valid JSON/],
    ['plain.json', '{"a": 1}', /not a Jupyter notebook/],
    ['badparams.ipynb', notebook([viz('p', { chart: 'pie' })]), /cell 1 \(visualize, p\): params\.chart/],
    ['unknown.ipynb', notebook([{ cell_type: 'code', id: 'x', metadata: { workbench: { kind: 'teleport' } }, source: '', outputs: [], execution_count: null }]), /unknown cell kind "teleport"/],
  ])('exits 2 with a clear message for a broken file (%s)', async (name, text, pattern) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    const r = await run(['run', path]);
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.err).toMatch(pattern);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('parses options', () => {
    expect(parseArgs(['run', 'x.ipynb', '--json', 'o.json', '--backend', 'cpu', '--quiet'])).toMatchObject({ command: 'run', target: 'x.ipynb', json: 'o.json', backend: ['cpu'], quiet: true });
  });
});

describe('bin/ml-workbench.mjs', () => {
  it('is the same runner as a process, with its exit codes', async () => {
    const { spawnSync } = await import('node:child_process');
    const bin = new URL('../../bin/ml-workbench.mjs', import.meta.url).pathname;
    const ok = spawnSync(process.execPath, [bin, 'run', join(dir, 'good.ipynb')], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/OK: 2 cells ran/);
    const bad = spawnSync(process.execPath, [bin, 'run', join(dir, 'missing.ipynb')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('ml-workbench run: run artifacts and the HTML report', () => {
  function typed(id: string, kind: string, params: object) {
    return { cell_type: 'code', id, metadata: { workbench: { kind, params } }, source: '', outputs: [], execution_count: null };
  }
  const nb = join(dir, 'artifacts.ipynb');
  writeFileSync(nb, notebook([
    { cell_type: 'markdown', id: 'md', metadata: {}, source: '# Report <script>alert(1)</script>\n\nSome **bold** text.' },
    code('make', "const x = Array.from({ length: 40 }, (_, i) => i / 40); set('t', aq.table({ x, y: x.map((v) => (v > 0.5 ? 'hi' : 'lo')) }));"),
    typed('train-a', 'train', { input: 't', target: 'y', model: 'logistic', epochs: 1, output: 'm_a' }),
    typed('train-b', 'train', { input: 't', target: 'y', model: 'logistic', epochs: 2, output: 'm_b' }),
    typed('eval', 'evaluate', { input: 't', model: 'm_b', output: 'metrics' }),
    typed('reg', 'register', { model: 'm_b', name: 'clf', metric: 'accuracy', metrics: 'metrics' }),
    viz('plot', { input: 't', chart: 'scatter', x: 'x', y: ['x'] }),
  ]));

  it('the JSON report lists each train run\'s modelRef; the registered version reuses it', async () => {
    const json = join(dir, 'artifacts.json');
    const r = await run(['run', nb, '--json', json]);
    expect(r.code, r.out + r.err).toBe(EXIT_OK);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    const runs = report.runs as { id: string; output: string; modelRef?: string; model?: { type: string; saved: boolean; bytes?: number } }[];
    expect(runs.map((x) => x.output).sort()).toEqual(['m_a', 'm_b']);
    for (const x of runs) {
      expect(x.modelRef).toBe(`run-artifacts::${x.id}`);
      expect(x.model).toMatchObject({ type: 'logistic', saved: true });
      expect(x.model!.bytes).toBeGreaterThan(0);
    }
    const b = runs.find((x) => x.output === 'm_b')!;
    expect(report.registry).toEqual([expect.objectContaining({ name: 'clf', version: 1, runId: b.id, modelRef: b.modelRef })]);
  });

  it('--html writes a standalone report: every cell, metrics, figure data with the note, markdown safe, no script', async () => {
    const html = join(dir, 'out', 'report.html');
    const r = await run(['run', nb, '--html', html]);
    expect(r.code, r.out + r.err).toBe(EXIT_OK);
    const text = readFileSync(html, 'utf8');
    expect(text).toMatch(/^<!doctype html>/);
    expect(text).toContain(`content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"`);
    expect(text).not.toMatch(/<script/i);
    expect(text).toContain('<h1>Report &lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(text).toContain('<strong>bold</strong>');
    for (const id of ['md', 'make', 'train-a', 'train-b', 'eval', 'reg', 'plot']) expect(text).toContain(`id="cell-${id}"`);
    expect(text).toMatch(/data-metric="accuracy"><b>[\d.]+<\/b>/);
    expect(text).toContain('data-output="training"');
    expect(text).toContain('Registered &quot;clf&quot; version 1');
    expect(text).toContain('<b>x</b> 0, 0.025, 0.05, 0.075, 0.1, … (40)');
    expect(text).toContain('Figure images are rendered in the app');
    expect(text.indexOf('id="cell-train-a"')).toBeLessThan(text.indexOf('id="cell-plot"'));
  });

  it('--html belongs to run', async () => {
    expect(() => parseArgs(['run-all', dir, '--html', 'x.html'])).toThrow(/use it with run/);
    expect(parseArgs(['run', nb, '--html', 'x.html']).html).toBe('x.html');
    expect((await run(['run', nb, '--html'])).code).toBe(EXIT_BAD_INPUT);
  });
});
