// Emitter for the crossval cell on a table: the workbench's folds row for
// row (helpers-steps.ts), and in each fold the model the train cell would
// fit (the train emitter's own code, without a validation table: folds run
// their epochs or rounds, as in the workbench), scored with the evaluate
// cell's metrics on the fold's held-out rows.
import type { NotebookCell } from '../../notebook/model.ts';
import { Untranslated, header, pyName, type Emitter, type ExportContext } from './context.ts';
import { pyString } from './jsexpr.ts';
import { emitTrain } from './models.ts';

const HOW: Record<string, string> = {
  kfold: 'shuffled K-fold (the workbench\'s seeded shuffle)',
  stratified: 'stratified K-fold (each class dealt round the folds after the workbench\'s seeded shuffle)',
  group: 'group K-fold (largest group first to the emptiest fold, like scikit-learn\'s GroupKFold)',
  time: 'forward chaining (scikit-learn\'s TimeSeriesSplit over the rows in time order)',
};

/** The train cell's code for one fold's model, indented for the loop body. */
function foldTraining(cell: NotebookCell, p: Record<string, unknown>, ctx: ExportContext): string[] | Untranslated {
  const scratch: ExportContext = { ...ctx, defined: new Map(ctx.defined) };
  const emitted = emitTrain(cell, { ...p, input: 'fold_train', output: 'fold_model', validation: '', patience: 0 }, scratch);
  if (emitted instanceof Untranslated) return emitted;
  return emitted[0].source.split('\n').slice(1) // its header is the crossval cell's own
    .filter((line) => !line.startsWith('print(pd.DataFrame(history)'))
    .map((line) => `    ${line}`);
}

export const emitCrossval: Emitter = (cell, p, ctx) => {
  const method = String(p.method);
  const df = pyName(String(p.input));
  const k = Number(p.folds);
  const seed = Number(p.seed ?? 42);
  const training = foldTraining(cell, p, ctx);
  if (training instanceof Untranslated) return training;
  const args = [df, pyString(method), String(k), String(seed)];
  if (method === 'stratified') args.push(`target=${pyString(String(p.target))}`);
  if (method === 'group') args.push(`group=${pyString(String(p.group))}`);
  if (method === 'time' && p.time) args.push(`time=${pyString(String(p.time))}`);
  const out = pyName(String(p.output));
  const id = pyString(cell.id);
  const lines = [
    header(cell),
    `# ${k} folds by ${HOW[method]}: the same rows as the workbench's folds.`,
    '# Each fold trains the model the train cell would (no early stopping) and is scored on its held-out rows.',
    'fold_rows = []',
    `for fold, (train_rows, test_rows) in enumerate(cv_folds(${args.join(', ')}), start=1):`,
    `    fold_train, fold_test = ${df}.iloc[train_rows].reset_index(drop=True), ${df}.iloc[test_rows].reset_index(drop=True)`,
    ...training,
    "    pred, proba = model_predict(fold_model, fold_test)",
    "    y_true = fold_test[fold_model['target']].tolist()",
    "    scores = classification_metrics(y_true, pred, proba, fold_model['classes']) if fold_model['classes'] is not None else regression_metrics(y_true, pred)",
    "    fold_rows.append({'fold': fold, 'train_rows': len(train_rows), 'test_rows': len(test_rows), **scores})",
    `${out} = pd.DataFrame(fold_rows)`,
    `fold_summary = summarise_folds(${out})`,
    `report(${id}, 'fold_sizes', ${out}[['train_rows', 'test_rows']].values.tolist())`,
    `report(${id}, 'means', dict(zip(fold_summary['metric'], fold_summary['mean'])))`,
    'print(fold_summary.to_string(index=False))',
    out,
  ];
  ctx.defined.set(String(p.output), 'table');
  return [{ type: 'code', source: lines.join('\n'), from: cell.id }];
};
