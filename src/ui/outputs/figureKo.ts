// A figure's Korean words (FigureOutput.ko: its title, axis titles and trace
// names) laid over its spec when the UI is Korean. Part of the chart chunk
// (Figure.tsx), not of the first screen.
import type { FigureOutput, FigureSpec } from '../../core/outputs.ts';
import type { Lang } from '../i18n.ts';

function withTitle(entry: unknown, text: string): Record<string, unknown> {
  const base = entry && typeof entry === 'object' ? (entry as Record<string, unknown>) : {};
  const title = base.title && typeof base.title === 'object' ? (base.title as Record<string, unknown>) : {};
  return { ...base, title: { ...title, text } };
}

/**
 * The figure's spec with its Korean title, axis titles and trace names when the
 * UI is Korean (a copy: the output itself keeps the English). The same spec
 * object comes back when nothing changes, so memoised charts do not redraw.
 */
export function shownSpec(spec: FigureSpec, ko: FigureOutput['ko'], lang: Lang): FigureSpec {
  if (lang !== 'ko' || !ko) return spec;
  const layout: Record<string, unknown> = { ...spec.layout };
  for (const [key, text] of Object.entries(ko.layout ?? {})) {
    layout[key] = key === 'title' ? { ...withTitle(layout, text).title as object } : withTitle(layout[key], text);
  }
  const traces = ko.traces ?? [];
  const data = spec.data.map((trace, i) => (typeof traces[i] === 'string' ? { ...trace, name: traces[i] } : trace));
  return { data, layout };
}
