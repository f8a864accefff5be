// Terminal text (tracebacks, progress output) as HTML: ANSI SGR colour and
// weight codes become spans with classes (ansi-red-fg, ansi-bold, ...: the
// names Jupyter uses), every other escape sequence is dropped, and the text
// is escaped. Colours are classes, never style attributes, so the output
// obeys the same sanitizer policy as everything else a notebook brings.
/* eslint-disable no-control-regex -- this module is about terminal control characters (ESC, BEL, BS). */

const NAMES = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'] as const;

interface Sgr {
  fg?: string;
  bg?: string;
  bold: boolean;
  faint: boolean;
  italic: boolean;
  underline: boolean;
  inverse: boolean;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** The 16-colour class name of a 256-colour palette index (the 6×6×6 cube and greys mapped to the nearest). */
function palette(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 0 || n > 255) return undefined;
  if (n < 8) return NAMES[n];
  if (n < 16) return `${NAMES[n - 8]}-intense`;
  if (n >= 232) return n < 244 ? 'black-intense' : 'white';
  const i = n - 16;
  return nearest(Math.floor(i / 36) * 51, (Math.floor(i / 6) % 6) * 51, (i % 6) * 51);
}

/** The basic colour nearest to an RGB value: each channel on or off, "intense" when bright. */
function nearest(r: number, g: number, b: number): string {
  const on = (c: number) => (c >= 128 ? 1 : 0);
  const name = NAMES[on(r) | (on(g) << 1) | (on(b) << 2)];
  return Math.max(r, g, b) >= 200 && name !== 'white' ? `${name}-intense` : name;
}

function apply(state: Sgr, params: number[]): void {
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    if (p === 0) Object.assign(state, { fg: undefined, bg: undefined, bold: false, faint: false, italic: false, underline: false, inverse: false });
    else if (p === 1) state.bold = true;
    else if (p === 2) state.faint = true;
    else if (p === 3) state.italic = true;
    else if (p === 4) state.underline = true;
    else if (p === 7) state.inverse = true;
    else if (p === 22) state.bold = state.faint = false;
    else if (p === 23) state.italic = false;
    else if (p === 24) state.underline = false;
    else if (p === 27) state.inverse = false;
    else if (p >= 30 && p <= 37) state.fg = NAMES[p - 30];
    else if (p === 39) state.fg = undefined;
    else if (p >= 40 && p <= 47) state.bg = NAMES[p - 40];
    else if (p === 49) state.bg = undefined;
    else if (p >= 90 && p <= 97) state.fg = `${NAMES[p - 90]}-intense`;
    else if (p >= 100 && p <= 107) state.bg = `${NAMES[p - 100]}-intense`;
    else if (p === 38 || p === 48) {
      // 38;5;n (palette) or 38;2;r;g;b (true colour); the parameters are consumed either way.
      let colour: string | undefined;
      if (params[i + 1] === 5) {
        colour = palette(params[i + 2]);
        i += 2;
      } else if (params[i + 1] === 2) {
        colour = nearest(params[i + 2] ?? 0, params[i + 3] ?? 0, params[i + 4] ?? 0);
        i += 4;
      }
      if (p === 38) state.fg = colour;
      else state.bg = colour;
    }
  }
}

function classes(s: Sgr): string {
  const fg = s.inverse ? (s.bg ?? 'default-inverse') : s.fg;
  const bg = s.inverse ? (s.fg ?? 'default-inverse') : s.bg;
  const out: string[] = [];
  if (fg) out.push(`ansi-${fg}-fg`);
  if (bg) out.push(`ansi-${bg}-bg`);
  if (s.bold) out.push('ansi-bold');
  if (s.faint) out.push('ansi-faint');
  if (s.italic) out.push('ansi-italic');
  if (s.underline) out.push('ansi-underline');
  return out.join(' ');
}

// CSI sequences (ESC [ params final), OSC sequences (ESC ] ... BEL or ESC \), and lone two-byte escapes.
const ESCAPE_SEQUENCE = /\x1b\[([0-9;:?]*)([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]?/g;

/** ANSI text as escaped HTML with SGR codes as `<span class="ansi-…">`. */
export function ansiToHtml(text: string): string {
  const state: Sgr = { bold: false, faint: false, italic: false, underline: false, inverse: false };
  let html = '';
  let last = 0;
  const emit = (chunk: string) => {
    if (!chunk) return;
    const cls = classes(state);
    html += cls ? `<span class="${cls}">${escape(chunk)}</span>` : escape(chunk);
  };
  for (const m of text.matchAll(ESCAPE_SEQUENCE)) {
    emit(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[2] === 'm') apply(state, (m[1] || '0').split(/[;:]/).map((x) => (x === '' ? 0 : Number(x))));
  }
  emit(text.slice(last));
  return html;
}

/** Text with ANSI escape sequences removed (for the plain-text views). */
export function stripAnsi(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '');
}

/**
 * Terminal overwrites applied as a terminal shows them: a carriage return
 * starts the line over (progress bars), a backspace removes one character.
 */
export function applyCarriageReturns(text: string): string {
  if (!/[\r\x08]/.test(text)) return text;
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => {
      const parts = line.split('\r');
      let out = '';
      for (const part of parts) out = part + out.slice(part.length);
      while (/[^\x08]\x08/.test(out)) out = out.replace(/[^\x08]\x08/, '');
      return out.replace(/\x08/g, '');
    })
    .join('\n');
}
