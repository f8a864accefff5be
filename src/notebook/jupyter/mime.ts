// Which representation of a Jupyter output to show. A display_data or
// execute_result output carries one bundle with several MIME types of the
// same value (a DataFrame as text/html and text/plain, a plot as image/png
// and text/plain); Jupyter shows the richest one it can render safely. The
// order below follows JupyterLab's renderers (html, markdown, latex, svg,
// images, json, then plain text). JavaScript and widget views are never
// run here: a bundle that holds only those falls back to its text/plain.

/** Richest first. Every type here has a renderer in the app and in the HTML report. */
export const DISPLAY_ORDER = [
  'text/html',
  'text/markdown',
  'text/latex',
  'image/svg+xml',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/json',
  'text/plain',
] as const;

export type DisplayMime = (typeof DISPLAY_ORDER)[number];

/** Types that are never rendered because rendering them means running the notebook's code. */
export const UNSAFE_MIMES: readonly string[] = ['application/javascript', 'text/javascript', 'application/vnd.jupyter.widget-view+json'];

/** MIME types whose value is base64 data (nbformat stores binary images as base64 text). */
export function isBase64Image(mime: string): boolean {
  return mime === 'image/png' || mime === 'image/jpeg' || mime === 'image/gif' || mime === 'image/webp';
}

/**
 * The richest MIME type of a bundle that can be shown, or undefined when it
 * holds none. A text/html value that is only a script (Plotly's, Bokeh's,
 * a widget's) is skipped in favour of the next type, as nothing would be shown.
 */
export function pickMime(data: Record<string, unknown>): DisplayMime | undefined {
  for (const mime of DISPLAY_ORDER) {
    if (!(mime in data)) continue;
    const value = data[mime];
    if (value === undefined || value === null) continue;
    if (mime === 'text/html' && onlyScript(joinText(value))) continue;
    return mime;
  }
  return undefined;
}

/** nbformat "multiline string": a string or a list of strings that are joined. */
export function joinText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : '')).join('');
  return '';
}

function onlyScript(html: string): boolean {
  const rest = html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '').replace(/<[^>]*>/g, '').trim();
  return rest === '' && /<script\b/i.test(html);
}
