// The standalone HTML report: every output type rendered, every notebook
// string escaped, no script anywhere, figures where they belong.
import { describe, expect, it } from 'vitest';
import { buildHtmlReport, escapeHtml, figureKey, paramSummary, REPORT_CSP, svgDataUrl } from '../../src/notebook/htmlReport.ts';
import type { CellOutput } from '../../src/core/outputs.ts';
import type { NotebookCell } from '../../src/notebook/model.ts';

const HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)">';

function cell(id: string, kind: string, extra: Partial<NotebookCell> = {}, source = ''): NotebookCell {
  return { id, kind, params: {}, outputs: [], jupyter: { cellType: kind === 'markdown' ? 'markdown' : 'code', metadata: {}, source }, ...extra };
}

const figure = (title: string): CellOutput => ({ type: 'figure', title, spec: { data: [{ type: 'scatter', name: HOSTILE, x: [1, 2, 3, 4, 5, 6, 7], y: [2, 4, 6, 8, 10, 12, 14] }], layout: {} } });

const allOutputs: CellOutput[] = [
  { type: 'table', name: 'penguins', columns: [{ name: HOSTILE, type: 'string' }, { name: 'mass', type: 'number' }], rowCount: 344, rows: [{ [HOSTILE]: HOSTILE, mass: 3750.5 }, { [HOSTILE]: 'Gentoo', mass: null }] },
  { type: 'profile', name: 'penguins', rowCount: 344, columns: [{ name: 'mass', type: 'number', count: 342, missing: 2, unique: 94, mean: 4201.754, std: 801.95, min: 2700, median: 4050, max: 6300, top: [] }], warnings: ['mass has 2 missing values'] },
  figure('Mass by species'),
  { type: 'metrics', task: 'classification', title: 'Test metrics', metrics: { accuracy: 0.9855, f1_macro: 0.9812 }, confusion: { labels: ['Adelie', '<b>Chinstrap</b>'], matrix: [[30, 1], [0, 14]] } },
  { type: 'training', title: 'MLP', history: [{ epoch: 1, loss: 1.2, val_loss: 1.3, accuracy: 0.5 }, { epoch: 2, loss: 0.8, val_loss: 0.9, accuracy: 0.8 }], summary: '2 epochs', bestEpoch: 2 },
  { type: 'text', text: HOSTILE },
  { type: 'markdown', markdown: `**bold** ${HOSTILE}` },
  { type: 'json', title: 'best', value: { hidden: [8], note: HOSTILE } },
  { type: 'error', message: HOSTILE, hint: 'Run the load cell first.', where: 'params.input' },
];

function notebook() {
  return {
    title: `Penguins </title>${HOSTILE}`,
    cells: [
      cell('intro', 'markdown', {}, `# Intro\n\n${HOSTILE}`),
      cell('load', 'load', { title: `Load ${HOSTILE}`, params: { source: 'dataset', dataset: 'penguins', columns: [], name: HOSTILE } }),
      cell('code1', 'code', { outputs: [{ type: 'text', text: '42' }] }, `const a = "${HOSTILE}";`),
      cell('all', 'evaluate', { params: { model: 'mlp' }, outputs: allOutputs }),
      cell('viz2', 'visualize', { outputs: [figure('Second figure')] }),
    ],
  };
}

describe('HTML report', () => {
  it('has no script, a strict CSP, and escapes every hostile string (title, params, columns, values, code, text, errors)', () => {
    const html = buildHtmlReport(notebook());
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img src=x/i);
    expect(html).not.toMatch(/<[^>]*\sonerror=/i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(REPORT_CSP).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'");
    expect(html).toContain(`<title>Penguins &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;`);
    // Hostile text shows up escaped in the column header, the cell value, the code, the text output and the error.
    const escaped = escapeHtml(HOSTILE);
    expect(html.split(escaped).length - 1).toBeGreaterThanOrEqual(8);
    expect(html).toContain(`<pre class="code">const a = &quot;${escaped}&quot;;</pre>`);
    expect(html).toContain('<strong>Error:</strong> ' + escaped);
    // Only our own tags: every tag name in the file is from a fixed list.
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1].toLowerCase()));
    const allowed = ['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'h1', 'h2', 'p', 'main', 'section', 'div', 'span', 'strong', 'pre', 'code', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'b', 'br', 'ul', 'li', 'figure', 'figcaption', 'img', 'svg', 'line', 'text', 'polyline', 'rect'];
    expect([...tags].filter((t) => !allowed.includes(t))).toEqual([]);
  });

  it('renders every output type', () => {
    const html = buildHtmlReport(notebook());
    for (const type of ['table', 'profile', 'figure', 'metrics', 'training', 'text', 'markdown', 'json', 'error']) expect(html, type).toContain(`data-output="${type}"`);
    // Table: columns with their types, the row count, the first rows.
    expect(html).toContain('<th scope="col">mass<span class="type">number</span></th>');
    expect(html).toContain('344 rows × 2 columns · first 2 shown');
    expect(html).toContain('<td class="num">3750.5</td>');
    // Metrics cards and the confusion matrix.
    expect(html).toContain('<div class="card" data-metric="accuracy"><b>0.9855</b><span>accuracy</span></div>');
    expect(html).toContain('<th scope="col">&lt;b&gt;Chinstrap&lt;/b&gt;</th>');
    expect(html).toMatch(/<td class="num diag" style="[^"]*">30<\/td>/);
    // Profile, training curve as inline SVG, warnings.
    expect(html).toContain('<th scope="row">mass</th><td>number</td><td class="num">2</td><td class="num">94</td><td class="num">4201.754</td>');
    expect(html).toContain('mass has 2 missing values');
    expect(html).toMatch(/<svg class="curve"[^>]*>[\s\S]*<polyline points="[\d.,\s]+"/);
    expect(html).toContain('best epoch 2');
    // A typed cell: heading with kind and title, compact params.
    expect(html).toContain('<span class="kind">load</span> Load &lt;script&gt;');
    expect(html).toContain('<span>dataset: penguins</span>');
    expect(html).not.toContain('columns: []');
  });

  it('without images, a figure shows its traces\' first points and the note', () => {
    const html = buildHtmlReport(notebook(), { figureNote: 'Figure images are rendered in the app.' });
    expect(html).toContain('<b>x</b> 1, 2, 3, 4, 5, … (7)');
    expect(html).toContain('<b>y</b> 2, 4, 6, 8, 10, … (7)');
    expect(html.split('Figure images are rendered in the app.').length - 1).toBe(2);
    expect(html).not.toContain('<img');
  });

  it('places each pre-rendered figure image in its own cell as an SVG data URL', () => {
    const svgA = '<svg xmlns="http://www.w3.org/2000/svg"><text>Mass – 체중</text></svg>';
    const svgB = '<svg xmlns="http://www.w3.org/2000/svg"><text>second</text></svg>';
    const html = buildHtmlReport(notebook(), { figures: new Map([[figureKey('all', 2), svgA], [figureKey('viz2', 0), svgB]]) });
    const imgs = [...html.matchAll(/<img src="(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+)" alt="([^"]*)">/g)];
    expect(imgs.map((m) => m[2])).toEqual(['Mass by species', 'Second figure']);
    const decode = (url: string) => Buffer.from(url.split(',')[1], 'base64').toString('utf8');
    expect(decode(imgs[0][1])).toBe(svgA);
    expect(decode(imgs[1][1])).toBe(svgB);
    // Each image sits inside its cell's section.
    const section = (id: string) => html.slice(html.indexOf(`id="cell-${id}"`), html.indexOf('</section>\n', html.indexOf(`id="cell-${id}"`)) + 10);
    expect(html.indexOf(imgs[0][1])).toBeGreaterThan(html.indexOf('id="cell-all"'));
    expect(html.indexOf(imgs[0][1])).toBeLessThan(html.indexOf('id="cell-viz2"'));
    expect(html.indexOf(imgs[1][1])).toBeGreaterThan(html.indexOf('id="cell-viz2"'));
    expect(section('load')).not.toContain('<img');
    expect(svgDataUrl('é')).toBe(`data:image/svg+xml;base64,${Buffer.from('é').toString('base64')}`);
  });

  it('markdown: rendered by the host sanitizer; escaped when there is none or when it lets a script through', () => {
    const plain = buildHtmlReport(notebook());
    expect(plain).toContain('<div class="markdown plain"># Intro');
    const sanitizer = (md: string) => `<p>${md.replace(/<[^>]+>/g, '').replace('# Intro', '<strong>Intro</strong>')}</p>`;
    const rendered = buildHtmlReport(notebook(), { renderMarkdown: sanitizer });
    expect(rendered).toContain('<div class="markdown"><p><strong>Intro</strong>');
    const leaky = buildHtmlReport(notebook(), { renderMarkdown: (md) => `<div>${md}</div>` });
    expect(leaky).not.toMatch(/<script/i);
    expect(leaky).toContain('<div class="markdown plain"># Intro');
    // Prose that merely mentions "one = 1" or javascript is not mistaken for a handler.
    const prose = buildHtmlReport({ title: 't', cells: [cell('m', 'markdown', {}, 'x')] }, { renderMarkdown: () => '<p>set one = 1 in javascript: fine</p>' });
    expect(prose).toContain('<div class="markdown"><p>set one = 1 in javascript: fine</p></div>');
  });

  it('uses the given outputs (the app\'s latest run) over the saved ones, and the meta lines', () => {
    const html = buildHtmlReport(notebook(), { outputs: { code1: [{ type: 'text', text: 'fresh' }] }, meta: ['backend wasm', '<b>x</b>'] });
    expect(html).toContain('<pre class="out text" data-output="text">fresh</pre>');
    expect(html).not.toContain('>42</pre>');
    expect(html).toContain('<p class="meta">backend wasm · &lt;b&gt;x&lt;/b&gt;</p>');
  });

  it('paramSummary drops empty values and clips long ones', () => {
    expect(paramSummary({ a: '', b: [], c: {}, d: null, e: 3, f: 'x'.repeat(100), g: [1, 2] })).toEqual(['e: 3', `f: ${'x'.repeat(79)}…`, 'g: [1,2]']);
  });
});
