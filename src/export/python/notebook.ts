// Export a workbench notebook to Python: a Jupyter notebook (nbformat 4.5,
// python3 kernel) or a script in the "# %%" cell format, with the markdown
// kept, each typed cell turned into pandas / scikit-learn / XGBoost /
// PyTorch code, and every step that is not translated an explicit TODO cell.
// A cell whose inputs the exported notebook does not have (an upstream TODO)
// becomes a TODO too, so the export always runs top to bottom.
import type { NotebookCell, NotebookDoc } from '../../notebook/model.ts';
import { CODE_KIND, FOREIGN_KIND, MARKDOWN_KIND } from '../../notebook/model.ts';
import { cellRegistry, renderSource } from '../../cells/registry.ts';
import { Untranslated, todoCell, type Emitter, type ExportContext, type PyCell } from './context.ts';
import { emitEda, emitLoad, emitSplit, emitVisualize } from './data.ts';
import { emitTransform } from './transform.ts';
import { emitEvaluate, emitPredict, emitTrain } from './models.ts';
import { PYTHON_HELPERS } from './helpers.ts';
import { codeCellExport, codeCellTwin } from './codecell.ts';
import { emitTune } from './tune.ts';
import { emitSelect } from './select.ts';
import { emitRetrieve } from './retrieve.ts';
import { emitTextClassify } from './textclassify.ts';
import { emitCrossval } from './crossval.ts';
import { emitJoin } from './join.ts';
import { emitDrift } from './drift.ts';
import { emitPipeline } from './pipeline.ts';
import { emitInventory } from './inventory.ts';
import { emitSessionFeatures } from './sessionfeatures.ts';
import { emitTimeseries } from './timeseries.ts';
import { emitCompare, emitEnsemble } from './ensemble.ts';
import { emitSequences } from './sequences.ts';
import { emitExplain } from './explain.ts';

const EMITTERS: Record<string, Emitter> = {
  load: emitLoad,
  eda: emitEda,
  visualize: emitVisualize,
  split: emitSplit,
  transform: emitTransform,
  train: emitTrain,
  evaluate: emitEvaluate,
  predict: emitPredict,
  select: emitSelect,
  retrieve: emitRetrieve,
  textclassify: emitTextClassify,
  crossval: emitCrossval,
  tune: emitTune,
  join: emitJoin,
  drift: emitDrift,
  pipeline: emitPipeline,
  inventory: emitInventory,
  sessionfeatures: emitSessionFeatures,
  timeseries: emitTimeseries,
  ensemble: emitEnsemble,
  compare: emitCompare,
  sequences: emitSequences,
  explain: emitExplain,
};

/** Why some kinds have no Python counterpart at all (the others without an emitter are simply not translated yet). */
const ENDPOINT_REASON = 'the endpoint lives in the browser tab; a Python notebook has no such service (with SageMaker: model.deploy(), predictor.predict() and Model Monitor, which need an AWS account)';
const NO_PYTHON: Record<string, string> = { deploy: ENDPOINT_REASON, invoke: ENDPOINT_REASON, monitor: ENDPOINT_REASON };

/** Cell kinds the exporter translates (the others become TODO cells). */
export const EXPORTED_KINDS: readonly string[] = Object.keys(EMITTERS);

export interface PythonExport {
  cells: PyCell[];
  /** Data files the notebook reads, relative to its folder. */
  files: string[];
  /** Workbench cells that became TODO cells, with why. */
  todos: { cell: string; kind: string; reason: string }[];
}

export interface ExportOptions {
  /** Folder, relative to the exported notebook, where the data files are (default "datasets"). */
  dataDir?: string;
}

const SETUP = `# Setup: the libraries, and the workbench helpers (its seeded RNG and splits, metrics, a PyTorch loop).
# Needs: numpy, pandas, scikit-learn, and where used xgboost and torch (pip install pandas scikit-learn xgboost torch).
try:
    import matplotlib.pyplot as plt
except ImportError:  # charts are drawn only where matplotlib is installed
    plt = None
`;

function exportCell(cell: NotebookCell, ctx: ExportContext): PyCell[] {
  if (cell.kind === MARKDOWN_KIND) return [{ type: 'markdown', source: cell.jupyter.source || String(cell.params.text ?? ''), from: cell.id }];
  if (cell.kind === FOREIGN_KIND) {
    if (cell.jupyter.cellType === 'markdown') return [{ type: 'markdown', source: cell.jupyter.source, from: cell.id }];
    return [todoCell(cell, 'a plain Jupyter cell the workbench kept without running it', cell.jupyter.source)];
  }
  const def = cellRegistry.get(cell.kind);
  if (!def) return [todoCell(cell, `unknown cell kind "${cell.kind}"`, '')];
  const parsed = def.schema.safeParse(cell.params);
  if (!parsed.success) return [todoCell(cell, 'its params are not valid', renderSource(cell))];
  const params = parsed.data as Record<string, unknown>;
  const forget = () => def.writes(params).forEach((n) => ctx.defined.delete(n));
  if (cell.kind === CODE_KIND) {
    forget();
    const python = String(params.python ?? '');
    if (python.trim()) return codeCellTwin(cell, String(params.code ?? ''), python, ctx, def.reads(params));
    return codeCellExport(cell, String(params.code ?? ''), def.reads(params), ctx.made);
  }
  const emitter = EMITTERS[cell.kind];
  if (!emitter) {
    forget();
    return [todoCell(cell, NO_PYTHON[cell.kind] ?? `the ${def.label} cell has no Python translation yet`, renderSource(cell))];
  }
  const missing = def.reads(params).filter((n) => n && !ctx.defined.has(n));
  if (missing.length) {
    forget();
    return [todoCell(cell, `it needs ${missing.map((n) => `"${n}"`).join(', ')}, which an earlier cell that is not exported makes`, renderSource(cell))];
  }
  const result = emitter(cell, params, ctx);
  if (result instanceof Untranslated) {
    forget();
    return [todoCell(cell, result.reason, renderSource(cell))];
  }
  return result;
}

/** The names a workbench cell makes (none when its params are not valid). */
function writesOf(cell: NotebookCell): string[] {
  const def = cellRegistry.get(cell.kind);
  const parsed = def?.schema.safeParse(cell.params);
  return def && parsed?.success ? def.writes(parsed.data as Record<string, unknown>) : [];
}

/** Remember which exported cell made each name (a TODO cell made nothing in Python; a later cell writing the name replaces it). */
function recordProducer(cell: NotebookCell, out: PyCell[], ctx: ExportContext): void {
  const def = cellRegistry.get(cell.kind);
  const parsed = def?.schema.safeParse(cell.params);
  if (!def || !parsed?.success) return;
  const params = parsed.data as Record<string, unknown>;
  const translated = out.some((c) => c.type === 'code') && !out.some((c) => c.todo);
  for (const name of def.writes(params)) {
    if (translated) ctx.producers?.set(name, { cell, params });
    else ctx.producers?.delete(name);
  }
}

/** The Python cells of a workbench notebook. */
export function exportPython(doc: NotebookDoc, options: ExportOptions = {}): PythonExport {
  const ctx: ExportContext = { defined: new Map(), made: new Set(), files: new Set(), padded: new Set(), dataDir: options.dataDir ?? 'datasets', producers: new Map() };
  const intro: PyCell = {
    type: 'markdown',
    source: `*Exported from ML Workbench.* Each workbench cell became the Python cell below its markdown; a cell marked **TODO** was not translated and says why. Splits, encodings and statistics match the workbench exactly; trained models are close (see the workbench's docs/export.md).`,
  };
  const setup: PyCell = { type: 'code', source: `${SETUP}\n${PYTHON_HELPERS}` };
  const cells: PyCell[] = [];
  const todos: PythonExport['todos'] = [];
  for (const cell of doc.cells) {
    const out = exportCell(cell, ctx);
    writesOf(cell).forEach((n) => ctx.made.add(n));
    recordProducer(cell, out, ctx);
    for (const c of out) {
      if (c.todo) todos.push({ cell: cell.id, kind: cell.kind, reason: c.source.split('\n')[1].replace(/^# TODO: not exported to Python: /, '') });
    }
    cells.push(...out);
  }
  const [first, ...rest] = cells;
  // Keep the notebook's title cell first, then the note and the setup.
  const head = first?.type === 'markdown' ? [first, intro, setup] : [intro, setup, ...(first ? [first] : [])];
  return { cells: [...head, ...rest], files: [...ctx.files], todos };
}
