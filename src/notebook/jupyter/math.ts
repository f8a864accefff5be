// Math in markdown, protected from the markdown parser. Markdown treats
// backslashes, underscores and asterisks as its own (`\\` becomes `\`,
// `a_1 b_2` becomes emphasis), which breaks TeX; Jupyter therefore lifts
// every math span out of the text before markdown runs and puts it back,
// typeset, afterwards. splitMath does the lifting: it replaces each span
// with a token (@@MATH<n>@@) and returns the spans; restoreMath puts the
// rendered spans back into the HTML. Code spans and fenced code blocks are
// left alone, and `\$` is a dollar sign, as in Jupyter.

export interface MathSpan {
  /** The TeX to typeset (without $ or \( delimiters; a \begin…\end environment whole). */
  tex: string;
  /** Display (block) math: $$…$$, \[…\], \begin{env}…\end{env}. */
  display: boolean;
  /** The text as it was in the markdown, delimiters included. */
  source: string;
  /** A token-like text that was already in the markdown: put back as it was, never typeset. */
  literal?: boolean;
}

export interface SplitMath {
  text: string;
  math: MathSpan[];
}

export const mathToken = (n: number): string => `@@MATH${n}@@`;
const TOKEN = /@@MATH(\d+)@@/g;

/** Index of `close` at or after `from` that is not escaped by a backslash, or -1. */
function findClose(text: string, close: string, from: number): number {
  for (let i = text.indexOf(close, from); i >= 0; i = text.indexOf(close, i + 1)) {
    let slashes = 0;
    for (let j = i - 1; j >= 0 && text[j] === '\\'; j--) slashes++;
    if (slashes % 2 === 0) return i;
  }
  return -1;
}

/** End (exclusive) of the \end{name} that closes the \begin{name} opened before `from`, nested ones counted; -1 if none. */
function findEnvironmentEnd(text: string, name: string, from: number): number {
  const begin = `\\begin{${name}}`;
  const end = `\\end{${name}}`;
  let depth = 1;
  let i = from;
  while (i < text.length) {
    const b = text.indexOf(begin, i);
    const e = text.indexOf(end, i);
    if (e < 0) return -1;
    if (b >= 0 && b < e) {
      depth++;
      i = b + begin.length;
    } else {
      depth--;
      i = e + end.length;
      if (depth === 0) return i;
    }
  }
  return -1;
}

const BLANK_LINE = /\n[ \t]*\n/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Lift the math out of markdown: the text with tokens, and the spans in token order. */
export function splitMath(markdown: string): SplitMath {
  const math: MathSpan[] = [];
  let out = '';
  let i = 0;
  const n = markdown.length;
  const push = (span: MathSpan, end: number) => {
    out += mathToken(math.length);
    math.push(span);
    i = end;
  };
  while (i < n) {
    const atLineStart = i === 0 || markdown[i - 1] === '\n';
    if (atLineStart) {
      const fence = FENCE.exec(markdown.slice(i, i + 40));
      if (fence) {
        // A fenced code block runs to a closing fence of the same character at least as long, or to the end.
        const marker = fence[1];
        const lineEnd = markdown.indexOf('\n', i);
        let j = lineEnd < 0 ? n : lineEnd + 1;
        const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
        while (j < n) {
          const next = markdown.indexOf('\n', j);
          const line = markdown.slice(j, next < 0 ? n : next);
          j = next < 0 ? n : next + 1;
          if (closing.test(line)) break;
        }
        out += markdown.slice(i, j);
        i = j;
        continue;
      }
    }
    const c = markdown[i];
    if (c === '`') {
      let run = 1;
      while (markdown[i + run] === '`') run++;
      const ticks = '`'.repeat(run);
      let close = markdown.indexOf(ticks, i + run);
      while (close >= 0 && markdown[close + run] === '`') {
        let k = close;
        while (markdown[k] === '`') k++;
        close = markdown.indexOf(ticks, k);
      }
      const end = close < 0 ? i + run : close + run;
      out += markdown.slice(i, end);
      i = end;
      continue;
    }
    if (c === '@' && markdown.startsWith('@@MATH', i)) {
      const m = /^@@MATH\d+@@/.exec(markdown.slice(i, i + 30));
      if (m) {
        push({ tex: m[0], display: false, source: m[0], literal: true }, i + m[0].length);
        continue;
      }
    }
    if (c === '\\') {
      // \\( and \\[ (the escaped forms Jupyter users type so that markdown keeps one backslash) or \( and \[.
      const double = markdown[i + 1] === '\\' && (markdown[i + 2] === '(' || markdown[i + 2] === '[');
      const open = double ? markdown[i + 2] : markdown[i + 1];
      if (open === '(' || open === '[') {
        const lead = double ? '\\\\' : '\\';
        const close = `${lead}${open === '(' ? ')' : ']'}`;
        const start = i + lead.length + 1;
        const end = markdown.indexOf(close, start);
        if (end > start && !BLANK_LINE.test(markdown.slice(start, end))) {
          push({ tex: markdown.slice(start, end), display: open === '[', source: markdown.slice(i, end + close.length) }, end + close.length);
          continue;
        }
      }
      const env = /^\\begin\{([A-Za-z]+\*?)\}/.exec(markdown.slice(i, i + 40));
      if (env) {
        const end = findEnvironmentEnd(markdown, env[1], i + env[0].length);
        if (end > 0) {
          const source = markdown.slice(i, end);
          push({ tex: source, display: true, source }, end);
          continue;
        }
      }
      // Any other escape (\$, \\, \*) is markdown's: copied with the character it escapes.
      out += markdown.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c === '$') {
      const display = markdown[i + 1] === '$';
      const delim = display ? '$$' : '$';
      const start = i + delim.length;
      const end = findClose(markdown, delim, start);
      const tex = end < 0 ? '' : markdown.slice(start, end);
      if (end >= 0 && tex.trim() !== '' && !BLANK_LINE.test(tex)) {
        push({ tex, display, source: markdown.slice(i, end + delim.length) }, end + delim.length);
        continue;
      }
      out += delim;
      i = start;
      continue;
    }
    out += c;
    i++;
  }
  return { text: out, math };
}

/** Whether the markdown holds math that needs typesetting. */
export function hasMath(markdown: string): boolean {
  return splitMath(markdown).math.some((m) => !m.literal);
}

/**
 * Put rendered spans back in place of their tokens. Only tokens in text are
 * typeset: a token inside a tag (an image's alt text, a title) gets its
 * source back, escaped, since markup there would break out of the attribute.
 */
export function restoreMath(html: string, math: readonly MathSpan[], render: (span: MathSpan) => string, escape: (text: string) => string): string {
  if (math.length === 0) return html;
  let out = '';
  let last = 0;
  let state: 'text' | 'tag' | '"' | "'" = 'text';
  let scanned = 0;
  for (const m of html.matchAll(TOKEN)) {
    // Advance the tag/attribute state up to this token.
    for (let i = scanned; i < m.index; i++) {
      const c = html[i];
      if (state === 'text') {
        if (c === '<' && /[A-Za-z/!?]/.test(html[i + 1] ?? '')) state = 'tag';
      } else if (state === 'tag') {
        if (c === '"' || c === "'") state = c;
        else if (c === '>') state = 'text';
      } else if (c === state) state = 'tag';
    }
    scanned = m.index;
    const span = math[Number(m[1])];
    out += html.slice(last, m.index);
    if (!span) out += m[0];
    else out += span.literal || state !== 'text' ? escape(span.source) : render(span);
    last = m.index + m[0].length;
  }
  return out + html.slice(last);
}
