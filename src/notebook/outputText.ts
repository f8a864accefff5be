// Plain-text renderings of outputs: the `text/plain` of a saved output (so the
// file reads well in Jupyter and on code hosts) and the headless runner's log.
import type { CellOutput, Scalar, TableOutput } from '../core/outputs.ts';

function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return String(x);
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e6)) return x.toExponential(4);
  return x.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
}

export function formatScalar(v: Scalar): string {
  if (v === null) return '';
  if (typeof v === 'number') return formatNumber(v);
  return String(v);
}

function tableText(t: TableOutput, maxRows = 5): string {
  const head = `${t.name ? `${t.name}: ` : ''}${t.rowCount} rows × ${t.columns.length} columns`;
  const names = t.columns.map((c) => c.name);
  const rows = t.rows.slice(0, maxRows).map((r) => names.map((n) => formatScalar(r[n] ?? null)));
  const widths = names.map((n, i) => Math.min(24, Math.max(n.length, ...rows.map((r) => r[i].length))));
  const line = (cells: string[]) => cells.map((c, i) => (c.length > widths[i] ? c.slice(0, widths[i] - 1) + '…' : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [head, line(names), ...rows.map(line)].join('\n');
}

export function outputToText(output: CellOutput): string {
  switch (output.type) {
    case 'table':
      return tableText(output);
    case 'profile':
      return [
        `profile${output.name ? ` of ${output.name}` : ''}: ${output.rowCount} rows × ${output.columns.length} columns`,
        ...output.columns.map(
          (c) => `  ${c.name} (${c.type}): ${c.missing} missing, ${c.unique} unique` + (c.mean !== undefined ? `, mean ${formatNumber(c.mean)}` : ''),
        ),
        ...output.warnings.map((w) => `  warning: ${w}`),
      ].join('\n');
    case 'figure': {
      const kinds = [...new Set(output.spec.data.map((d) => String(d.type ?? 'scatter')))].join(', ');
      return `figure${output.title ? ` "${output.title}"` : ''}: ${kinds} (${output.spec.data.length} trace${output.spec.data.length === 1 ? '' : 's'})`;
    }
    case 'metrics':
      return (
        (output.title ? `${output.title}: ` : '') +
        Object.entries(output.metrics)
          .map(([k, v]) => `${k} ${formatNumber(v)}`)
          .join(', ') +
        (output.confusion ? `\nconfusion matrix (rows true ${output.confusion.labels.join('/')}): ${JSON.stringify(output.confusion.matrix)}` : '')
      );
    case 'training': {
      const last = output.history[output.history.length - 1];
      const lastText = last ? ` — last epoch ${last.epoch}: loss ${formatNumber(last.loss)}` : '';
      return `${output.summary}${lastText}`;
    }
    case 'text':
      return output.text;
    case 'markdown':
      // Numeric character references (markdownLiteral's escapes) read as their characters in plain text.
      return output.markdown.replace(/&#(\d{2,3});/g, (_, n: string) => String.fromCharCode(Number(n)));
    case 'json':
      return `${output.title ? `${output.title}: ` : ''}${JSON.stringify(output.value)}`;
    case 'error':
      return `Error: ${output.message}${output.where ? ` (${output.where})` : ''}${output.hint ? `\nHint: ${output.hint}` : ''}`;
  }
}

/**
 * A name (model, column, run id) placed inside a line of a markdown output,
 * shown as the text it is and never as markup: `&`, `<`, the inline markdown
 * punctuation (emphasis, code, links, strikethrough), `\\` and `$` (math
 * delimiters) and `@` (math tokens) become numeric character references,
 * which markdown shows as the characters and never parses; line breaks
 * become spaces. (Block syntax such as `#` or `-` only acts at a line start.)
 */
export function markdownLiteral(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/[&<>\\`*_[\]~$@]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Text as a markdown code span, whatever backticks it holds (the fence is longer than any run inside). */
export function markdownCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = longest > 0 || text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\r?\n/g, ' ')}${pad}${fence}`;
}
