// A tab that dies while a cell runs leaves a mark for its next start. In
// Chromium a V8 heap exhaustion in the kernel worker (a loop that grows an
// array without end) ends the whole renderer, the sandboxed frame's worker
// included (measured: docs/security.md): no pagehide, no message, nothing the
// page can catch. So the cell that starts running is written to localStorage
// and cleared when it finishes or the page is left normally (a reload, a
// close); a mark found at the next start names the cell that was running
// when the tab died.
import type { CellOutput } from '../../core/outputs.ts';
import { t } from '../i18n.ts';

const KEY = 'mlwb.runningCell';

export interface RunningCell {
  notebookId: string;
  cellId: string;
}

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage disabled: no mark, the rest still works
  }
}

export function markRunning(cell: RunningCell): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(cell));
  } catch {
    // Storage full or refused: the mark is only a hint for after a crash.
  }
}

export function clearRunning(): void {
  try {
    storage()?.removeItem(KEY);
  } catch {
    // As above.
  }
}

/** The cell that was running when the tab last died, if any; the mark is removed. */
export function takeCrashMark(): RunningCell | undefined {
  const s = storage();
  let text: string | null = null;
  try {
    text = s?.getItem(KEY) ?? null;
    s?.removeItem(KEY);
  } catch {
    return undefined;
  }
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<RunningCell>;
    return typeof value.notebookId === 'string' && typeof value.cellId === 'string' ? { notebookId: value.notebookId, cellId: value.cellId } : undefined;
  } catch {
    return undefined;
  }
}

/** What the cell that was running shows after the crash (its earlier outputs were from an older run). */
export function crashedCellOutputs(): CellOutput[] {
  return [{ type: 'error', message: t('tabCrashedCell'), hint: t('tabCrashedHint') }];
}
