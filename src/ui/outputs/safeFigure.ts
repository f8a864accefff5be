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

/**
 * A deep copy of a figure part with every string escaped, at any depth
 * (iterative: no depth cut-off below which strings would pass unescaped, and
 * no stack to exhaust), and cycle-safe (an object met again maps to its one
 * copy). Typed arrays, numbers and arrays without strings or objects (the
 * bulk of a figure) are kept as they are.
 */
export function escapeFigure<T>(value: T): T {
  const copies = new Map<object, unknown>();
  const pending: [object, Record<string, unknown> | unknown[]][] = [];
  const copyOf = (v: unknown): unknown => {
    if (typeof v === 'string') return escapePlotlyText(v);
    if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) return v;
    const known = copies.get(v);
    if (known !== undefined) return known;
    if (Array.isArray(v) && !v.some((x) => typeof x === 'string' || (typeof x === 'object' && x !== null))) return v;
    const target: Record<string, unknown> | unknown[] = Array.isArray(v) ? new Array<unknown>(v.length) : {};
    copies.set(v, target);
    pending.push([v, target]);
    return target;
  };
  const root = copyOf(value);
  while (pending.length > 0) {
    const [source, target] = pending.pop()!;
    if (Array.isArray(source)) {
      const out = target as unknown[];
      for (let i = 0; i < source.length; i++) out[i] = copyOf(source[i]);
    } else {
      // defineProperty: a key named "__proto__" stays a plain key, never the copy's prototype.
      for (const [k, v] of Object.entries(source)) Object.defineProperty(target, k, { value: copyOf(v), enumerable: true, writable: true, configurable: true });
    }
  }
  return root as T;
}
