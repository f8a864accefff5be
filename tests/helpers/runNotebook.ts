// Run a bundled notebook headless in a test: decode it, optionally change
// cells (swap a load cell's source), run every cell, and give back the
// kernel for its values and outputs.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeNotebook } from '../../src/notebook/ipynb.ts';
import type { NotebookDoc } from '../../src/notebook/model.ts';
import { Kernel } from '../../src/kernel/kernel.ts';
import { cellRegistry } from '../../src/cells/registry.ts';
import { nodeHost } from '../../src/cli/nodeHost.ts';
import { initBackend } from '../../src/ml/backend.ts';
import type { CellKindDef } from '../../src/cells/types.ts';

export const NOTEBOOKS = fileURLToPath(new URL('../../notebooks/', import.meta.url));

export async function runNotebook(file: string, options: { edit?: (doc: NotebookDoc) => void; registry?: ReadonlyMap<string, CellKindDef>; allowRead?: readonly string[] } = {}) {
  const { backend } = await initBackend({ order: ['wasm', 'cpu'] });
  const path = NOTEBOOKS + file;
  const { doc } = decodeNotebook(readFileSync(path, 'utf8'));
  options.edit?.(doc);
  const kernel = new Kernel(options.registry ?? cellRegistry, nodeHost({ notebookDir: dirname(path), allowRead: options.allowRead, backend: () => backend }));
  kernel.setCells(doc.cells);
  const results = await kernel.runAll({ continueOnError: true });
  const failures = kernel.cells().filter((c) => c.status === 'error').map((c) => `${c.id}: ${JSON.stringify(c.outputs.find((o) => o.type === 'error'))}`);
  const metrics = (name: string) => {
    const v = kernel.getValue(name);
    if (v?.type !== 'metrics') throw new Error(`"${name}" is not a metrics value (${v?.type}); failures: ${failures.join('; ')}`);
    return v.metrics;
  };
  const table = (name: string) => {
    const v = kernel.getValue(name);
    if (v?.type !== 'table') throw new Error(`"${name}" is not a table (${v?.type}); failures: ${failures.join('; ')}`);
    return v.table;
  };
  return { doc, kernel, results, failures, metrics, table };
}
