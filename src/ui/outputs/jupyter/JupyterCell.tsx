// A plain Jupyter cell (not a workbench cell): its code highlighted
// read-only and its saved outputs rendered as Jupyter shows them; raw cells
// and cell types of a newer nbformat as their text. Loaded lazily by
// CellView, so a workbench-only notebook never carries this code.
import { useEffect, useMemo, useState } from 'react';
import type { NotebookCell } from '../../../notebook/model.ts';
import { jupyterOutputHtml, mergeStreams, type JupyterRenderers } from '../../../notebook/jupyter/outputHtml.ts';
import { joinText } from '../../../notebook/jupyter/mime.ts';
import { loadMarkdown, loadMath, mathLoaded, type RenderMarkdown } from '../../markdown.ts';
import { hasMath } from '../../../notebook/jupyter/math.ts';
import { latexHtml } from '../../markdownRender.ts';
import { sanitizeNotebookHtml } from '../../sanitize.ts';
import { loadPythonHighlighter, looksLikePython } from './highlight.ts';
import { useJupyterT } from './i18n.ts';
import { getLang } from '../../i18n.ts';
import './jupyter.css';

// This chunk loads with the first plain Jupyter cell: start the renderers its cells need now, in parallel, rather than
// one after the other from each cell's first effect.
void loadMarkdown();
void loadPythonHighlighter();

/** Whether any output needs KaTeX: text/latex, or markdown with math. */
function outputsNeedMath(outputs: readonly unknown[]): boolean {
  return outputs.some((o) => {
    const data = typeof o === 'object' && o !== null ? (o as { data?: Record<string, unknown> }).data : undefined;
    if (!data) return false;
    return 'text/latex' in data || ('text/markdown' in data && hasMath(joinText(data['text/markdown'])));
  });
}

function JupyterOutputs({ outputs }: { outputs: readonly unknown[] }) {
  const t = useJupyterT();
  const needsMath = useMemo(() => outputsNeedMath(outputs), [outputs]);
  const [render, setRender] = useState<RenderMarkdown | null>(null);
  const [mathReady, setMathReady] = useState(mathLoaded());
  useEffect(() => {
    let live = true;
    void Promise.all([loadMarkdown(), needsMath ? loadMath() : undefined]).then(([r]) => {
      if (!live) return;
      setRender(() => r);
      setMathReady(mathLoaded());
    });
    return () => {
      live = false;
    };
  }, [needsMath]);
  const lang = getLang();
  const html = useMemo(() => {
    if (!render) return null;
    const renderers: JupyterRenderers = {
      sanitizeHtml: (h) => sanitizeNotebookHtml(h),
      markdown: (md) => render(md),
      latex: (tex) => latexHtml(tex),
      notShown: (types) => t('jpNotShown', { types }),
    };
    return mergeStreams(outputs).map((o) => jupyterOutputHtml(o, renderers)).join('');
    // mathReady re-renders the outputs once KaTeX is in; t is a new function every render, so the language stands for it.
  }, [render, outputs, mathReady, lang]);
  if (!outputs.length) return null;
  if (html === null) return <div className="outputs jp-outputs loading muted">…</div>;
  return <div className="outputs jp-outputs nb-content" data-testid="jupyter-outputs" aria-label={t('jpOutputs')} dangerouslySetInnerHTML={{ __html: html }} />;
}

function CodeSource({ source }: { source: string }) {
  const [html, setHtml] = useState<string | null>(null);
  const python = looksLikePython(source);
  useEffect(() => {
    let live = true;
    if (python && source.trim()) void loadPythonHighlighter().then((h) => live && setHtml(h(source)));
    return () => {
      live = false;
    };
  }, [source, python]);
  return (
    <pre className="jp-source">
      {html === null ? <code>{source}</code> : <code className="hljs language-python" dangerouslySetInnerHTML={{ __html: html }} />}
    </pre>
  );
}

export default function JupyterCell({ cell }: { cell: NotebookCell }) {
  const t = useJupyterT();
  const { cellType, source } = cell.jupyter;
  const outputs = cell.jupyter.outputs ?? [];
  if (cellType === 'code') {
    return (
      <div className="foreign jp-cell" data-cell-type="code">
        <p className="muted jp-note">{t('jpNotRun')}</p>
        <CodeSource source={source} />
        <JupyterOutputs outputs={outputs} />
      </div>
    );
  }
  return (
    <div className="foreign jp-cell" data-cell-type={cellType}>
      <p className="muted jp-note">{cellType === 'raw' ? t('jpRawCell') : t('jpUnknownCell', { type: cellType })}</p>
      {source !== '' && <pre className="text-output jp-raw-source">{source}</pre>}
      <JupyterOutputs outputs={outputs} />
    </div>
  );
}
