// The Korean an engine output carries (titleKo, a figure's ko): shown when
// the UI is in Korean, the English otherwise. File names for downloads keep
// the English title, so a download is named the same in both languages.
import type { FigureOutput, FigureSpec } from '../../core/outputs.ts';
import { getLang } from '../i18n.ts';

/** The title to show: the Korean one when the UI is Korean and the output has it. */
export function shownTitle(output: { title?: string; titleKo?: string }): string | undefined {
  return getLang() === 'ko' && output.titleKo ? output.titleKo : output.title;
}

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
export function shownSpec(output: FigureOutput): FigureSpec {
  const ko = output.ko;
  if (getLang() !== 'ko' || !ko) return output.spec;
  const layout: Record<string, unknown> = { ...output.spec.layout };
  for (const [key, text] of Object.entries(ko.layout ?? {})) {
    layout[key] = key === 'title' ? { ...withTitle(layout, text).title as object } : withTitle(layout[key], text);
  }
  const traces = ko.traces ?? [];
  const data = output.spec.data.map((trace, i) => (typeof traces[i] === 'string' ? { ...trace, name: traces[i] } : trace));
  return { data, layout };
}
