// The train cell for sequence models (LSTM, GRU, 1D-CNN) on sliding windows:
// a PyTorch network like the workbench's (helpers-sequences.ts), trained by
// the exported loop (fit_torch) on the windows as the sequences cell scaled
// them, with a standardised target for regression, as the workbench does.
// Padded per-group sequences go to paddedtrain.ts.
import { Untranslated, header, pyLiteral, pyName, type Emitter } from './context.ts';
import { pyString } from './jsexpr.ts';
import { emitPaddedTrain } from './paddedtrain.ts';

export const emitSequenceTrain: Emitter = (cell, p, ctx) => {
  const kind = String(p.model);
  const input = String(p.input);
  if (ctx.padded.has(input)) return emitPaddedTrain(cell, p, ctx);
  if (ctx.defined.get(input) !== 'object') return new Untranslated(`its input "${input}" is not a windows value in the exported notebook (padded sequences are not exported)`);
  const validation = String(p.validation ?? '');
  if (validation && ctx.defined.get(validation) !== 'object') return new Untranslated(`its validation "${validation}" is not a windows value in the exported notebook`);
  const q = (p.sequence as Record<string, unknown> | undefined) ?? {};
  const data = pyName(input);
  const val = pyName(validation);
  const out = pyName(String(p.output));
  const seed = Number(p.seed ?? 42);
  const lines = [header(cell)];
  const skipped = ['classWeight', 'lrSchedule', 'clipNorm', 'weightDecay'].filter((k) => p[k] !== undefined && p[k] !== 'none' && !(k === 'lrSchedule' && (p[k] as { type: string }).type === 'none'));
  if (Number(q.recurrentDropout ?? 0) > 0) skipped.push('recurrentDropout');
  if (p.monitor !== undefined && p.monitor !== 'val_loss') skipped.push('monitor');
  if (skipped.length) lines.push(`# TODO: not reproduced here: ${skipped.map((k) => `${k}=${JSON.stringify(k === 'recurrentDropout' ? q[k] : p[k])}`).join(', ')} (the metrics will differ more than usual).`);
  const task = p.task === 'auto' || p.task === undefined ? `detect_task(${data}['y'])` : pyString(String(p.task));
  const body = kind === 'cnn1d'
    ? `filters=${pyLiteral(q.filters ?? [32])}, kernel_size=${Number(q.kernelSize ?? 3)}, pooling=${pyString(String(q.pooling ?? 'max'))}`
    : `units=${pyLiteral(q.units ?? [32])}`;
  lines.push(
    `# A ${kind === 'cnn1d' ? '1D-CNN' : kind.toUpperCase()} on ${input}'s windows (samples x steps x features, already scaled by the sequences cell).`,
    `task = ${task}`,
    `classes = workbench_classes(${data}['y']) if task == 'classification' else None`,
    `X, y = ${data}['X'], encode_target(pd.Series(${data}['y'], dtype=object), classes)`,
  );
  if (validation) lines.push(`X_val, y_val = ${val}['X'], encode_target(pd.Series(${val}['y'], dtype=object), classes)`, 'known = y_val != -1 if classes is not None else np.ones(len(y_val), dtype=bool)', 'X_val, y_val = X_val[known], y_val[known]');
  lines.push(
    "head = 'regression' if classes is None else ('binary' if len(classes) == 2 else 'softmax')",
    `net = sequence_network(${pyString(kind)}, X.shape[2], X.shape[1], len(classes) if head == 'softmax' else 1, ${body},`,
    `                       dense=${pyLiteral(q.dense ?? [])}, dropout=${Number(p.dropout ?? 0)}, seed=${seed})`,
    `history = fit_torch(net, X, y, head, optimizer=${pyString(String(p.optimizer ?? 'adam'))}, lr=${Number(p.learningRate ?? 0.01)}, epochs=${Number(p.epochs ?? 50)},`,
    `                    batch_size=${Number(p.batchSize ?? 32)}, seed=${seed}, l2=${Number(p.l2 ?? 0)}${validation ? `, X_val=X_val, y_val=y_val, patience=${Number(p.patience ?? 0)}` : ''}, standardise_x=False)`,
    `${out} = {'kind': 'sequence', 'net': net, 'head': head, 'features': ${data}['features'], 'classes': classes, 'target': ${data}['target'],`,
    `       'windows': {k: v for k, v in ${data}.items() if k not in ('X', 'y', 'index', 'groups')}}`,
    'print(pd.DataFrame(history).tail())',
  );
  ctx.defined.set(String(p.output), 'model');
  return [{ type: 'code', source: lines.join('\n'), from: cell.id }];
};
