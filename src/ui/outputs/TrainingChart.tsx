// Training curves as Plotly charts: the loss (training and validation) and
// the validation metrics, each against epochs (networks) or boosting rounds
// (trees), with the best epoch marked when early stopping restored it. Drawn
// live while a model trains and downloadable like every figure. Loaded on
// demand (with Plotly), so the first screen does not carry it.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { EpochRecord, FigureSpec, TrainingOutput } from '../../core/outputs.ts';
import { Figure } from './Figure.tsx';
import { useOutputT, type OutputT } from './i18n-outputs.ts';

const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2'];

export interface TrainingChartProps {
  history: EpochRecord[];
  title?: string;
  summary?: string;
  bestEpoch?: number;
  stoppedEarly?: boolean;
  step?: TrainingOutput['step'];
  target?: string;
}

/** "val_loss" → "validation loss", "accuracy" → "training accuracy". */
export function seriesName(key: string, t: OutputT): string {
  if (key === 'loss') return t('trainingLoss');
  if (key === 'val_loss') return t('validationLoss');
  if (key.startsWith('val_')) return t('validationSeries', { name: key.slice(4).replace(/_/g, ' ') });
  return t('trainingSeries', { name: key.replace(/_/g, ' ') });
}

/** Series in a chart: the keys of the history (the learning rate is a setting, not a curve). */
export function curveKeys(history: EpochRecord[]): { loss: string[]; metrics: string[] } {
  const keys = [...new Set(history.flatMap((h) => Object.keys(h)))].filter((k) => k !== 'epoch' && k !== 'lr');
  return { loss: keys.filter((k) => /loss/i.test(k)), metrics: keys.filter((k) => !/loss/i.test(k)) };
}

export function curveSpec(history: EpochRecord[], keys: string[], yTitle: string, xTitle: string, t: OutputT, best?: { x: number; label: string }): FigureSpec {
  const last = history.length ? history[history.length - 1].epoch : 1;
  // Early in a run (a few steps) every step gets a whole-number tick; later Plotly chooses, still whole numbers.
  const xaxis: Record<string, unknown> = { title: { text: xTitle }, tickformat: 'd', zeroline: false, automargin: true };
  if (last <= 12) Object.assign(xaxis, { tick0: 1, dtick: 1, range: [0.5, Math.max(last, 2) + 0.5] });
  else xaxis.range = [0.5, last + 0.5];
  const data = keys.map((k, i) => {
    const points = history.filter((h) => Number.isFinite(h[k]));
    return {
      type: 'scatter', mode: points.length <= 30 ? 'lines+markers' : 'lines', name: seriesName(k, t),
      x: points.map((h) => h.epoch), y: points.map((h) => h[k]),
      line: { color: COLORS[i % COLORS.length], width: 2, ...(k.startsWith('val_') ? {} : { dash: i > 0 ? 'dot' : 'solid' }) },
      marker: { size: 5 },
    };
  });
  const layout: Record<string, unknown> = {
    height: 300,
    margin: { l: 60, r: 16, t: 12, b: 40 },
    xaxis,
    yaxis: { title: { text: yTitle }, automargin: true },
    // Below the plot, in rows: never over the curves however many series there are.
    legend: { orientation: 'h', x: 0, xanchor: 'left', y: -0.25, yanchor: 'top' },
    // Named even when alone (Plotly hides a single trace's legend): "validation rmse" says what the curve is.
    showlegend: true,
    hovermode: 'x unified',
  };
  if (best) {
    layout.shapes = [{ type: 'line', x0: best.x, x1: best.x, yref: 'paper', y0: 0, y1: 1, line: { color: '#64748b', width: 1.5, dash: 'dash' } }];
    layout.annotations = [{ x: best.x, yref: 'paper', y: 1, yanchor: 'bottom', text: best.label, showarrow: false, font: { size: 11, color: '#334155' } }];
    layout.margin = { l: 60, r: 16, t: 28, b: 40 };
  }
  return { data, layout };
}

/** `value`, updated at most every `ms` (live training sends ~20 progress events a second; a redraw each is wasted work). */
function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const show = () => {
      last.current = Date.now();
      setShown(value);
    };
    const wait = last.current + ms - Date.now();
    if (wait <= 0) return show();
    const id = setTimeout(show, wait);
    return () => clearTimeout(id);
  }, [value, ms]);
  return shown;
}

export function TrainingChart({ history: latest, title, summary, bestEpoch, stoppedEarly, step = 'epoch', target }: TrainingChartProps) {
  const t = useOutputT();
  const history = useThrottled(latest, 500);
  const rounds = step === 'round';
  const { loss, metrics } = curveKeys(history);
  const n = history.length ? history[history.length - 1].epoch : 0;
  // Mark the best step only when the model holds it instead of the last one.
  const marked = bestEpoch !== undefined && (stoppedEarly || bestEpoch < n);
  const best = marked ? { x: bestEpoch, label: t(rounds ? 'bestRoundShort' : 'bestEpochShort', { n: bestEpoch }) } : undefined;
  const xTitle = t(rounds ? 'roundAxis' : 'epochAxis');
  const lossSpec = useMemo(() => curveSpec(history, loss, t('lossAxis'), xTitle, t, best), [history, loss.join(), xTitle, best?.x, best?.label]);
  const metricSpec = useMemo(() => curveSpec(history, metrics, t('metricAxis'), xTitle, t, best), [history, metrics.join(), xTitle, best?.x, best?.label]);
  const name = (title ?? '').replace(/[^\w-]+/g, '_');
  return (
    <section className="training-output" data-step={step}>
      <div className="output-header">
        <span className="output-title">{title ?? t('lossChart')}</span>
        {target && <span className="muted" data-testid="training-target">{t('predicting', { target })}</span>}
        {marked && <span className="muted best-epoch">{t(rounds ? 'bestRound' : 'bestEpoch', { n: bestEpoch })}</span>}
      </div>
      <div className="curves">
        {loss.length > 0 && <Figure spec={lossSpec} title={t('lossChart')} fileName={`${name}_loss`} />}
        {metrics.length > 0 && <Figure spec={metricSpec} title={t('metricChart')} fileName={`${name}_metrics`} />}
      </div>
      {summary && <p className="muted">{summary}</p>}
    </section>
  );
}
