// Every cell kind the workbench knows, by kind name, plus the source
// renderer the notebook codec uses for typed cells.
import type { CellKindDef } from './types.ts';
import type { NotebookCell } from '../notebook/model.ts';
import { markdownCell } from './markdown.ts';
import { codeCell } from './code.ts';
import { visualizeCell } from './visualize.ts';
import { loadCell } from './load.ts';
import { edaCell } from './eda.ts';
import { transformCell } from './transform.ts';
import { splitCell } from './split.ts';
import { trainCell } from './train.ts';
import { evaluateCell } from './evaluate.ts';
import { timeseriesCell } from './timeseries.ts';
import { registerCell } from './register.ts';
import { pipelineCell } from './pipeline.ts';
import { crossvalCell } from './crossval.ts';
import { tuneCell } from './tune.ts';
import { explainCell } from './explain.ts';
import { predictCell } from './predict.ts';
import { sequencesCell } from './sequences.ts';
import { joinCell } from './join.ts';
import { selectFeaturesCell } from './select.ts';
import { ensembleCell } from './ensemble.ts';
import { inventoryCell } from './inventory.ts';
import { sessionFeaturesCell } from './sessionfeatures.ts';
import { compareCell } from './compare.ts';
import { driftCell } from './drift.ts';
import { modelcardCell } from './modelcard.ts';
import { retrieveCell } from './retrieve.ts';
import { textClassifyCell } from './textclassify.ts';
import { deployCell } from './deploy.ts';
import { invokeCell } from './invoke.ts';
import { monitorCell } from './monitor.ts';

// Each def is typed by its own schema; the registry holds them at the common
// (erased) type, which is safe because the kernel validates params before run().
const ALL: CellKindDef[] = [markdownCell, loadCell, joinCell, edaCell, transformCell, selectFeaturesCell, sessionFeaturesCell, sequencesCell, splitCell, trainCell, textClassifyCell, ensembleCell, evaluateCell, crossvalCell, tuneCell, explainCell, predictCell, visualizeCell, timeseriesCell, inventoryCell, compareCell, driftCell, registerCell, deployCell, invokeCell, monitorCell, pipelineCell, modelcardCell, retrieveCell, codeCell] as unknown as CellKindDef[];

export const cellRegistry: ReadonlyMap<string, CellKindDef> = new Map(ALL.map((d) => [d.kind, d]));

/** The readable `source` of a typed cell, from its params (defaults filled in). */
export function renderSource(cell: NotebookCell): string {
  const def = cellRegistry.get(cell.kind);
  if (!def) return `// ${cell.kind} cell (unknown kind)`;
  const parsed = def.schema.safeParse(cell.params);
  const header = cell.title ? `// ${cell.title}\n` : '';
  if (!parsed.success) return `${header}// ${cell.kind} cell with invalid params: ${JSON.stringify(cell.params)}`;
  return header + def.render(parsed.data);
}

/** Params with every default filled in, for a new cell of a kind. */
export function defaultParams(kind: string): Record<string, unknown> {
  const def = cellRegistry.get(kind);
  if (!def) throw new Error(`Unknown cell kind "${kind}".`);
  return def.schema.parse({}) as Record<string, unknown>;
}
