// Registered models by reference: a cell parameter such as
// `registry:bank-marketing-model@production` (or `@staging`, `@none`,
// `@archived`, or `@3` for a version number) names the model registered
// under that name in that stage. Kernel value names must be identifiers, so
// the worker hands the kernel an alias (registryAlias) in the cell's params
// and, before a run, loads the version's saved model (its modelRef) into the
// kernel under the alias.
import { codedNotice, type CodedNotice } from '../core/messages.ts';
import { STAGES, type ModelVersion, type Stage } from '../lifecycle/registry.ts';

export const REGISTRY_REF = /^registry:(.+)@([a-z]+|\d+)$/;

export interface RegistryRef {
  ref: string;
  name: string;
  stage?: Stage;
  version?: number;
}

export function parseRegistryRef(text: string): RegistryRef | undefined {
  const m = REGISTRY_REF.exec(text.trim());
  if (!m) return undefined;
  const [, name, sel] = m;
  if (/^\d+$/.test(sel)) return { ref: text.trim(), name, version: Number(sel) };
  if ((STAGES as readonly string[]).includes(sel)) return { ref: text.trim(), name, stage: sel as Stage };
  return undefined;
}

/** FNV-1a 32, hex: tells apart refs that sanitize to the same identifier. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The identifier the kernel holds a registry reference under. */
export function registryAlias(ref: RegistryRef): string {
  const sel = ref.version !== undefined ? `v${ref.version}` : ref.stage!;
  return `registry_${ref.name.replace(/[^A-Za-z0-9_]+/g, '_')}_${sel}_${hash(ref.ref)}`;
}

/**
 * Replace registry references in a cell's top-level params (and string
 * arrays) by their aliases; `found` collects alias → ref.
 */
export function aliasParams(params: Record<string, unknown>, found: Map<string, RegistryRef>): Record<string, unknown> {
  let changed = false;
  const swap = (v: unknown): unknown => {
    if (typeof v !== 'string' || !v.startsWith('registry:')) return v;
    const ref = parseRegistryRef(v);
    if (!ref) return v;
    const alias = registryAlias(ref);
    found.set(alias, ref);
    changed = true;
    return alias;
  };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) out[k] = Array.isArray(v) ? v.map(swap) : swap(v);
  return changed ? out : params;
}

/** The version a reference points at, or a notice that says why there is none. */
export function pickVersion(versions: readonly ModelVersion[], ref: RegistryRef): ModelVersion | CodedNotice {
  const mine = versions.filter((v) => v.name === ref.name).sort((a, b) => a.version - b.version);
  if (mine.length === 0) return codedNotice('registryRef.noModel', { ref: ref.ref, name: ref.name });
  const list = mine.map((v) => `v${v.version} ${v.stage}`).join(', ');
  const v = ref.version !== undefined ? mine.find((x) => x.version === ref.version) : mine.filter((x) => x.stage === ref.stage).at(-1);
  if (!v) {
    return ref.version !== undefined
      ? codedNotice('registryRef.noVersion', { ref: ref.ref, name: ref.name, version: ref.version, list })
      : codedNotice('registryRef.noStage', { ref: ref.ref, name: ref.name, stage: ref.stage ?? '', list });
  }
  if (!v.modelRef) return codedNotice('registryRef.noSavedModel', { ref: ref.ref, name: ref.name, version: v.version });
  return v;
}
