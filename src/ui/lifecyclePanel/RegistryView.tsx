// The registry panel: models by name with their versions, stage badges and
// the registry state machine's actions (promote, demote, archive, rollback).
import { useMemo } from 'react';
import { ALLOWED, type ModelVersion, type Stage } from '../../lifecycle/registry.ts';
import type { RunRecord } from '../../lifecycle/runs.ts';
import type { LifecycleModel, LifecycleState } from '../lifecycle.ts';
import { useLifecycleT, type LifecycleKey } from '../i18n-lifecycle.ts';
import type { MessageKey } from '../i18n.ts';
import { metricNames, num, when, type T } from './format.ts';

// --- registry ---------------------------------------------------------------------

const ACTIONS: { stage: Stage; label: MessageKey | LifecycleKey }[] = [
  { stage: 'staging', label: 'lcToStaging' },
  { stage: 'production', label: 'lcToProduction' },
  { stage: 'none', label: 'lcToNone' },
  { stage: 'archived', label: 'lcToArchived' },
];

const stageName = (t: T, stage: Stage) => t(`lcStage_${stage}`);

export function RegistryView({ model, state }: { model: LifecycleModel; state: LifecycleState }) {
  const t = useLifecycleT();
  const names = useMemo(() => [...new Set(state.versions.map((v) => v.name))].sort(), [state.versions]);
  const runIds = useMemo(() => new Set(state.runs.map((r) => r.id)), [state.runs]);
  return (
    <div className="registry-view" data-testid="registry-panel">
      {state.registryError && (
        <p className="error-text small" role="alert" data-testid="registry-error">
          {state.registryError}
        </p>
      )}
      {names.length === 0 && <p className="muted small">{t('lcNoRegistered')}</p>}
      {names.map((name) => {
        const versions = state.versions.filter((v) => v.name === name).sort((a, b) => b.version - a.version);
        const production = versions.find((v) => v.stage === 'production');
        return (
          <section key={name} className="registered-model" data-model-name={name}>
            <header className="registered-head">
              <h3>{name}</h3>
              <span className="muted small">
                {versions.length === 1 ? t('lcVersionsOne') : t('lcVersionsMany', { n: versions.length })}
                {production ? t('lcProductionVersion', { version: production.version }) : ''}
              </span>
              <span className="toolbar-spacer" />
              <code className="small" title={t('lcUseInPredict')}>
                registry:{name}@production
              </code>
              <button type="button" className="btn small" data-action="rollback" onClick={() => void model.rollback(name)}>
                {t('lcRollback')}
              </button>
            </header>
            {versions.map((v) => (
              <VersionRow key={v.version} v={v} model={model} hasRun={runIds.has(v.runId)} />
            ))}
          </section>
        );
      })}
    </div>
  );
}

function VersionRow({ v, model, hasRun }: { v: ModelVersion; model: LifecycleModel; hasRun: boolean }) {
  const t = useLifecycleT();
  const metrics = metricNames([{ metrics: v.metrics } as RunRecord]).slice(0, 5);
  return (
    <div className="version" data-version={v.version} data-stage={v.stage}>
      <div className="version-head">
        <strong>v{v.version}</strong>
        <span className={`badge stage-${v.stage}`} data-testid="stage-badge">
          {stageName(t, v.stage)}
        </span>
        <span className="muted small">{when(v.createdAt)}</span>
        <span className="toolbar-spacer" />
        {ACTIONS.filter((a) => a.stage !== v.stage).map((a) => (
          <button
            key={a.stage}
            type="button"
            className={`btn small${ALLOWED[v.stage].includes(a.stage) ? '' : ' not-allowed'}`}
            data-action={`stage-${a.stage}`}
            title={ALLOWED[v.stage].includes(a.stage) ? t('lcMoveTo', { version: v.version, stage: stageName(t, a.stage) }) : t('lcAllowedFrom', { stage: stageName(t, v.stage), allowed: ALLOWED[v.stage].map((x) => stageName(t, x)).join(', ') })}
            onClick={() => void model.transition(v.name, v.version, a.stage)}
          >
            {a.stage === 'production' ? '▲ ' : ''}
            {t(a.label)}
          </button>
        ))}
      </div>
      {v.description && <p className="small">{v.description}</p>}
      <div className="version-meta small">
        {metrics.map((m) => (
          <span key={m} className="chip">
            {m} {num(v.metrics[m])}
          </span>
        ))}
        {Object.entries(v.tags).map(([k, val]) => (
          <span key={k} className="chip tag">
            {k}={val}
          </span>
        ))}
        <button type="button" className="btn small ghost" data-action="show-run" disabled={!hasRun} title={hasRun ? t('lcShowRun') : t('lcRunNotHere')} onClick={() => model.showRun(v.runId)}>
          {t('lcRunLink', { id: v.runId })}
        </button>
        {!v.modelRef && <span className="muted">{t('lcNoSavedModel')}</span>}
      </div>
      <details className="small">
        <summary>{t('lcHistory')}</summary>
        <ol>
          {v.history.map((h, i) => (
            <li key={i}>
              {stageName(t, h.stage)} · {when(h.at)}
              {h.note ? ` · ${h.note}` : ''}
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}

