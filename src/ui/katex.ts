// KaTeX, bundled (its CSS and fonts are served from the app's origin by
// Vite) and loaded only when a notebook shows math (markdown.ts).
import katex from 'katex';
import 'katex/dist/katex.min.css';
import type { MathSpan } from '../notebook/jupyter/math.ts';

export type MathOutput = 'htmlAndMathml' | 'mathml';

/**
 * One span typeset. trust: false keeps \href, \url, \htmlClass, \htmlStyle and
 * the like out; a span KaTeX cannot parse shows its source in red (throwOnError: false).
 */
export function typeset(span: Pick<MathSpan, 'tex' | 'display'>, output: MathOutput = 'htmlAndMathml'): string {
  return katex.renderToString(span.tex, { displayMode: span.display, throwOnError: false, trust: false, strict: 'ignore', output, maxSize: 40, maxExpand: 1000 });
}
