// Filtering, sorting, searching and diffing run records: the tracking
// table's operations, kept pure so the UI, the runner and tests share them.
import type { RunKind, RunRecord, RunStatus } from './runs.ts';

export interface RunFilter {
  notebookId?: string;
  kind?: RunKind;
  status?: RunStatus;
  /** Only runs on data with this fingerprint hash. */
  dataHash?: string;
  /** Started at or after / before (ISO strings compare in time order). */
  since?: string;
  until?: string;
  /** Keep runs whose metric satisfies min ≤ value ≤ max. */
  metric?: { name: string; min?: number; max?: number };
  /** Free text: see searchRuns. */
  text?: string;
}

export function filterRuns(runs: readonly RunRecord[], f: RunFilter): RunRecord[] {
  return runs.filter((r) => {
    if (f.notebookId !== undefined && r.notebookId !== f.notebookId) return false;
    if (f.kind !== undefined && r.kind !== f.kind) return false;
    if (f.status !== undefined && r.status !== f.status) return false;
    if (f.dataHash !== undefined && r.dataFingerprint.hash !== f.dataHash) return false;
    if (f.since !== undefined && Date.parse(r.startedAt) < Date.parse(f.since)) return false;
    if (f.until !== undefined && Date.parse(r.startedAt) > Date.parse(f.until)) return false;
    if (f.metric) {
      const v = r.metrics[f.metric.name];
      if (v === undefined) return false;
      if (f.metric.min !== undefined && v < f.metric.min) return false;
      if (f.metric.max !== undefined && v > f.metric.max) return false;
    }
    return f.text === undefined || matchesText(r, f.text);
  });
}

/** Every whitespace-separated term must occur (case-insensitive) in the title, ids, kind, backend, tags, or a param "name=value". */
export function matchesText(run: RunRecord, text: string): boolean {
  const terms = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const hay = [
    run.id, run.notebookTitle, run.cellId, run.kind, run.status, run.backend, run.output ?? '',
    ...Object.entries(run.params).map(([k, v]) => `${k}=${JSON.stringify(v)}`),
    ...Object.entries(run.tags ?? {}).map(([k, v]) => `${k}=${v}`),
    ...Object.keys(run.metrics),
  ].join('\n').toLowerCase().replaceAll('"', '');
  return terms.every((t) => hay.includes(t));
}

export function searchRuns(runs: readonly RunRecord[], text: string): RunRecord[] {
  return runs.filter((r) => matchesText(r, text));
}

export type RunSortKey = 'startedAt' | 'durationMs' | `metric:${string}` | `param:${string}`;

/**
 * Sorted copy; runs without the metric or param go last in either
 * direction (a missing AUC is not the worst AUC). Ties keep input order.
 */
export function sortRuns(runs: readonly RunRecord[], key: RunSortKey, direction: 'asc' | 'desc' = 'desc'): RunRecord[] {
  const value = (r: RunRecord): number | string | undefined => {
    if (key === 'startedAt') return Date.parse(r.startedAt);
    if (key === 'durationMs') return r.durationMs;
    if (key.startsWith('metric:')) return r.metrics[key.slice(7)];
    const p = r.params[key.slice(6)];
    return typeof p === 'number' || typeof p === 'string' ? p : p === undefined ? undefined : JSON.stringify(p);
  };
  const sign = direction === 'asc' ? 1 : -1;
  return runs
    .map((r, i) => ({ r, i, v: value(r) }))
    .sort((a, b) => {
      if (a.v === undefined || b.v === undefined) return a.v === b.v ? a.i - b.i : a.v === undefined ? 1 : -1;
      if (a.v === b.v) return a.i - b.i;
      return (a.v < b.v ? -1 : 1) * sign;
    })
    .map((x) => x.r);
}

/** The best run by a metric; `higherIsBetter` false for losses and errors. */
export function bestRun(runs: readonly RunRecord[], metric: string, higherIsBetter = true): RunRecord | undefined {
  return sortRuns(runs, `metric:${metric}`, higherIsBetter ? 'desc' : 'asc').find((r) => r.metrics[metric] !== undefined);
}

export interface ParamChange {
  param: string;
  /** Value in each run (undefined where the run lacks the param). */
  values: unknown[];
}

/**
 * The params that differ between runs (compared as JSON, so [32,16] equals
 * [32,16]); params every run holds with the same value are left out.
 */
export function paramsDiff(runs: readonly RunRecord[]): ParamChange[] {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.params)))].sort();
  const changes: ParamChange[] = [];
  for (const param of names) {
    const values = runs.map((r) => r.params[param]);
    const keys = new Set(values.map((v) => (v === undefined ? '\u0000missing' : JSON.stringify(v))));
    if (keys.size > 1) changes.push({ param, values });
  }
  return changes;
}
