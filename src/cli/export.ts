// `ml-workbench export <nb.ipynb> --to python <out.ipynb|out.py>`: writes the
// Python version of a notebook (src/export/python) and, beside it, the data
// files it reads (the bundled and generated datasets, under datasets/).
// Exit codes like run: 0 written, 2 bad input, 1 an internal failure.
import { readFile, writeFile, mkdir, copyFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve, relative } from 'node:path';
import { decodeNotebook } from '../notebook/ipynb.ts';
import { NotebookFormatError } from '../notebook/errors.ts';
import { exportPython, toIpynb, toScript } from '../export/python/index.ts';
import { DATASETS } from '../datasets/catalog.ts';
import { nodeHost } from './nodeHost.ts';

export const EXPORT_USAGE = 'ml-workbench export <notebook.ipynb> --to python <out.ipynb|out.py>';

class BadExport extends Error {}

function parseExportArgs(rest: string[]): { input: string; out: string } {
  let input: string | undefined;
  let to: string | undefined;
  let out: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--to') {
      to = rest[++i];
      if (to === undefined) throw new BadExport('--to needs a value: python.');
      if (to !== 'python') throw new BadExport(`--to must be python, not "${to}".`);
    } else if (arg.startsWith('--')) throw new BadExport(`Unknown option ${arg}.`);
    else if (input === undefined) input = arg;
    else if (out === undefined) out = arg;
    else throw new BadExport(`Too many arguments ("${arg}").`);
  }
  if (!input) throw new BadExport('Which notebook? Give the path to an .ipynb file.');
  if (!to) throw new BadExport('Say what to export to: --to python.');
  if (!out) throw new BadExport('Where to? Give the output file: out.ipynb or out.py.');
  if (!/\.(ipynb|py)$/.test(out)) throw new BadExport(`The output must end in .ipynb or .py, not "${out}".`);
  return { input, out };
}

export async function exportCommand(rest: string[], print: (s: string) => void, printError: (s: string) => void): Promise<number> {
  let input: string;
  let out: string;
  try {
    ({ input, out } = parseExportArgs(rest));
  } catch (error) {
    if (error instanceof BadExport) {
      printError(`ml-workbench: ${error.message}\nUsage: ${EXPORT_USAGE}`);
      return 2;
    }
    throw error;
  }
  let text: string;
  try {
    text = await readFile(input, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    printError(`ml-workbench: ${input}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a notebook file' : String(error)}.`);
    return 2;
  }
  let doc;
  try {
    doc = decodeNotebook(text).doc;
  } catch (error) {
    if (error instanceof NotebookFormatError) {
      printError(`ml-workbench: ${input}: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const exported = exportPython(doc);
  const outDir = dirname(resolve(out));
  await mkdir(outDir, { recursive: true });
  await writeFile(out, out.endsWith('.py') ? toScript(doc, exported) : toIpynb(doc, exported));
  // The data files, beside the export, so that it reads what the workbench read.
  const host = nodeHost({ notebookDir: dirname(resolve(input)), backend: () => 'cpu' });
  const written: string[] = [];
  const missing: string[] = [];
  for (const file of exported.files) {
    const target = join(outDir, file);
    const entry = DATASETS.find((d) => file === `datasets/${d.file}`);
    await mkdir(dirname(target), { recursive: true });
    if (entry) {
      await writeFile(target, await host.readDataset(entry.name));
      written.push(file);
    } else {
      const local = join(dirname(resolve(input)), file);
      if (existsSync(local) && resolve(local) !== resolve(target)) {
        await copyFile(local, target);
        written.push(file);
      } else if (!existsSync(target)) missing.push(file);
    }
  }
  const cells = exported.cells.filter((c) => c.type === 'code').length;
  const todo = exported.todos.length;
  print(`exported ${relative(process.cwd(), resolve(input)) || basename(input)} → ${out}: ${cells} code cells, ${todo} TODO${todo === 1 ? '' : 's'}${written.length ? `; data: ${written.join(', ')}` : ''}${missing.length ? `; put these beside it: ${missing.join(', ')}` : ''}`);
  for (const t of exported.todos) print(`  TODO ${t.cell} (${t.kind}): ${t.reason}`);
  return 0;
}
