// Renders a cell's outputs by type.
import { lazy, memo, Suspense, useEffect, useMemo, useState } from 'react';
import type { CellOutput, ConfusionMatrix, EpochRecord, MetricsOutput, ProfileOutput, TrainingOutput } from '../../core/outputs.ts';
import { formatScalar } from '../../notebook/outputText.ts';
import { TableGrid, tableToCsv } from './TableGrid.tsx';
import { LineChart, MiniHistogram } from './Charts.tsx';
import { loadMarkdown, loadMath, mathLoaded, type RenderMarkdown } from '../markdown.ts';
import { useT } from '../i18n.ts';
import { downloadText } from '../download.ts';
import type { Controller } from '../controller.ts';

const Figure = lazy(() => import('./Figure.tsx').then((m) => ({ default: m.Figure })));

export function fmt(x: number | undefined): string {
  if (x === undefined || x === null) return '—';
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return x.toLocaleString();
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return x.toExponential(3);
  return x.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
}

export const Markdown = memo(function Markdown({ text, attachments }: { text: string; attachments?: unknown }) {
  const [render, setRender] = useState<RenderMarkdown | null>(null);
  // KaTeX loads only for text with math; the text re-renders once it is in.
  const [mathReady, setMathReady] = useState(mathLoaded());
  useEffect(() => {
    let live = true;
    loadMarkdown().then((r) => {
      if (!live) return;
      setRender(() => r);
      if (!mathLoaded() && r.hasMath(text)) void loadMath().then(() => live && setMathReady(true));
    });
    return () => {
      live = false;
    };
  }, [text]);
  const html = useMemo(() => (render ? render(text, { attachments }) : null), [render, text, attachments, mathReady]);
  if (html === null) return <div className="markdown plain nb-content">{text}</div>;
  return <div className="markdown nb-content" dangerouslySetInnerHTML={{ __html: html }} />;
});

function Confusion({ confusion }: { confusion: ConfusionMatrix }) {
  const t = useT();
  const max = Math.max(1, ...confusion.matrix.flat());
  return (
    <table className="confusion" aria-label="confusion matrix">
      <thead>
        <tr>
          <th scope="col" className="corner">{t('actual')} ↓ / {t('predicted')} →</th>
          {confusion.labels.map((l) => (
            <th key={l} scope="col">{l}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {confusion.matrix.map((row, i) => (
          <tr key={i}>
            <th scope="row">{confusion.labels[i]}</th>
            {row.map((v, j) => {
              const a = v / max;
              return (
                <td key={j} style={{ background: `rgba(37, 99, 235, ${(0.08 + 0.85 * a).toFixed(3)})`, color: a > 0.55 ? '#fff' : 'inherit' }} className={i === j ? 'diag' : ''}>
                  {v}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Metrics({ output }: { output: MetricsOutput }) {
  return (
    <section className="metrics-output" aria-label={output.title ?? 'metrics'}>
      {output.title && <h4 className="output-title">{output.title}</h4>}
      <div className="metric-cards">
        {Object.entries(output.metrics).map(([k, v]) => (
          <div key={k} className="metric-card" data-metric={k}>
            <div className="metric-value">{fmt(v)}</div>
            <div className="metric-name">{k}</div>
          </div>
        ))}
      </div>
      {output.confusion && <Confusion confusion={output.confusion} />}
    </section>
  );
}

export function TrainingCurves({ history, title, summary, bestEpoch }: { history: EpochRecord[]; title?: string; summary?: string; bestEpoch?: number }) {
  const t = useT();
  const keys = history.length ? Object.keys(history[history.length - 1]).filter((k) => k !== 'epoch') : [];
  const lossKeys = keys.filter((k) => /loss/i.test(k));
  const otherKeys = keys.filter((k) => !/loss/i.test(k));
  return (
    <section className="training-output">
      <div className="output-header">
        <span className="output-title">{title ?? t('loss')}</span>
        {bestEpoch !== undefined && <span className="muted">best epoch {bestEpoch}</span>}
      </div>
      <div className="curves">
        {lossKeys.length > 0 && <LineChart history={history} keys={lossKeys} label={t('loss')} />}
        {otherKeys.length > 0 && <LineChart history={history} keys={otherKeys} label="metrics" />}
      </div>
      {summary && <p className="muted">{summary}</p>}
    </section>
  );
}

function Training({ output }: { output: TrainingOutput }) {
  return <TrainingCurves history={output.history} title={output.title} summary={output.summary} bestEpoch={output.bestEpoch} />;
}

function Profile({ output }: { output: ProfileOutput }) {
  const t = useT();
  return (
    <section className="profile-output">
      <div className="output-header">
        <span className="output-title">{output.title ?? output.name ?? 'profile'}</span>
        <span className="muted">
          {t('rows', { n: output.rowCount.toLocaleString() })} × {t('columns', { n: output.columns.length })}
        </span>
      </div>
      <div className="profile-scroll">
        <table className="profile">
          <thead>
            <tr>
              <th scope="col">column</th>
              <th scope="col">type</th>
              <th scope="col">{t('missing')}</th>
              <th scope="col">{t('unique')}</th>
              <th scope="col">mean</th>
              <th scope="col">std</th>
              <th scope="col">min</th>
              <th scope="col">median</th>
              <th scope="col">max</th>
              <th scope="col">distribution</th>
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
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
    </section>
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
      return <TableGrid table={output} onDownload={download} fetchPage={name ? (request) => controller.tablePage(name, request) : undefined} />;
    }
    case 'figure':
      return (
        <Suspense fallback={<p className="muted loading">{t('loadingChart')}</p>}>
          <Figure spec={output.spec} title={output.title} />
        </Suspense>
      );
    case 'metrics':
      return <Metrics output={output} />;
    case 'training':
      return <Training output={output} />;
    case 'profile':
      return <Profile output={output} />;
    case 'markdown':
      return <Markdown text={output.markdown} />;
    case 'text':
      return <pre className="text-output">{output.text}</pre>;
    case 'json':
      return (
        <details className="json-output" open>
          <summary>{output.title ?? 'JSON'}</summary>
          <pre>{JSON.stringify(output.value, null, 2)}</pre>
        </details>
      );
    case 'error':
      return (
        <div className="error-output" role="alert">
          <p className="error-message">{output.message}</p>
          {output.hint && (
            <p className="error-hint">
              <strong>{t('hint')}:</strong> {output.hint}
            </p>
          )}
          {output.where && (
            <p className="error-where">
              <strong>{t('where')}:</strong> <code>{output.where}</code>
            </p>
          )}
        </div>
      );
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
