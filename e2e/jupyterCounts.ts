// What Jupyter shows for a notebook, counted from its JSON: images (image
// outputs that are the richest type of their bundle, and attachment images
// referenced in markdown prose), typeset formulas (math spans in markdown,
// text/latex outputs) and tables (HTML outputs, GFM and HTML tables in
// markdown). Used by e2e/jupyter.e2e.ts and bench/jupyter.bench.ts.
import { splitMath } from '../src/notebook/jupyter/math.ts';

export type Json = Record<string, unknown>;
const text = (v: unknown): string => (Array.isArray(v) ? v.join('') : typeof v === 'string' ? v : '');
const IMAGE_TYPES = ['image/svg+xml', 'image/png', 'image/jpeg', 'image/gif'];

/** What Jupyter shows for one notebook: images (outputs and attachments), formulas, tables. */
export function expected(nb: { cells: Json[] }): { images: number; formulas: number; tables: number } {
  let images = 0;
  let formulas = 0;
  let tables = 0;
  for (const cell of nb.cells) {
    const source = text(cell.source);
    if (cell.cell_type === 'markdown') {
      formulas += splitMath(source).math.filter((m) => !m.literal).length;
      const attachments = (cell.attachments ?? {}) as Record<string, Json>;
      // An image reference in an indented code block or a code span is text, not an image.
      const prose = source.split('\n').filter((l) => !/^( {4}|\t)/.test(l)).join('\n').replace(/`[^`\n]*`/g, '');
      for (const m of prose.matchAll(/attachment:([^\s)"']+)/g)) if (Object.keys(attachments[m[1]] ?? {}).some((t) => t.startsWith('image/'))) images++;
      // GFM tables (a delimiter row under a header row) and raw HTML tables.
      tables += source.split('\n').filter((l, i, lines) => i > 0 && lines[i - 1].includes('|') && /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/.test(l)).length;
      tables += (source.match(/<table\b/gi) ?? []).length;
    }
    if (cell.cell_type !== 'code') continue;
    for (const o of (cell.outputs ?? []) as Json[]) {
      const data = o.data as Json | undefined;
      if (!data) continue;
      const html = text(data['text/html']);
      // HTML wins over images (Jupyter's display order), unless it is only a script.
      if (html && html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '').replace(/<[^>]*>/g, '').trim() !== '') {
        tables += (html.match(/<table\b/gi) ?? []).length;
        continue;
      }
      if ('text/markdown' in data) continue;
      if ('text/latex' in data) {
        formulas += Math.max(1, splitMath(text(data['text/latex'])).math.length);
        continue;
      }
      if (IMAGE_TYPES.some((t) => t in data)) images++;
    }
  }
  return { images, formulas, tables };
}

