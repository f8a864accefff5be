// The add-cell menu as data: cell kinds grouped by the workflow, the likely
// next step after a cell, and search over labels (both languages) and
// descriptions.
import type { KindInfo } from '../../worker/protocol.ts';

export const GROUPS = ['data', 'explore', 'features', 'split', 'model', 'evaluate', 'lifecycle', 'other'] as const;
export type StepGroup = (typeof GROUPS)[number];

const GROUP_OF: Record<string, StepGroup> = {
  load: 'data', join: 'data', sequences: 'data', timeseries: 'data',
  eda: 'explore', visualize: 'explore', drift: 'explore',
  transform: 'features', select: 'features', sessionfeatures: 'features',
  split: 'split', crossval: 'split',
  train: 'model', tune: 'model', ensemble: 'model',
  evaluate: 'evaluate', explain: 'evaluate', predict: 'evaluate', compare: 'evaluate',
  register: 'lifecycle', modelcard: 'lifecycle', registry: 'lifecycle', deploy: 'lifecycle', invoke: 'lifecycle', monitor: 'lifecycle',
  markdown: 'other', code: 'other', inventory: 'other',
};

/** What usually comes after a cell of a kind, most likely first. */
const NEXT: Record<string, string[]> = {
  '': ['load', 'markdown'],
  markdown: ['load', 'code'],
  load: ['eda', 'transform', 'split'],
  join: ['eda', 'split'],
  eda: ['split', 'transform', 'visualize'],
  visualize: ['split', 'transform'],
  transform: ['split', 'train'],
  select: ['train'],
  split: ['train', 'transform'],
  train: ['evaluate', 'explain'],
  tune: ['train'],
  ensemble: ['evaluate'],
  crossval: ['train'],
  evaluate: ['explain', 'register', 'modelcard'],
  explain: ['register', 'modelcard'],
  register: ['modelcard', 'predict', 'deploy'],
  deploy: ['invoke'],
  invoke: ['monitor'],
  monitor: ['deploy'],
};

export function groupOf(kind: string): StepGroup {
  return GROUP_OF[kind] ?? 'other';
}

/** The kinds by group, in workflow order (empty groups left out). */
export function groupKinds(kinds: KindInfo[]): { group: StepGroup; kinds: KindInfo[] }[] {
  return GROUPS.map((group) => ({ group, kinds: kinds.filter((k) => groupOf(k.kind) === group) })).filter((g) => g.kinds.length > 0);
}

/** The likely next steps after a cell of `previousKind` ('' at the top of an empty notebook), among the kinds this build has. */
export function suggestedNext(previousKind: string | undefined, kinds: KindInfo[]): KindInfo[] {
  const names = NEXT[previousKind ?? ''] ?? NEXT[groupOf(previousKind ?? '') === 'model' ? 'train' : ''] ?? [];
  return names.map((n) => kinds.find((k) => k.kind === n)).filter((k): k is KindInfo => !!k).slice(0, 3);
}

/** Kinds matching every word of the query in their label, localised label, kind or description. */
export function searchKinds(query: string, kinds: KindInfo[], localLabel: (k: KindInfo) => string = (k) => k.label): KindInfo[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return kinds;
  return kinds.filter((k) => {
    const text = `${k.label} ${localLabel(k)} ${k.kind} ${k.description}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
