// Markdown for the headless runner's HTML report. The app sanitizes marked's
// output with DOMPurify, which needs a DOM that Node lacks; here raw HTML in
// the markdown is shown as text instead, links keep only safe URLs and
// images only data: URLs (the report's CSP loads nothing else anyway; an SVG
// shown as an image runs no script, as the report's own figures are).
import { Marked, type Tokens } from 'marked';
import { escapeHtml } from '../notebook/htmlReport.ts';
import { restoreMath, splitMath } from '../notebook/jupyter/math.ts';

const SAFE_LINK = /^(https?:|mailto:|#|\/|\.{0,2}\/|[\w-]+(\.[\w-]+)*(\/|$))/i;

const marked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(token.text);
    },
    link(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Link): string {
      const text = this.parser.parseInline(token.tokens);
      const href = token.href.trim();
      if (!SAFE_LINK.test(href) || /^\s*(javascript|data|vbscript):/i.test(href)) return text;
      return `<a href="${escapeHtml(href)}"${token.title ? ` title="${escapeHtml(token.title)}"` : ''}>${text}</a>`;
    },
    image(token: Tokens.Image): string {
      if (/^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,[a-z0-9+/=]+$/i.test(token.href)) return `<img src="${escapeHtml(token.href)}" alt="${escapeHtml(token.text)}">`;
      return `<span class="muted">[image: ${escapeHtml(token.text || token.href)}]</span>`;
    },
  },
});

/**
 * Markdown to HTML with no raw HTML passed through. Math is lifted out first
 * (as in the app) so that markdown does not mangle it, and shown as its TeX
 * source: the headless report has no typesetter.
 */
export function renderMarkdownSafe(markdown: string): string {
  const { text, math } = splitMath(markdown);
  const html = marked.parse(text, { async: false }) as string;
  return restoreMath(html, math, (span) => `<span class="math-tex${span.display ? ' display' : ''}">${escapeHtml(span.source)}</span>`, escapeHtml);
}
