// A saved output of a plain Jupyter code cell as HTML, shared by the app
// and the HTML report. Pure: the host passes the sanitizer, the markdown
// renderer and the TeX typesetter (the app: DOMPurify with the notebook
// policy, marked, KaTeX). Without a sanitizer, HTML and markdown fall back
// to the output's plain text, so nothing unsanitized is ever produced here:
// every other value is escaped, images are data: URLs of validated base64.
import { ansiToHtml, applyCarriageReturns } from './ansi.ts';
import { base64DataUrl, svgDataUrl } from './dataUrl.ts';
import { isBase64Image, joinText, pickMime, type DisplayMime } from './mime.ts';

export interface JupyterRenderers {
  /** HTML from a notebook → HTML safe to insert (the sanitizer policy). */
  sanitizeHtml?: (html: string) => string;
  /** Markdown → sanitized HTML with its math typeset. */
  markdown?: (markdown: string) => string;
  /** text/latex → typeset HTML (the host's typesetter); without it the TeX source is shown. */
  latex?: (tex: string) => string;
  /** "This output's type ({types}) is not shown here." in the reader's language. */
  notShown?: (types: string) => string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Width/height from the output's metadata (matplotlib's retina figures), as attributes. */
function sizeAttrs(metadata: unknown, mime: string): string {
  const m = isObject(metadata) && isObject(metadata[mime]) ? (metadata[mime] as Json) : {};
  const dim = (k: string) => (typeof m[k] === 'number' && Number.isFinite(m[k]) && (m[k] as number) > 0 ? ` ${k}="${Math.round(m[k] as number)}"` : '');
  return dim('width') + dim('height');
}

function plain(text: string, cls = 'jp-text'): string {
  return `<pre class="${cls}">${ansiToHtml(applyCarriageReturns(text))}</pre>`;
}

function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/** One MIME bundle (display_data, execute_result) as HTML; `mime` is the type picked. */
function bundleHtml(data: Json, metadata: unknown, mime: DisplayMime, r: JupyterRenderers): string {
  const value = data[mime];
  const text = joinText(value);
  const fallback = () => ('text/plain' in data ? plain(joinText(data['text/plain'])) : `<pre class="jp-text">${escapeText(text)}</pre>`);
  switch (mime) {
    case 'text/html':
      return r.sanitizeHtml ? `<div class="jp-html">${r.sanitizeHtml(text)}</div>` : fallback();
    case 'text/markdown':
      return r.markdown ? `<div class="markdown jp-markdown">${r.markdown(text)}</div>` : fallback();
    case 'text/latex':
      return r.latex ? `<div class="jp-latex">${r.latex(text)}</div>` : `<pre class="jp-latex-source">${escapeText(text)}</pre>`;
    case 'image/svg+xml':
      return `<img class="jp-image" src="${svgDataUrl(text)}" alt=""${sizeAttrs(metadata, mime)}>`;
    case 'application/json':
      return `<pre class="jp-json">${escapeText(jsonText(value))}</pre>`;
    case 'text/plain':
      return plain(text);
    default: {
      if (!isBase64Image(mime)) return fallback();
      const url = base64DataUrl(mime, text);
      return url ? `<img class="jp-image" src="${url}" alt=""${sizeAttrs(metadata, mime)}>` : fallback();
    }
  }
}

/**
 * A Jupyter output (nbformat 4 `outputs[i]`) as HTML inside a
 * `<div class="jp-output" data-output-type=… data-mime=…>`. Unknown output
 * types (a newer nbformat's) are shown as their JSON, never refused.
 */
export function jupyterOutputHtml(output: unknown, r: JupyterRenderers = {}): string {
  if (!isObject(output)) return wrap('unknown', '', `<pre class="jp-raw">${escapeText(jsonText(output))}</pre>`);
  const type = typeof output.output_type === 'string' ? output.output_type : 'unknown';
  if (type === 'stream') {
    const name = output.name === 'stderr' ? 'stderr' : 'stdout';
    return wrap(type, '', plain(joinText(output.text), `jp-stream jp-${name}`));
  }
  if (type === 'error') {
    const traceback = Array.isArray(output.traceback) ? output.traceback.filter((l): l is string => typeof l === 'string') : [];
    const text = traceback.length ? traceback.join('\n') : `${String(output.ename ?? 'Error')}: ${String(output.evalue ?? '')}`;
    return wrap(type, '', plain(text, 'jp-error'));
  }
  if ((type === 'display_data' || type === 'execute_result' || type === 'update_display_data') && isObject(output.data)) {
    const mime = pickMime(output.data);
    const count = type === 'execute_result' && typeof output.execution_count === 'number' ? `<span class="jp-prompt">Out[${output.execution_count}]:</span>` : '';
    if (!mime) {
      const types = Object.keys(output.data).join(', ');
      const note = r.notShown ? r.notShown(types) : `This output's type (${types}) is not shown here.`;
      return wrap(type, '', `<p class="jp-unknown">${escapeText(note)}</p>`);
    }
    return wrap(type, mime, count + bundleHtml(output.data, output.metadata, mime, r));
  }
  return wrap(type, '', `<pre class="jp-raw">${escapeText(jsonText(output))}</pre>`);
}

function wrap(type: string, mime: string, body: string): string {
  return `<div class="jp-output" data-output-type="${escapeText(type)}"${mime ? ` data-mime="${escapeText(mime)}"` : ''}>${body}</div>`;
}

/** Consecutive stream outputs of the same stream joined, as Jupyter shows them. */
export function mergeStreams(outputs: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const o of outputs) {
    const prev = out[out.length - 1];
    if (isObject(o) && o.output_type === 'stream' && isObject(prev) && prev.output_type === 'stream' && prev.name === o.name) {
      out[out.length - 1] = { ...prev, text: joinText(prev.text) + joinText(o.text) };
    } else out.push(o);
  }
  return out;
}
