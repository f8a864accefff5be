// What the headless runner prints and writes: a readable per-cell log and a
// JSON report of every output.
import type { CellOutput } from '../core/outputs.ts';
import type { CellState } from '../kernel/state.ts';
import type { ValueSummary } from '../kernel/state.ts';
import type { NotebookCell } from '../notebook/model.ts';
import { outputToText } from '../notebook/outputText.ts';
import type { RunRecord } from '../lifecycle/runs.ts';
import type { ModelVersion } from '../lifecycle/registry.ts';

export interface CellReport {
  index: number;
  id: string;
  kind: string;
  title?: string;
  status: string;
  durationMs?: number;
  reads: string[];
  writes: string[];
  outputs: CellOutput[];
}

export interface RunReport {
  notebook: string;
  title: string;
  backend: string;
  ok: boolean;
  durationMs: number;
  cells: CellReport[];
  values: ValueSummary[];
  /** Runs the train, tune and crossval cells tracked during this run. */
  runs: RunRecord[];
  /** Model versions the register cells added during this run. */
  registry: ModelVersion[];
}

export function cellReports(cells: NotebookCell[], states: CellState[]): CellReport[] {
  return cells.map((cell, i) => {
    const s = states[i];
    const r: CellReport = { index: i + 1, id: cell.id, kind: cell.kind, status: s.status, reads: s.reads, writes: s.writes, outputs: s.outputs };
    if (cell.title) r.title = cell.title;
    if (s.durationMs !== undefined) r.durationMs = Math.round(s.durationMs);
    return r;
  });
}

const MARK: Record<string, string> = { done: '✓', error: '✗', cancelled: '■', idle: '·', stale: '~', queued: '…', running: '▶' };

function seconds(ms: number | undefined): string {
  return ms === undefined ? '' : `${(ms / 1000).toFixed(2)} s`;
}

/** One line per cell: status mark, number, kind/title, time, and a short result or the reason it failed. */
export function cellLine(r: CellReport): string {
  const name = `${r.kind}${r.title ? ` — ${r.title}` : ''}`;
  const head = `${MARK[r.status] ?? '?'} [${r.index}] ${name.length > 40 ? name.slice(0, 39) + '…' : name.padEnd(40)} ${seconds(r.durationMs).padStart(8)}`;
  if (r.kind === 'markdown' || r.kind === 'foreign') return `  [${r.index}] ${r.kind === 'foreign' ? 'not a workbench cell (shown, not run)' : 'markdown'}`;
  const error = r.outputs.find((o) => o.type === 'error');
  if (error && error.type === 'error') {
    return `${head}  ${error.message}${error.where ? ` [${error.where}]` : ''}${error.hint ? ` — ${error.hint}` : ''}`;
  }
  const summary = r.outputs
    .filter((o) => o.type !== 'text' || r.kind === 'code')
    .map((o) => {
      try {
        return outputToText(o).split('\n')[0];
      } catch {
        return `(a saved ${typeof o?.type === 'string' ? o.type : ''} output that could not be read)`;
      }
    })
    .slice(0, 2)
    .join('; ');
  return `${head}  ${summary.length > 110 ? summary.slice(0, 109) + '…' : summary}`;
}
