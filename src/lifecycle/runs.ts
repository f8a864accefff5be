// Run records: what the tracking view lists (MLflow's runs). One record per
// train/tune/crossval execution, plain JSON so it can live in IndexedDB,
// cross the worker boundary and be exported. The zod schema validates
// imported files; the helpers filter, sort, search and diff runs.
import { z } from 'zod';
import { CellError } from '../core/errors.ts';

export const RUN_KINDS = ['train', 'tune', 'crossval', 'pipeline'] as const;
export const RUN_STATUSES = ['running', 'finished', 'failed', 'cancelled'] as const;

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** Params are JSON: nested arrays and objects (hidden layers, gbdt settings) included. */
const jsonValue: z.ZodType<unknown> = z.lazy(() => z.union([scalar, z.array(jsonValue), z.record(z.string(), jsonValue)]));

export const dataFingerprintSchema = z.object({
  hash: z.string().regex(/^[0-9a-f]{16}$/, '16 hex digits (FNV-1a 64)'),
  rows: z.number().int().min(0),
  columns: z.number().int().min(0),
});

export const runModelSchema = z.object({
  type: z.string().min(1),
  saved: z.boolean(),
  bytes: z.number().int().min(0).optional(),
  error: z.string().optional(),
});

export type RunModel = z.output<typeof runModelSchema>;

export const runRecordSchema = z.object({
  id: z.string().min(1),
  notebookId: z.string(),
  notebookTitle: z.string(),
  cellId: z.string(),
  kind: z.enum(RUN_KINDS),
  /** ISO 8601 start time. */
  startedAt: z.iso.datetime({ offset: true }),
  durationMs: z.number().min(0),
  params: z.record(z.string(), jsonValue),
  metrics: z.record(z.string(), z.number()),
  /** Per-epoch (or per-round) history: the training output's records. */
  curves: z.array(z.record(z.string(), z.number())),
  dataFingerprint: dataFingerprintSchema,
  backend: z.string(),
  /** The named value the run wrote (the train cell's output), to link a model back to its run. */
  output: z.string().optional(),
  /** Where the host saved the model: the run's artifact (host.saveRunModel), or a registered copy. */
  modelRef: z.string().optional(),
  /**
   * The model the run produced (train runs): its type (modelType), whether it
   * was saved as the run's artifact (then modelRef says where), its
   * approximate size, and why it was not saved when it was not.
   */
  model: runModelSchema.optional(),
  status: z.enum(RUN_STATUSES),
  /** Why a run failed. */
  error: z.string().optional(),
  tags: z.record(z.string(), z.string()).optional(),
});

export type RunRecord = z.output<typeof runRecordSchema>;
export type RunKind = RunRecord['kind'];
export type RunStatus = RunRecord['status'];

/** The export file: a version number so later formats can migrate old files. */
export const runExportSchema = z.object({
  format: z.literal('ml-workbench-runs'),
  version: z.literal(1),
  runs: z.array(runRecordSchema),
});

export type RunExport = z.output<typeof runExportSchema>;

/** Where runs are kept: IndexedDB in the browser, memory in tests and the runner. */
export interface RunStore {
  list(): Promise<RunRecord[]>;
  get(id: string): Promise<RunRecord | undefined>;
  /** Insert or replace by id; the record is validated first. */
  put(run: RunRecord): Promise<void>;
  delete(id: string): Promise<void>;
  exportJSON(): Promise<string>;
  /** Validate and add (or, with replace, substitute) every run in an export; returns how many were imported. */
  importJSON(text: string, options?: { replace?: boolean }): Promise<number>;
}

/** Validate a run, with the first problem spelled out (path and message). */
export function validateRun(run: unknown): RunRecord {
  const parsed = runRecordSchema.safeParse(run);
  if (!parsed.success) throw CellError.coded('runs.invalidRecord', { detail: formatIssue(parsed.error) });
  return parsed.data;
}

/** Parse an export file; throws a readable error naming the first bad field. */
export function parseRunExport(text: string): RunExport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw CellError.coded('runs.notJson', { detail: (e as Error).message });
  }
  const parsed = runExportSchema.safeParse(json);
  if (!parsed.success) throw CellError.coded('runs.notExport', { detail: formatIssue(parsed.error) });
  const ids = new Set<string>();
  for (const r of parsed.data.runs) {
    if (ids.has(r.id)) throw CellError.coded('runs.duplicate', { id: r.id });
    ids.add(r.id);
  }
  return parsed.data;
}

export function serializeRuns(runs: readonly RunRecord[]): string {
  const file: RunExport = { format: 'ml-workbench-runs', version: 1, runs: [...runs] };
  return JSON.stringify(file, null, 1);
}

function formatIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue.path.length ? issue.path.map(String).join('.') : '(root)';
  return `${path}: ${issue.message}`;
}
