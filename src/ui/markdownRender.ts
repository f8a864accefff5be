// Markdown to sanitized HTML (marked + the notebook sanitizer policy in
// sanitize.ts), with math typeset by KaTeX. Math is lifted out before marked
// runs (notebook/jupyter/math.ts), as Jupyter does, so that markdown never
// sees a TeX backslash or underscore. This module is a lazy chunk (see
// markdown.ts, its loader); KaTeX loads only when some text has math (loadMath).
import { hasMath, restoreMath, splitMath, type MathSpan } from '../notebook/jupyter/math.ts';
import type { MathOutput } from './katex.ts';
import type { MarkdownOptions, RenderMarkdown } from './markdown.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text for HTML text and attribute values (kept here so that the first screen does not carry the output renderers). */
const escapeText = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

type Typeset = (span: Pick<MathSpan, 'tex' | 'display'>, output?: MathOutput) => string;
let typeset: Typeset | undefined;
let mathLoader: Promise<void> | undefined;

/** Load KaTeX (once); after this, rendered markdown has its math typeset. */
export function loadMath(): Promise<void> {
  mathLoader ??= import('./katex.ts').then((m) => {
    typeset = m.typeset;
  });
  return mathLoader;
}

export function mathLoaded(): boolean {
  return typeset !== undefined;
}

/** A math span as HTML: typeset when KaTeX is loaded, otherwise its source as text. */
export function mathHtml(span: Pick<MathSpan, 'tex' | 'display' | 'source'>, output: MathOutput = 'htmlAndMathml'): string {
  if (typeset) return typeset(span, output);
  return `<span class="math-tex${span.display ? ' display' : ''}">${escapeText(span.source)}</span>`;
}

/** text/latex output: its math spans typeset, the rest as text; text with no delimiters is one display formula. */
export function latexHtml(tex: string, output: MathOutput = 'htmlAndMathml'): string {
  const { text, math } = splitMath(tex);
  if (!math.some((m) => !m.literal)) return mathHtml({ tex, display: true, source: tex }, output);
  return restoreMath(escapeText(text), math, (span) => mathHtml(span, output), escapeText);
}

/** The renderer: marked with the notebook sanitizer policy, math restored after sanitizing. */
export async function createRenderer(): Promise<RenderMarkdown> {
  const [{ Marked }, { sanitizeNotebookHtml }] = await Promise.all([import('marked'), import('./sanitize.ts')]);
  const marked = new Marked({ gfm: true, breaks: false });
  const render = (md: string, options: MarkdownOptions = {}) => {
    const { text, math } = splitMath(md);
    const html = sanitizeNotebookHtml(marked.parse(text, { async: false }) as string, options.attachments);
    // KaTeX's output goes in after sanitizing: it is built by KaTeX from the TeX (trust: false), not taken from the notebook.
    return restoreMath(html, math, (span) => mathHtml(span, options.mathOutput), escapeText);
  };
  return Object.assign(render, { hasMath });
}
