// A Plotly figure. Plotly (cartesian bundle) loads on first use. A figure
// is drawn once its cell comes near the screen, or in the page's next idle
// moment (idleQueue.ts), or when its PNG/SVG is asked for: a Run all no
// longer draws every figure below the screen while cells still run.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FigureOutput, FigureSpec } from '../../core/outputs.ts';
import { getLang, useT } from '../i18n.ts';
import { shownSpec } from './figureKo.ts';
import { escapeFigure } from './safeFigure.ts';
import { drawnLayout } from './figureLayout.ts';
import { markPlotlyReady } from './plotlyState.ts';
import { useNearOrIdle } from '../nearViewport.ts';

type Plotly = typeof import('plotly.js-cartesian-dist-min').default;
let plotlyLoader: Promise<Plotly> | undefined;

export function loadPlotly(): Promise<Plotly> {
  plotlyLoader ??= import('plotly.js-cartesian-dist-min').then((m) => {
    markPlotlyReady();
    return (m as unknown as { default: Plotly }).default ?? (m as unknown as Plotly);
  });
  return plotlyLoader;
}

/** Plotly's height for a layout that gives none: the room a figure keeps before it is drawn. */
const PLOTLY_DEFAULT_HEIGHT = 450;

const CONFIG = { responsive: true, displaylogo: false, modeBarButtonsToRemove: ['toImage', 'sendDataToCloud'] };

/**
 * `ko`: the figure's Korean words (FigureOutput.ko), drawn instead of the English when the UI is Korean.
 * `whenNear` (default): in a notebook cell, drawn near the screen or in an idle turn. Off for a
 * figure the student has just asked for outside the notebook (the runs panel's comparison).
 */
export function Figure({ spec: given, ko, title, fileName, whenNear = true }: { spec: FigureSpec; ko?: FigureOutput['ko']; title?: string; fileName?: string; whenNear?: boolean }) {
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

  // Near the screen or its idle turn (no layout read on mount: that cost ~0.35 s of a Run all).
  const cued = useNearOrIdle(ref) || !whenNear;
  // A download that could not wait for the cue.
  const [asked, setAsked] = useState(false);

  // The spec last drawn and its drawing: a download waits for it, a redraw of the same spec is skipped.
  const drawing = useRef<{ spec: FigureSpec; done: Promise<void> } | null>(null);
  const draw = useCallback((): Promise<void> => {
    const el = ref.current;
    if (!plotly || !el) return Promise.resolve();
    if (drawing.current?.spec === spec) return drawing.current.done;
    // Every string from the spec is escaped: Plotly renders labels as HTML-ish text (safeFigure.ts).
    const data = escapeFigure(spec.data);
    const done = plotly.react(el, data, drawnLayout(data, escapeFigure(spec.layout)), CONFIG).then(() => undefined);
    drawing.current = { spec, done };
    return done;
  }, [plotly, spec]);

  const drawn = cued || asked;
  useEffect(() => {
    if (drawn) draw().catch((e: Error) => setError(e.message));
  }, [drawn, draw]);

  useEffect(() => {
    const el = ref.current;
    return () => {
      if (el && plotly) plotly.purge(el);
    };
  }, [plotly]);

  const download = (format: 'png' | 'svg') => {
    const el = ref.current;
    if (!plotly || !el) return;
    setAsked(true);
    draw()
      .then(() => plotly.downloadImage(el, { format, filename: (fileName ?? title ?? 'figure').replace(/[^\w-]+/g, '_').slice(0, 60) || 'figure' }))
      .catch((e: Error) => setError(e.message));
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
      <div ref={ref} className="plot" data-testid="plot" style={typeof spec.layout.height === 'number' ? { minHeight: spec.layout.height } : drawn ? undefined : { minHeight: PLOTLY_DEFAULT_HEIGHT }} />
    </figure>
  );
}
