// The runner as an npm package: `npm pack` (its prepack builds dist-cli/),
// the tarball installed into an empty folder without dev dependencies, then
// `npx ml-workbench run` and `export` on the notebook the package ships.
// Slow (an install of tfjs and friends); it needs npm and the registry, and
// says why it is skipped when either is missing.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

function sh(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
}

function why(): string | undefined {
  const version = sh('npm', ['--version'], ROOT);
  if (version.error || version.status !== 0) return `npm cannot run here (${version.error?.message ?? version.stderr.trim()})`;
  const ping = sh('npm', ['ping'], ROOT);
  if (ping.status !== 0) return `the npm registry is not reachable (npm ping: ${ping.stderr.trim().split('\n').pop()})`;
  return undefined;
}

const skipReason = why();
if (skipReason) console.warn(`tests/cli/pack.test.ts skipped: ${skipReason}; the packed runner is not checked.`);

function check(r: SpawnSyncReturns<string>, what: string): string {
  if (r.status !== 0) throw new Error(`${what} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

describe.skipIf(skipReason !== undefined)('the packed runner (npm pack → npm install --omit=dev → npx ml-workbench)', () => {
  const work = mkdtempSync(join(tmpdir(), 'mlwb-pack-'));
  const app = join(work, 'app');
  let tarball = '';
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('packs built JavaScript, the course notebooks and the bundled data, and no sources', () => {
    check(sh('npm', ['pack', '--pack-destination', work], ROOT), 'npm pack');
    tarball = readdirSync(work).find((f) => f.endsWith('.tgz')) ?? '';
    expect(tarball).toMatch(/^ml-workbench-.*\.tgz$/);
    const files = check(sh('tar', ['-tzf', join(work, tarball)], work), 'tar').split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
    expect(files).toContain('bin/ml-workbench.mjs');
    expect(files).toContain('dist-cli/cli/main.js');
    expect(files).toContain('dist-cli/cli/thread.js');
    expect(files).toContain('notebooks/penguins.ipynb');
    expect(files).toContain('data/nsmc/nsmc-train.tsv');
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('tests/') || f.startsWith('public/') || f.endsWith('.ts'))).toEqual([]);
  });

  it('installs into an empty folder without dev dependencies (no tsx)', () => {
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'packed-runner-check', private: true }));
    check(sh('npm', ['install', join(work, tarball), '--omit=dev', '--no-audit', '--no-fund'], app), 'npm install <tarball>');
    expect(existsSync(join(app, 'node_modules', 'ml-workbench', 'dist-cli', 'cli', 'main.js'))).toBe(true);
    expect(existsSync(join(app, 'node_modules', 'tsx'))).toBe(false);
    expect(existsSync(join(app, 'node_modules', 'monaco-editor'))).toBe(false);
  });

  it('runs a course notebook with npx ml-workbench run', () => {
    const notebook = join('node_modules', 'ml-workbench', 'notebooks', 'penguins.ipynb');
    const out = check(sh('npx', ['ml-workbench', 'run', notebook, '--json', 'penguins.json'], app), 'npx ml-workbench run');
    expect(out).toMatch(/OK: \d+ cells ran/);
    const report = JSON.parse(readFileSync(join(app, 'penguins.json'), 'utf8')) as { ok: boolean; cells: { kind: string; status: string; outputs: { type: string; metrics?: Record<string, number> }[] }[] };
    expect(report.ok).toBe(true);
    const metrics = report.cells.filter((c) => c.kind === 'evaluate').flatMap((c) => c.outputs).filter((o) => o.type === 'metrics');
    expect(metrics.length).toBeGreaterThan(0);
    // A model that learned: the penguins separate well (the workbench reaches ~0.96).
    for (const m of metrics) expect(m.metrics!.accuracy).toBeGreaterThan(0.9);
  });

  it('loads generated course data by its app URL although the package ships no public/', () => {
    const load = (id: string, source: object) => ({ cell_type: 'code', id, metadata: { workbench: { kind: 'load', params: { output: id, source } } }, source: '', outputs: [], execution_count: null });
    writeFileSync(join(app, 'url.ipynb'), JSON.stringify({
      cells: [load('by_url', { type: 'url', url: '/datasets/bank-marketing.csv' }), load('by_name', { type: 'dataset', name: 'bank-marketing' })],
      metadata: { title: 'URL load', workbench: { formatVersion: 1 } }, nbformat: 4, nbformat_minor: 5,
    }));
    const out = check(sh('npx', ['ml-workbench', 'run', 'url.ipynb'], app), 'npx ml-workbench run url.ipynb');
    const rows = [...out.matchAll(/(by_url|by_name): (\d+) rows/g)].map((m) => [m[1], Number(m[2])]);
    expect(rows).toHaveLength(2);
    expect(rows[0][1]).toBeGreaterThan(1000);
    expect(rows[0][1]).toBe(rows[1][1]);
  });

  it('exports it to Python with npx ml-workbench export, the data beside it', () => {
    const notebook = join('node_modules', 'ml-workbench', 'notebooks', 'penguins.ipynb');
    const out = check(sh('npx', ['ml-workbench', 'export', notebook, '--to', 'python', 'py/penguins.ipynb'], app), 'npx ml-workbench export');
    expect(out).toMatch(/exported .* → py\/penguins\.ipynb/);
    const exported = JSON.parse(readFileSync(join(app, 'py', 'penguins.ipynb'), 'utf8')) as { cells: { cell_type: string; source: string | string[] }[] };
    const code = exported.cells.filter((c) => c.cell_type === 'code').map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source)).join('\n');
    expect(code).toMatch(/import pandas as pd/);
    const data = JSON.parse(readFileSync(join(app, 'py', 'datasets', 'penguins.json'), 'utf8')) as unknown[];
    expect(data).toHaveLength(344);
  });
});
