// UI strings in English and Korean. The language defaults from
// navigator.language and can be switched in the sidebar.
import { useSyncExternalStore } from 'react';

export type Lang = 'en' | 'ko';

const en = {
  appName: 'ML Workbench',
  untrustedBanner: 'This notebook came from a file. Its code cells and URL loads will not run until you trust it.',
  trust: 'Trust',
  blockedCells: '{n} blocked',
  conflictBanner: 'This notebook was changed in another tab. Your edits here are not saved over it.',
  reloadNotebook: 'Reload',
  saveAsCopy: 'Save as copy',
  memoryOnly: 'Storage (IndexedDB) is not available in this browser: your work is kept in memory only and is lost when you close the page. Export the notebook to keep it.',
  runsPanel: 'Runs',
  registryPanel: 'Registry',
  downloadHtml: 'Download HTML',
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
  resetConfirm: 'Discard your changes to this course notebook?',
  deleteConfirm: 'Delete this notebook?',
  addCell: 'Add cell',
  moveUp: 'Move up',
  moveDown: 'Move down',
  duplicate: 'Duplicate',
  deleteCell: 'Delete cell',
  edit: 'Edit',
  done: 'Done',
  title: 'Title',
  untitled: 'Untitled notebook',
  status_idle: 'idle',
  status_queued: 'queued',
  status_running: 'running',
  status_done: 'done',
  status_stale: 'stale',
  status_error: 'error',
  status_cancelled: 'stopped',
  rows: '{n} rows',
  columns: '{n} columns',
  showingRows: 'showing {shown} of {total} rows',
  sortPreviewOnly: 'sorted: these rows only (run the cell again to sort the whole table)',
  downloadCsv: 'Download CSV',
  downloadParquet: 'Parquet',
  downloadModel: 'Download',
  downloadModelTitle: 'Download the model in a format other tools read: a TensorFlow.js layers model (networks), XGBoost JSON (boosted trees) or the layers and weights of an LSTM, GRU or 1D-CNN, with its features, classes and scaling in model.meta.json and the fitted transforms from a raw row in preprocessing.json',
  modelDownloaded: 'Model saved as {file}.',
  modelNotPortable: '"{name}" is not in the kernel (run its train cell) or its kind (ensembles, text classifiers) has no portable format yet.',
  downloadParquetTitle: 'Download the whole table as a Parquet file (typed columns; pandas.read_parquet, DuckDB, Spark read it)',
  parquetFailed: 'The Parquet file could not be made: {message}',
  parquetGone: 'The table "{name}" is no longer in the kernel: run its cell again.',
  downloadPng: 'PNG',
  downloadSvg: 'SVG',
  loadingChart: 'Loading chart…',
  loadingEditor: 'Loading editor…',
  hint: 'Hint',
  colType_number: 'number',
  colType_integer: 'integer',
  colType_string: 'string',
  colType_boolean: 'boolean',
  colType_date: 'date',
  colType_unknown: 'unknown',
  where: 'Where',
  epoch: 'Epoch',
  loss: 'Loss',
  predicted: 'Predicted',
  actual: 'Actual',
  missing: 'missing',
  unique: 'unique',
  profileColumn: 'column',
  profileType: 'type',
  profileMean: 'mean',
  profileStd: 'std',
  profileMin: 'min',
  profileMedian: 'median',
  profileMax: 'max',
  profileDistribution: 'distribution',
  language: 'Language',
  dropHere: 'Drop a notebook (.ipynb) or data file (CSV, TSV, JSON)',
  openFailed: 'Could not open {name}: {message}',
  kernelStarting: 'Starting the kernel…',
  noCells: 'This notebook is empty. Add a cell to start.',
  shortcuts: 'Shortcuts: Shift+Enter run and advance · Ctrl+Enter run · A/B insert above/below · D D delete · Enter edit · Esc command mode · Ctrl+S save',
  none: '(none)',
  add: 'Add',
  remove: 'Remove',
  invalid: 'Invalid value',
  staleBecause: 'Stale: {reason}',
  values: 'Values',
  close: 'Close',
  emptyList: 'Nothing here yet.',
  // --- the lifecycle messages the shell shows (notices, the report export); the panels' own are in i18n-lifecycle.ts ---
  webgpuConfirm: 'WebGPU is not available inside the kernel\'s sandbox. Restart the kernel on this app\'s origin to use it? Trusted code cells could then reach this app\'s storage (untrusted notebooks stay blocked), and the cells run again from their saved models. Choose webgl to keep the sandbox.',
  kernelSays: 'From the code of notebook “{title}” (not from this app):',
  webgpuSameOrigin: 'WebGPU is chosen: the kernel runs on this app\'s origin, not in its sandbox (the sandbox has no GPU access). Choose webgl to keep the sandbox on the next start.',
  webgpuRestarted: 'The kernel was restarted on this app\'s origin to use WebGPU.',
  tabCrashed: 'The browser tab stopped while cell {n} was running, most likely because the cell used up the memory (an array or table that grows without end). The notebook and the outputs saved before are kept; the kernel starts fresh.',
  tabCrashedCell: 'The browser tab stopped while this cell was running, most likely because it used up the memory.',
  tabCrashedHint: 'Work on fewer rows (a sample), stop loops that grow an array or table without end, then run it again.',
  kernelRestarted: 'The kernel was restarted.',
  kernelRestartedStop: 'The kernel was restarted because the running cell did not stop.',
  kernelStartFailed: 'The kernel did not start: {message}',
  kernelUnsandboxed: 'The kernel runs on this app\'s origin, not in its sandbox ({reason}): trusted code cells could reach this app\'s storage.',
  modelRestored: 'Saved model {names} loaded: cells that use it run without retraining.',
  modelsRestored: 'Saved models {names} loaded: cells that use them run without retraining.',
  trainingDiverged: 'Training stopped: the loss became {loss}. The model diverged: lower the learning rate, scale the features, or drop rows with missing or extreme values, then run the cell again.',
  trainingDivergedAt: 'Training stopped: the loss became {loss} at epoch {epoch}. The model diverged: lower the learning rate, scale the features, or drop rows with missing or extreme values, then run the cell again.',
  outOfMemoryCell: 'Out of memory in a cell: the data is too large for this browser tab ({message}). The kernel was restarted; load fewer rows or columns (a sample), then run again.',
  outOfMemoryKernel: 'Out of memory in the kernel: the data is too large for this browser tab ({message}). The kernel was restarted; load fewer rows or columns (a sample), then run again.',
  savedInOtherTab: 'This notebook was saved in another tab. Reload it here, or save your version as a copy.',
  uploaded: 'Uploaded {name}.',
  saveConflict: 'This notebook was changed in another tab or window since it was opened here; nothing was overwritten. Reload it here, or save your version as a copy.',
  unknownKindNote: 'Unknown cell kind “{kind}”. This notebook may need a newer ML Workbench.',
  noLoadCell: 'This build has no load cell yet; read the file in a code cell instead.',
  unsupportedFile: 'unsupported file type (use .ipynb, .csv, .tsv, .json or a model .zip)',
  exportReport: 'Export HTML report',
  exportReportTitle: 'Download the whole notebook with its outputs and figures as one HTML file that opens offline',
  exportingReport: 'Making the report…',
  reportFailed: 'The HTML report could not be made: {message}',
  reportSaved: 'HTML report saved as {file}.',
  courseGallery: 'Course gallery',
  hideSidebar: 'Hide the sidebar',
  showSidebar: 'Show the sidebar',
  exportPython: 'Export as Python notebook',
  exportPythonTitle: 'Download this notebook as pandas / scikit-learn / XGBoost / PyTorch code (a Jupyter notebook, with its data files, in a zip) that runs on a laptop, Colab or SageMaker',
  exportPythonSaved: 'Python notebook saved as {file} ({todos} step(s) marked TODO).',
  exportPythonMissing: 'Copy these files beside it: {files}.',
  exportPythonFailed: 'The Python notebook could not be made: {message}',
};

export type MessageKey = keyof typeof en;


/** The English table, for the completeness test (tests/ui/i18n-completeness.test.ts; the Korean one is i18n-ko.ts). */
export const englishMessages: Readonly<Record<MessageKey, string>> = en;

/** The Korean table once loaded (loadLang); English shows until then. */
let koTable: Record<MessageKey, string> | null = null;

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
  const table = lang === 'ko' ? koTable : en;
  return format(table?.[key] ?? en[key], vars);
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
