// Renders a cell's outputs by type. A lazy chunk (lazyOutputs.tsx loads it):
// the first screen is cells without outputs until it is in.
import { lazy, memo, Suspense, useEffect, useState } from 'react';
import type { CellOutput, ErrorOutput, MetricsOutput, ProfileOutput } from '../../core/outputs.ts';
import { formatScalar } from '../../notebook/outputText.ts';
import { TableGrid, tableToCsv } from './TableGrid.tsx';
import { LineChart, MiniHistogram } from './Charts.tsx';
import type { TrainingChartProps } from './TrainingChart.tsx';
import { formatNumber } from '../format.ts';
import { plotlyReady } from './plotlyState.ts';
import { Markdown } from './Markdown.tsx';
import { getLang, useT } from '../i18n.ts';
import { shownTitle } from './localize.ts';
import { downloadBlob, downloadText } from '../download.ts';
import type { Controller } from '../controller.ts';

const Figure = lazy(() => import('./Figure.tsx').then((m) => ({ default: m.Figure })));
// The evaluation and training charts load with Plotly, on demand (not on the first screen).
const Evaluation = lazy(() => import('./Evaluation.tsx').then((m) => ({ default: m.Evaluation })));
const TrainingChart = lazy(() => import('./TrainingChart.tsx').then((m) => ({ default: m.TrainingChart })));

const fmt = formatNumber;

/** Metric cards as plain text while the evaluation view loads. */
function MetricsFallback({ output }: { output: MetricsOutput }) {
  return (
    <div className="metric-cards">
      {Object.entries(output.metrics).map(([k, v]) => (
        <div key={k} className="metric-card pending" data-metric={k}>
          <div className="metric-value">{fmt(v)}</div>
          <div className="metric-name">{k}</div>
        </div>
      ))}
    </div>
  );
}

/** Training curves (live while training, and the training output): Plotly charts, the SVG sketch while they load. */
export function TrainingCurves({ live = false, ...props }: TrainingChartProps & { live?: boolean }) {
  const t = useT();
  const { history } = props;
  const keys = history.length ? Object.keys(history[history.length - 1]).filter((k) => k !== 'epoch' && k !== 'lr') : [];
  const fallback = (
    <div className="curves">
      <LineChart history={history} keys={keys} label={props.title ?? t('loss')} />
    </div>
  );
  // While a model trains, Plotly is used only if it is already loaded (see plotlyState.ts).
  if (live && !plotlyReady()) return <div className="training-chart">{fallback}</div>;
  return (
    <div className="training-chart">
      <Suspense fallback={fallback}>
        <TrainingChart {...props} />
      </Suspense>
    </div>
  );
}

function Profile({ output }: { output: ProfileOutput }) {
  const t = useT();
  return (
    <section className="profile-output">
      <div className="output-header">
        <span className="output-title">{shownTitle(output) ?? output.name ?? 'profile'}</span>
        <span className="muted">
          {t('rows', { n: output.rowCount.toLocaleString() })} × {t('columns', { n: output.columns.length })}
        </span>
      </div>
      {/* Focusable: a keyboard user can scroll a wide profile sideways. */}
      <div className="profile-scroll" tabIndex={0} role="region" aria-label={shownTitle(output) ?? output.name ?? 'profile'}>
        <table className="profile">
          <thead>
            <tr>
              <th scope="col">{t('profileColumn')}</th>
              <th scope="col">{t('profileType')}</th>
              <th scope="col">{t('missing')}</th>
              <th scope="col">{t('unique')}</th>
              <th scope="col">{t('profileMean')}</th>
              <th scope="col">{t('profileStd')}</th>
              <th scope="col">{t('profileMin')}</th>
              <th scope="col">{t('profileMedian')}</th>
              <th scope="col">{t('profileMax')}</th>
              <th scope="col">{t('profileDistribution')}</th>
            </tr>
          </thead>
          <tbody>
            {output.columns.map((c) => (
              <tr key={c.name}>
                <th scope="row">{c.name}</th>
                <td><span className={`col-type type-${c.type}`}>{c.type}</span></td>
                <td className={`num${c.missing > 0 ? ' warn' : ''}`}>{c.missing}</td>
                <td className="num">{c.unique}</td>
                <td className="num">{fmt(c.mean)}</td>
                <td className="num">{fmt(c.std)}</td>
                <td className="num">{typeof c.min === 'number' ? fmt(c.min) : (c.min ?? '—')}</td>
                <td className="num">{fmt(c.median)}</td>
                <td className="num">{typeof c.max === 'number' ? fmt(c.max) : (c.max ?? '—')}</td>
                <td>
                  {c.histogram ? (
                    <MiniHistogram histogram={c.histogram} />
                  ) : (
                    <span className="top-values">{c.top.slice(0, 3).map((v) => `${formatScalar(v.value)} (${v.count})`).join(', ')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {output.warnings.length > 0 && (
        <ul className="warnings">
          {output.warnings.map((w, i) => (
            <li key={i}>{getLang() === 'ko' ? (output.warningsKo?.[i] ?? w) : w}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * An error output. Catalogued engine errors (with a code) are shown in Korean when the UI is;
 * the Korean table loads only then (i18n-errors.ts), the English text shows meanwhile.
 */
function ErrorView({ output }: { output: ErrorOutput }) {
  const t = useT();
  const korean = getLang() === 'ko' && output.code !== undefined;
  const [catalogue, setCatalogue] = useState<typeof import('../i18n-errors.ts') | null>(null);
  useEffect(() => {
    if (!korean || catalogue) return;
    let live = true;
    void import('../i18n-errors.ts').then((m) => live && setCatalogue(m));
    return () => {
      live = false;
    };
  }, [korean, catalogue]);
  const { message, hint } = korean && catalogue ? catalogue.localizedError(output) : { message: output.message, hint: output.hint };
  return (
    <div className="error-output" role="alert">
      <p className="error-message">{message}</p>
      {hint && (
        <p className="error-hint">
          <strong>{t('hint')}:</strong> {hint}
        </p>
      )}
      {output.where && (
        <p className="error-where">
          <strong>{t('where')}:</strong> <code>{output.where}</code>
        </p>
      )}
    </div>
  );
}

export function Output({ output, controller }: { output: CellOutput; controller: Controller }) {
  const t = useT();
  switch (output.type) {
    case 'table': {
      const download = async () => {
        const full = output.name ? await controller.tableCsv(output.name).catch(() => null) : null;
        downloadText(full ?? tableToCsv(output), `${output.name ?? 'table'}.csv`, 'text/csv');
      };
      const name = output.name;
      // Parquet needs the whole typed table, which only the kernel has: offered for named tables.
      const downloadParquet = async () => {
        if (!name) return;
        const bytes = await controller.tableParquet(name).catch((error: Error) => (controller.notify(t('parquetFailed', { message: error.message })), undefined));
        if (bytes === null) controller.notify(t('parquetGone', { name }));
        else if (bytes) downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.apache.parquet' }), `${name}.parquet`);
      };
      return <TableGrid table={output} onDownload={download} onDownloadParquet={name ? () => void downloadParquet() : undefined} fetchPage={name ? (request) => controller.tablePage(name, request) : undefined} />;
    }
    case 'figure':
      return (
        <Suspense fallback={<p className="muted loading">{t('loadingChart')}</p>}>
          <Figure spec={output.spec} ko={output.ko} title={shownTitle(output)} fileName={output.title} />
        </Suspense>
      );
    case 'metrics':
      return (
        <Suspense fallback={<MetricsFallback output={output} />}>
          <Evaluation output={output} />
        </Suspense>
      );
    case 'training':
      return <TrainingCurves history={output.history} title={shownTitle(output)} summary={getLang() === 'ko' && output.summaryKo ? output.summaryKo : output.summary} bestEpoch={output.bestEpoch} stoppedEarly={output.stoppedEarly} step={output.step} target={output.target} />;
    case 'profile':
      return <Profile output={output} />;
    case 'markdown':
      // A cell may give its text in Korean too (the pipeline cell's verdict and graph).
      return <Markdown text={getLang() === 'ko' && output.ko ? output.ko : output.markdown} />;
    case 'text':
      return <pre className="text-output">{getLang() === 'ko' && output.ko ? output.ko : output.text}</pre>;
    case 'json':
      return (
        <details className="json-output" open>
          <summary>{shownTitle(output) ?? 'JSON'}</summary>
          <pre>{JSON.stringify(output.value, null, 2)}</pre>
        </details>
      );
    case 'error':
      return <ErrorView output={output} />;
    default:
      return <pre className="text-output">{JSON.stringify(output, null, 2)}</pre>;
  }
}

export const Outputs = memo(function Outputs({ outputs, controller }: { outputs: CellOutput[]; controller: Controller }) {
  if (!outputs.length) return null;
  return (
    <div className="outputs" data-testid="outputs">
      {outputs.map((o, i) => (
        <div key={i} className={`output output-${o.type}`} data-output-type={o.type}>
          <Output output={o} controller={controller} />
        </div>
      ))}
    </div>
  );
});
