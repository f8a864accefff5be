// The train and tune cells for a next-state network on padded per-group
// sequences: the cell's settings as a dict under the workbench's own param
// names, trained by train_padded (helpers-padded.ts) — the same network,
// masked and class-weighted loss, AdamW, clipping, plateau schedule and
// early stopping as the workbench, with PyTorch's random draws. A tune
// cell's trials lay their values over the same dict (with_params), as the
// workbench's dotted names do, and the train cell's "params from" likewise.
import type { NotebookCell } from '../../notebook/model.ts';
import { Untranslated, header, pyLiteral, pyName, type ExportContext } from './context.ts';
import { pyString } from './jsexpr.ts';

/** The settings a padded train or tune cell passes to train_padded, or why they cannot be reproduced. */
function paddedSettings(p: Record<string, unknown>, ctx: ExportContext): Record<string, unknown> | Untranslated {
  const kind = String(p.model);
  if (kind !== 'lstm' && kind !== 'gru') return new Untranslated(`a ${kind} on padded sequences (causal convolutions) has no Python translation yet (LSTM and GRU do)`);
  const validation = String(p.validation ?? '');
  if (validation && !ctx.padded.has(validation)) return new Untranslated(`its validation "${validation}" is not a padded sequences value in the exported notebook`);
  const q = (p.sequence as Record<string, unknown> | undefined) ?? {};
  if (Number(q.recurrentDropout ?? 0) > 0) return new Untranslated('its recurrent dropout uses tfjs\'s own unseeded masks inside the LSTM/GRU step, which PyTorch\'s layers do not have');
  if (p.monitorMode !== undefined && p.monitorMode !== 'auto') return new Untranslated(`its monitorMode ${String(p.monitorMode)} is not exported`);
  const keys = ['model', 'sequence', 'dropout', 'optimizer', 'learningRate', 'weightDecay', 'epochs', 'batchSize', 'seed', 'classWeight', 'classWeightCap', 'clipNorm', 'lrSchedule', 'patience', 'monitor', 'restoreBest'];
  return Object.fromEntries(keys.filter((k) => p[k] !== undefined).map((k) => [k, p[k]]));
}

export function emitPaddedTrain(cell: NotebookCell, p: Record<string, unknown>, ctx: ExportContext) {
  const settings = paddedSettings(p, ctx);
  if (settings instanceof Untranslated) return settings;
  const from = p.paramsFrom ? String(p.paramsFrom) : '';
  if (from && ctx.defined.get(from) !== 'object') return new Untranslated(`its settings come from "${from}", which is not in the exported notebook`);
  const [data, out] = [pyName(String(p.input)), pyName(String(p.output))];
  const val = p.validation ? pyName(String(p.validation)) : 'None';
  const lines = [
    header(cell),
    `# A next-state ${String(p.model).toUpperCase()} on ${String(p.input)}'s padded sequences: the state embedding joined with the step's numbers, a prediction`,
    '# over the vocabulary at every step, the loss on the real steps only. The workbench\'s settings, under its own names:',
    `settings = ${pyLiteral(settings)}`,
    ...(from ? [`settings = with_params(settings, ${pyName(from)})  # the tuned values laid over them`] : []),
    `${out} = train_padded(${data}, ${val}, settings)`,
    ...(from ? [`print('settings:', settings)`] : []),
    ...(p.validation ? [`print(f"best epoch: {${out}['best_epoch'] or len(${out}['history'])} of {len(${out}['history'])}")`] : []),
    `pd.DataFrame(${out}['history'])`,
  ];
  ctx.defined.set(String(p.output), 'model');
  return [{ type: 'code' as const, source: lines.join('\n'), from: cell.id }];
}

/** The tune metrics a padded network records per epoch (padded_validation), and the sign that makes them "lower is better". */
const METRICS: Record<string, number> = { val_loss: 1, val_accuracy: -1, val_top3: -1, val_macro_f1: -1 };

export function emitPaddedTune(cell: NotebookCell, p: Record<string, unknown>, ctx: ExportContext) {
  const settings = paddedSettings(p, ctx);
  if (settings instanceof Untranslated) return settings;
  if (!p.validation) return new Untranslated('it has no validation sequences to score its trials on');
  const metric = String(p.metric ?? 'val_loss');
  const sign = METRICS[metric];
  if (sign === undefined) return new Untranslated(`its metric ${metric} is not one a padded network records (val_loss, val_accuracy, val_top3, val_macro_f1)`);
  if (p.pruning !== false) return new Untranslated('median pruning of sequence networks has no Python translation yet (pruning: false does)');
  if (Number(p.timeLimit ?? 0) > 0) return new Untranslated('its time limit makes the number of trials depend on the machine');
  const [data, val, out] = [pyName(String(p.input)), pyName(String(p.validation)), pyName(String(p.output))];
  const seed = Number(p.seed ?? 42);
  const startup = Number(p.startupTrials ?? 5);
  const lines = [
    header(cell),
    "# The workbench's search, line for line (its seeded draws and TPE): the first trials' settings are the workbench's own;",
    "# each trial trains the network with those values (train_padded); later TPE trials follow the scores, which PyTorch's draws move a little.",
    `settings = ${pyLiteral(settings)}`,
    `tune_space = ${pyLiteral(p.space ?? [])}`,
    '',
    'def objective(values, report):',
    `    """One trial: ${metric} of the kept epoch (the last, or the restored best)${sign === -1 ? ', negated' : ''}."""`,
    `    trial = train_padded(${data}, ${val}, with_params(settings, values))`,
    "    for h in trial['history']:",
    `        report(h['epoch'], ${sign} * h[${pyString(metric)}])`,
    "    kept = trial['history'][trial['best_epoch'] - 1] if trial['best_epoch'] else trial['history'][-1]",
    `    return ${sign === -1 ? '-' : ''}kept[${pyString(metric)}]`,
    '',
    `tune_trials, tune_best = run_study(tune_space, objective, n_trials=${Number(p.trials ?? 20)}, seed=${seed}, sampler=${pyString(String(p.sampler ?? 'tpe'))}, startup_trials=${startup}, pruner=None)`,
    `${out} = dict(tune_best['params'])`,
    `report(${pyString(cell.id)}, 'tune', {'best': ${sign} * tune_best['value'], 'trials': [t['params'] for t in tune_trials], 'states': [t['state'] for t in tune_trials]})`,
    `print(f"Best ${metric} {${sign} * tune_best['value']:.4f} at trial {tune_best['number']} of {len(tune_trials)}: {${out}}")`,
    `pd.DataFrame([{'trial': t['number'], 'state': t['state'], 'value': ${sign} * t['value'], 'epochs': t['steps'], **t['params']} for t in tune_trials])`,
  ];
  ctx.defined.set(String(p.output), 'object');
  return [{ type: 'code' as const, source: lines.join('\n'), from: cell.id }];
}
