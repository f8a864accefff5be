// course/: each bundled notebook's run-all time per tfjs backend in Node,
// against the same notebook on the WASM backend in the same process (the
// default headless backend). Browser backends (WebGPU, WebGL) are timed by
// the app benchmarks; here: wasm and cpu. Each line names the notebook's
// three slowest cells on that backend.
//
// course/<name>/vs-python: the same steps done in Python. The reference is
// the notebook's own export (src/export/python: pandas, scikit-learn,
// XGBoost, PyTorch), run as a script by Debian's python3 on one thread; the
// workbench runs the same cells (those the export translated; the line
// counts the ones left out as TODO) on WASM, in turns with Python. The
// issue's goal is ≤ 2× the Python reference.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main as cli } from '../src/cli/main.ts';
import { decodeNotebook } from '../src/notebook/ipynb.ts';
import { Kernel } from '../src/kernel/kernel.ts';
import { cellRegistry } from '../src/cells/registry.ts';
import { nodeHost } from '../src/cli/nodeHost.ts';
import { initBackend, type BackendName } from '../src/ml/backend.ts';
import { result, type Benchmark, type BenchResult } from './harness.ts';

const DIR = fileURLToPath(new URL('../notebooks/', import.meta.url));
const BACKENDS: BackendName[] = (process.env.BENCH_BACKENDS?.split(',') as BackendName[] | undefined) ?? ['wasm', 'cpu'];

interface RunAll {
  ms: number;
  failed: number;
  /** The three slowest cells: "id (kind) ms". */
  slowest: string[];
}

export async function runAllMs(file: string, backend: BackendName, only?: ReadonlySet<string>): Promise<RunAll> {
  await initBackend({ order: [backend] });
  const { doc } = decodeNotebook(readFileSync(DIR + file, 'utf8'));
  const kernel = new Kernel(cellRegistry, nodeHost({ notebookDir: DIR, backend: () => backend }));
  kernel.setCells(only ? doc.cells.filter((c) => only.has(c.id)) : doc.cells);
  const t0 = performance.now();
  const results = await kernel.runAll({ continueOnError: true });
  const ms = performance.now() - t0;
  const slowest = kernel.cells()
    .filter((c) => c.durationMs !== undefined)
    .sort((a, b) => (b.durationMs ?? 0) - (a.durationMs ?? 0))
    .slice(0, 3)
    .map((c) => `${c.id} (${c.kind}) ${Math.round(c.durationMs ?? 0)} ms`);
  kernel.dispose();
  return { ms, failed: results.filter((r) => r.status !== 'done').length, slowest };
}

interface PythonReference {
  dir: string;
  script: string;
  /** Ids of the cells the export translated (the rest are TODO cells in the script). */
  translated: Set<string>;
  /** Runnable cells in the notebook (not markdown). */
  runnable: number;
}

/** Exports the notebook to a Python script (with its data files) in a temporary folder. */
async function pythonReference(file: string): Promise<PythonReference> {
  const dir = mkdtempSync(join(tmpdir(), 'wb-course-py-'));
  const script = join(dir, 'notebook.py');
  const said: string[] = [];
  const code = await cli(['export', DIR + file, '--to', 'python', script], (l) => said.push(l), (l) => said.push(l));
  if (code !== 0) throw new Error(`export of ${file} failed: ${said.join(' ')}`);
  const { doc } = decodeNotebook(readFileSync(DIR + file, 'utf8'));
  // Which cells were translated: the .ipynb form of the export says so in each cell's metadata.
  const ipynb = join(dir, 'notebook.ipynb');
  await cli(['export', DIR + file, '--to', 'python', ipynb], () => undefined, () => undefined);
  const exported = JSON.parse(readFileSync(ipynb, 'utf8')) as { cells: { metadata: { workbench_export?: { from: string; todo?: boolean } } }[] };
  const runnable = new Set(doc.cells.filter((c) => c.kind !== 'markdown').map((c) => c.id));
  // A cell is translated when none of its Python cells is a TODO (a code cell's JavaScript is shown in markdown beside its TODO).
  const marks = exported.cells.map((c) => c.metadata.workbench_export).filter((m) => m !== undefined);
  const todo = new Set(marks.filter((m) => m.todo).map((m) => m.from));
  const translated = new Set(marks.map((m) => m.from).filter((id) => !todo.has(id) && runnable.has(id)));
  return { dir, script, translated, runnable: runnable.size };
}

/** Runs the exported script once with one thread; its wall time in ms. */
function runPython(ref: PythonReference): number {
  const t0 = performance.now();
  const run = spawnSync('/usr/bin/python3', [ref.script], {
    cwd: ref.dir, encoding: 'utf8', timeout: 900_000,
    env: { ...process.env, OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MPLBACKEND: 'Agg' },
  });
  const ms = performance.now() - t0;
  if (run.status !== 0) throw new Error(`python3 ${ref.script} failed: ${(run.stderr || run.stdout).split('\n').filter(Boolean).slice(-3).join(' | ')}`);
  return ms;
}

// English notebooks only: the Korean copies run the same cells.
const files = readdirSync(DIR).filter((f) => f.endsWith('.ipynb') && !f.endsWith('.ko.ipynb')).sort();

export const benchmarks: Benchmark[] = files.map((file) => {
  const name = file.replace(/\.ipynb$/, '');
  return {
    name: `course/${name}`,
    async run() {
      const out: BenchResult[] = [];
      const wasm = await runAllMs(file, 'wasm');
      for (const backend of BACKENDS) {
        const t = backend === 'wasm' ? wasm : await runAllMs(file, backend);
        out.push(result(`course/${name}/${backend}`, t.ms, 'ms', `run-all of ${file} on the wasm backend`, wasm.ms, { backend, failed_cells: t.failed, slowest_cells: t.slowest }));
      }
      return out;
    },
  };
}).concat(files.map((file) => {
  const name = file.replace(/\.ipynb$/, '');
  return {
    name: `course/${name}/vs-python`,
    async run() {
      if (!existsSync('/usr/bin/python3')) throw new Error('Debian python3 is missing (see README: python3-pandas, -sklearn, -xgboost, -torch).');
      const ref = await pythonReference(file);
      try {
        const rounds = Number(process.env.BENCH_ROUNDS ?? 1);
        const py: number[] = [];
        const wb: RunAll[] = [];
        for (let r = 0; r < rounds; r++) {
          py.push(runPython(ref));
          wb.push(await runAllMs(file, 'wasm', ref.translated));
        }
        const mid = <T>(xs: T[], key: (x: T) => number) => [...xs].sort((a, b) => key(a) - key(b))[Math.floor(xs.length / 2)];
        const w = mid(wb, (x) => x.ms);
        return [result(`course/${name}/vs-python`, w.ms, 'ms', `the same cells exported to Python (pandas/scikit-learn/XGBoost/PyTorch), python3 on one thread${rounds > 1 ? `, median of ${rounds}` : ''}`, mid(py, (x) => x), {
          backend: 'wasm', cells_compared: ref.translated.size, cells_in_notebook: ref.runnable, failed_cells: w.failed, slowest_cells: w.slowest, goal_ratio: 2,
        })];
      } finally {
        rmSync(ref.dir, { recursive: true, force: true });
      }
    },
  };
}));
