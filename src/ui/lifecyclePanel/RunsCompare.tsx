// The runs panel's side-by-side comparison of the selected runs: params diff,
// metrics, overlaid curves, and parallel coordinates drawn as SVG.
import { useMemo, useState } from 'react';
import type { RunRecord } from '../../lifecycle/runs.ts';
import { paramsDiff } from '../../lifecycle/runQuery.ts';
import { Figure } from '../outputs/Figure.tsx';
import { useLifecycleT } from '../i18n-lifecycle.ts';
import { LOWER_BETTER, metricNames, num, paramText } from './format.ts';

// --- compare ---------------------------------------------------------------------

function runLabel(r: RunRecord, i: number): string {
  return `#${i + 1} ${r.output ?? r.kind}`;
}

export function Compare({ runs }: { runs: RunRecord[] }) {
  const t = useLifecycleT();
  const diff = useMemo(() => new Set(paramsDiff(runs).map((c) => c.param)), [runs]);
  const params = useMemo(() => [...new Set(runs.flatMap((r) => Object.keys(r.params)))].sort((a, b) => Number(diff.has(b)) - Number(diff.has(a)) || a.localeCompare(b)), [runs, diff]);
  const metrics = useMemo(() => metricNames(runs), [runs]);
  const curveKeys = useMemo(() => [...new Set(runs.flatMap((r) => r.curves.flatMap((c) => Object.keys(c))))].filter((k) => k !== 'epoch' && k !== 'round').sort((a, b) => (a === 'loss' ? -1 : b === 'loss' ? 1 : a.localeCompare(b))), [runs]);
  const [curve, setCurve] = useState<string>('');
  const curveKey = curveKeys.includes(curve) ? curve : (curveKeys[0] ?? '');
  const [pcMetric, setPcMetric] = useState<string>('');
  const pcKey = metrics.includes(pcMetric) ? pcMetric : (metrics[0] ?? '');
  const [onlyDiff, setOnlyDiff] = useState(false);

  const best = (m: string): number | undefined => {
    const values = runs.map((r) => r.metrics[m]).filter((v): v is number => v !== undefined);
    if (values.length < 2) return undefined;
    return LOWER_BETTER.test(m) ? Math.min(...values) : Math.max(...values);
  };

  const spec = useMemo(() => {
    if (!curveKey) return undefined;
    return {
      data: runs.map((r, i) => ({
        type: 'scatter',
        mode: 'lines+markers',
        name: runLabel(r, i),
        x: r.curves.map((c, k) => c.epoch ?? c.round ?? k + 1),
        y: r.curves.map((c) => c[curveKey] ?? null),
      })),
      layout: { height: 300, margin: { l: 50, r: 10, t: 30, b: 40 }, xaxis: { title: { text: t('lcEpochAxis') } }, yaxis: { title: { text: curveKey } }, legend: { orientation: 'h' } },
    };
  }, [runs, curveKey, t]);

  return (
    <section className="compare" data-testid="compare">
      <h3>{t('lcCompareRuns', { n: runs.length })}</h3>
      <h4>
        {t('lcParameters')}{' '}
        <label className="small muted">
          <input type="checkbox" checked={onlyDiff} onChange={(e) => setOnlyDiff(e.target.checked)} /> {t('lcOnlyDiffering', { n: diff.size })}
        </label>
      </h4>
      <div className="panel-table-wrap">
        <table className="panel-table" data-testid="params-diff">
          <thead>
            <tr>
              <th>{t('lcParam')}</th>
              {runs.map((r, i) => (
                <th key={r.id} title={r.id}>
                  {runLabel(r, i)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {params
              .filter((p) => !onlyDiff || diff.has(p))
              .map((p) => (
                <tr key={p} data-param={p} className={diff.has(p) ? 'differs' : ''}>
                  <th scope="row">{p}</th>
                  {runs.map((r) => (
                    <td key={r.id} className="mono">
                      {paramText(r.params[p])}
                    </td>
                  ))}
                </tr>
              ))}
          </tbody>
        </table>
      </div>

      <h4>{t('lcMetrics')}</h4>
      <div className="panel-table-wrap">
        <table className="panel-table" data-testid="metrics-compare">
          <thead>
            <tr>
              <th>{t('lcMetric')}</th>
              {runs.map((r, i) => (
                <th key={r.id}>{runLabel(r, i)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {metrics.map((m) => {
              const b = best(m);
              return (
                <tr key={m} data-metric={m}>
                  <th scope="row">{m}</th>
                  {runs.map((r) => (
                    <td key={r.id} className={`num${b !== undefined && r.metrics[m] === b ? ' best' : ''}`}>
                      {num(r.metrics[m])}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {curveKeys.length > 0 && (
        <>
          <h4>
            {t('lcCurves')}{' '}
            <select className="input small" aria-label={t('lcCurve')} value={curveKey} onChange={(e) => setCurve(e.target.value)}>
              {curveKeys.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </h4>
          {spec && <Figure spec={spec as never} title={t('lcByEpoch', { key: curveKey })} whenNear={false} />}
        </>
      )}

      {pcKey && (
        <>
          <h4>
            {t('lcParamsAgainst')}{' '}
            <select className="input small" aria-label={t('lcMetric')} value={pcKey} onChange={(e) => setPcMetric(e.target.value)}>
              {metrics.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </h4>
          <ParallelCoordinates runs={runs} params={[...diff].filter((p) => runs.every((r) => r.params[p] === undefined || typeof r.params[p] !== 'object'))} metric={pcKey} />
        </>
      )}
    </section>
  );
}

// --- parallel coordinates (SVG: the cartesian Plotly bundle has no parcoords) -----

interface Axis {
  name: string;
  /** Position 0..1 (bottom..top) of a run's value, or undefined when missing. */
  at(r: RunRecord): number | undefined;
  ticks: { at: number; label: string }[];
}

function axisFor(name: string, get: (r: RunRecord) => unknown, runs: RunRecord[]): Axis {
  const values = runs.map(get).filter((v) => v !== undefined && v !== null);
  if (values.length && values.every((v) => typeof v === 'number')) {
    const nums = values as number[];
    const lo = Math.min(...nums);
    const hi = Math.max(...nums);
    const span = hi - lo || 1;
    const pos = (v: number) => (hi === lo ? 0.5 : (v - lo) / span);
    return {
      name,
      at: (r) => {
        const v = get(r);
        return typeof v === 'number' ? pos(v) : undefined;
      },
      ticks: hi === lo ? [{ at: 0.5, label: num(lo) }] : [{ at: 0, label: num(lo) }, { at: 1, label: num(hi) }],
    };
  }
  const cats = [...new Set(values.map((v) => paramText(v)))].sort();
  const pos = (i: number) => (cats.length === 1 ? 0.5 : i / (cats.length - 1));
  return {
    name,
    at: (r) => {
      const v = get(r);
      if (v === undefined || v === null) return undefined;
      const i = cats.indexOf(paramText(v));
      return i < 0 ? undefined : pos(i);
    },
    ticks: cats.map((c, i) => ({ at: pos(i), label: c.length > 12 ? c.slice(0, 11) + '…' : c })),
  };
}

function ParallelCoordinates({ runs, params, metric }: { runs: RunRecord[]; params: string[]; metric: string }) {
  const t = useLifecycleT();
  const axes = [...params.map((p) => axisFor(p, (r) => r.params[p], runs)), axisFor(metric, (r) => r.metrics[metric], runs)];
  const W = Math.max(320, axes.length * 130);
  const H = 240;
  const top = 28;
  const bottom = 24;
  const left = 50;
  const right = 50;
  const x = (i: number) => (axes.length === 1 ? W / 2 : left + (i * (W - left - right)) / (axes.length - 1));
  const y = (p: number) => top + (1 - p) * (H - top - bottom);
  const m = axes[axes.length - 1];
  const color = (r: RunRecord) => {
    const p = m.at(r);
    if (p === undefined) return '#9aa4b2';
    // Low → high: blue → red.
    return `hsl(${Math.round(220 - 220 * p)}, 70%, 45%)`;
  };
  return (
    <div className="parcoords">
      {params.length === 0 && <p className="muted small">{t('lcNoScalarDiff')}</p>}
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('lcParcoords', { params: params.join(', '), metric })} data-testid="parcoords">
        {axes.map((a, i) => (
          <g key={a.name}>
            <line x1={x(i)} x2={x(i)} y1={y(0)} y2={y(1)} stroke="#8792a2" />
            <text x={x(i)} y={14} textAnchor="middle" fontSize={12} fontWeight={i === axes.length - 1 ? 700 : 400}>
              {a.name}
            </text>
            {a.ticks.map((tk) => (
              <text key={tk.label + tk.at} x={x(i) + 5} y={y(tk.at) + 4} fontSize={10} fill="#5b6676">
                {tk.label}
              </text>
            ))}
          </g>
        ))}
        {runs.map((r, k) => {
          const pts = axes.map((a, i) => {
            const p = a.at(r);
            return p === undefined ? null : `${x(i)},${y(p)}`;
          });
          return (
            <polyline key={r.id} points={pts.filter(Boolean).join(' ')} fill="none" stroke={color(r)} strokeWidth={2} opacity={0.85} data-run={r.id}>
              <title>{`${runLabel(r, k)}: ${metric} ${num(r.metrics[metric])}`}</title>
            </polyline>
          );
        })}
      </svg>
    </div>
  );
}

