// data/browser-load-profile-1m: load and profile a 1,000,000-row × 10-column
// CSV (68 MB) in headless Debian Chromium with the workbench (load cell path
// + profileTable) and with DuckDB-wasm (read_csv + SUMMARIZE), same bytes,
// same browser binary and flags, in one bench run; ratio = workbench / DuckDB.
// Each engine gets a fresh browser so that its peak memory can be read: the
// peak resident set (VmHWM) of the page's renderer process, which holds the
// JS heap, the wasm memory and the dedicated workers' threads.
// The page (bench/browser/) is built with vite into
// node_modules/.cache/mlwb-bench-browser and served by a small static server
// here; set BENCH_ROWS for a smaller run.
import { execSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { result, type Benchmark } from './harness.ts';
import type { BenchOutcome } from './browser/outcome.ts';
import { FLAGS as E2E_FLAGS, chromiumPath } from '../e2e/chromium.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = resolve(ROOT, 'node_modules/.cache/mlwb-bench-browser');
/** The e2e flags, plus precise memory numbers for the heap readings. */
const FLAGS = [...E2E_FLAGS, '--enable-precise-memory-info'];
const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

type PageResult = BenchOutcome;

function build(): void {
  execSync(`"${process.execPath}" node_modules/vite/bin/vite.js build --config bench/browser/vite.config.ts`, { cwd: ROOT, stdio: 'inherit' });
}

function serve(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = resolve(DIST, '.' + decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/\/$/, '/index.html'));
    if (!path.startsWith(DIST) || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(path)] ?? 'application/octet-stream' });
    createReadStream(path).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    ok({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/` });
  }));
}

/** Peak RSS (MB) of the Chromium renderer processes started under this Node process. */
function rendererPeakMb(): number {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone already
    }
  }
  const isDescendant = (pid: number) => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  let peak = 0;
  for (const pid of parent.keys()) {
    if (!isDescendant(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024);
    } catch {
      // gone already
    }
  }
  return peak;
}

async function runEngine(url: string, engine: string, rows: number): Promise<PageResult & { peak_rss_mb: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'mlwb-bench-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: chromiumPath(), args: FLAGS });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${url}?engine=${engine}&rows=${rows}`);
    await page.waitForFunction(() => (window as unknown as { __bench?: unknown }).__bench !== undefined, undefined, { timeout: 300_000, polling: 500 });
    const r = (await page.evaluate(() => (window as unknown as { __bench: unknown }).__bench)) as PageResult;
    if (r.error) throw new Error(`${engine} failed in the page: ${r.error}`);
    return { ...r, peak_rss_mb: Math.round(rendererPeakMb()) };
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const benchmarks: Benchmark[] = [
  {
    name: 'data/browser-load-profile-1m',
    async run() {
      const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
      build();
      const { server, url } = await serve();
      try {
        const engines = (process.env.BENCH_ENGINES ?? 'duckdb,workbench').split(',');
        // Diagnostics on request (stderr): BENCH_ENGINES=workbench-oneshot,workbench-parse,workbench-stream.
        for (const extra of ['workbench-oneshot', 'workbench-parse', 'workbench-stream']) if (engines.includes(extra)) console.error(JSON.stringify(await runEngine(url, extra, rows)));
        const duck = await runEngine(url, 'duckdb', rows);
        const ours = await runEngine(url, 'workbench', rows);
        const r = (x: number) => Math.round(x);
        return [
          result('data/browser-load-profile-1m', ours.total_ms, 'ms', 'DuckDB-wasm 1.32 read_csv + SUMMARIZE, same bytes, same Chromium', duck.total_ms, {
            rows, columns: 10, mb: Math.round(ours.bytes / 1e5) / 10,
            load_ms: r(ours.load_ms), profile_ms: r(ours.profile_ms), ref_load_ms: r(duck.load_ms), ref_summary_ms: r(duck.profile_ms),
            peak_rss_mb: ours.peak_rss_mb, ref_peak_rss_mb: duck.peak_rss_mb, js_heap_mb: ours.js_heap_mb, ref_js_heap_mb: duck.js_heap_mb,
          }),
        ];
      } finally {
        server.close();
      }
    },
  },
];
