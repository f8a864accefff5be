// The model card cell's "Download HTML" (loaded on that click, not with the first screen).
import type { NotebookCell } from '../notebook/model.ts';
import type { CellRun, Controller } from './controller.ts';
import { loadMarkdown } from './markdown.ts';
import { downloadText, safeFileName } from './download.ts';

/**
 * The model card as a standalone HTML page: the card the cell stored under
 * its output name while the kernel still holds it, otherwise (after a
 * reload) the cell's Markdown output rendered into a plain page.
 */
export async function downloadModelCard(cell: NotebookCell, run: CellRun, controller: Controller): Promise<void> {
  const name = typeof cell.params.output === 'string' ? cell.params.output : '';
  let html = name ? await controller.valueText(name).catch(() => null) : null;
  const markdown = run.outputs.flatMap((o) => (o.type === 'markdown' ? [o.markdown] : [])).join('\n\n');
  const title = /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim() || name || 'model card';
  if (!html) {
    const render = await loadMarkdown();
    const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
    html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>body{font:15px/1.55 system-ui,sans-serif;max-width:860px;margin:2rem auto;padding:0 1rem;color:#1b2430}table{border-collapse:collapse}th,td{border:1px solid #dde3ec;padding:4px 8px;text-align:left}code{background:#f1f4f9;padding:0 3px}</style></head><body>${render(markdown)}</body></html>`;
  }
  downloadText(html, safeFileName(title, 'html'), 'text/html');
}
