// A JavaScript code cell cannot be translated automatically: it is exported
// as a markdown cell that shows the JavaScript, then a TODO code cell that
// says what it made (the values it set) and what it read, so a student knows
// what to write in pandas and where the notebook depends on it.
// When the notebook's author wrote the cell's Python twin (the code cell's
// `python` field), that Python is the exported cell instead, and the values
// the JavaScript sets are defined for the cells below.
import type { NotebookCell } from '../../notebook/model.ts';
import { declaredWrites } from '../../cells/code.ts';
import { pyString } from './jsexpr.ts';
import { header, pyName, todoCell, type ExportContext, type PyCell, type PyValueKind } from './context.ts';

const KINDS: readonly PyValueKind[] = ['table', 'model', 'metrics', 'transform', 'object'];

/**
 * What each value the twin makes holds: a table (a pandas DataFrame) unless a
 * line `# value <name>: model|metrics|transform|object` in the twin says otherwise.
 */
export function twinValueKinds(python: string, made: readonly string[]): Map<string, PyValueKind> {
  const kinds = new Map<string, PyValueKind>(made.map((n) => [n, 'table']));
  for (const m of python.matchAll(/^#\s*value\s+([A-Za-z_]\w*)\s*:\s*(\w+)\s*$/gm)) {
    if (kinds.has(m[1]) && (KINDS as readonly string[]).includes(m[2])) kinds.set(m[1], m[2] as PyValueKind);
  }
  return kinds;
}

/** The values the JavaScript sets that its Python twin never assigns (a name must appear left of an `=`, or in a `for`/`def`/`import`). */
export function twinMissingWrites(python: string, made: readonly string[]): string[] {
  const code = python.replace(/#[^\n]*/g, '');
  return made.filter((name) => {
    const n = pyName(name);
    const assigned = new RegExp(`(^|[\\s,(\\[])${n}\\s*(,[^=\\n]*)?(\\)|\\])?\\s*(=(?!=)|:=|[-+*/]=)`, 'm');
    const bound = new RegExp(`^\\s*(for\\s+[^\\n]*\\b${n}\\b[^\\n]*\\bin\\b|def\\s+${n}\\b|(from\\s+\\S+\\s+)?import\\s+[^\\n]*\\b${n}\\b)`, 'm');
    return !assigned.test(code) && !bound.test(code);
  });
}

/** A code cell with its author's Python twin: that Python, as one exported cell. */
export function codeCellTwin(cell: NotebookCell, code: string, python: string, ctx: ExportContext, reads: readonly string[] = []): PyCell[] {
  // Values an earlier cell made that the exported notebook does not define (its cell is a TODO): the twin cannot run either.
  const absent = reads.filter((name) => ctx.made.has(name) && !ctx.defined.has(name));
  if (absent.length) {
    return [todoCell(cell, `it needs ${absent.map((n) => `"${n}"`).join(', ')}, which an earlier cell that is not exported makes`, python)];
  }
  const made = declaredWrites(code);
  const missing = twinMissingWrites(python, made);
  if (missing.length) {
    return [todoCell(cell, `its Python twin does not make ${missing.map((n) => `"${n}"`).join(', ')}, which the JavaScript sets`, python)];
  }
  const kinds = twinValueKinds(python, made);
  for (const [name, kind] of kinds) ctx.defined.set(name, kind);
  // Report lines, as the other cells print theirs, so a test can hold each twin to the workbench's own values
  // (report_value reports a DataFrame, a dict of numbers or a number, and nothing else).
  const reports = [...kinds].filter(([, kind]) => kind !== 'model' && kind !== 'transform')
    .map(([name]) => `report_value(${pyString(cell.id)}, ${pyString(name)}, ${pyName(name)})`);
  // A twin that ends with a bare expression (a table to show) keeps it last, so Jupyter still shows it.
  const lines = python.trim().split('\n');
  const shown = lines.length > 1 && endsWithExpression(lines[lines.length - 1]) ? lines.splice(-1) : [];
  const source = [header(cell), "# The notebook author's Python for this JavaScript cell.", ...lines, ...reports, ...shown];
  return [{ type: 'code', source: source.join('\n'), from: cell.id }];
}

/** A last line Jupyter would show: a whole expression (starts with a name, brackets balanced), no assignment, not a statement. */
function endsWithExpression(line: string): boolean {
  if (!/^[A-Za-z_]/.test(line) || /^(print|pass|return|import|from|def|class|if|for|while|with|try|del|raise|assert)\b/.test(line)) return false;
  const code = line.replace(/(['"]).*?\1/g, '');
  const depth = (open: string, close: string) => code.split(open).length - code.split(close).length;
  return depth('(', ')') === 0 && depth('[', ']') === 0 && depth('{', '}') === 0 && !/(^|[^=!<>])=(?!=)/.test(code);
}

/** The longest run of backticks in the code, so the fence around it can be longer. */
function fence(code: string): string {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(longest + 1);
}

/**
 * The two cells of an exported JavaScript code cell.
 * `reads` are the names the kernel tracks as its reads (declared, or the code's
 * identifiers); those that earlier workbench cells made (`earlier`, exported or
 * not) are what it read.
 */
export function codeCellExport(cell: NotebookCell, code: string, reads: readonly string[], earlier: ReadonlySet<string>): PyCell[] {
  const made = declaredWrites(code);
  const read = reads.filter((n) => earlier.has(n));
  const f = fence(code);
  const shown: PyCell = {
    type: 'markdown',
    source: `**JavaScript from the workbench** (code cell \`${cell.id}\`${cell.title ? `, "${cell.title}"` : ''}), not translated:\n\n${f}javascript\n${code.trim()}\n${f}`,
    from: cell.id,
  };
  const lines = [
    header(cell),
    '# TODO: not exported to Python: a JavaScript code cell (shown above); translate it by hand.',
    read.length ? `# It read: ${read.join(', ')}.` : '# It read no value of an earlier cell.',
    made.length
      ? `# It made: ${made.join(', ')} (with set('name', …)); the Python cells below that need ${made.length === 1 ? 'it are TODO cells too' : 'them are TODO cells too'}.`
      : '# It made no named value.',
  ];
  if (/\breturn\b|\bdisplay\(/.test(code)) lines.push('# It showed a result (its return value or display(…)) in the workbench.');
  lines.push('pass');
  return [shown, { type: 'code', source: lines.join('\n'), from: cell.id, todo: true }];
}
