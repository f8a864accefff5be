// A RunStore held in memory: for tests, the headless runner, and as the
// reference behaviour the IndexedDB store must match.
import { parseRunExport, serializeRuns, validateRun, type RunRecord, type RunStore } from './runs.ts';

export class MemoryRunStore implements RunStore {
  private readonly runs = new Map<string, RunRecord>();

  constructor(initial: readonly RunRecord[] = []) {
    for (const r of initial) this.runs.set(r.id, validateRun(r));
  }

  async list(): Promise<RunRecord[]> {
    // Newest first: the order the tracking table opens in.
    return [...this.runs.values()].sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt)).map((r) => structuredClone(r));
  }

  async get(id: string): Promise<RunRecord | undefined> {
    const r = this.runs.get(id);
    return r && structuredClone(r);
  }

  async put(run: RunRecord): Promise<void> {
    this.runs.set(run.id, structuredClone(validateRun(run)));
  }

  async delete(id: string): Promise<void> {
    this.runs.delete(id);
  }

  async exportJSON(): Promise<string> {
    return serializeRuns(await this.list());
  }

  async importJSON(text: string, options: { replace?: boolean } = {}): Promise<number> {
    // Parse everything before touching the store: a bad file changes nothing.
    const file = parseRunExport(text);
    if (options.replace) this.runs.clear();
    for (const r of file.runs) this.runs.set(r.id, r);
    return file.runs.length;
  }
}
