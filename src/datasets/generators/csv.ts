// CSV text for generated tables. Empty cells stand for missing values
// (null / NaN), which the workbench's CSV loader reads as missing.
export type Cell = string | number | null;

export interface CsvOptions {
  /** Field separator; ',' unless a dataset mimics a file that uses another. */
  separator?: string;
  /** Quote every string cell (the UCI bank file quotes its text columns). */
  quoteStrings?: boolean;
}

function formatCell(value: Cell, quoteStrings: boolean, separator: string): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (quoteStrings || value.includes(separator) || value.includes('"') || value.includes('\n')) return `"${value.replaceAll('"', '""')}"`;
  return value;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[], options: CsvOptions = {}): string {
  const separator = options.separator ?? ',';
  const quote = options.quoteStrings ?? false;
  const lines = [header.map((h) => formatCell(h, quote, separator)).join(separator)];
  for (const row of rows) lines.push(row.map((c) => formatCell(c, quote, separator)).join(separator));
  return lines.join('\n') + '\n';
}

/** Round to `digits` decimals without binary noise in the printed text. */
export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
