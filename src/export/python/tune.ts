// The tune cell on boosted trees over a table: the workbench's search in
// Python (helpers-tune.ts: the same seeded draws, TPE and median pruning),
// each trial an XGBoost model with the train cell's settings and the trial's
// values, scored by its last round's validation AUC or log loss. The best
// params are a dict that a train cell's "params from" uses (xgb_overrides).
// A next-state network on padded sequences: paddedtrain.ts.
import { header, pyLiteral, pyName, Untranslated, type Emitter } from './context.ts';
import { pyString } from './jsexpr.ts';
import { xgbParamLines } from './models.ts';
import { emitPaddedTune } from './paddedtrain.ts';

/** The tune metrics XGBoost records per round, by its name, and the sign that makes them "lower is better". */
const METRICS: Record<string, { xgb: string; sign: number }> = { val_auc: { xgb: 'auc', sign: -1 }, val_loss: { xgb: 'logloss', sign: 1 } };

export const emitTune: Emitter = (cell, p, ctx) => {
  if (ctx.padded.has(String(p.input))) return emitPaddedTune(cell, p, ctx);
  if (p.model !== 'gbdt') return new Untranslated(`tuning ${String(p.model)} models has no Python translation yet (boosted trees do)`);
  const metric = METRICS[String(p.metric ?? 'val_loss')];
  if (!metric) return new Untranslated(`its metric ${String(p.metric)} is not one XGBoost records per round here (val_auc, val_loss are)`);
  if (p.task === 'regression') return new Untranslated('tuning a regression has no Python translation yet (classification does)');
  if (ctx.defined.get(String(p.input)) !== 'table') return new Untranslated(`its input "${p.input}" is not a table in the exported notebook`);
  if (ctx.defined.get(String(p.validation)) !== 'table') return new Untranslated(`its validation table "${p.validation}" is not in the exported notebook`);
  if (Number(p.timeLimit ?? 0) > 0) return new Untranslated('its time limit makes the number of trials depend on the machine');
  const space = (p.space as { name: string }[] | undefined) ?? [];
  const bad = space.find((d) => !/^gbdt\.(rounds|eta|maxDepth|maxLeaves|minChildWeight|subsample|colsample|lambda|alpha|gamma|scalePosWeight|maxBins)$/.test(d.name));
  if (bad) return new Untranslated(`its parameter "${bad.name}" has no XGBoost equivalent here`);
  const [df, val, out] = [pyName(String(p.input)), pyName(String(p.validation)), pyName(String(p.output))];
  const target = pyString(String(p.target));
  const features = (p.features as string[] | undefined) ?? [];
  const seed = Number(p.seed ?? 42);
  const startup = Number(p.startupTrials ?? 5);
  const pruner = p.pruning === false ? 'None' : `MedianPruner(n_startup_trials=${Math.max(1, Math.min(5, startup))}, n_warmup_steps=${Number(p.warmupEpochs ?? 5)})`;
  const lines = [
    header(cell),
    "# The workbench's search, line for line (its seeded draws, TPE, median pruning): the first trials' settings are the",
    "# workbench's own; later TPE trials follow the scores, which XGBoost reaches a little differently from the workbench's trees.",
    `features = ${features.length ? pyLiteral(features) : `numeric_features(${df}, ${target})`}`,
    ...(p.task === 'classification' ? [] : [`if detect_task(${df}[${target}].tolist()) != 'classification':`, `    raise ValueError('This exported tune cell handles classification only: its target ${String(p.target).replace(/'/g, '')} looks numeric.')`]),
    `classes = workbench_classes(${df}[${target}])`,
    `X, y = ${df}[features].to_numpy(dtype=float), encode_target(${df}[${target}], classes)`,
    `X_val, y_val = ${val}[features].to_numpy(dtype=float), encode_target(${val}[${target}], classes)`,
    'known = y_val != -1',
    'X_val, y_val = X_val[known], y_val[known]',
    ...xgbParamLines(p, seed, true),
    `tune_space = ${pyLiteral(space)}`,
    '',
    'def objective(values, report):',
    `    """One trial: the settings above with the trial's values; ${metric.sign === -1 ? 'minus ' : ''}the last round's validation ${metric.xgb}."""`,
    `    booster = xgb.XGBClassifier(**{**params, **xgb_overrides(values), 'eval_metric': ${pyString(metric.xgb)}}, callbacks=[pruning_callback(report, ${pyString(metric.xgb)}, ${metric.sign})])`,
    '    booster.fit(X, y, eval_set=[(X_val, y_val)], verbose=False)',
    `    return ${metric.sign === -1 ? '-' : ''}booster.evals_result()['validation_0'][${pyString(metric.xgb)}][-1]`,
    '',
    `tune_trials, tune_best = run_study(tune_space, objective, n_trials=${Number(p.trials ?? 20)}, seed=${seed}, sampler=${pyString(String(p.sampler ?? 'tpe'))}, startup_trials=${startup}, pruner=${pruner})`,
    `${out} = dict(tune_best['params'])`,
    `report(${pyString(cell.id)}, 'tune', {'best': ${metric.sign} * tune_best['value'], 'trials': [t['params'] for t in tune_trials], 'states': [t['state'] for t in tune_trials]})`,
    `print(f"Best ${String(p.metric)} {${metric.sign} * tune_best['value']:.4f} at trial {tune_best['number']} of {len(tune_trials)}: {${out}}")`,
    `pd.DataFrame([{'trial': t['number'], 'state': t['state'], 'value': ${metric.sign} * t['value'], 'epochs': t['steps'], **t['params']} for t in tune_trials])`,
  ];
  ctx.defined.set(String(p.output), 'object');
  return [{ type: 'code', source: lines.join('\n'), from: cell.id }];
};
