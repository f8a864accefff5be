// Rendering plain Jupyter content: MIME picking, ANSI colours, math
// protection, output HTML, and names shown literally in markdown outputs.
import { describe, expect, it } from 'vitest';
import { marked } from 'marked';
import { pickMime } from '../../src/notebook/jupyter/mime.ts';
import { ansiToHtml, applyCarriageReturns, stripAnsi } from '../../src/notebook/jupyter/ansi.ts';
import { hasMath, restoreMath, splitMath, type MathSpan } from '../../src/notebook/jupyter/math.ts';
import { escapeText, jupyterOutputHtml, mergeStreams } from '../../src/notebook/jupyter/outputHtml.ts';
import { markdownCode, markdownLiteral } from '../../src/notebook/outputText.ts';

describe('pickMime (Jupyter display order, safe types only)', () => {
  it('prefers a DataFrame\'s HTML to its text and a plot\'s image to its repr', () => {
    expect(pickMime({ 'text/plain': ['   a\n0  1'], 'text/html': ['<table></table>'] })).toBe('text/html');
    expect(pickMime({ 'text/plain': ['<Figure size 640x480>'], 'image/png': 'iVBORw0KGgo=' })).toBe('image/png');
    expect(pickMime({ 'image/png': 'iVBORw0KGgo=', 'image/svg+xml': '<svg/>' })).toBe('image/svg+xml');
    expect(pickMime({ 'text/plain': 'x', 'text/latex': '$x$' })).toBe('text/latex');
    expect(pickMime({ 'text/markdown': '# h', 'text/plain': 'h', 'application/json': {} })).toBe('text/markdown');
    expect(pickMime({ 'application/json': { a: 1 }, 'text/plain': '{}' })).toBe('application/json');
  });
  it('never picks code to run: JavaScript and widget views fall back to the text, a script-only HTML too', () => {
    expect(pickMime({ 'application/javascript': 'alert(1)', 'text/plain': '<Javascript>' })).toBe('text/plain');
    expect(pickMime({ 'application/vnd.jupyter.widget-view+json': { model_id: 'x' }, 'text/plain': 'IntSlider()' })).toBe('text/plain');
    expect(pickMime({ 'text/html': ['<script>require(["plotly"])</script>'], 'text/plain': 'Figure' })).toBe('text/plain');
    expect(pickMime({ 'text/html': ['<script>x()</script><b>HTML</b>'], 'text/plain': 'HTML' })).toBe('text/html');
    expect(pickMime({ 'application/vnd.jupyter.widget-view+json': {} })).toBeUndefined();
  });
});

describe('ANSI to HTML', () => {
  it('turns SGR colours and weights into Jupyter\'s classes and escapes the text', () => {
    expect(ansiToHtml('\x1b[0;31mValueError\x1b[0m: <bad> & "x"')).toBe('<span class="ansi-red-fg">ValueError</span>: &lt;bad&gt; &amp; &quot;x&quot;');
    expect(ansiToHtml('\x1b[1;32mok\x1b[22m then\x1b[39m end')).toBe('<span class="ansi-green-fg ansi-bold">ok</span><span class="ansi-green-fg"> then</span> end');
    expect(ansiToHtml('\x1b[94mbright\x1b[0m')).toBe('<span class="ansi-blue-intense-fg">bright</span>');
    expect(ansiToHtml('\x1b[41;97mbg\x1b[m')).toBe('<span class="ansi-white-intense-fg ansi-red-bg">bg</span>');
  });
  it('maps 256-colour and true-colour codes to the nearest of the 16 classes (no style attributes)', () => {
    expect(ansiToHtml('\x1b[38;5;196mred\x1b[0m')).toBe('<span class="ansi-red-intense-fg">red</span>');
    expect(ansiToHtml('\x1b[38;5;2mgreen\x1b[0m')).toBe('<span class="ansi-green-fg">green</span>');
    expect(ansiToHtml('\x1b[38;2;0;0;140mnavy\x1b[0m')).toBe('<span class="ansi-blue-fg">navy</span>');
    expect(ansiToHtml('\x1b[38;5;196mred\x1b[0m')).not.toContain('style');
  });
  it('drops every other escape sequence (cursor moves, erase line, window titles)', () => {
    expect(ansiToHtml('a\x1b[2Kb\x1b[1Ac\x1b]0;title\x07d')).toBe('abcd');
    expect(stripAnsi('\x1b[31mred\x1b[0m')).toBe('red');
  });
  it('applies carriage returns and backspaces as a terminal shows them', () => {
    expect(applyCarriageReturns('10%\r50%\r100%\ndone\n')).toBe('100%\ndone\n');
    expect(applyCarriageReturns('abc\x08\x08x')).toBe('ax');
    expect(applyCarriageReturns('line\r\nnext')).toBe('line\nnext');
  });
});

const spans = (md: string) => splitMath(md).math.map((m) => [m.tex, m.display]);

describe('math protection before markdown', () => {
  it('lifts $…$, $$…$$, \\(…\\), \\[…\\] and \\begin…\\end environments', () => {
    expect(spans('Inline $a_1 + b_1$ and $$\\sum_i x_i$$.')).toEqual([['a_1 + b_1', false], ['\\sum_i x_i', true]]);
    expect(spans('Also \\(x^2\\) and \\[y\\] and \\\\(z\\\\)')).toEqual([['x^2', false], ['y', true], ['z', false]]);
    const env = '\\begin{align}\n a &= b \\\\\n \\begin{matrix} 1 \\end{matrix}\n\\end{align}';
    expect(spans(`Text\n${env}\nmore`)).toEqual([[env, true]]);
    expect(splitMath('x $a$ y').text).toBe('x @@MATH0@@ y');
  });
  it('leaves code, escaped dollars, lone dollars and dollars across paragraphs alone', () => {
    expect(spans('`$x$` and\n```\n$$y$$\n```\n')).toEqual([]);
    expect(spans('costs \\$5 and \\$6')).toEqual([]);
    expect(spans('one $ sign')).toEqual([]);
    expect(spans('$a\n\nb$')).toEqual([]);
    expect(hasMath('no math here')).toBe(false);
    expect(hasMath('$e^{i\\pi}$')).toBe(true);
  });
  it('keeps backslashes and underscores that markdown would eat', () => {
    const md = 'Matrix $$\\begin{matrix} a_1 & b_1 \\\\ c_1 & d_1 \\end{matrix}$$ with *emphasis*';
    // Without protection marked turns "\\\\" into "\\" and a_1 … b_1 into emphasis.
    expect(marked.parse('$a \\\\ b$', { async: false })).toContain('a \\ b');
    const { text, math } = splitMath(md);
    const html = restoreMath(marked.parse(text, { async: false }) as string, math, (s: MathSpan) => `[${s.tex}]`, escapeText);
    expect(html).toContain('[\\begin{matrix} a_1 &amp; b_1 \\\\ c_1 &amp; d_1 \\end{matrix}]'.replace(/&amp;/g, '&'));
    expect(html).toContain('<em>emphasis</em>');
  });
  it('puts a token inside a tag back as escaped source, never as markup, and keeps literal tokens', () => {
    const { text, math } = splitMath('![a $x$ b](i.png) $y$ @@MATH0@@');
    const html = restoreMath(marked.parse(text, { async: false }) as string, math, (s) => `<span class="katex">${s.tex}</span>`, escapeText);
    expect(html).toContain('alt="a $x$ b"');
    expect(html).toContain('<span class="katex">y</span>');
    expect(html).toContain('@@MATH0@@');
    expect(html.match(/class="katex"/g)).toHaveLength(1);
  });
});

describe('Jupyter outputs as HTML', () => {
  it('shows streams, errors with colours, images as data URLs and execute results with their prompt', () => {
    expect(jupyterOutputHtml({ output_type: 'stream', name: 'stderr', text: ['warn <x>\n'] })).toContain('<pre class="jp-stream jp-stderr">warn &lt;x&gt;\n</pre>');
    const error = jupyterOutputHtml({ output_type: 'error', ename: 'ZeroDivisionError', evalue: 'division by zero', traceback: ['\x1b[0;31mZeroDivisionError\x1b[0m: division by zero'] });
    expect(error).toContain('<span class="ansi-red-fg">ZeroDivisionError</span>: division by zero');
    const png = jupyterOutputHtml({ output_type: 'display_data', data: { 'image/png': 'iVBORw0K\nGgo=\n', 'text/plain': 'fig' }, metadata: { 'image/png': { width: 320 } } });
    expect(png).toContain('<img class="jp-image" src="data:image/png;base64,iVBORw0KGgo=" alt="" width="320">');
    expect(jupyterOutputHtml({ output_type: 'execute_result', execution_count: 7, data: { 'text/plain': '42' }, metadata: {} })).toContain('Out[7]:');
    const svg = jupyterOutputHtml({ output_type: 'display_data', data: { 'image/svg+xml': '<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>' } });
    expect(svg).toMatch(/<img class="jp-image" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"/);
    expect(svg).not.toContain('<script');
  });
  it('never emits unsanitized markup: without a sanitizer HTML falls back to its text, bad base64 to text', () => {
    const html = jupyterOutputHtml({ output_type: 'execute_result', data: { 'text/html': '<style>*{color:red}</style><table></table>', 'text/plain': 'df' }, metadata: {} });
    expect(html).toContain('<pre class="jp-text">df</pre>');
    expect(html).not.toContain('<style');
    const sanitized = jupyterOutputHtml({ output_type: 'execute_result', data: { 'text/html': '<table></table>' }, metadata: {} }, { sanitizeHtml: (h) => `[clean ${h.length}]` });
    expect(sanitized).toContain('<div class="jp-html">[clean 15]</div>');
    expect(jupyterOutputHtml({ output_type: 'display_data', data: { 'image/png': '"><script>', 'text/plain': 'p' } })).toContain('<pre class="jp-text">p</pre>');
  });
  it('shows outputs of a newer nbformat as their JSON and names what it cannot show', () => {
    expect(jupyterOutputHtml({ output_type: 'future output', 'some key': ['some data'] })).toContain('<pre class="jp-raw">');
    expect(jupyterOutputHtml({ output_type: 'display_data', data: { 'application/vnd.jupyter.widget-view+json': {} } })).toContain('application/vnd.jupyter.widget-view+json');
  });
  it('joins consecutive output of the same stream as Jupyter does', () => {
    const merged = mergeStreams([
      { output_type: 'stream', name: 'stdout', text: 'a\n' },
      { output_type: 'stream', name: 'stdout', text: ['b\n'] },
      { output_type: 'stream', name: 'stderr', text: 'c\n' },
    ]);
    expect(merged).toEqual([{ output_type: 'stream', name: 'stdout', text: 'a\nb\n' }, { output_type: 'stream', name: 'stderr', text: 'c\n' }]);
  });
});

describe('names in markdown outputs are text', () => {
  it('escapes markup, emphasis, math and links in a name', () => {
    const name = '<img src=x onerror=alert(1)> **big** $x$ [a](b) `c` @@MATH0@@';
    const html = marked.parse(`Registered "${markdownLiteral(name)}"`, { async: false }) as string;
    expect(html).not.toMatch(/<img|<strong|<a |<code/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(splitMath(markdownLiteral(name)).math).toEqual([]);
  });
  it('fences a code span longer than any backtick run inside', () => {
    expect(markdownCode('run-1')).toBe('`run-1`');
    const html = marked.parse(markdownCode('a`b``<i>'), { async: false }) as string;
    expect(html).toContain('<code>a`b``&lt;i&gt;</code>');
  });
});

describe('HTML report of a plain Jupyter notebook', () => {
  it('shows saved images as data URLs and never a script, with or without a host sanitizer', async () => {
    const { readFileSync } = await import('node:fs');
    const { decodeNotebook } = await import('../../src/notebook/ipynb.ts');
    const { buildHtmlReport } = await import('../../src/notebook/htmlReport.ts');
    const { renderMarkdownSafe } = await import('../../src/cli/markdown.ts');
    const text = readFileSync(new URL('../fixtures/jupyter-corpus/nbformat/test4.5.ipynb', import.meta.url), 'utf8');
    const { doc } = decodeNotebook(text);
    const headless = buildHtmlReport(doc, { renderMarkdown: renderMarkdownSafe, jupyter: { markdown: renderMarkdownSafe } });
    expect(headless).toMatch(/<img class="jp-image" src="data:image\/png;base64,[A-Za-z0-9+/=]+"/);
    expect(headless).not.toMatch(/<script/i);
    // Without a sanitizer the HTML output shows its text/plain; the JavaScript output its text/plain too.
    expect(headless).toContain('&lt;IPython.core.display.HTML at 0x1112757d0&gt;');
    expect(headless).toContain('&lt;IPython.core.display.Javascript at 0x1112b4b50&gt;');
    // A host sanitizer that lets a script through is not trusted: the output falls back to escaped text.
    const leaky = buildHtmlReport(doc, { jupyter: { sanitizeHtml: (h) => h } });
    expect(leaky).not.toMatch(/<script/i);
  });
  it('keeps math intact in the headless report (TeX source, backslashes kept)', async () => {
    const { renderMarkdownSafe } = await import('../../src/cli/markdown.ts');
    const html = renderMarkdownSafe('Rows: $$a \\\\ b_1 * c_2$$ and *x*');
    expect(html).toContain('<span class="math-tex display">$$a \\\\ b_1 * c_2$$</span>');
    expect(html).toContain('<em>x</em>');
  });
  it('shows base64 SVG images in the headless report (the pipeline graph) and no other data: or remote image', async () => {
    const { renderMarkdownSafe } = await import('../../src/cli/markdown.ts');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64');
    expect(renderMarkdownSafe(`![graph](data:image/svg+xml;base64,${svg})`)).toContain(`<img src="data:image/svg+xml;base64,${svg}" alt="graph">`);
    expect(renderMarkdownSafe('![x](data:image/svg+xml,%3Csvg%20onload%3Dalert(1)%3E)')).not.toContain('<img');
    expect(renderMarkdownSafe('![x](https://example.com/a.svg)')).not.toContain('<img');
  });
});
