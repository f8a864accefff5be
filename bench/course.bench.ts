// course/: each bundled notebook's run-all time per tfjs backend in Node,
// against the same notebook on the WASM backend in the same process (the
// default headless backend). Browser backends (WebGPU, WebGL) are timed by
// the app benchmarks; here: wasm and cpu. Each line names the notebook's
// three slowest cells on that backend.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

async function runAllMs(file: string, backend: BackendName): Promise<RunAll> {
  await initBackend({ order: [backend] });
  const { doc } = decodeNotebook(readFileSync(DIR + file, 'utf8'));
  const kernel = new Kernel(cellRegistry, nodeHost({ notebookDir: DIR, backend: () => backend }));
  kernel.setCells(doc.cells);
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
});
