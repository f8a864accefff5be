// A standalone HTML report of a notebook: title, every cell in order
// (markdown rendered, typed cells as a heading with a compact summary of
// their params, code as escaped text) and its outputs (table previews,
// profiles, metrics, confusion matrices, training curves, text, errors,
// figures). One self-contained file that opens offline: inline CSS, images
// as data: URLs, no script at all, and a Content-Security-Policy that would
// block one anyway. Pure: the app passes its markdown sanitizer and figure
// images it rendered with Plotly; the headless runner shows each figure's
// data instead. Every string from the notebook is escaped here.
import type { CellOutput, ConfusionMatrix, FigureOutput, JsonOutput, MetricsOutput, ProfileOutput, Scalar, TableOutput, TrainingOutput } from '../core/outputs.ts';
import type { NotebookCell } from './model.ts';
import { formatScalar } from './outputText.ts';
import { svgDataUrl } from './jupyter/dataUrl.ts';
import { jupyterOutputHtml, mergeStreams, type JupyterRenderers } from './jupyter/outputHtml.ts';

/** The report's policy: nothing loads, nothing runs; only inline styles and data: images. */
export const REPORT_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

export interface HtmlReportOptions {
  /** Outputs by cell id (the app's latest run); a cell without an entry shows its saved outputs. */
  outputs?: Readonly<Record<string, readonly CellOutput[]>>;
  /** Figure images as SVG text, by figureKey(cellId, output index). */
  figures?: ReadonlyMap<string, string>;
  /**
   * Markdown to sanitized HTML (the app passes its DOMPurify sanitizer).
   * Without it markdown is shown as escaped text.
   */
  renderMarkdown?: (markdown: string, attachments?: unknown) => string;
  /**
   * Renderers for the saved outputs of plain Jupyter cells (the app passes its
   * sanitizer and KaTeX; without them HTML outputs show their plain text and
   * LaTeX its source). Images are shown either way, as data: URLs.
   */
  jupyter?: JupyterRenderers;
  /** Shown under a figure that has no image (the headless runner's report). */
  figureNote?: string;
  /** Lines under the title (when, backend, ...), shown as given (escaped). */
  meta?: readonly string[];
  /** Rows of each table preview shown (default 10). */
  maxRows?: number;
  /** Told about each output that could not be shown (its cell's number, the output's index, why); the report shows a note there. */
  onBadOutput?: (cellNumber: number, outputIndex: number, reason: string) => void;
}

/** The key of a figure output's image in HtmlReportOptions.figures. */
export function figureKey(cellId: string, outputIndex: number): string {
  return `${cellId}#${outputIndex}`;
}

/** Text for HTML text and attribute values: & < > " ' escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export { svgDataUrl } from './jupyter/dataUrl.ts';

// --- formatting ---------------------------------------------------------------

function num(x: number | undefined): string {
  if (x === undefined || x === null) return '—';
  return formatScalar(x);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function scalarCell(v: Scalar | undefined): string {
  if (v === null || v === undefined) return '<td class="missing">—</td>';
  return `<td${typeof v === 'number' ? ' class="num"' : ''}>${escapeHtml(clip(formatScalar(v), 200))}</td>`;
}

/** A compact summary of a typed cell's params: non-empty values, JSON, clipped. */
export function paramSummary(params: Record<string, unknown>, max = 14): string[] {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(params)) {
    if (v === '' || v === null || v === undefined || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0)) continue;
    let text: string;
    try {
      text = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
    } catch {
      text = String(v);
    }
    parts.push(`${k}: ${clip(text.replace(/\s+/g, ' '), 80)}`);
  }
  return parts.length > max ? [...parts.slice(0, max), `… ${parts.length - max} more`] : parts;
}

// --- outputs ------------------------------------------------------------------

function tableHtml(t: TableOutput, maxRows: number): string {
  const names = t.columns.map((c) => c.name);
  const rows = t.rows.slice(0, maxRows);
  const head = t.columns.map((c) => `<th scope="col">${escapeHtml(c.name)}<span class="type">${escapeHtml(c.type)}</span></th>`).join('');
  const body = rows.map((r) => `<tr>${names.map((n) => scalarCell(r[n])).join('')}</tr>`).join('\n');
  const what = `${t.rowCount.toLocaleString('en-US')} rows × ${t.columns.length} columns${rows.length < t.rowCount ? ` · first ${rows.length} shown` : ''}`;
  const title = t.title ?? t.name;
  return `<section class="out table" data-output="table">
<p class="out-head">${title ? `<strong>${escapeHtml(title)}</strong> · ` : ''}<span class="muted">${escapeHtml(what)}</span></p>
<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table></div>
</section>`;
}

function profileHtml(p: ProfileOutput): string {
  const rows = p.columns.map((c) => {
    const top = c.top.slice(0, 3).map((v) => `${formatScalar(v.value)} (${v.count})`).join(', ');
    const mm = (x: number | string | undefined) => (typeof x === 'number' ? num(x) : (x ?? '—'));
    return `<tr><th scope="row">${escapeHtml(c.name)}</th><td>${escapeHtml(c.type)}</td><td class="num">${c.missing}</td><td class="num">${c.unique}</td><td class="num">${escapeHtml(num(c.mean))}</td><td class="num">${escapeHtml(num(c.std))}</td><td class="num">${escapeHtml(String(mm(c.min)))}</td><td class="num">${escapeHtml(num(c.median))}</td><td class="num">${escapeHtml(String(mm(c.max)))}</td><td>${escapeHtml(clip(top, 120))}</td></tr>`;
  });
  const warnings = p.warnings.length ? `<ul class="warnings">${p.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>` : '';
  const title = p.title ?? (p.name ? `Profile of ${p.name}` : 'Profile');
  return `<section class="out profile" data-output="profile">
<p class="out-head"><strong>${escapeHtml(title)}</strong> · <span class="muted">${p.rowCount.toLocaleString('en-US')} rows × ${p.columns.length} columns</span></p>
<div class="scroll"><table><thead><tr><th>column</th><th>type</th><th>missing</th><th>unique</th><th>mean</th><th>std</th><th>min</th><th>median</th><th>max</th><th>top values</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></div>
${warnings}</section>`;
}

function confusionHtml(c: ConfusionMatrix): string {
  const max = Math.max(1, ...c.matrix.flat());
  const head = c.labels.map((l) => `<th scope="col">${escapeHtml(l)}</th>`).join('');
  const body = c.matrix.map((row, i) => {
    const cells = row.map((v, j) => {
      const a = v / max;
      return `<td class="num${i === j ? ' diag' : ''}" style="background: rgba(37, 99, 235, ${(0.08 + 0.85 * a).toFixed(3)});${a > 0.55 ? ' color: #fff;' : ''}">${v}</td>`;
    }).join('');
    return `<tr><th scope="row">${escapeHtml(c.labels[i] ?? '')}</th>${cells}</tr>`;
  });
  return `<table class="confusion" aria-label="confusion matrix"><thead><tr><th class="corner">actual ↓ / predicted →</th>${head}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

function metricsHtml(m: MetricsOutput): string {
  const cards = Object.entries(m.metrics).map(([k, v]) => `<div class="card" data-metric="${escapeHtml(k)}"><b>${escapeHtml(num(v))}</b><span>${escapeHtml(k)}</span></div>`).join('');
  return `<section class="out metrics" data-output="metrics">
${m.title ? `<p class="out-head"><strong>${escapeHtml(m.title)}</strong></p>` : ''}<div class="cards">${cards}</div>
${m.confusion ? confusionHtml(m.confusion) : ''}</section>`;
}

const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2'];

/** The training curves as an inline SVG (drawn here: no library, no script). */
function curveSvg(history: TrainingOutput['history'], keys: string[]): string {
  const W = 520;
  const H = 200;
  const pad = { l: 48, r: 130, t: 10, b: 24 };
  const values = keys.flatMap((k) => history.map((h) => h[k]).filter((v) => Number.isFinite(v)));
  if (!history.length || !values.length) return '';
  const xs = history.map((h) => h.epoch);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs, x0 + 1);
  let y0 = Math.min(...values);
  let y1 = Math.max(...values);
  if (y0 === y1) {
    y0 -= 0.5;
    y1 += 0.5;
  }
  const sx = (x: number) => (pad.l + ((x - x0) / (x1 - x0)) * (W - pad.l - pad.r)).toFixed(1);
  const sy = (y: number) => (pad.t + (1 - (y - y0) / (y1 - y0)) * (H - pad.t - pad.b)).toFixed(1);
  const lines = keys.map((k, i) => {
    const pts = history.filter((h) => Number.isFinite(h[k])).map((h) => `${sx(h.epoch)},${sy(h[k])}`).join(' ');
    const color = COLORS[i % COLORS.length];
    return `<polyline points="${pts}" fill="none" stroke="${color}" stroke-width="2"/><rect x="${W - pad.r + 10}" y="${pad.t + i * 16}" width="10" height="10" fill="${color}"/><text x="${W - pad.r + 24}" y="${pad.t + 9 + i * 16}">${escapeHtml(clip(k, 16))}</text>`;
  });
  const tick = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3));
  return `<svg class="curve" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="training curves" font-size="11" font-family="sans-serif">
<line x1="${pad.l}" y1="${H - pad.b}" x2="${W - pad.r}" y2="${H - pad.b}" stroke="#8792a2"/><line x1="${pad.l}" y1="${pad.t}" x2="${pad.l}" y2="${H - pad.b}" stroke="#8792a2"/>
<text x="${pad.l - 4}" y="${sy(y1)}" text-anchor="end">${tick(y1)}</text><text x="${pad.l - 4}" y="${sy(y0)}" text-anchor="end">${tick(y0)}</text>
<text x="${pad.l}" y="${H - 6}">${x0}</text><text x="${W - pad.r}" y="${H - 6}" text-anchor="end">epoch ${x1}</text>
${lines.join('\n')}
</svg>`;
}

function trainingHtml(o: TrainingOutput): string {
  const keys = o.history.length ? Object.keys(o.history[o.history.length - 1]).filter((k) => k !== 'epoch') : [];
  const loss = keys.filter((k) => /loss/i.test(k));
  const other = keys.filter((k) => !/loss/i.test(k));
  return `<section class="out training" data-output="training">
<p class="out-head"><strong>${escapeHtml(o.title ?? 'Training')}</strong>${o.bestEpoch !== undefined ? ` · <span class="muted">best epoch ${o.bestEpoch}</span>` : ''}</p>
${curveSvg(o.history, loss)}${other.length ? curveSvg(o.history, other) : ''}
${o.summary ? `<p class="muted">${escapeHtml(o.summary)}</p>` : ''}</section>`;
}

/** A figure's data when there is no image: each trace's type, name and first points. */
function figureData(f: FigureOutput, points = 5): string {
  const traces = f.spec.data.slice(0, 8).map((tr, i) => {
    const name = typeof tr.name === 'string' ? tr.name : `trace ${i + 1}`;
    const type = typeof tr.type === 'string' ? tr.type : 'scatter';
    const first = (key: string) => {
      const v = tr[key];
      if (!Array.isArray(v) && !ArrayBuffer.isView(v)) return undefined;
      const arr = Array.from(v as ArrayLike<unknown>);
      const shown = arr.slice(0, points).map((x) => (Array.isArray(x) ? `[${x.length}]` : typeof x === 'number' ? formatScalar(x) : String(x)));
      return `${shown.join(', ')}${arr.length > points ? `, … (${arr.length})` : ''}`;
    };
    const cols = ['x', 'y', 'z', 'labels', 'values'].map((k) => [k, first(k)] as const).filter(([, v]) => v !== undefined);
    return `<tr><td>${escapeHtml(clip(name, 60))}</td><td>${escapeHtml(type)}</td><td>${cols.map(([k, v]) => `<b>${k}</b> ${escapeHtml(clip(v!, 200))}`).join('<br>')}</td></tr>`;
  });
  const more = f.spec.data.length > 8 ? `<p class="muted">… ${f.spec.data.length - 8} more traces</p>` : '';
  return `<div class="scroll"><table class="figure-data"><thead><tr><th>trace</th><th>type</th><th>first points</th></tr></thead><tbody>${traces.join('')}</tbody></table></div>${more}`;
}

function figureHtml(f: FigureOutput, svg: string | undefined, note: string | undefined): string {
  const layoutTitle = (f.spec.layout?.title as { text?: unknown } | string | undefined);
  const title = f.title ?? (typeof layoutTitle === 'string' ? layoutTitle : typeof layoutTitle?.text === 'string' ? layoutTitle.text : 'Figure');
  const body = svg !== undefined
    ? `<img src="${svgDataUrl(svg)}" alt="${escapeHtml(title)}">`
    : `${figureData(f)}${note ? `<p class="note">${escapeHtml(note)}</p>` : ''}`;
  return `<figure class="out figure" data-output="figure"${svg !== undefined ? ' data-image="svg"' : ''}>
<figcaption>${escapeHtml(title)}</figcaption>
${body}
</figure>`;
}

function jsonHtml(o: JsonOutput): string {
  let text: string;
  try {
    text = JSON.stringify(o.value, null, 2) ?? String(o.value);
  } catch {
    text = String(o.value);
  }
  return `<section class="out json" data-output="json">${o.title ? `<p class="out-head"><strong>${escapeHtml(o.title)}</strong></p>` : ''}<pre>${escapeHtml(clip(text, 8000))}</pre></section>`;
}

/** What sanitized HTML never holds: script-capable tags, event handler attributes, javascript: URLs (checked inside tags only: prose may say "one = 1"). */
const UNSAFE_HTML = /<\s*\/?\s*(script|style|iframe|object|embed|meta|link|base|form|frame|frameset)\b|<[^>]*\son[a-z]+\s*=|<[^>]*=\s*["']?\s*javascript:/i;

/** Sanitized HTML from the host's renderer, or the escaped text: a renderer that lets a script through is not trusted. */
function markdownHtml(markdown: string, render: HtmlReportOptions['renderMarkdown'], attachments?: unknown): string {
  if (render) {
    let html: string | undefined;
    try {
      html = render(markdown, attachments);
    } catch {
      html = undefined;
    }
    if (html !== undefined && !UNSAFE_HTML.test(html)) return `<div class="markdown">${html}</div>`;
  }
  return `<div class="markdown plain">${escapeHtml(markdown)}</div>`;
}

function outputHtml(o: CellOutput, cellId: string, index: number, options: HtmlReportOptions): string {
  switch (o.type) {
    case 'table':
      return tableHtml(o, options.maxRows ?? 10);
    case 'profile':
      return profileHtml(o);
    case 'figure':
      return figureHtml(o, options.figures?.get(figureKey(cellId, index)), options.figureNote);
    case 'metrics':
      return metricsHtml(o);
    case 'training':
      return trainingHtml(o);
    case 'text':
      return `<pre class="out text" data-output="text">${escapeHtml(o.text)}</pre>`;
    case 'markdown':
      return `<section class="out md" data-output="markdown">${markdownHtml(o.markdown, options.renderMarkdown)}</section>`;
    case 'json':
      return jsonHtml(o);
    case 'error':
      return `<section class="out error" data-output="error"><p><strong>Error:</strong> ${escapeHtml(o.message)}</p>${o.hint ? `<p><strong>Hint:</strong> ${escapeHtml(o.hint)}</p>` : ''}${o.where ? `<p><strong>Where:</strong> <code>${escapeHtml(o.where)}</code></p>` : ''}</section>`;
    default:
      return `<pre class="out">${escapeHtml(JSON.stringify(o))}</pre>`;
  }
}

/** A saved output that does not have its type's shape (a hand-edited file) is reported in its place, never fatal. */
function safeOutputHtml(o: CellOutput, cellId: string, index: number, cellNumber: number, options: HtmlReportOptions): string {
  try {
    return outputHtml(o, cellId, index, options);
  } catch (error) {
    const type = typeof o === 'object' && o !== null && typeof (o as { type?: unknown }).type === 'string' ? (o as { type: string }).type : 'unknown';
    const reason = error instanceof Error ? error.message : 'malformed';
    options.onBadOutput?.(cellNumber, index, `a saved ${type} output could not be shown (${reason})`);
    return `<section class="out error" data-output="bad"><p>This saved output (${escapeHtml(type)}) could not be shown: ${escapeHtml(reason)}.</p></section>`;
  }
}

/** Saved outputs of a plain Jupyter cell; a host sanitizer whose output still holds script-capable markup is not trusted. */
function jupyterOutputsHtml(outputs: readonly unknown[], renderers: JupyterRenderers = {}): string {
  if (!outputs.length) return '';
  const guard = (f: ((text: string) => string) | undefined) =>
    f &&
    ((text: string) => {
      let html: string;
      try {
        html = f(text);
      } catch {
        return `<pre>${escapeHtml(text)}</pre>`;
      }
      return UNSAFE_HTML.test(html) ? `<pre>${escapeHtml(text)}</pre>` : html;
    });
  const safe: JupyterRenderers = { ...renderers, sanitizeHtml: guard(renderers.sanitizeHtml), markdown: guard(renderers.markdown), latex: guard(renderers.latex) };
  return `<div class="jp-outputs">${mergeStreams(outputs).map((o) => jupyterOutputHtml(o, safe)).join('\n')}</div>`;
}

// --- cells ----------------------------------------------------------------------

function cellHtml(cell: NotebookCell, n: number, options: HtmlReportOptions): string {
  const outputs = options.outputs?.[cell.id] ?? cell.outputs;
  const outs = outputs.map((o, i) => safeOutputHtml(o, cell.id, i, n, options)).join('\n');
  const attrs = `id="cell-${escapeHtml(cell.id)}" data-kind="${escapeHtml(cell.kind)}"`;
  if (cell.kind === 'markdown') return `<section class="cell markdown-cell" ${attrs}>${markdownHtml(cell.jupyter.source, options.renderMarkdown, cell.jupyter.attachments)}${outs}</section>`;
  const heading = `<h2><span class="n">[${n}]</span> <span class="kind">${escapeHtml(cell.kind === 'foreign' ? `Jupyter ${cell.jupyter.cellType}` : cell.kind)}</span>${cell.title ? ` ${escapeHtml(cell.title)}` : ''}</h2>`;
  let body = '';
  if (cell.kind === 'code' || cell.kind === 'foreign') {
    body = cell.jupyter.source.trim() ? `<pre class="code">${escapeHtml(cell.jupyter.source)}</pre>` : '';
    if (cell.kind === 'foreign') body += jupyterOutputsHtml(cell.jupyter.outputs ?? [], options.jupyter);
  } else {
    const params = paramSummary(cell.params);
    body = params.length ? `<p class="params">${params.map((p) => `<span>${escapeHtml(p)}</span>`).join(' ')}</p>` : '';
  }
  return `<section class="cell" ${attrs}>
${heading}
${body}
${outs}
</section>`;
}

const CSS = `
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2933; max-width: 1100px; margin: 2rem auto; padding: 0 1rem; }
h1 { margin-bottom: .2rem; } .meta, .muted { color: #5b6676; } .meta { margin-top: 0; font-size: 13px; }
.cell { border-top: 1px solid #d9dee5; padding: .6rem 0; }
.cell h2 { font-size: 16px; margin: .2rem 0; } .cell h2 .n { color: #8792a2; font-weight: 400; } .cell h2 .kind { background: #eef2f7; border-radius: 4px; padding: 0 .4rem; font-family: ui-monospace, monospace; font-size: 13px; }
.params { font-size: 12px; color: #3e4c59; margin: .2rem 0; } .params span { display: inline-block; background: #f5f7fa; border-radius: 4px; padding: 0 .35rem; margin: 0 .2rem .2rem 0; font-family: ui-monospace, monospace; }
pre { background: #f5f7fa; padding: .5rem .7rem; border-radius: 4px; overflow: auto; font-size: 12.5px; white-space: pre-wrap; word-break: break-word; }
.out { margin: .5rem 0; } .out-head { margin: .2rem 0; font-size: 13px; }
.scroll { overflow: auto; max-width: 100%; }
table { border-collapse: collapse; font-size: 12.5px; } th, td { border: 1px solid #e1e5eb; padding: 2px 6px; text-align: left; vertical-align: top; }
thead th { background: #f5f7fa; } td.num { text-align: right; font-variant-numeric: tabular-nums; } td.missing { color: #9aa4b2; }
th .type { display: block; font-weight: 400; font-size: 11px; color: #5b6676; }
.cards { display: flex; flex-wrap: wrap; gap: .5rem; } .card { border: 1px solid #d9dee5; border-radius: 6px; padding: .35rem .7rem; min-width: 90px; }
.card b { display: block; font-size: 18px; } .card span { font-size: 12px; color: #5b6676; }
table.confusion { margin-top: .5rem; } table.confusion td { min-width: 3rem; text-align: center; } .corner { font-size: 11px; color: #5b6676; }
figure { margin: .5rem 0; } figure img { max-width: 100%; height: auto; border: 1px solid #eef0f3; } figcaption { font-size: 13px; font-weight: 600; }
.note { font-size: 12px; color: #7b4f00; background: #fff8e6; padding: .2rem .5rem; border-radius: 4px; }
.error { border-left: 4px solid #dc2626; background: #fef2f2; padding: .2rem .7rem; } .warnings { color: #92400e; font-size: 13px; }
.markdown.plain { white-space: pre-wrap; } .markdown img { max-width: 100%; }
svg.curve { max-width: 100%; height: auto; }
.jp-output { margin: .4rem 0; overflow-x: auto; } .jp-output img { max-width: 100%; height: auto; } .jp-prompt { display: block; font-size: 11px; color: #8792a2; }
.jp-stderr { background: #fdecec; } .jp-error { background: #fdf1f1; border-left: 3px solid #dc2626; }
.jp-html table { border: none; } .jp-html thead { border-bottom: 1px solid #000; } .jp-html th, .jp-html td { border: none; text-align: right; padding: .3em .6em; } .jp-html tbody tr:nth-child(odd) { background: #f5f5f5; }
.ansi-red-fg { color: #e75c58; } .ansi-green-fg { color: #00a250; } .ansi-yellow-fg { color: #ddb62b; } .ansi-blue-fg { color: #208ffb; } .ansi-magenta-fg { color: #d160c4; } .ansi-cyan-fg { color: #60c6c8; }
.ansi-red-intense-fg { color: #b22b31; } .ansi-green-intense-fg { color: #007427; } .ansi-yellow-intense-fg { color: #b27d12; } .ansi-blue-intense-fg { color: #0065ca; } .ansi-magenta-intense-fg { color: #a03196; } .ansi-cyan-intense-fg { color: #258f8f; }
.ansi-bold { font-weight: bold; } .ansi-underline { text-decoration: underline; } .ansi-italic { font-style: italic; }
.math-tex { font-family: ui-monospace, monospace; } .math-tex.display { display: block; }
`;

/** The whole report: one HTML document, no script, every notebook string escaped. */
export function buildHtmlReport(doc: { title: string; cells: readonly NotebookCell[] }, options: HtmlReportOptions = {}): string {
  return [...htmlReportPieces(doc, options)].join('');
}

/** The report in pieces (head, one per cell, tail), so a writer streams it to a file instead of building one string. */
export function* htmlReportPieces(doc: { title: string; cells: readonly NotebookCell[] }, options: HtmlReportOptions = {}): Generator<string> {
  const title = doc.title.trim() || 'Untitled notebook';
  const meta = options.meta?.length ? `<p class="meta">${options.meta.map(escapeHtml).join(' · ')}</p>` : '';
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ML Workbench">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1>${meta}</header>
<main>
`;
  let n = 0;
  for (const c of doc.cells) yield `${cellHtml(c, c.kind === 'markdown' ? n : ++n, options)}\n`;
  yield `</main>
</body>
</html>
`;
}
