// Plotly renders strings in a figure (titles, axis and legend labels, tick
// and category labels, hover text) as a small HTML dialect: `<a href>`,
// `<span style>`, entities. Figure specs carry data (column names, category
// values) and code cells build them, so every string is escaped before
// Plotly.react: `&`, `<`, `>` become entities, then the few attribute-less
// formatting tags the engine itself uses (`<br>`, `<b>`, `<i>`, `<em>`,
// `<sup>`, `<sub>`, hovertemplate's `<extra>`) are put back. Nothing with
// an attribute (a link, a style) survives.
const KEEP = /&lt;(\/?)(br|b|i|em|sup|sub|extra)\s*\/?&gt;/gi;

export function escapePlotlyText(text: string): string {
  if (!/[<>&]/.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(KEEP, (_m, slash: string, tag: string) => `<${slash}${tag.toLowerCase()}>`);
}

/** A deep copy of a figure part with every string escaped (typed arrays and numbers as they are). */
export function escapeFigure<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return escapePlotlyText(value) as T;
  if (depth > 32 || value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) {
    // Numeric arrays (the bulk of a figure) are returned as they are.
    if (!value.some((v) => typeof v === 'string' || (typeof v === 'object' && v !== null))) return value;
    return value.map((v) => escapeFigure(v, depth + 1)) as T;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = escapeFigure(v, depth + 1);
  return out as T;
}
