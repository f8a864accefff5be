// A JavaScript code cell cannot be translated automatically: it is exported
// as a markdown cell that shows the JavaScript, then a TODO code cell that
// says what it made (the values it set) and what it read, so a student knows
// what to write in pandas and where the notebook depends on it.
import type { NotebookCell } from '../../notebook/model.ts';
import { declaredWrites } from '../../cells/code.ts';
import { header, type PyCell } from './context.ts';

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
