// The model registry as pure data and a pure state machine, after MLflow's:
// a registered model is a name with numbered versions (1, 2, ...), each
// linked to the run that produced it and in one stage at a time.
//
//   none ──▶ staging ──▶ production ──▶ archived
//     │         ▲  │         │  ▲          │
//     │         └──┼─────────┘  │ rollback │
//     └────────────┴────────────┴──────────┘ (see ALLOWED)
//
// Promoting a version to production archives the version that was there
// (MLflow's archive_existing_versions=True), so a name has at most one
// production version. rollback() puts back the version that was in
// production before the current one. Every function returns new arrays
// and never mutates its input; a store persists what they return.
import { z } from 'zod';
import { CellError } from '../core/errors.ts';
import { engineMessage, type MessageParams } from '../core/messages.ts';
import type { LIFECYCLE_MESSAGES } from '../core/messages/lifecycle.ts';

export const STAGES = ['none', 'staging', 'production', 'archived'] as const;
export type Stage = (typeof STAGES)[number];

export const stageChangeSchema = z.object({ stage: z.enum(STAGES), at: z.iso.datetime({ offset: true }), note: z.string().optional() });

export const modelVersionSchema = z.object({
  name: z.string().min(1),
  version: z.number().int().min(1),
  runId: z.string(),
  stage: z.enum(STAGES),
  description: z.string(),
  tags: z.record(z.string(), z.string()),
  createdAt: z.iso.datetime({ offset: true }),
  metrics: z.record(z.string(), z.number()),
  modelRef: z.string().optional(),
  /** Every stage the version has been in, oldest first (for rollback and the audit trail). */
  history: z.array(stageChangeSchema),
});

export type ModelVersion = z.output<typeof modelVersionSchema>;
export type StageChange = z.output<typeof stageChangeSchema>;

/** Transitions a user may ask for; rollback() moves archived → production on its own. */
export const ALLOWED: Readonly<Record<Stage, readonly Stage[]>> = {
  none: ['staging', 'production', 'archived'],
  staging: ['production', 'none', 'archived'],
  production: ['staging', 'archived'],
  archived: ['staging', 'none'],
};

type RegistryCode = Extract<keyof typeof LIFECYCLE_MESSAGES, `registry.${string}`>;

/** A refused registry action, from the message catalogue (so the registry panel says it in Korean too). */
export class RegistryError extends CellError {
  constructor(code: RegistryCode, params: MessageParams = {}) {
    const { message, hint } = engineMessage(code, params);
    super(message, { hint, code, params });
    this.name = 'RegistryError';
  }
}

export interface RegisterInput {
  name: string;
  runId: string;
  description?: string;
  tags?: Record<string, string>;
  metrics?: Record<string, number>;
  modelRef?: string;
  stage?: Stage;
}

function label(v: ModelVersion): string {
  return `${v.name} v${v.version}`;
}

function versionsOf(all: readonly ModelVersion[], name: string): ModelVersion[] {
  return all.filter((v) => v.name === name).sort((a, b) => a.version - b.version);
}

function find(all: readonly ModelVersion[], name: string, version: number): ModelVersion {
  const mine = versionsOf(all, name);
  if (mine.length === 0) throw new RegistryError('registry.noModel', { name });
  const v = mine.find((x) => x.version === version);
  if (!v) throw new RegistryError('registry.noVersion', { name, version, versions: mine.map((x) => x.version).join(', ') });
  return v;
}

function withStage(v: ModelVersion, stage: Stage, at: string, note?: string): ModelVersion {
  const change: StageChange = note === undefined ? { stage, at } : { stage, at, note };
  return { ...v, stage, history: [...v.history, change] };
}

function replace(all: readonly ModelVersion[], changed: readonly ModelVersion[]): ModelVersion[] {
  const key = (v: ModelVersion) => `${v.name}\u0000${v.version}`;
  const byKey = new Map(changed.map((v) => [key(v), v]));
  return all.map((v) => byKey.get(key(v)) ?? v);
}

/** Moves a version into production and archives the one that was there. */
function promote(all: readonly ModelVersion[], target: ModelVersion, at: string, note?: string): { versions: ModelVersion[]; changed: ModelVersion[] } {
  const changed = versionsOf(all, target.name)
    .filter((v) => v.stage === 'production' && v.version !== target.version)
    .map((v) => withStage(v, 'archived', at, `replaced by v${target.version}`));
  changed.push(withStage(target, 'production', at, note));
  return { versions: replace(all, changed), changed };
}

/** Add the next version of `name` (1 for a new name). Registering straight into production archives the current one. */
export function register(all: readonly ModelVersion[], input: RegisterInput, at: string): { versions: ModelVersion[]; version: ModelVersion; changed: ModelVersion[] } {
  if (!input.name.trim()) throw new RegistryError('registry.needsName');
  const next = versionsOf(all, input.name).reduce((m, v) => Math.max(m, v.version), 0) + 1;
  let version: ModelVersion = {
    name: input.name,
    version: next,
    runId: input.runId,
    stage: 'none',
    description: input.description ?? '',
    tags: { ...(input.tags ?? {}) },
    createdAt: at,
    metrics: { ...(input.metrics ?? {}) },
    history: [{ stage: 'none', at }],
  };
  if (input.modelRef !== undefined) version.modelRef = input.modelRef;
  const added = [...all, version];
  const stage = input.stage ?? 'none';
  if (stage === 'none') return { versions: added, version, changed: [version] };
  const moved = transition(added, input.name, next, stage, at);
  version = moved.version;
  return { versions: moved.versions, version, changed: moved.changed };
}

/**
 * Move a version to another stage (promote, demote, archive). Invalid
 * transitions (same stage, archived → production: use rollback or go
 * through staging) throw a RegistryError that says what is allowed.
 */
export function transition(all: readonly ModelVersion[], name: string, version: number, stage: Stage, at: string, note?: string): { versions: ModelVersion[]; version: ModelVersion; changed: ModelVersion[] } {
  const v = find(all, name, version);
  if (v.stage === stage) throw new RegistryError('registry.alreadyIn', { label: label(v), stage });
  if (!ALLOWED[v.stage].includes(stage)) {
    const params = { label: label(v), from: v.stage, to: stage, allowed: ALLOWED[v.stage].join(', ') };
    throw new RegistryError(v.stage === 'archived' && stage === 'production' ? 'registry.archivedToProduction' : 'registry.badTransition', params);
  }
  if (stage === 'production') {
    const r = promote(all, v, at, note);
    return { ...r, version: r.changed[r.changed.length - 1] };
  }
  const moved = withStage(v, stage, at, note);
  return { versions: replace(all, [moved]), version: moved, changed: [moved] };
}

/** When a version last entered production, or undefined. */
function lastProduction(v: ModelVersion): number | undefined {
  let t: number | undefined;
  for (const h of v.history) if (h.stage === 'production') t = Date.parse(h.at);
  return t;
}

/**
 * Restore the previous production version: the current production version
 * (if any) is archived and the other version that most recently left
 * production goes back (ties: the higher version).
 */
export function rollback(all: readonly ModelVersion[], name: string, at: string): { versions: ModelVersion[]; version: ModelVersion; changed: ModelVersion[] } {
  const mine = versionsOf(all, name);
  if (mine.length === 0) throw new RegistryError('registry.noModel', { name });
  const current = mine.find((v) => v.stage === 'production');
  const candidates = mine
    .filter((v) => v !== current && v.stage !== 'production' && lastProduction(v) !== undefined)
    .sort((a, b) => lastProduction(b)! - lastProduction(a)! || b.version - a.version);
  const previous = candidates[0];
  if (!previous) throw new RegistryError('registry.noRollback', { name });
  const note = current ? `rollback from v${current.version}` : 'rollback';
  const changed: ModelVersion[] = [];
  if (current) changed.push(withStage(current, 'archived', at, `rolled back to v${previous.version}`));
  const restored = withStage(previous, 'production', at, note);
  changed.push(restored);
  return { versions: replace(all, changed), version: restored, changed };
}

export function getByStage(all: readonly ModelVersion[], name: string, stage: Stage): ModelVersion[] {
  return versionsOf(all, name).filter((v) => v.stage === stage);
}

export function latestVersion(all: readonly ModelVersion[], name: string): ModelVersion | undefined {
  const mine = versionsOf(all, name);
  return mine[mine.length - 1];
}

/** Registered model names, sorted. */
export function modelNames(all: readonly ModelVersion[]): string[] {
  return [...new Set(all.map((v) => v.name))].sort();
}
