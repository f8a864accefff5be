// The evaluate cell's metrics output, explained: the task's headline metrics
// first (each with a one-line explanation on hover or focus), the rest
// folded; binary classifiers get ROC, precision-recall and calibration curves
// and a decision-threshold slider that recomputes the confusion matrix and
// the metrics from the saved threshold table; regressors get predicted vs
// actual and residual plots. Loaded on demand with Plotly.
import { useId, useMemo, useState } from 'react';
import type { BinaryCurves, ConfusionMatrix, FigureSpec, MetricsOutput, RegressionPoints } from '../../core/outputs.ts';
import { metricsFromCounts } from '../../ml/metrics/threshold.ts';
import { formatMetric, formatNumber, significant } from '../format.ts';
import { Figure } from './Figure.tsx';
import { metricHelp, metricLabel, useOutputT, type OutputT } from './i18n-outputs.ts';
import { evalTask, orderMetrics } from './metricOrder.ts';
import { shownTitle } from './localize.ts';

function MetricCard({ name, value }: { name: string; value: number }) {
  const id = useId();
  const help = metricHelp(name);
  return (
    <div className="metric-card" data-metric={name} data-value={value} tabIndex={help ? 0 : undefined} aria-describedby={help ? id : undefined}>
      <div className="metric-value">{formatMetric(name, value)}</div>
      <div className="metric-name">{metricLabel(name)}</div>
      {help && <div className="metric-help" role="tooltip" id={id}>{help}</div>}
    </div>
  );
}

const FILL = [30, 64, 175];

function luminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((c) => {
    const x = c / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** A cell's fill by its share of the largest count, and the text colour that keeps WCAG AA contrast on it. */
export function cellShade(share: number): { background: string; color: string } {
  const alpha = 0.06 + 0.88 * share;
  const blended = FILL.map((c) => Math.round(c * alpha + 255 * (1 - alpha)));
  const l = luminance(blended);
  // White text needs (1.05)/(l+0.05) >= 4.5; dark text (#1b2430) the other way round.
  return { background: `rgb(${blended.join(', ')})`, color: 1.05 / (l + 0.05) >= 4.5 ? '#fff' : '#1b2430' };
}

export function Confusion({ confusion, label }: { confusion: ConfusionMatrix; label: string }) {
  const t = useOutputT();
  const max = Math.max(1, ...confusion.matrix.flat());
  return (
    <table className="confusion" aria-label={label}>
      <caption>{label}</caption>
      <thead>
        <tr>
          <th scope="col" className="corner">{t('actualPredicted')}</th>
          {confusion.labels.map((l) => <th key={l} scope="col">{l}</th>)}
        </tr>
      </thead>
      <tbody>
        {confusion.matrix.map((row, i) => (
          <tr key={i}>
            <th scope="row">{confusion.labels[i]}</th>
            {row.map((v, j) => {
              const shade = cellShade(v / max);
              return (
                <td key={j} style={shade} className={i === j ? 'diag' : ''}>
                  {formatNumber(v)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const AXIS = { automargin: true, zeroline: false };
const LEGEND = { orientation: 'h', x: 0, y: -0.22, yanchor: 'top' };

function lineLayout(xTitle: string, yTitle: string, square = true): Record<string, unknown> {
  return {
    height: 330, margin: { l: 60, r: 16, t: 12, b: 40 }, legend: LEGEND,
    xaxis: { ...AXIS, title: { text: xTitle }, ...(square ? { range: [-0.02, 1.02] } : {}) },
    yaxis: { ...AXIS, title: { text: yTitle }, ...(square ? { range: [-0.02, 1.02] } : {}) },
  };
}

/** Counts at slider position v: v < n is the (n-1-v)-th threshold (ascending as v grows), v = n is "above every score". */
function countsAt(b: BinaryCurves, v: number): { tp: number; fp: number; threshold: number | null } {
  const n = b.thresholds.length;
  if (v >= n) return { tp: 0, fp: 0, threshold: null };
  const k = n - 1 - v;
  return { tp: b.tp[k], fp: b.fp[k], threshold: b.thresholds[k] };
}

/** The slider position of the smallest listed threshold at or above `threshold` (what the metrics used). */
export function positionFor(b: BinaryCurves, threshold: number): number {
  const n = b.thresholds.length;
  let k = -1;
  for (let i = 0; i < n; i++) if (b.thresholds[i] >= threshold) k = i;
  return k < 0 ? n : n - 1 - k;
}

function rocSpec(b: BinaryCurves, at: { tp: number; fp: number }, t: OutputT): FigureSpec {
  const fpr = [0, ...b.fp.map((v) => v / b.negatives)];
  const tpr = [0, ...b.tp.map((v) => v / b.positives)];
  return {
    data: [
      { type: 'scatter', mode: 'lines', name: t('model'), x: fpr, y: tpr, line: { color: '#2563eb', width: 2 } },
      { type: 'scatter', mode: 'lines', name: t('chance'), x: [0, 1], y: [0, 1], line: { color: '#94a3b8', dash: 'dash', width: 1 } },
      { type: 'scatter', mode: 'markers', name: t('current'), x: [at.fp / b.negatives], y: [at.tp / b.positives], marker: { color: '#dc2626', size: 11 } },
    ],
    layout: lineLayout(t('fpr'), t('tpr')),
  };
}

function prSpec(b: BinaryCurves, at: { tp: number; fp: number }, t: OutputT): FigureSpec {
  const recall = b.tp.map((v) => v / b.positives);
  const precision = b.tp.map((v, i) => (v + b.fp[i] === 0 ? 1 : v / (v + b.fp[i])));
  const share = b.positives / (b.positives + b.negatives);
  const marker = at.tp + at.fp === 0 ? [] : [{ type: 'scatter', mode: 'markers', name: t('current'), x: [at.tp / b.positives], y: [at.tp / (at.tp + at.fp)], marker: { color: '#dc2626', size: 11 } }];
  return {
    data: [
      { type: 'scatter', mode: 'lines', name: t('model'), x: recall, y: precision, line: { color: '#2563eb', width: 2, shape: 'hv' } },
      { type: 'scatter', mode: 'lines', name: t('baseline'), x: [0, 1], y: [share, share], line: { color: '#94a3b8', dash: 'dash', width: 1 } },
      ...marker,
    ],
    layout: lineLayout(t('recallAxis'), t('precisionAxis')),
  };
}

function calibrationSpec(b: BinaryCurves, t: OutputT): FigureSpec {
  const c = b.calibration;
  return {
    data: [
      { type: 'scatter', mode: 'lines', name: t('perfect'), x: [0, 1], y: [0, 1], line: { color: '#94a3b8', dash: 'dash', width: 1 } },
      {
        type: 'scatter', mode: 'lines+markers', name: t('model'), x: c.meanPredicted, y: c.fractionPositive, text: c.count.map((n) => `${formatNumber(n)} ${t('rows')}`),
        hovertemplate: '%{x:.3f} → %{y:.3f} (%{text})<extra></extra>', line: { color: '#2563eb', width: 2 }, marker: { size: 8 },
      },
    ],
    layout: lineLayout(t('meanPredicted'), t('fractionPositive', { positive: b.positive })),
  };
}

function BinaryPanel({ output, b }: { output: MetricsOutput; b: BinaryCurves }) {
  const t = useOutputT();
  const n = b.thresholds.length;
  const [position, setPosition] = useState(() => positionFor(b, b.threshold));
  const at = countsAt(b, position);
  const m = metricsFromCounts(at.tp, at.fp, b.positives, b.negatives);
  const confusion: ConfusionMatrix = {
    labels: output.confusion?.labels.length === 2 ? output.confusion.labels : [b.negative, b.positive],
    matrix: [[b.negatives - at.fp, at.fp], [b.positives - at.tp, at.tp]],
  };
  const thresholdText = at.threshold === null ? t('thresholdAbove', { positive: b.positive }) : significant(at.threshold, 3);
  const roc = useMemo(() => rocSpec(b, at, t), [b, at.tp, at.fp, t]);
  const pr = useMemo(() => prSpec(b, at, t), [b, at.tp, at.fp, t]);
  const calibration = useMemo(() => calibrationSpec(b, t), [b, t]);
  const name = (output.title ?? 'evaluation').replace(/[^\w-]+/g, '_');
  return (
    <div className="binary-eval">
      <div className="threshold-panel">
        <h5>{t('thresholdHeading')}</h5>
        <label className="threshold-control">
          <span>{t('thresholdLabel', { positive: b.positive })}</span>
          <input
            type="range" min={0} max={n} step={1} value={position} data-testid="threshold-slider"
            aria-valuetext={thresholdText} onChange={(e) => setPosition(Number(e.currentTarget.value))}
          />
          <output className="threshold-value" data-testid="threshold-value">{thresholdText}</output>
        </label>
        <p className="muted small">{t('thresholdNote', { threshold: significant(b.threshold, 3) })}</p>
        <div className="threshold-result">
          <Confusion confusion={confusion} label={`${t('confusionMatrix')} · ${t('atThreshold')}`} />
          <div className="metric-cards compact" aria-live="polite" data-testid="threshold-metrics">
            {(['accuracy', 'precision', 'recall', 'f1'] as const).map((k) => <MetricCard key={k} name={k} value={m[k]} />)}
          </div>
        </div>
      </div>
      <div className="eval-charts">
        <Figure spec={roc} title={t('rocTitle')} fileName={`${name}_roc`} />
        <Figure spec={pr} title={t('prTitle')} fileName={`${name}_precision_recall`} />
        <Figure spec={calibration} title={t('calibrationTitle')} fileName={`${name}_calibration`} />
      </div>
    </div>
  );
}

function RegressionPlots({ output, points }: { output: MetricsOutput; points: RegressionPoints }) {
  const t = useOutputT();
  const name = (output.title ?? 'evaluation').replace(/[^\w-]+/g, '_');
  const specs = useMemo(() => {
    const { actual, predicted } = points;
    const lo = Math.min(...actual, ...predicted);
    const hi = Math.max(...actual, ...predicted);
    const residual = actual.map((a, i) => a - predicted[i]);
    const dots = { type: 'scatter', mode: 'markers', marker: { color: '#2563eb', size: 5, opacity: 0.6 } };
    const layout = (x: string, y: string) => ({ height: 330, margin: { l: 64, r: 16, t: 12, b: 40 }, legend: LEGEND, xaxis: { ...AXIS, title: { text: x } }, yaxis: { ...AXIS, title: { text: y } } });
    const vsActual: FigureSpec = {
      data: [
        { ...dots, name: t('rows'), x: actual, y: predicted },
        { type: 'scatter', mode: 'lines', name: t('identity'), x: [lo, hi], y: [lo, hi], line: { color: '#94a3b8', dash: 'dash', width: 1 } },
      ],
      layout: layout(t('actualAxis'), t('predictedAxis')),
    };
    const residuals: FigureSpec = {
      data: [
        { ...dots, name: t('rows'), x: predicted, y: residual },
        { type: 'scatter', mode: 'lines', name: '0', x: [Math.min(...predicted), Math.max(...predicted)], y: [0, 0], line: { color: '#94a3b8', dash: 'dash', width: 1 }, showlegend: false },
      ],
      layout: { ...layout(t('predictedAxis'), t('residualAxis')), showlegend: false },
    };
    return { vsActual, residuals };
  }, [points, t]);
  return (
    <div className="regression-eval">
      {points.total > points.actual.length && <p className="muted small">{t('rowsSampled', { shown: formatNumber(points.actual.length), total: formatNumber(points.total) })}</p>}
      <div className="eval-charts">
        <Figure spec={specs.vsActual} title={t('predVsActual')} fileName={`${name}_predicted_vs_actual`} />
        <Figure spec={specs.residuals} title={t('residuals')} fileName={`${name}_residuals`} />
      </div>
    </div>
  );
}

export function Evaluation({ output }: { output: MetricsOutput }) {
  const t = useOutputT();
  const { headline, rest } = orderMetrics(evalTask(output), output.metrics);
  return (
    <section className="metrics-output" aria-label={shownTitle(output) ?? t('metricsHeading')}>
      {output.title && <h4 className="output-title">{shownTitle(output)}</h4>}
      <div className="metric-cards" data-testid="headline-metrics">
        {headline.map((k) => <MetricCard key={k} name={k} value={output.metrics[k]} />)}
      </div>
      {rest.length > 0 && (
        <details className="more-metrics">
          <summary>{t('moreMetrics', { n: rest.length })}</summary>
          <div className="metric-cards compact">
            {rest.map((k) => <MetricCard key={k} name={k} value={output.metrics[k]} />)}
          </div>
        </details>
      )}
      {output.binary ? <BinaryPanel output={output} b={output.binary} /> : output.confusion && <Confusion confusion={output.confusion} label={t('confusionMatrix')} />}
      {output.points && output.points.actual.length > 0 && <RegressionPlots output={output} points={output.points} />}
    </section>
  );
}
