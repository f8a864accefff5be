// What every cell emitter shares: the Python cells it returns, the names the
// exported notebook has defined so far, and the explicit TODO cell used for
// anything that is not translated (never a silent gap).
import type { NotebookCell } from '../../notebook/model.ts';

export interface PyCell {
  type: 'code' | 'markdown';
  source: string;
  /** The workbench cell this one comes from (kept in the cell's metadata). */
  from?: string;
  /** True for a TODO cell: a step that was not translated. */
  todo?: boolean;
}

/** What a Python name holds, so emitters can check their inputs. */
export type PyValueKind = 'table' | 'model' | 'metrics' | 'transform' | 'object';

export interface ExportContext {
  /** Names the exported notebook defines so far, and what they hold. */
  readonly defined: Map<string, PyValueKind>;
  /** Names earlier workbench cells make, exported or not (what a code cell may have read). */
  readonly made: Set<string>;
  /** Files the exported notebook reads, relative to its folder (the CLI writes them beside it). */
  readonly files: Set<string>;
  /** The values that are padded per-group sequences (the windows' emitters refuse them). */
  readonly padded: Set<string>;
  /** Folder (relative to the notebook) holding the data files. */
  readonly dataDir: string;
  /** The exported (not TODO) cell that made each name, with its parsed params: stacking refits its members from their train cells. */
  readonly producers?: Map<string, { cell: NotebookCell; params: Record<string, unknown> }>;
}

/** A Python cell emitter for one cell kind: Python cells, or a reason it cannot be translated. */
export type Emitter = (cell: NotebookCell, params: Record<string, unknown>, ctx: ExportContext) => PyCell[] | Untranslated;

export class Untranslated {
  constructor(readonly reason: string) {}
}

/** A Python comment block, one `# ` per line. */
export function comment(text: string): string {
  return text.split('\n').map((l) => (l ? `# ${l}` : '#')).join('\n');
}

/** The first line of every exported code cell: the workbench cell's title, kind and id. */
export function header(cell: NotebookCell): string {
  return `# ${cell.title ? `${cell.title} ` : ''}(workbench ${cell.kind} cell ${cell.id})`;
}

/** An explicit TODO cell: what the workbench cell did, why it is not translated, and its readable source. */
export function todoCell(cell: NotebookCell, reason: string, rendered: string): PyCell {
  const lines = [
    header(cell),
    `# TODO: not exported to Python: ${reason}`,
    '# The workbench cell did this:',
    comment(rendered.trim() || JSON.stringify(cell.params, null, 2)),
    'pass',
  ];
  return { type: 'code', source: lines.join('\n'), from: cell.id, todo: true };
}

/** A Python identifier for a workbench value name (they are usually identifiers already). */
export function pyName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]/g, '_');
  const safe = /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
  return PYTHON_KEYWORDS.has(safe) ? `${safe}_` : safe;
}

const PYTHON_KEYWORDS = new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield', 'np', 'pd', 'json', 'math', 'os', 're', 'torch', 'xgb']);

/** A Python literal for plain JSON values. */
export function pyLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : value > 0 ? "float('inf')" : value < 0 ? "float('-inf')" : "float('nan')";
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pyLiteral).join(', ')}]`;
  if (typeof value === 'object') return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}: ${pyLiteral(v)}`).join(', ')}}`;
  return JSON.stringify(String(value));
}
