// A plain Jupyter cell (not a workbench cell): its code highlighted
// read-only and its saved outputs rendered as Jupyter shows them; raw cells
// and cell types of a newer nbformat as their text. Loaded lazily by
// CellView, so a workbench-only notebook never carries this code.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { NotebookCell } from '../../../notebook/model.ts';
import { jupyterOutputHtml, mergeStreams, type JupyterRenderers } from '../../../notebook/jupyter/outputHtml.ts';
import { joinText } from '../../../notebook/jupyter/mime.ts';
import { loadMarkdown, loadMath, mathLoaded, type RenderMarkdown } from '../../markdown.ts';
import { hasMath } from '../../../notebook/jupyter/math.ts';
import { latexHtml } from '../../markdownRender.ts';
import { sanitizeNotebookHtml } from '../../sanitize.ts';
import { loadPythonHighlighter, looksLikePython } from './highlight.ts';
import { useJupyterT } from './i18n.ts';
import { estimateOutputsHeight } from './estimate.ts';
import { useNearViewport } from '../../nearViewport.ts';
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

function JupyterOutputs({ outputs, near }: { outputs: readonly unknown[]; near: boolean }) {
  const t = useJupyterT();
  const needsMath = useMemo(() => near && outputsNeedMath(outputs), [outputs, near]);
  const [render, setRender] = useState<RenderMarkdown | null>(null);
  const [mathReady, setMathReady] = useState(mathLoaded());
  useEffect(() => {
    let live = true;
    if (!near) return;
    void Promise.all([loadMarkdown(), needsMath ? loadMath() : undefined]).then(([r]) => {
      if (!live) return;
      setRender(() => r);
      setMathReady(mathLoaded());
    });
    return () => {
      live = false;
    };
  }, [needsMath, near]);
  const lang = getLang();
  const html = useMemo(() => {
    if (!render || !near) return null;
    const renderers: JupyterRenderers = {
      sanitizeHtml: (h) => sanitizeNotebookHtml(h),
      markdown: (md) => render(md),
      latex: (tex) => latexHtml(tex),
      notShown: (types) => t('jpNotShown', { types }),
    };
    return mergeStreams(outputs).map((o) => jupyterOutputHtml(o, renderers)).join('');
    // mathReady re-renders the outputs once KaTeX is in; t is a new function every render, so the language stands for it.
  }, [render, outputs, mathReady, lang, near]);
  if (!outputs.length) return null;
  // Far from the screen: an empty box of about the outputs' height (nearViewport.ts).
  if (!near) return <div className="outputs jp-outputs deferred" style={{ minHeight: estimateOutputsHeight(outputs) }} />;
  if (html === null) return <div className="outputs jp-outputs loading muted">…</div>;
  return <div className="outputs jp-outputs nb-content" data-testid="jupyter-outputs" aria-label={t('jpOutputs')} dangerouslySetInnerHTML={{ __html: html }} />;
}

function CodeSource({ source, near }: { source: string; near: boolean }) {
  const [html, setHtml] = useState<string | null>(null);
  const python = looksLikePython(source);
  useEffect(() => {
    let live = true;
    // The plain text has the highlighted code's size: it stands in until the cell is near the screen.
    if (near && python && source.trim()) void loadPythonHighlighter().then((h) => live && setHtml(h(source)));
    return () => {
      live = false;
    };
  }, [source, python, near]);
  return (
    <pre className="jp-source">
      {html === null ? <code>{source}</code> : <code className="hljs language-python" dangerouslySetInnerHTML={{ __html: html }} />}
    </pre>
  );
}

export default function JupyterCell({ cell }: { cell: NotebookCell }) {
  const t = useJupyterT();
  const box = useRef<HTMLDivElement>(null);
  const near = useNearViewport(box);
  const { cellType, source } = cell.jupyter;
  const outputs = cell.jupyter.outputs ?? [];
  if (cellType === 'code') {
    return (
      <div className="foreign jp-cell" data-cell-type="code" ref={box}>
        <p className="muted jp-note">{t('jpNotRun')}</p>
        <CodeSource source={source} near={near} />
        <JupyterOutputs outputs={outputs} near={near} />
      </div>
    );
  }
  return (
    <div className="foreign jp-cell" data-cell-type={cellType} ref={box}>
      <p className="muted jp-note">{cellType === 'raw' ? t('jpRawCell') : t('jpUnknownCell', { type: cellType })}</p>
      {source !== '' && <pre className="text-output jp-raw-source">{source}</pre>}
      <JupyterOutputs outputs={outputs} near={near} />
    </div>
  );
}
