// A Plotly figure. Plotly (cartesian bundle) loads on first use.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FigureOutput, FigureSpec } from '../../core/outputs.ts';
import { getLang, useT } from '../i18n.ts';
import { shownSpec } from './figureKo.ts';
import { escapeFigure } from './safeFigure.ts';
import { drawnLayout } from './figureLayout.ts';
import { markPlotlyReady } from './plotlyState.ts';

type Plotly = typeof import('plotly.js-cartesian-dist-min').default;
let plotlyLoader: Promise<Plotly> | undefined;

export function loadPlotly(): Promise<Plotly> {
  plotlyLoader ??= import('plotly.js-cartesian-dist-min').then((m) => {
    markPlotlyReady();
    return (m as unknown as { default: Plotly }).default ?? (m as unknown as Plotly);
  });
  return plotlyLoader;
}

const CONFIG = { responsive: true, displaylogo: false, modeBarButtonsToRemove: ['toImage', 'sendDataToCloud'] };

/** `ko`: the figure's Korean words (FigureOutput.ko), drawn instead of the English when the UI is Korean. */
export function Figure({ spec: given, ko, title, fileName }: { spec: FigureSpec; ko?: FigureOutput['ko']; title?: string; fileName?: string }) {
  const t = useT();
  const lang = getLang();
  const spec = useMemo(() => shownSpec(given, ko, lang), [given, ko, lang]);
  const ref = useRef<HTMLDivElement>(null);
  const [plotly, setPlotly] = useState<Plotly | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    loadPlotly().then((p) => live && setPlotly(() => p), (e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const el = ref.current;
    if (!plotly || !el) return;
    // Every string from the spec is escaped: Plotly renders labels as HTML-ish text (safeFigure.ts).
    const data = escapeFigure(spec.data);
    plotly.react(el, data, drawnLayout(data, escapeFigure(spec.layout)), CONFIG).catch((e: Error) => setError(e.message));
  }, [plotly, spec]);

  useEffect(() => {
    const el = ref.current;
    return () => {
      if (el && plotly) plotly.purge(el);
    };
  }, [plotly]);

  const download = (format: 'png' | 'svg') => {
    if (plotly && ref.current) void plotly.downloadImage(ref.current, { format, filename: (fileName ?? title ?? 'figure').replace(/[^\w-]+/g, '_').slice(0, 60) || 'figure' });
  };

  return (
    <figure className="figure-output">
      <figcaption className="output-header">
        <span className="output-title">{title ?? ''}</span>
        <button type="button" className="btn small" disabled={!plotly} onClick={() => download('png')}>
          {t('downloadPng')}
        </button>
        <button type="button" className="btn small" disabled={!plotly} onClick={() => download('svg')}>
          {t('downloadSvg')}
        </button>
      </figcaption>
      {error && <p className="error-text">{error}</p>}
      {!plotly && !error && <p className="muted loading">{t('loadingChart')}</p>}
      <div ref={ref} className="plot" data-testid="plot" style={typeof spec.layout.height === 'number' ? { minHeight: spec.layout.height } : undefined} />
    </figure>
  );
}
