// An in-browser model endpoint, after SageMaker's: a named service whose
// configuration (production variants, each a registered model version with
// a traffic weight) is versioned — every deploy, update and undeploy is a
// new config version and the history is kept — plus a request log that the
// monitor cell reads. Pure data and pure functions; a store persists what
// they return (endpointStore.ts).
import { z } from 'zod';
import { seededRandom } from '../core/random.ts';

export const ENDPOINT_STATUSES = ['in-service', 'deleted'] as const;
export type EndpointStatus = (typeof ENDPOINT_STATUSES)[number];

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const variantSchema = z.object({
  variant: z.string().min(1),
  model: z.string().min(1),
  version: z.number().int().min(1),
  weight: z.number().min(0),
  /** Where the registered version's model is saved (its modelRef), so the endpoint answers without asking the registry again. */
  modelRef: z.string().optional(),
});

export const endpointConfigSchema = z.object({
  config: z.number().int().min(1),
  status: z.enum(ENDPOINT_STATUSES),
  variants: z.array(variantSchema),
  at: z.iso.datetime({ offset: true }),
  note: z.string().optional(),
  /** The note in Korean, for a Korean UI (the endpoint card). */
  noteKo: z.string().optional(),
});

export const logEntrySchema = z.object({
  /** 1, 2, ... per endpoint, never reused (also after old entries are dropped). */
  seq: z.number().int().min(1),
  at: z.iso.datetime({ offset: true }),
  config: z.number().int().min(1),
  variant: z.string(),
  /** The caller's key of the row (a key column's value, or the row's index in the table sent), to join labels later. */
  key: z.string(),
  /** The row's model features as sent (kept for drift monitoring). */
  row: z.record(z.string(), scalar),
  prediction: scalar,
  /** The answering model's task (the monitor picks its metrics by it). */
  task: z.enum(['classification', 'regression']).optional(),
  /** Two-class models: the probability of the model's last class, for AUC. */
  score: z.number().optional(),
  /** The class that score is the probability of. */
  scoreClass: z.string().optional(),
  latencyMs: z.number().min(0),
  /** The true outcome, once it arrives. */
  label: scalar.optional(),
});

export const endpointSchema = z.object({
  name: z.string().min(1),
  /** The notebook that deployed it (the kernel may change only its own notebook's endpoints). */
  notebookId: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  configs: z.array(endpointConfigSchema).min(1),
  log: z.array(logEntrySchema),
  /** Log entries dropped (oldest first) to keep the log within LOG_CAP. */
  dropped: z.number().int().min(0),
});

export type EndpointVariant = z.output<typeof variantSchema>;
export type EndpointConfig = z.output<typeof endpointConfigSchema>;
export type LogEntry = z.output<typeof logEntrySchema>;
export type Endpoint = z.output<typeof endpointSchema>;

/** Newest log entries kept per endpoint: enough for a monitoring window, small enough for IndexedDB and the notebook's values. */
export const LOG_CAP = 5000;

export class EndpointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EndpointError';
  }
}

export function currentConfig(endpoint: Endpoint): EndpointConfig {
  return endpoint.configs[endpoint.configs.length - 1];
}

export function endpointStatus(endpoint: Endpoint): EndpointStatus {
  return currentConfig(endpoint).status;
}

function checkVariants(name: string, variants: readonly EndpointVariant[]): void {
  if (variants.length === 0) throw new EndpointError(`Endpoint "${name}" needs at least one variant.`);
  const seen = new Set<string>();
  for (const v of variants) {
    if (seen.has(v.variant)) throw new EndpointError(`Endpoint "${name}" has two variants named "${v.variant}"; each variant needs its own name.`);
    seen.add(v.variant);
    if (!Number.isFinite(v.weight) || v.weight < 0) throw new EndpointError(`Variant "${v.variant}" of endpoint "${name}" has weight ${v.weight}; weights must be 0 or more.`);
  }
  if (!variants.some((v) => v.weight > 0)) throw new EndpointError(`Every variant of endpoint "${name}" has weight 0, so no request could be answered. Give at least one a weight above 0.`);
}

/**
 * Deploy (or update) an endpoint: a new config version in service with
 * these variants. The first deploy creates the endpoint; a deleted one is
 * brought back under the next config version, its history and log kept.
 */
export function deploy(existing: Endpoint | undefined, name: string, variants: readonly EndpointVariant[], at: string, notebookId: string, note?: string, noteKo?: string): Endpoint {
  checkVariants(name, variants);
  const config: EndpointConfig = { config: (existing ? currentConfig(existing).config : 0) + 1, status: 'in-service', variants: variants.map((v) => ({ ...v })), at, ...(note ? { note } : {}), ...(noteKo ? { noteKo } : {}) };
  if (!existing) return { name, notebookId, createdAt: at, configs: [config], log: [], dropped: 0 };
  return { ...existing, configs: [...existing.configs, config] };
}

/** Take an endpoint out of service: a new config version with status deleted and no variants. */
export function undeploy(existing: Endpoint | undefined, name: string, at: string): Endpoint {
  if (!existing) throw new EndpointError(`There is no endpoint "${name}" to undeploy. Deploy it first.`);
  if (endpointStatus(existing) === 'deleted') throw new EndpointError(`Endpoint "${name}" is already undeployed (config ${currentConfig(existing).config}).`);
  const config: EndpointConfig = { config: currentConfig(existing).config + 1, status: 'deleted', variants: [], at };
  return { ...existing, configs: [...existing.configs, config] };
}

/**
 * Which variant answers each of n requests: variant i with probability
 * weight_i / Σ weights, from mulberry32(seed), so the same seed routes the
 * same way on every run and host.
 */
export function routeRequests(variants: readonly EndpointVariant[], n: number, seed: number): number[] {
  const total = variants.reduce((s, v) => s + v.weight, 0);
  if (!(total > 0)) throw new EndpointError('No variant has a weight above 0, so no request can be routed.');
  const random = seededRandom(seed);
  const out: number[] = new Array(n);
  for (let r = 0; r < n; r++) {
    const u = random() * total;
    let acc = 0;
    let chosen = -1;
    for (let i = 0; i < variants.length; i++) {
      if (variants[i].weight <= 0) continue;
      acc += variants[i].weight;
      chosen = i;
      if (u < acc) break;
    }
    out[r] = chosen;
  }
  return out;
}

/** Append entries to the log (numbered after the last), keeping the newest LOG_CAP. */
export function appendLog(endpoint: Endpoint, entries: readonly Omit<LogEntry, 'seq'>[], cap = LOG_CAP): Endpoint {
  const last = endpoint.log.length ? endpoint.log[endpoint.log.length - 1].seq : endpoint.dropped;
  const log = [...endpoint.log, ...entries.map((e, i) => ({ ...e, seq: last + i + 1 }))];
  const drop = Math.max(0, log.length - cap);
  return { ...endpoint, log: drop ? log.slice(drop) : log, dropped: endpoint.dropped + drop };
}

/** Attach labels that arrived later to the log entries whose key they name (entries already labelled keep theirs unless overwritten). */
export function attachLabels(log: readonly LogEntry[], labels: ReadonlyMap<string, LogEntry['prediction']>): LogEntry[] {
  return log.map((e) => (labels.has(e.key) ? { ...e, label: labels.get(e.key) } : e));
}
