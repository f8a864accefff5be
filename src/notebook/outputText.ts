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
      return output.markdown;
    case 'json':
      return `${output.title ? `${output.title}: ` : ''}${JSON.stringify(output.value)}`;
    case 'error':
      return `Error: ${output.message}${output.where ? ` (${output.where})` : ''}${output.hint ? `\nHint: ${output.hint}` : ''}`;
  }
}
