// Formatting shared by the runs and registry panels (LifecyclePanel.tsx and its parts).
import type { RunRecord } from '../../lifecycle/runs.ts';
import type { LifecycleT } from '../i18n-lifecycle.ts';


export function num(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '—';
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 1000 || Math.abs(v) < 0.001 ? v.toPrecision(4) : v.toFixed(4);
}

export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function when(iso: string): string {
  return new Date(iso).toLocaleString();
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export type T = LifecycleT;

/** The model a run produced, as the runs table shows it: kind and size, "not saved (kind)", or missing here. */
export function artifactText(r: RunRecord, artifacts: readonly string[] | null, t: T): { text: string; state: 'saved' | 'missing' | 'not-saved' | 'none'; title?: string } {
  if (r.modelRef) {
    if (artifacts && !artifacts.includes(r.modelRef)) return { text: t('lcArtifactMissing'), state: 'missing', title: r.modelRef };
    const type = r.model?.type ?? r.kind;
    return { text: r.model?.bytes !== undefined ? t('lcArtifact', { type, size: bytes(r.model.bytes) }) : type, state: 'saved', title: t('lcArtifactTitle', { ref: r.modelRef }) };
  }
  if (r.model) return { text: t('lcModelNotSaved', { type: r.model.type }), state: 'not-saved', title: r.model.error };
  return { text: t('lcNoModel'), state: 'none' };
}

export function paramText(v: unknown): string {
  if (v === undefined) return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Metrics most worth a column, in this order, then the rest alphabetically. */
export const HEADLINE = ['val_accuracy', 'accuracy', 'roc_auc', 'val_loss', 'loss', 'f1', 'rmse', 'mae', 'r2'];
/** Metrics where lower is better (for highlighting the best run). */
export const LOWER_BETTER = /loss|error|rmse|mae|mse|logloss|brier/i;

export function metricNames(runs: readonly RunRecord[]): string[] {
  const all = new Set(runs.flatMap((r) => Object.keys(r.metrics)));
  return [...HEADLINE.filter((m) => all.has(m)), ...[...all].filter((m) => !HEADLINE.includes(m)).sort()];
}

