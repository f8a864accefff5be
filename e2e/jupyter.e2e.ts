// Plain Jupyter notebooks render as in Jupyter (issue 15), and notebook
// markup cannot restyle or cover the app (issue 14, the sanitizer policy).
// The corpus is public notebooks (tests/fixtures/jupyter-corpus/README.md);
// what each should show is counted from its JSON here, not hard-coded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, openApp, type Session } from './browser.ts';
import { openNotebook, ROOT } from './helpers.ts';
import { expected, type Json } from './jupyterCounts.ts';

const CORPUS = resolve(ROOT, 'tests/fixtures/jupyter-corpus');
const corpus = readdirSync(CORPUS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(resolve(CORPUS, d.name)).filter((f) => f.endsWith('.ipynb')).map((f) => `${d.name}/${f}`));

/**
 * Scroll the notebook from top to bottom, a screen at a time, as a reader
 * would: cells render their outputs, code and markdown only when near the
 * screen (src/ui/nearViewport.ts), and stay rendered.
 */
async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const cells = [...document.querySelectorAll('article.cell')];
    for (const cell of cells) {
      const r = cell.getBoundingClientRect();
      if (r.top > window.innerHeight / 2 || r.bottom < 0) {
        cell.scrollIntoView({ block: 'start' });
        await frame();
      }
    }
    window.scrollTo(0, 0);
    await frame();
  });
}

/** What the page shows in the notebook: decoded images, typeset formulas (no KaTeX errors), tables. */
function rendered(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('.notebook, main') ?? document.body;
    const imgs = [...root.querySelectorAll<HTMLImageElement>('.jp-output img.jp-image, .markdown img[src^="data:"]')];
    return {
      images: imgs.length,
      decoded: imgs.filter((i) => i.complete && i.naturalWidth > 0).length,
      formulas: root.querySelectorAll('.katex').length,
      errors: root.querySelectorAll('.katex-error').length,
      tables: root.querySelectorAll('.jp-html table, .markdown table').length,
      loading: root.querySelectorAll('.cell-shell, .jp-outputs.loading, .jp-outputs.deferred, .markdown.plain, .markdown.deferred').length,
    };
  });
}

describe('Jupyter notebooks render as in Jupyter', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
    await openApp(s.page, '/?backend=cpu');
  });
  afterAll(async () => {
    await s?.close();
  });

  for (const file of corpus) {
    it(`${file}: every image, formula and table is shown`, async () => {
      const nb = JSON.parse(readFileSync(resolve(CORPUS, file), 'utf8')) as { cells: Json[] };
      const want = expected(nb);
      await openNotebook(s.page, nb);
      await scrollThrough(s.page);
      // Rendering is lazy (marked, DOMPurify, KaTeX, highlight.js load on first use): wait until it settles.
      await s.page
        .waitForFunction(
          (w) => {
            const root = document.querySelector('.notebook, main') ?? document.body;
            const images = root.querySelectorAll('.jp-output img.jp-image, .markdown img[src^="data:"]').length;
            return root.querySelectorAll('.cell-shell, .jp-outputs.loading, .jp-outputs.deferred, .markdown.plain, .markdown.deferred').length === 0 && images === w.images && root.querySelectorAll('.katex').length === w.formulas;
          },
          want,
          { timeout: 30_000 },
        )
        .catch(() => undefined);
      await s.page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.jp-output img.jp-image')].every((i) => i.complete), null, { timeout: 10_000 }).catch(() => undefined);
      const got = await rendered(s.page);
      expect({ images: got.images, formulas: got.formulas, tables: got.tables }, file).toEqual(want);
      expect(got.decoded, `${file}: images that failed to decode`).toBe(got.images);
      expect(got.errors, `${file}: formulas KaTeX could not typeset`).toBe(0);
      expect(got.loading).toBe(0);
    });
  }

  it('shows an nbformat 4.99 "future cell" as raw text, never a refusal, and runs no script from outputs', async () => {
    const nb = JSON.parse(readFileSync(resolve(CORPUS, 'nbformat/test4plus.ipynb'), 'utf8'));
    const logs: string[] = [];
    s.page.on('console', (m) => logs.push(m.text()));
    await openNotebook(s.page, nb);
    await scrollThrough(s.page);
    const future = s.page.locator('article.cell[data-cell-id="future-10"]');
    await future.waitFor();
    await expect.poll(() => future.locator('.jp-note').textContent()).toContain('future cell');
    await s.page.locator('article.cell[data-cell-id="future-11"] .jp-output[data-output-type="future output"]').waitFor();
    // The HTML output keeps its <b>HTML</b> and loses its script; the %%javascript output shows its text.
    expect(await s.page.locator('article.cell[data-cell-id="future-6"] .jp-html b').textContent()).toBe('HTML');
    expect(await s.page.locator('article.cell[data-cell-id="future-7"] .jp-output').textContent()).toContain('IPython.core.display.Javascript');
    expect(logs.filter((l) => /^hi$|^hello$/.test(l))).toEqual([]);
    // Plain Python is highlighted read-only.
    expect(await s.page.locator('article.cell[data-cell-id="future-4"] .jp-source .hljs-built_in').first().textContent()).toBe('print');
  });

  it('colours an error traceback (ANSI) and exports a report with the same images, formulas and tables', async () => {
    const pre = JSON.parse(readFileSync(resolve(CORPUS, 'nbsphinx/pre-executed.ipynb'), 'utf8'));
    await openNotebook(s.page, pre);
    await scrollThrough(s.page);
    await s.page.locator('.jp-output[data-output-type="error"] .jp-error [class*="ansi-"]').first().waitFor();

    const file = 'handson-ml3/04_training_linear_models.ipynb';
    const nb = JSON.parse(readFileSync(resolve(CORPUS, file), 'utf8')) as { cells: Json[] };
    const want = expected(nb);
    await openNotebook(s.page, nb);
    // Cells far below the first screen wait as a light shell (cellShell.ts) or with a placeholder (nearViewport.ts) until scrolled near.
    await expect.poll(() => s.page.locator('.cell-shell, .jp-outputs.deferred').count()).toBeGreaterThan(0);
    await scrollThrough(s.page);
    expect(await s.page.locator('.cell-shell, .jp-outputs.deferred, .markdown.deferred').count()).toBe(0);
    await s.page.waitForFunction((n) => document.querySelectorAll('.katex').length === n, want.formulas, { timeout: 30_000 });
    const [download] = await Promise.all([s.page.waitForEvent('download', { timeout: 120_000 }), s.page.locator('[data-action="export-report"]').click()]);
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<style[\s>][\s\S]*<style[\s>]/i); // the report's own stylesheet only
    expect((html.match(/<img class="jp-image" src="data:image\/(png|svg\+xml|jpeg);base64,/g) ?? []).length).toBe(want.images);
    expect((html.match(/<span class="katex"><math/g) ?? []).length).toBe(want.formulas);
    expect((html.match(/<table/g) ?? []).length).toBeGreaterThanOrEqual(want.tables);
  });
});
