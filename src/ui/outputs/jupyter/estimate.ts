// The height a cell's Jupyter outputs will take, guessed from their data
// before they are rendered: the placeholder of an output not yet near the
// screen has about its size, so the scrollbar and scroll position hold
// steady as cells render while the student scrolls.
import { joinText } from '../../../notebook/jupyter/mime.ts';

const LINE_PX = 18;
const IMAGE_PX = 300;
const ROW_PX = 26;

function lines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && n < 60; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export function estimateOutputsHeight(outputs: readonly unknown[]): number {
  let px = 0;
  for (const o of outputs) {
    if (typeof o !== 'object' || o === null) continue;
    const { data, text, traceback } = o as { data?: Record<string, unknown>; text?: unknown; traceback?: unknown };
    if (data) {
      if ('image/png' in data || 'image/jpeg' in data || 'image/svg+xml' in data) px += IMAGE_PX;
      else if ('text/html' in data) px += 40 + ROW_PX * Math.min(30, (joinText(data['text/html']).match(/<tr/g) ?? []).length);
      else px += LINE_PX * lines(joinText(data['text/plain'] ?? data['text/markdown'] ?? data['text/latex'] ?? ''));
    } else if (text !== undefined) px += LINE_PX * lines(joinText(text));
    else if (Array.isArray(traceback)) px += LINE_PX * Math.min(60, traceback.join('\n').split('\n').length);
  }
  return px + 8;
}
