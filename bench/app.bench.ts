// app/: the browser app's production build (dist/, built here when missing).
//  * app/initial-js-gzip: gzip bytes of the JavaScript the first screen loads
//    (dist/index.html's entry script, its modulepreloads and their static
//    imports, transitively; dynamic import() chunks excluded), against a
//    stated budget.
//  * app/first-usable-notebook: cold page loads in headless Debian Chromium
//    (playwright-core, a fresh browser context each: no HTTP or service-worker
//    cache) of `vite preview`, until window.workbench.ready has resolved and the
//    penguins course notebook is open with its first cell on screen; median of
//    5, against loading a static blank page from the same server in the same run.
//  * app/first-run-all-<notebook> (session-drop, penguins): the first Run all
//    of the course notebook in a fresh page (nothing cached, ?backend=wasm),
//    from the toolbar click to the last cell done (firstRunAll.ts); median of
//    3, against the headless run-all of the same notebook (Node, WASM, in this
//    process) timed in turns with it. Issue 19's goal: ≤ 5 s.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { median, result, type Benchmark } from './harness.ts';
import { FLAGS, chromiumPath } from '../e2e/chromium.ts';
import { buildApp, startPreview } from '../e2e/preview.ts';
import type { BrowserContext } from 'playwright-core';
import { firstRunAll } from './firstRunAll.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = resolve(ROOT, 'dist');
/** First-screen JavaScript budget, gzip (docs/app.md: the shell is ~95 KB). */
const BUDGET_BYTES = 100 * 1024;
const LOADS = 5;
/** Fresh pages per first-Run-all line. */
const FIRST_RUNS = 3;
const FIRST_RUN_ALL = ['session-drop.ipynb', 'penguins.ipynb'];

/** A fresh production build (a dist/ left from older sources would be measured otherwise); BENCH_REUSE_DIST=1 keeps dist/. */
export function ensureBuilt(): void {
  if (!built) buildApp(process.env.BENCH_REUSE_DIST === '1');
  built = true;
}
let built = false;

/** Static imports of an ES module chunk (`import … from "x"`, `import "x"`, `export … from "x"`), not `import("x")`. */
export function staticImports(code: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[;}\n\s])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;
  for (let m = re.exec(code); m; m = re.exec(code)) out.push(m[1]);
  return out;
}

export function initialScripts(): string[] {
  const html = readFileSync(resolve(DIST, 'index.html'), 'utf8');
  const roots: string[] = [];
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) roots.push(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) roots.push(m[1]);
  const seen = new Set<string>();
  const queue = roots.map((u) => resolve(DIST, '.' + new URL(u, 'http://x/').pathname));
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.') && !spec.startsWith('/')) continue;
      queue.push(spec.startsWith('/') ? resolve(DIST, '.' + spec) : resolve(file, '..', spec));
    }
  }
  return [...seen];
}

export const benchmarks: Benchmark[] = [
  {
    name: 'app/initial-js-gzip',
    async run() {
      ensureBuilt();
      const files = initialScripts();
      let gzip = 0;
      let raw = 0;
      for (const f of files) {
        const bytes = readFileSync(f);
        raw += bytes.length;
        gzip += gzipSync(bytes, { level: 9 }).length;
      }
      return [result('app/initial-js-gzip', gzip, 'bytes', `first-screen budget ${BUDGET_BYTES / 1024} KB gzip`, BUDGET_BYTES, { files: files.length, raw_bytes: raw })];
    },
  },
  {
    name: 'app/first-usable-notebook',
    async run() {
      ensureBuilt();
      const { chromium } = await import('playwright-core');
      const blank = resolve(DIST, '__bench-blank.html');
      writeFileSync(blank, '<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body></body></html>\n');
      const server = await startPreview();
      const browser = await chromium.launch({ executablePath: chromiumPath(), args: FLAGS });
      try {
        const url = server.url;
        /** Kernel-ready times of the app loads (workbench.ready: the kernel worker has started and has the cells). */
        const readyMs: number[] = [];
        /**
         * Load the blank page or the app in a page of `context` and return the ms until it is usable: the
         * penguins notebook on screen with its Run buttons (a click before the kernel is up waits for it).
         */
        const load = async (context: BrowserContext, which: 'blank' | 'app'): Promise<number> => {
          const page = await context.newPage();
          const t0 = performance.now();
          let ms: number;
          if (which === 'blank') {
            await page.goto(url + '/__bench-blank.html', { waitUntil: 'load' });
            ms = performance.now() - t0;
          } else {
            await page.goto(url + '/?backend=wasm', { waitUntil: 'commit' });
            const penguins = page.locator('[data-course="penguins.ipynb"]');
            await penguins.waitFor({ timeout: 60_000 });
            const cells = page.locator('[data-course="penguins.ipynb"][aria-current="page"]').or(page.locator('article.cell'));
            await cells.first().waitFor({ timeout: 60_000 });
            if ((await penguins.getAttribute('aria-current')) !== 'page') await penguins.click();
            await page.locator('[data-course="penguins.ipynb"][aria-current="page"]').waitFor({ timeout: 60_000 });
            await page.locator('article.cell .run-cell:not([disabled])').first().waitFor({ timeout: 60_000 });
            ms = performance.now() - t0;
            await page.waitForFunction(() => (window as unknown as { workbench?: unknown }).workbench !== undefined, null, { timeout: 60_000, polling: 10 });
            await page.evaluate(() => (window as unknown as { workbench: { ready: Promise<void> } }).workbench.ready);
            readyMs.push(performance.now() - t0);
          }
          await page.close();
          return ms;
        };
        const newContext = async () => {
          const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
          // A returning student (the gallery was seen): the app opens on the notebook, not on the course gallery.
          await context.addInitScript(() => localStorage.setItem('mlwb.gallerySeen', '1'));
          return context;
        };
        // Cold: a fresh browser profile per load (nothing cached). One untimed load of each warms the server and the OS file cache.
        const cold = { app: [] as number[], blank: [] as number[] };
        for (let i = -1; i < LOADS; i++) {
          for (const which of ['blank', 'app'] as const) {
            const context = await newContext();
            const ms = await load(context, which);
            if (i >= 0) cold[which].push(ms);
            await context.close();
          }
        }
        const coldReady = readyMs.splice(0).slice(1);
        // Cached: one profile, after a first visit (service worker, HTTP cache, the notebook in IndexedDB): a student coming back.
        const warm = { app: [] as number[], blank: [] as number[] };
        const context = await newContext();
        for (let i = -1; i < LOADS; i++) {
          for (const which of ['blank', 'app'] as const) {
            const ms = await load(context, which);
            if (i >= 0) warm[which].push(ms);
          }
        }
        await context.close();
        return [
          result('app/first-usable-notebook', median(cold.app), 'ms', `static blank page from the same vite preview server, same run (median of ${LOADS}); nothing cached`, median(cold.blank), { loads: LOADS, app_ms: cold.app.map(Math.round), blank_ms: cold.blank.map(Math.round), kernel_ready_ms: coldReady.map(Math.round) }),
          result('app/first-usable-notebook-cached', median(warm.app), 'ms', `the same blank page, loaded in the same profile (median of ${LOADS}); the app cached by a first visit`, median(warm.blank), { loads: LOADS, goal_ms: 1000, app_ms: warm.app.map(Math.round), blank_ms: warm.blank.map(Math.round), kernel_ready_ms: readyMs.slice(1).map(Math.round) }),
        ];
      } finally {
        await browser.close().catch(() => undefined);
        await server.stop();
        rmSync(blank, { force: true });
      }
    },
  },
  ...FIRST_RUN_ALL.map((file): Benchmark => {
    const name = `app/first-run-all-${file.replace('.ipynb', '')}`;
    return {
      name,
      async run() {
        ensureBuilt();
        const [{ chromium }, { runAllMs }] = await Promise.all([import('playwright-core'), import('./course.bench.ts')]);
        const server = await startPreview();
        const browser = await chromium.launch({ executablePath: chromiumPath(), args: FLAGS });
        try {
          // The headless runner's first run in this process loads tfjs's WASM backend: not timed.
          await runAllMs(file, 'wasm');
          const app: number[] = [];
          const headless: number[] = [];
          const ends: string[][] = [];
          for (let i = 0; i < FIRST_RUNS; i++) {
            const r = await firstRunAll(browser, server.url, file);
            if (r.failed) throw new Error(`${file}: ${r.failed} cell(s) did not finish in the browser: ${r.ends.join(', ')}`);
            app.push(r.ms);
            ends.push(r.ends);
            headless.push((await runAllMs(file, 'wasm')).ms);
          }
          const middle = app.indexOf([...app].sort((a, b) => a - b)[Math.floor(FIRST_RUNS / 2)]);
          return [result(name, median(app), 'ms', `headless run-all of the same notebook (Node, wasm), in turns in this run (median of ${FIRST_RUNS})`, median(headless), {
            goal_ms: 5000, runs: FIRST_RUNS, app_ms: app.map(Math.round), headless_ms: headless.map(Math.round), cell_ends_ms: ends[middle],
          })];
        } finally {
          await browser.close().catch(() => undefined);
          await server.stop();
        }
      },
    };
  }),
];
