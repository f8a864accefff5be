// Small charts drawn as SVG: training curves (live while a model trains)
// and mini histograms. No library: they must draw instantly.
import type { EpochRecord, HistogramData } from '../../core/outputs.ts';

const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2'];

export function LineChart({ history, keys, width = 520, height = 220, label }: { history: EpochRecord[]; keys: string[]; width?: number; height?: number; label: string }) {
  const pad = { l: 48, r: 12, t: 12, b: 28 };
  const xs = history.map((h) => h.epoch);
  const values = keys.flatMap((k) => history.map((h) => h[k]).filter((v) => Number.isFinite(v)));
  if (!history.length || !values.length) return null;
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs, xMin + 1);
  let yMin = Math.min(...values);
  let yMax = Math.max(...values);
  if (yMin === yMax) {
    yMin -= 0.5;
    yMax += 0.5;
  }
  const sx = (x: number) => pad.l + ((x - xMin) / (xMax - xMin)) * (width - pad.l - pad.r);
  const sy = (y: number) => pad.t + (1 - (y - yMin) / (yMax - yMin)) * (height - pad.t - pad.b);
  const ticks = [yMin, (yMin + yMax) / 2, yMax];
  return (
    <svg className="line-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <line x1={pad.l} y1={height - pad.b} x2={width - pad.r} y2={height - pad.b} className="axis" />
      <line x1={pad.l} y1={pad.t} x2={pad.l} y2={height - pad.b} className="axis" />
      {ticks.map((v, i) => (
        <text key={i} x={pad.l - 6} y={sy(v) + 4} textAnchor="end" className="tick">
          {Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3)}
        </text>
      ))}
      <text x={pad.l} y={height - 8} className="tick">{xMin}</text>
      <text x={width - pad.r} y={height - 8} textAnchor="end" className="tick">{xMax}</text>
      {keys.map((k, i) => {
        const pts = history.filter((h) => Number.isFinite(h[k])).map((h) => `${sx(h.epoch).toFixed(1)},${sy(h[k]).toFixed(1)}`);
        return <polyline key={k} points={pts.join(' ')} fill="none" stroke={COLORS[i % COLORS.length]} strokeWidth={2} />;
      })}
      {keys.map((k, i) => (
        <g key={k} transform={`translate(${width - pad.r - 130}, ${pad.t + 6 + i * 16})`}>
          <rect width={10} height={10} fill={COLORS[i % COLORS.length]} />
          <text x={14} y={9} className="tick">{k}</text>
        </g>
      ))}
    </svg>
  );
}

export function MiniHistogram({ histogram, width = 120, height = 32 }: { histogram: HistogramData; width?: number; height?: number }) {
  const max = Math.max(...histogram.counts, 1);
  const w = width / Math.max(histogram.counts.length, 1);
  return (
    <svg className="mini-hist" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden>
      {histogram.counts.map((c, i) => {
        const h = (c / max) * (height - 2);
        return <rect key={i} x={i * w + 0.5} y={height - h} width={Math.max(w - 1, 1)} height={h} />;
      })}
    </svg>
  );
}
