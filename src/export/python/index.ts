// Export to Python: see notebook.ts (the entry points) and docs/export.md.
export { exportPython, EXPORTED_KINDS, type PythonExport, type ExportOptions } from './notebook.ts';
export { toIpynb, toScript } from './format.ts';
export { PYTHON_HELPERS } from './helpers.ts';
