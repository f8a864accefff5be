// Notebook markup cannot restyle or cover the app (issue 14, the sanitizer
// policy in src/ui/sanitize.ts): an untrusted notebook whose markdown cells,
// saved markdown outputs and Jupyter HTML/markdown outputs carry <style>,
// style=, fixed overlays, app class names, forms and popovers leaves the
// app's look and the Trust banner untouched, and the Trust button takes a click.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openApp, type Session } from './browser.ts';
import { openNotebook } from './helpers.ts';

const OVERLAY = '<div style="position:fixed;inset:0;z-index:2147483647;background:rgba(255,0,0,0.6)" id="cover">covered</div>';
const PAYLOADS = [
  '<style>body, .app, .trust-banner { background: red !important; color: lime !important; } .trust-banner { display: none !important; } * { pointer-events: none !important; }</style>',
  OVERLAY,
  '<div class="trust-banner drop-overlay" style="position:absolute;top:0;left:0;width:100vw;height:100vh">fake banner</div>',
  '<link rel="stylesheet" href="data:text/css,body%7Bbackground:red%7D"><meta http-equiv="refresh" content="0;url=/x"><base href="https://example.com/">',
  '<form action="/steal"><input name="password" placeholder="password" autofocus><button>Log in</button></form>',
  '<div popover="manual" id="pop">popover</div><dialog open>dialog</dialog>',
  '<svg><style>body{background:red}</style><rect width="9999" height="9999" fill="red"/></svg>',
  '<img src="x" style="position:fixed;top:0;left:0;width:100vw;height:100vh">',
];
const payload = PAYLOADS.join('\n\n');
const WB_MIME = 'application/vnd.ml-workbench.output+json';

const notebook = {
  nbformat: 4,
  nbformat_minor: 5,
  metadata: { title: 'Markup attack' },
  cells: [
    { cell_type: 'markdown', id: 'md', metadata: {}, source: `# Hello\n\n${payload}\n\nText with $x^2$.` },
    {
      cell_type: 'code', id: 'wb', execution_count: null, source: '', metadata: { workbench: { kind: 'code', params: {} } },
      outputs: [{ output_type: 'display_data', metadata: {}, data: { [WB_MIME]: { type: 'markdown', markdown: payload }, 'text/plain': 'x' } }],
    },
    {
      cell_type: 'code', id: 'py', execution_count: 1, source: 'display(HTML(x))', metadata: {},
      outputs: [
        { output_type: 'display_data', metadata: {}, data: { 'text/html': payload, 'text/plain': 'html' } },
        { output_type: 'display_data', metadata: {}, data: { 'text/markdown': payload, 'text/plain': 'md' } },
        { output_type: 'display_data', metadata: {}, data: { 'image/svg+xml': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><style>body{background:red}</style></svg>', 'text/plain': 'svg' } },
      ],
    },
  ],
};

interface Look {
  body: string;
  app: string;
  banner: string | null;
  bannerDisplay: string | null;
}

function look(page: Session['page']): Promise<Look> {
  return page.evaluate(() => {
    const css = (el: Element | null, p: string) => (el ? getComputedStyle(el).getPropertyValue(p) : null);
    const banner = document.querySelector('[data-testid="trust-banner"]');
    return {
      body: `${css(document.body, 'background-color')} ${css(document.body, 'color')}`,
      app: `${css(document.querySelector('.app'), 'background-color')} ${css(document.querySelector('.app'), 'color')}`,
      banner: banner ? `${css(banner, 'background-color')} ${css(banner, 'color')}` : null,
      bannerDisplay: css(banner, 'display'),
    };
  });
}

describe('notebook markup stays in its box', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
    await openApp(s.page, '/?backend=cpu');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('leaves the app\'s look and the Trust banner untouched and clickable', async () => {
    const page = s.page;
    // The look of the app with a harmless untrusted notebook, for comparison.
    await openNotebook(page, { ...notebook, cells: [{ cell_type: 'markdown', id: 'md', metadata: {}, source: '# Hello' }, { cell_type: 'code', id: 'c', metadata: { workbench: { kind: 'code', params: {} } }, source: 'return 1', outputs: [], execution_count: null }] });
    await page.locator('[data-testid="trust-banner"]').waitFor();
    const before = await look(page);
    expect(before.banner).not.toBeNull();

    await openNotebook(page, notebook);
    await page.locator('[data-testid="trust-banner"]').waitFor();
    // Wait until every piece of markup has rendered (markdown, the saved output, the Jupyter outputs, the math).
    await page.locator('article.cell[data-cell-id="md"] .markdown:not(.plain) h1').waitFor();
    await page.locator('article.cell[data-cell-id="wb"] .markdown:not(.plain)').waitFor();
    await page.locator('article.cell[data-cell-id="py"] .jp-output[data-mime="text/markdown"]').waitFor();
    await page.locator('article.cell[data-cell-id="md"] .katex').waitFor();

    expect(await look(page)).toEqual(before);
    const inside = await page.evaluate(() => {
      const boxes = [...document.querySelectorAll('.nb-content')];
      const all = boxes.flatMap((b) => [...b.querySelectorAll('*')]);
      return {
        boxes: boxes.length,
        styleTags: all.filter((e) => e.tagName.toLowerCase() === 'style').length,
        // KaTeX's own spans carry computed sizes; nothing else may have a style attribute.
        styled: all.filter((e) => e.hasAttribute('style') && !e.closest('.katex')).length,
        forms: all.filter((e) => /^(form|input|button|textarea|select|dialog|link|meta|base)$/i.test(e.tagName)).length,
        popovers: all.filter((e) => e.hasAttribute('popover')).length,
        appClasses: all.filter((e) => e.classList.contains('trust-banner') || e.classList.contains('drop-overlay')).length,
        fixed: all.filter((e) => getComputedStyle(e).position === 'fixed').length,
        contained: boxes.every((b) => getComputedStyle(b).contain.includes('paint')),
        cover: document.getElementById('cover') !== null || document.getElementById('user-content-cover')?.closest('.nb-content') === null,
      };
    });
    expect(inside).toEqual({ boxes: inside.boxes, styleTags: 0, styled: 0, forms: 0, popovers: 0, appClasses: 0, fixed: 0, contained: true, cover: false });
    expect(inside.boxes).toBe(3); // the markdown cell, the saved markdown output, the Jupyter outputs

    // The Trust button is what a click at its centre hits, and the click trusts the notebook.
    const button = page.locator('[data-testid="trust-banner"] [data-action="trust"]');
    const hit = await button.evaluate((b) => {
      const r = b.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return top === b || b.contains(top);
    });
    expect(hit).toBe(true);
    await button.click({ trial: false, timeout: 5_000 });
    await page.locator('[data-testid="trust-banner"]').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (window as unknown as { workbench: { trusted(): boolean } }).workbench.trusted())).toBe(true);
  });
});
