// "Export HTML report": the open notebook with its latest outputs as one
// standalone .html file (src/notebook/htmlReport.ts builds it). Here the
// app adds what only a browser can: markdown through the app's sanitizer,
// and every figure drawn by Plotly on an off-screen div and exported as SVG,
// embedded as a data: URL image. Plotly and the markdown renderer load on
// first use, as they do for the notebook itself.
import type { NotebookDoc } from '../notebook/model.ts';
import type { CellOutput, FigureSpec } from '../core/outputs.ts';
import { loadMarkdown, loadMath } from './markdown.ts';
import { hasMath } from '../notebook/jupyter/math.ts';
import { latexHtml } from './markdownRender.ts';
import { loadPlotly } from './outputs/Figure.tsx';
import { escapeFigure } from './outputs/safeFigure.ts';
import { downloadText, safeFileName } from './download.ts';

/** Pixel size figures are drawn at (the report scales them down to its width). */
const WIDTH = 800;
const HEIGHT = 450;

/** Plotly's toImage, which the cartesian bundle has but its declaration (plotly.d.ts) leaves out. */
type ToImage = (el: HTMLElement, opts: { format: 'svg'; width: number; height: number }) => Promise<string>;

/** The SVG text of a Plotly data URL: `data:image/svg+xml,<url-encoded>` (or base64). */
export function svgFromDataUrl(url: string): string {
  const comma = url.indexOf(',');
  if (!url.startsWith('data:image/svg+xml') || comma < 0) throw new Error('Plotly did not return an SVG image.');
  const head = url.slice(0, comma);
  const body = url.slice(comma + 1);
  if (head.endsWith(';base64')) {
    const bin = atob(body);
    return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  }
  return decodeURIComponent(body);
}

/** One figure as SVG text, drawn off-screen with the notebook's escaping of every label (safeFigure.ts). */
async function figureSvg(spec: FigureSpec): Promise<string> {
  const plotly = await loadPlotly();
  const div = document.createElement('div');
  div.style.cssText = `position: fixed; left: -${WIDTH * 3}px; top: 0; width: ${WIDTH}px; height: ${HEIGHT}px; visibility: hidden;`;
  div.setAttribute('aria-hidden', 'true');
  document.body.appendChild(div);
  try {
    const layout = { font: { family: 'sans-serif' }, paper_bgcolor: '#fff', plot_bgcolor: '#fff', ...escapeFigure(spec.layout), width: WIDTH, height: HEIGHT, autosize: false };
    await plotly.newPlot(div, escapeFigure(spec.data), layout, { staticPlot: true, displaylogo: false });
    const toImage = (plotly as unknown as { toImage: ToImage }).toImage;
    return svgFromDataUrl(await toImage(div, { format: 'svg', width: WIDTH, height: HEIGHT }));
  } finally {
    plotly.purge(div);
    div.remove();
  }
}

export interface ReportResult {
  fileName: string;
  html: string;
  figures: number;
  /** Figures that could not be drawn: the report shows their data instead. */
  failed: number;
}

/** Build the report of a notebook with the given outputs (cell id → outputs) and download it. */
export async function exportHtmlReport(doc: NotebookDoc, outputs: Record<string, readonly CellOutput[]>, meta: string[] = []): Promise<ReportResult> {
  const [{ buildHtmlReport, figureKey }, render, { sanitizeNotebookHtml }] = await Promise.all([import('../notebook/htmlReport.ts'), loadMarkdown(), import('./sanitize.ts')]);
  // Math is typeset as MathML: the report carries no fonts or stylesheet for KaTeX's HTML, and browsers draw MathML themselves.
  if (doc.cells.some((c) => hasMath(c.jupyter.source) || hasMath(String(c.params.text ?? '')) || (c.jupyter.outputs ?? []).some((o) => JSON.stringify(o).includes('text/latex')))) await loadMath();
  const figures = new Map<string, string>();
  let count = 0;
  let failed = 0;
  for (const cell of doc.cells) {
    const outs = outputs[cell.id] ?? cell.outputs;
    for (let i = 0; i < outs.length; i++) {
      const o = outs[i];
      if (o.type !== 'figure') continue;
      count++;
      try {
        figures.set(figureKey(cell.id, i), await figureSvg(o.spec));
      } catch {
        failed++;
      }
    }
  }
  const html = buildHtmlReport(doc, {
    outputs,
    figures,
    renderMarkdown: (markdown, attachments) => render(markdown, { attachments, mathOutput: 'mathml' }),
    jupyter: {
      sanitizeHtml: (html) => sanitizeNotebookHtml(html),
      markdown: (markdown) => render(markdown, { mathOutput: 'mathml' }),
      latex: (tex) => latexHtml(tex, 'mathml'),
    },
    figureNote: 'This figure could not be drawn; its data is shown instead.',
    meta: [`Exported from ML Workbench on ${new Date().toLocaleString()}`, ...meta],
  });
  const fileName = safeFileName(doc.title || 'notebook', 'html');
  downloadText(html, fileName, 'text/html');
  return { fileName, html, figures: count, failed };
}
