// Which registered model version a deploy cell's variant serves. A variant
// names its model as "<registered name>@<version>" (bank-model@2),
// "<registered name>@<stage>" (bank-model@production: the newest version in
// that stage, as the registry:<name>@<stage> references do), or as the name
// of a register cell's outcome value (registered), which says the name and
// version that cell just registered.
import { STAGES, getByStage, type ModelVersion, type Stage } from './registry.ts';
import type { RegistryStore } from './registryStore.ts';

export interface VariantRef {
  /** The text as the student wrote it. */
  spec: string;
  /** A register cell's outcome value, when the spec has no "@". */
  value?: string;
  name?: string;
  version?: number;
  stage?: Stage;
}

export function parseVariantModel(spec: string): VariantRef {
  const text = spec.trim();
  const at = text.lastIndexOf('@');
  if (at < 0) return { spec, value: text };
  const name = text.slice(0, at).trim();
  const what = text.slice(at + 1).trim();
  if (/^\d+$/.test(what)) return { spec, name, version: Number(what) };
  if ((STAGES as readonly string[]).includes(what)) return { spec, name, stage: what as Stage };
  return { spec, name };
}

/** A register cell's outcome ({registered, name, version}), as ctx.get gives it. */
export interface RegisterOutcomeLike {
  registered: boolean;
  name: string;
  version?: number;
  reason?: string;
}

/** The registered version a variant serves, or a sentence saying why there is none. */
export async function resolveVariantModel(ref: VariantRef, registry: RegistryStore, outcome?: (value: string) => RegisterOutcomeLike | undefined): Promise<ModelVersion | string> {
  if (ref.value !== undefined) {
    const o = outcome?.(ref.value);
    if (!o) return `"${ref.value}" is neither "<registered name>@<version or stage>" nor a register cell's result`;
    if (!o.registered || o.version === undefined) return `the register cell that wrote "${ref.value}" did not register a model (${o.reason ?? 'no reason given'})`;
    return (await registry.get(o.name, o.version)) ?? `"${o.name}" version ${o.version} is not in the registry`;
  }
  const name = ref.name ?? '';
  if (!name) return `"${ref.spec}" names no registered model before the "@"`;
  const versions = await registry.list(name);
  if (!versions.length) return `no model is registered as "${name}"`;
  if (ref.version !== undefined) return versions.find((v) => v.version === ref.version) ?? `"${name}" has no version ${ref.version} (it has ${versions.map((v) => v.version).join(', ')})`;
  if (ref.stage !== undefined) {
    const inStage = getByStage(versions, name, ref.stage);
    return inStage.length ? inStage.reduce((a, b) => (b.version > a.version ? b : a)) : `"${name}" has no version in stage ${ref.stage}`;
  }
  return `"${ref.spec}": after the "@" comes a version number or a stage (${STAGES.join(', ')})`;
}
