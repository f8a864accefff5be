// Monaco, bundled locally (no CDN) and loaded on first use: the editor core,
// JavaScript highlighting, the editor worker and the TypeScript language
// service (ES module workers) for completion of the workbench API in code
// cells: a .d.ts of the names a code cell has in scope (src/cells/code.ts)
// and of the kernel's current values.
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import type { ValueInfo } from './monacoTypes.ts';

export type Monaco = typeof import('monaco-editor/editor/editor.api');
type TsDefaults = typeof import('monaco-editor/language/typescript/monaco.contribution')['javascriptDefaults'];

let loader: Promise<Monaco> | undefined;
let jsDefaults: TsDefaults | undefined;
let valuesLib: { dispose(): void } | undefined;
let lastNames = '';
/** The declaration builders (monacoTypes.ts), loaded with Monaco: they are not part of the first screen. */
let types: typeof import('./monacoTypes.ts') | undefined;

/** What a code cell has in scope (see src/cells/code.ts). */
export const WORKBENCH_DTS = `
/** Every named table of the kernel (Arquero ColumnTable), by name. */
declare const tables: WorkbenchTables & Record<string, WorkbenchTable>;
/** Every named value's payload (tables, models, metrics, ...), by name. */
declare const values: WorkbenchValues & Record<string, any>;
/** Arquero (data frames): aq.from, aq.op, table.filter/derive/groupby/rollup. */
declare const aq: any;
/** TensorFlow.js. */
declare const tf: any;
/** Show a value as an output of this cell: a table, a Plotly figure {data, layout}, text or any JSON. */
declare function display(value: unknown): void;
/** Store a named value for later cells: set('name', value). Use a literal name. */
declare function set(name: string, value: unknown): void;
/** The run's AbortSignal: check signal.aborted in long loops so Stop works. */
declare const signal: AbortSignal;
interface WorkbenchTables {}
interface WorkbenchValues {}
`;

/** Declare the kernel's current values (bare names, tables.<name>, values.<name>) with their types for completion. */
export function setWorkbenchValues(values: readonly ValueInfo[], columns: Record<string, readonly string[]> = {}): void {
  if (!jsDefaults || !types) return;
  const text = types.workbenchValuesDts(values, columns);
  if (text === lastNames) return;
  lastNames = text;
  valuesLib?.dispose();
  valuesLib = jsDefaults.addExtraLib(text, 'file:///workbench-values.d.ts');
}

export function loadMonaco(): Promise<Monaco> {
  loader ??= (async () => {
    (self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
      getWorker: (_id: string, label: string) => (label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker()),
    };
    const monaco = await import('monaco-editor/editor/editor.api');
    // The TypeScript language's worker manager imports every editor contribution (internal/common/workers),
    // each registering its services (ICodeLensCache, IInlayHintsCache, actionWidgetService, …). Loaded after
    // the first editor had started the editor services, every later editor failed with "[createInstance] …
    // depends on UNKNOWN service …". So they are registered here, before any editor exists.
    await import('monaco-editor/internal/common/workers');
    await import('monaco-editor/languages/definitions/javascript/register');
    // The suggest widget (completion UI) is an editor contribution, not in the bare API.
    await import('monaco-editor/editor/contrib/suggest/browser/suggestController');
    try {
      const ts = await import('monaco-editor/language/typescript/monaco.contribution');
      jsDefaults = ts.javascriptDefaults;
      jsDefaults.setCompilerOptions({ target: ts.ScriptTarget.ESNext, allowNonTsExtensions: true, allowJs: true });
      // Code cells are async function bodies: top-level await and return are fine. No suggestion
      // diagnostics either: Monaco recomputes them for every code cell whenever an extra lib changes,
      // and the values' .d.ts changes after each cell run: type-checking every cell (lib files
      // first) during Run all took ~4.7 s of CPU on the first run of session-drop (docs/performance.md).
      jsDefaults.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: true, noSuggestionDiagnostics: true });
      types = await import('./monacoTypes.ts');
      jsDefaults.addExtraLib(WORKBENCH_DTS + types.TABLE_AND_MODEL_DTS, 'file:///workbench.d.ts');
    } catch {
      // Highlighting still works without the language service.
    }
    return monaco;
  })();
  return loader;
}

let pythonLoader: Promise<Monaco> | undefined;

/** Monaco with Python highlighting (a code cell's Python twin): a small chunk of its own, loaded when a twin is first opened. */
export function loadPython(): Promise<Monaco> {
  pythonLoader ??= loadMonaco().then(async (monaco) => {
    await import('monaco-editor/languages/definitions/python/register');
    return monaco;
  });
  return pythonLoader;
}
