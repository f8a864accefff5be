// Read-only highlighting of plain Jupyter code cells: highlight.js core and
// its Python grammar only, loaded when the first such cell is shown.
let loader: Promise<(code: string) => string> | undefined;

export function loadPythonHighlighter(): Promise<(code: string) => string> {
  loader ??= Promise.all([import('highlight.js/lib/core'), import('highlight.js/lib/languages/python')]).then(([core, python]) => {
    const hljs = core.default;
    hljs.registerLanguage('python', python.default);
    // highlight.js escapes the code; its output is spans with hljs-* classes only.
    return (code: string) => hljs.highlight(code, { language: 'python', ignoreIllegals: true }).value;
  });
  return loader;
}

/** Cells whose first line is a cell magic for another language (%%bash, %%javascript, ...) are not Python. */
export function looksLikePython(source: string): boolean {
  const magic = /^%%(\w+)/.exec(source.trimStart());
  return !magic || ['python', 'python3', 'time', 'timeit', 'capture', 'prun', 'writefile'].includes(magic[1]);
}
