// The exported cells as files: an .ipynb (nbformat 4.5, python3 kernel) or
// a "# %%" script. No cell registry here, so the app's page can use it on an
// export the kernel worker made.
import type { PythonExport } from './notebook.ts';

function lines(source: string): string[] {
  const parts = source.split('\n');
  return parts.map((l, i) => (i < parts.length - 1 ? `${l}\n` : l)).filter((l, i, all) => !(i === all.length - 1 && l === ''));
}

/** The export as an .ipynb (nbformat 4.5, python3 kernel). */
export function toIpynb(doc: { title: string }, exported: PythonExport): string {
  const cells = exported.cells.map((c, i) => {
    const id = `py-${i + 1}`;
    const metadata = c.from ? { workbench_export: { from: c.from, ...(c.todo ? { todo: true } : {}) } } : {};
    return c.type === 'markdown'
      ? { cell_type: 'markdown', id, metadata, source: lines(c.source) }
      : { cell_type: 'code', id, metadata, execution_count: null, outputs: [], source: lines(c.source) };
  });
  const notebook = {
    cells,
    metadata: {
      kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' },
      language_info: { name: 'python' },
      title: doc.title,
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return JSON.stringify(notebook, null, 1) + '\n';
}

/** The export as a script in the "# %%" cell format (VS Code, Spyder, jupytext read it as cells). */
export function toScript(doc: { title: string }, exported: PythonExport): string {
  const blocks = exported.cells.map((c) =>
    c.type === 'markdown' ? `# %% [markdown]\n${c.source.split('\n').map((l) => (l ? `# ${l}` : '#')).join('\n')}` : `# %%\n${c.source}`,
  );
  return `# ${doc.title || 'Exported notebook'}: exported from ML Workbench\n\n${blocks.join('\n\n')}\n`;
}
