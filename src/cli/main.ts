// The headless runner: `ml-workbench run <notebook.ipynb> [--json out.json]`.
// Exit codes: 0 every cell ran, 1 a cell failed, 2 bad input (arguments, a
// missing or broken notebook file, invalid cell params). Never a stack trace
// for bad input: one clear line that says what and where.
import { readFile, readdir, writeFile, mkdir, stat } from 'node:fs/promises';
import { dirname, join, resolve, relative } from 'node:path';
import { decodeNotebook, serializeNotebook } from '../notebook/ipynb.ts';
import { NotebookFormatError } from '../notebook/errors.ts';
import type { NotebookDoc } from '../notebook/model.ts';
import { validateParams } from '../kernel/params.ts';
import { workbenchCellSchema } from '../notebook/cellSchema.ts';
import { cellRegistry, renderSource } from '../cells/registry.ts';
import type { BackendName } from '../ml/backend.ts';
import type { CellState } from '../kernel/state.ts';
import { cellLine, cellReports, type RunReport } from './report.ts';
import { htmlReportPieces } from '../notebook/htmlReport.ts';
import { describeThrown } from '../core/errors.ts';
import { KernelThread, ThreadFailure } from './supervisor.ts';
import { jsonPieces, writePieces } from './streamWrite.ts';
import { renderMarkdownSafe } from './markdown.ts';
import { DEFAULT_SEED, generateAllDatasets } from '../datasets/generators/index.ts';
import { EXPORT_USAGE, exportCommand } from './export.ts';

export const EXIT_OK = 0;
export const EXIT_CELL_FAILED = 1;
export const EXIT_BAD_INPUT = 2;

/** Seconds a cell may run by default: the course notebooks take at most ~2 min a cell on a slow machine. */
export const DEFAULT_TIMEOUT_S = 600;

const USAGE = `Usage:
  ml-workbench run <notebook.ipynb> [--json out.json] [--html report.html] [--save out.ipynb] [--backend wasm|cpu] [--timeout SECONDS] [--allow-read DIR] [--stop-on-error] [--quiet]
  ml-workbench run-all <folder> [--json-dir dir] [--backend wasm|cpu] [--timeout SECONDS] [--allow-read DIR]
  ml-workbench schema [--out file.json]
  ml-workbench generate [--out public/datasets] [--seed N]
  ${EXPORT_USAGE}
  ml-workbench --help

run       runs every cell of a notebook in Node and prints one line per cell.
          --json writes every output (metrics, table previews, figure specs) as JSON.
          --html writes a standalone HTML report (every cell and output, no script);
          figures appear as their data there: the app's "Export HTML report" draws them.
          --save writes the notebook with its new outputs.
          Cells keep running after a failure unless --stop-on-error; cells that
          need a failed cell's values are reported as skipped.
          --timeout stops a cell that runs longer (default ${DEFAULT_TIMEOUT_S} s; 0: no limit);
          the cells after it are reported as not run.
          A notebook reads files in its own folder only; --allow-read DIR (repeatable)
          allows another folder.
run-all   runs every .ipynb in a folder (not recursive) the same way.
generate  writes the generated course datasets (shop sessions, K-Mart, bank marketing) as CSV
          files into a folder (default public/datasets, seed ${DEFAULT_SEED}); see docs/datasets.md.
export    writes the notebook as Python (pandas, scikit-learn, XGBoost, PyTorch) with the data files
          beside it; untranslated steps are TODO cells (docs/export.md).
schema    prints the JSON Schema of the workbench cell metadata (docs/workbench-cell.schema.json).
Exit codes: 0 all cells ran, 1 a cell failed, 2 bad input.`;

class UsageError extends Error {}

interface Options {
  command: 'run' | 'run-all' | 'schema' | 'generate' | 'help';
  seed?: number;
  out?: string;
  target: string;
  json?: string;
  html?: string;
  jsonDir?: string;
  save?: string;
  backend: BackendName[];
  stopOnError: boolean;
  quiet: boolean;
  /** Per-cell limit in seconds; 0: none. */
  timeout?: number;
  /** Folders a notebook may read besides its own (--allow-read). */
  allowRead?: string[];
}

export function parseArgs(argv: string[]): Options {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { command: 'help', target: '', backend: [], stopOnError: false, quiet: false };
  if (command === 'schema') {
    if (rest.length === 0) return { command, target: '', backend: [], stopOnError: false, quiet: false };
    if (rest[0] === '--out' && rest.length === 2) return { command, target: '', out: rest[1], backend: [], stopOnError: false, quiet: false };
    throw new UsageError('schema takes only --out <file.json>.');
  }
  if (command === 'generate') return parseGenerateArgs(rest);
  if (command !== 'run' && command !== 'run-all') throw new UsageError(`Unknown command "${command}".`);
  const options: Options = { command, target: '', backend: ['wasm', 'cpu'], stopOnError: false, quiet: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${arg} needs a value.`);
      return v;
    };
    if (arg === '--json') options.json = value();
    else if (arg === '--json-dir') options.jsonDir = value();
    else if (arg === '--html') {
      if (command !== 'run') throw new UsageError('--html writes the report of one notebook: use it with run.');
      options.html = value();
    }
    else if (arg === '--save') options.save = value();
    else if (arg === '--backend') {
      const b = value();
      if (b !== 'wasm' && b !== 'cpu') throw new UsageError(`--backend must be wasm or cpu in Node, not "${b}".`);
      options.backend = [b];
    } else if (arg === '--timeout') {
      const t = value();
      if (!/^\d+(\.\d+)?$/.test(t)) throw new UsageError(`--timeout must be a number of seconds (0: no limit), not "${t}".`);
      options.timeout = Number(t);
    } else if (arg === '--allow-read') (options.allowRead ??= []).push(resolve(value()));
    else if (arg === '--stop-on-error') options.stopOnError = true;
    else if (arg === '--quiet') options.quiet = true;
    else if (arg.startsWith('--')) throw new UsageError(`Unknown option ${arg}.`);
    else if (options.target) throw new UsageError(`Only one ${command === 'run' ? 'notebook' : 'folder'} can be given (got "${options.target}" and "${arg}").`);
    else options.target = arg;
  }
  if (!options.target) throw new UsageError(command === 'run' ? 'Which notebook? Give the path to an .ipynb file.' : 'Which folder? Give a folder of .ipynb files.');
  return options;
}

function parseGenerateArgs(rest: string[]): Options {
  const options: Options = { command: 'generate', target: '', out: 'public/datasets', seed: DEFAULT_SEED, backend: [], stopOnError: false, quiet: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const v = rest[i + 1];
    if ((arg === '--out' || arg === '--seed') && (v === undefined || v.startsWith('--'))) throw new UsageError(`${arg} needs a value.`);
    if (arg === '--out') options.out = v;
    else if (arg === '--seed') {
      if (!/^\d+$/.test(v)) throw new UsageError(`--seed must be a non-negative integer, not "${v}".`);
      options.seed = Number(v);
    } else throw new UsageError(`generate takes only --out <folder> and --seed <N>, not "${arg}".`);
    i++;
  }
  return options;
}

async function generateDatasets(out: string, seed: number, print: (s: string) => void): Promise<void> {
  await mkdir(out, { recursive: true });
  for (const { file, text } of generateAllDatasets(seed)) {
    const path = join(out, file);
    await writeFile(path, text);
    const rows = text.split('\n').length - 2;
    print(`wrote ${path} (${rows} rows, ${(text.length / 1024).toFixed(0)} KiB)`);
  }
}

class BadInput extends Error {}

async function loadNotebook(path: string): Promise<NotebookDoc> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new BadInput(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a notebook file' : String(error)}.`);
  }
  let doc: NotebookDoc;
  try {
    doc = decodeNotebook(text).doc;
  } catch (error) {
    if (error instanceof NotebookFormatError) throw new BadInput(`${path}: ${error.message}`);
    throw new BadInput(`${path}: not a notebook this runner can read (${describeThrown(error)}).`);
  }
  const problems: string[] = [];
  doc.cells.forEach((cell, i) => {
    const def = cellRegistry.get(cell.kind);
    if (cell.kind === 'foreign') return;
    if (!def) {
      problems.push(`cell ${i + 1} (${cell.id}): unknown cell kind "${cell.kind}"`);
      return;
    }
    try {
      const r = validateParams(def, cell.params);
      if (!r.ok) for (const issue of r.issues) problems.push(`cell ${i + 1} (${cell.kind}, ${cell.id}): ${issue.path}: ${issue.message}`);
    } catch (error) {
      problems.push(`cell ${i + 1} (${cell.kind}, ${cell.id}): ${describeThrown(error)}`);
    }
  });
  if (problems.length) throw new BadInput(`${path}: invalid cells:\n  ${problems.join('\n  ')}`);
  return doc;
}

/** A report file, written in pieces; a file that cannot be written is bad input (the path given), said in one line. */
async function writeReport(path: string, pieces: Iterable<string>): Promise<void> {
  try {
    await writePieces(path, pieces);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new BadInput(`${path}: cannot write it (${code ?? describeThrown(error)}).`);
  }
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await writeReport(path, (function* () {
    yield* jsonPieces(value);
    yield '\n';
  })());
}

/** The standalone HTML report (src/notebook/htmlReport.ts) of this run's outputs; figures as data (images are drawn in the app). */
async function writeHtmlReport(path: string, doc: NotebookDoc, states: CellState[], backend: string, printError: (s: string) => void): Promise<void> {
  const outputs = Object.fromEntries(doc.cells.map((c, i) => [c.id, states[i]?.outputs ?? c.outputs]));
  await writeReport(path, htmlReportPieces(doc, {
    outputs,
    renderMarkdown: renderMarkdownSafe,
    // Plain Jupyter cells' markdown outputs; their HTML shows its text/plain (no DOM here to sanitize with).
    jupyter: { markdown: renderMarkdownSafe },
    figureNote: 'Figure images are rendered in the app (Export HTML report); the headless runner shows the figure data.',
    meta: [`Run headless by ml-workbench on ${new Date().toISOString()}`, `backend ${backend}`],
    onBadOutput: (cell, output, reason) => printError(`ml-workbench: note: cell [${cell}] output ${output + 1}: ${reason}; the HTML report says so in its place.`),
  }));
}

/** "cell 3 (Code)", as the kernel names cells in its messages. */
function cellLabel(doc: NotebookDoc, index: number): string {
  const cell = doc.cells[index];
  return `cell ${index + 1} (${cell.title ?? cellRegistry.get(cell.kind)?.label ?? cell.kind})`;
}

async function runNotebook(path: string, options: Options, thread: KernelThread, print: (s: string) => void, printError: (s: string) => void): Promise<RunReport> {
  const doc = await loadNotebook(path);
  const title = doc.title || path;
  const started = performance.now();
  let index = 0;
  const printed = new Set<number>();
  let states: CellState[] = doc.cells.map((c) => ({ id: c.id, kind: c.kind, status: 'idle', outputs: c.outputs, reads: [], writes: [] }));
  const printCell = (i: number) => {
    if (options.quiet || printed.has(i)) return;
    printed.add(i);
    print(cellLine(cellReports([doc.cells[i]], [states[i]]).map((r) => ({ ...r, index: i + 1 }))[0]));
  };
  const result = await thread.run({
    type: 'run', path, title, notebookDir: dirname(resolve(path)), allowRead: options.allowRead ?? [],
    cells: doc.cells, backendOrder: options.backend, stopOnError: options.stopOnError,
  }, {
    timeoutSeconds: options.timeout ?? DEFAULT_TIMEOUT_S,
    label: (i) => cellLabel(doc, i),
    onBackend: (backend) => print(`ML Workbench · ${doc.title ? `${doc.title} · ` : ''}${relative(process.cwd(), resolve(path))} · backend ${backend}`),
    onStatus: (i, status, state) => {
      states[i] = state;
      if (status !== 'done' && status !== 'error' && status !== 'cancelled') return;
      // Print markdown/foreign cells that precede this one, so the log follows the notebook.
      for (; index < i; index++) if (!cellRegistry.get(doc.cells[index].kind)?.runnable) printCell(index);
      printCell(i);
      index = Math.max(index, i + 1);
    },
  });
  states = result.states;
  for (; index < doc.cells.length; index++) if (!cellRegistry.get(doc.cells[index].kind)?.runnable) printCell(index);
  const durationMs = performance.now() - started;
  doc.cells.forEach((cell, i) => {
    if (states[i]) cell.outputs = states[i].outputs;
  });
  const cells = cellReports(doc.cells, states);
  const failed = cells.filter((c) => c.status === 'error' || c.status === 'cancelled');
  const ran = cells.filter((c) => c.status === 'done').length;
  const report: RunReport = {
    notebook: path, title, backend: result.backend, ok: failed.length === 0, durationMs: Math.round(durationMs), cells, values: result.values,
    runs: result.runs, registry: result.registry,
  };
  print(`${failed.length === 0 ? 'OK' : 'FAILED'}: ${ran} cell${ran === 1 ? '' : 's'} ran${failed.length ? `, ${failed.length} failed (${failed.map((c) => `[${c.index}]`).join(' ')})` : ''} in ${(durationMs / 1000).toFixed(1)} s`);
  if (options.save) await writeReport(options.save, [serializeNotebook(doc, renderSource)]);
  if (options.html) await writeHtmlReport(options.html, doc, states, result.backend, printError);
  return report;
}

export async function main(argv: string[], print: (s: string) => void = (s) => console.log(s), printError: (s: string) => void = (s) => console.error(s)): Promise<number> {
  if (argv[0] === 'export') return exportCommand(argv.slice(1), print, printError);
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    printError(`ml-workbench: ${describeThrown(error)}\n\n${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  if (options.command === 'help') {
    print(USAGE);
    return EXIT_OK;
  }
  const thread = new KernelThread();
  try {
    return await command(options, thread, print, printError);
  } catch (error) {
    // One clear line, never a stack trace: exit 2 for what the user gave, 1 for anything else.
    if (error instanceof BadInput) {
      printError(`ml-workbench: ${error.message}`);
      return EXIT_BAD_INPUT;
    }
    printError(`ml-workbench: ${error instanceof ThreadFailure ? 'the kernel could not run the notebook' : 'internal error'}: ${describeThrown(error).split('\n')[0]}`);
    return EXIT_CELL_FAILED;
  } finally {
    await thread.close();
  }
}

async function checkAllowRead(dirs: readonly string[]): Promise<void> {
  for (const dir of dirs) {
    const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
    if (!isDir) throw new BadInput(`--allow-read ${dir}: not a folder.`);
  }
}

async function command(options: Options, thread: KernelThread, print: (s: string) => void, printError: (s: string) => void): Promise<number> {
  if (options.command === 'schema') {
    const text = JSON.stringify(workbenchCellSchema(cellRegistry.values()), null, 2) + '\n';
    if (options.out) await writeReport(options.out, [text]);
    else print(text.trimEnd());
    return EXIT_OK;
  }
  if (options.command === 'generate') {
    const out = options.out ?? 'public/datasets';
    await generateDatasets(out, options.seed ?? DEFAULT_SEED, print).catch((error: unknown) => {
      throw new BadInput(`${out}: cannot write the datasets there (${(error as { code?: string }).code ?? describeThrown(error)}).`);
    });
    return EXIT_OK;
  }
  await checkAllowRead(options.allowRead ?? []);
  if (options.command === 'run') {
    const report = await runNotebook(options.target, options, thread, print, printError);
    if (options.json) await writeJson(options.json, report);
    return report.ok ? EXIT_OK : EXIT_CELL_FAILED;
  }
  let entries: string[];
  try {
    entries = (await readdir(options.target)).filter((f) => f.endsWith('.ipynb')).sort();
  } catch {
    throw new BadInput(`${options.target}: not a readable folder.`);
  }
  if (entries.length === 0) throw new BadInput(`${options.target}: no .ipynb files in this folder.`);
  let worst = EXIT_OK;
  const summary: string[] = [];
  for (const file of entries) {
    const path = join(options.target, file);
    try {
      const report = await runNotebook(path, options, thread, print, printError);
      if (options.jsonDir) await writeJson(join(options.jsonDir, file.replace(/\.ipynb$/, '.json')), report);
      summary.push(`${report.ok ? 'ok    ' : 'FAILED'} ${path} (${(report.durationMs / 1000).toFixed(1)} s)`);
      if (!report.ok) worst = Math.max(worst, EXIT_CELL_FAILED);
    } catch (error) {
      if (error instanceof ThreadFailure) {
        // This notebook could not run at all; the next one gets a fresh kernel thread.
        printError(`ml-workbench: ${path}: the kernel could not run the notebook: ${error.message}`);
        summary.push(`FAILED ${path}`);
        worst = Math.max(worst, EXIT_CELL_FAILED);
        continue;
      }
      if (!(error instanceof BadInput)) throw error;
      printError(`ml-workbench: ${error.message}`);
      summary.push(`BAD    ${path}`);
      worst = EXIT_BAD_INPUT;
    }
    print('');
  }
  print(summary.join('\n'));
  return worst;
}
