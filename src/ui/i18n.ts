// UI strings in English and Korean. The language defaults from
// navigator.language and can be switched in the sidebar.
import { useSyncExternalStore } from 'react';
import type { LaterKey } from './i18n-later.ts';

export type Lang = 'en' | 'ko';

const en = {
  appName: 'ML Workbench',
  runsPanel: 'Runs',
  registryPanel: 'Registry',
  notebooks: 'Notebooks',
  course: 'Course notebooks',
  mine: 'My notebooks',
  files: 'Files',
  models: 'Saved models',
  noModels: 'Models trained in this notebook are kept here and come back after a reload.',
  newNotebook: 'New notebook',
  openFile: 'Open .ipynb…',
  exportIpynb: 'Export .ipynb',
  upload: 'Upload data…',
  uploadHint: 'CSV, TSV or JSON (or a downloaded model .zip); or drop files here',
  addLoadCell: 'Add load cell',
  addPredictCell: 'Add predict cell',
  delete: 'Delete',
  storage: 'Storage',
  storageUse: '{used} of {quota} used',
  persisted: 'kept by the browser',
  notPersisted: 'may be cleared under pressure',
  runAll: 'Run all',
  runNext: 'Run next',
  runNextTitle: 'Run the next cell (step through)',
  runCell: 'Run',
  runTo: 'Run to here',
  stop: 'Stop',
  restart: 'Restart',
  restartTitle: 'Forget all values and start over (outputs stay)',
  backend: 'Backend',
  saved: 'Saved',
  saving: 'Saving…',
  unsaved: 'Unsaved changes',
  saveError: 'Not saved',
  resetOriginal: 'Reset to original',
  addCell: 'Add cell',
  moveUp: 'Move up',
  moveDown: 'Move down',
  duplicate: 'Duplicate',
  edit: 'Edit',
  done: 'Done',
  title: 'Title',
  untitled: 'Untitled notebook',
  rows: '{n} rows',
  columns: '{n} columns',
  downloadModel: 'Download',
  loadingEditor: 'Loading editor…',
  colType_number: 'number',
  colType_integer: 'integer',
  colType_string: 'string',
  colType_boolean: 'boolean',
  colType_date: 'date',
  colType_unknown: 'unknown',
  epoch: 'Epoch',
  loss: 'Loss',
  predicted: 'Predicted',
  actual: 'Actual',
  missing: 'missing',
  language: 'Language',
  dropHere: 'Drop a notebook (.ipynb) or data file (CSV, TSV, JSON)',
  kernelStarting: 'Starting the kernel…',
  none: '(none)',
  add: 'Add',
  remove: 'Remove',
  invalid: 'Invalid value',
  values: 'Values',
  close: 'Close',
  emptyList: 'Nothing here yet.',
  // --- the lifecycle messages the shell shows (notices, the report export); the panels' own are in i18n-lifecycle.ts ---
  kernelSays: 'From the code of notebook “{title}” (not from this app):',
  kernelStartFailed: 'The kernel did not start: {message}',
  exportReport: 'Export HTML report',
  exportReportTitle: 'Download the whole notebook with its outputs and figures as one HTML file that opens offline',
  exportingReport: 'Making the report…',
  courseGallery: 'Course gallery',
  hideSidebar: 'Hide the sidebar',
  showSidebar: 'Show the sidebar',
  exportPython: 'Export as Python notebook',
  exportPythonTitle: 'Download this notebook as pandas / scikit-learn / XGBoost / PyTorch code (a Jupyter notebook, with its data files, in a zip) that runs on a laptop, Colab or SageMaker',
};

/** The messages of the first screen (here and in i18n-ko.ts). */
export type ShellKey = keyof typeof en;
/** Every shell message: the first screen's and those that load later (i18n-later.ts). */
export type MessageKey = ShellKey | LaterKey;

/** The English table, for the completeness test (tests/ui/i18n-completeness.test.ts; the Korean one is i18n-ko.ts). */
export const englishMessages: Readonly<Record<ShellKey, string>> = en;

/** The Korean table once loaded (loadLang); English shows until then. */
let koTable: Record<ShellKey, string> | null = null;

/** The notices and outputs' labels (i18n-later.ts) once loaded (loadLater). */
let later: typeof import('./i18n-later.ts').laterTables | null = null;
let laterLoading: Promise<void> | undefined;

/**
 * Load the messages no first paint shows (notices, the outputs' labels). The controller loads them
 * with editing and opens no notebook before; a key asked for before they are in reads as itself.
 */
export function loadLater(): Promise<void> {
  laterLoading ??= import('./i18n-later.ts').then(
    (m) => {
      later = m.laterTables;
      changed();
    },
    (error: unknown) => {
      laterLoading = undefined;
      throw error;
    },
  );
  return laterLoading;
}

/** The Korean tables that come in the Korean chunk beside the shell's messages. */
export interface KoExtras {
  issues: typeof import('./i18n-issues-ko.ts').ISSUES_KO;
  phases: typeof import('./i18n-progress-ko.ts').PHASES_KO;
  progress: typeof import('./i18n-progress-ko.ts').PROGRESS_KO;
  kinds: typeof import('./i18n-kinds-ko.ts').KIND_LABELS_KO;
  metricCells: typeof import('./i18n-metrics-ko.ts').METRIC_CELLS_KO;
}
let extras: KoExtras | null = null;

/** The form-issue, progress, kind-name and metric-label tables in Korean, once the Korean chunk is in (null before). */
export function koExtras(): KoExtras | null {
  return extras;
}
let koLoading: Promise<void> | undefined;

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem('mlwb.lang');
    if (saved === 'en' || saved === 'ko') return saved;
  } catch {
    // Storage may be unavailable (private mode): use the browser language.
  }
  return typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

let lang: Lang = initialLang();
/** Changes whenever what t() returns may change (language switched or a table loaded): the React snapshot. */
let version = 0;
const listeners = new Set<() => void>();

function changed(): void {
  version++;
  for (const l of listeners) l();
}

/** Loads the language's table if it is not in yet (main.tsx awaits this before the first render). */
export function loadLang(which: Lang): Promise<void> {
  if (which === 'en' || koTable) return Promise.resolve();
  koLoading ??= import('./i18n-ko.ts').then(
    (m) => {
      koTable = m.ko;
      extras = { issues: m.ISSUES_KO, phases: m.PHASES_KO, progress: m.PROGRESS_KO, kinds: m.KIND_LABELS_KO, metricCells: m.METRIC_CELLS_KO };
      changed();
    },
    () => {
      // Offline before the chunk was cached: English stays, and a later switch tries again.
      koLoading = undefined;
    },
  );
  return koLoading;
}

export function getLang(): Lang {
  return lang;
}

export function setLang(next: Lang): void {
  lang = next;
  try {
    localStorage.setItem('mlwb.lang', next);
  } catch {
    // Not persisted; the choice holds for this page.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = next;
  changed();
  void loadLang(next);
}

/** "{n} rows" with vars {n: 3} → "3 rows"; an unknown {name} stays as it is. */
export function format(text: string, vars: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  if (key in en) {
    const table = lang === 'ko' ? koTable : en;
    return format(table?.[key as ShellKey] ?? en[key as ShellKey], vars);
  }
  const text = later ? (lang === 'ko' ? later.ko : later.en)[key as LaterKey] : key;
  return format(text, vars);
}

/** A column type's word for the type badges and column pickers (a type without one shows as it is). */
export function columnTypeLabel(type: string, tr: (key: MessageKey) => string = t): string {
  const key = `colType_${type}`;
  return key in en ? tr(key as MessageKey) : type;
}

/** Re-render on language change; returns t. */
export function useT(): typeof t {
  useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => version,
  );
  return t;
}
