// Emitter for the ensemble cell's stacking (src/ml/ensemble/model.ts,
// StackModel.fitOutOfFold): every member is re-fitted on each fold's
// training rows with its own train cell's settings, as the workbench's
// TrainedModel.refit does (the same features and task, no validation table,
// the epochs or rounds the trained member kept), and predicts the fold's
// held-out rows; the meta-learner learns from those out-of-fold predictions
// of the whole training table. The folds are the workbench's (cv_folds:
// stratified for classes, shuffled K-fold for numbers, its seeded shuffle).
// The final members are the trained ones, as scikit-learn's stacking refits
// its final estimators on all rows.
import { Untranslated, pyLiteral, pyName, type ExportContext } from './context.ts';
import { emitTrain } from './models.ts';

const REFITTABLE = new Set(['linear', 'logistic', 'mlp', 'gbdt']);

/** The member's train cell as `def refit_<name>(fold_train)`, or why it cannot be refitted here. */
function refitFunction(name: string, ctx: ExportContext): string[] | Untranslated {
  const made = ctx.producers?.get(name);
  if (!made || made.cell.kind !== 'train') {
    return new Untranslated(`its member "${name}" is not a model a train cell made in the exported notebook, and stacking refits each member on every fold (the workbench refits train-cell models only)`);
  }
  const p = made.params;
  const model = String(p.model);
  if (!REFITTABLE.has(model)) return new Untranslated(`its member "${name}" is a ${model} on windows; refitting sequence models per fold is not exported`);
  const hasVal = String(p.validation ?? '') !== '' && ctx.defined.get(String(p.validation)) === 'table';
  const stopsEarly = hasVal && (model === 'gbdt' ? Number((p.gbdt as Record<string, unknown> | undefined)?.earlyStoppingRounds ?? 0) > 0 : Number(p.patience ?? 0) > 0);
  const scratch: ExportContext = { ...ctx, defined: new Map(ctx.defined) };
  const emitted = emitTrain(made.cell, { ...p, input: 'fold_train', output: 'fold_model', validation: '', patience: 0 }, scratch);
  if (emitted instanceof Untranslated) return emitted;
  const body = emitted[0].source.split('\n').slice(1).filter((line) => !line.startsWith('print(pd.DataFrame(history)'));
  // What the refit takes from the trained member is read before the function: inside it, the train code's own
  // names (net, params, task, ...) would hide a member of that name.
  const member = pyName(name);
  const prelude: string[] = [];
  // The refit keeps the member's task (the workbench's refit settings fix it), not one detected again on the fold.
  const detected = body.findIndex((line) => line.startsWith('task = detect_task('));
  if (detected >= 0) {
    prelude.push(`${member}_task = 'classification' if ${member}['classes'] is not None else 'regression'`);
    body[detected] = `task = ${member}_task  # the task ${name} was trained for`;
  }
  if (stopsEarly && model === 'gbdt') {
    // Boosted trees that stopped early are refitted for the rounds they kept (XGBoost's best_iteration counts from 0).
    prelude.push(`${member}_rounds = ${member}['model'].best_iteration + 1  # the rounds ${name} kept`);
    const at = body.findIndex((line) => line.startsWith('booster = xgb.'));
    body.splice(at, 0, `params.update(n_estimators=${member}_rounds)`);
  } else if (stopsEarly) {
    // A network that stopped early is refitted for the epochs it kept (its best validation epoch, whose weights it restored).
    prelude.push(`${member}_epochs = kept_epochs(${member}['history'])  # the epochs ${name} kept`);
    const at = body.findIndex((line) => line.startsWith('history = fit_torch('));
    body[at] = body[at].replace(/epochs=\d+/, `epochs=${member}_epochs`);
  }
  return [
    ...prelude,
    `def refit_${member}(fold_train):`,
    `    """${name} as its train cell fits it (cell ${made.cell.id}), on another table."""`,
    ...body.map((line) => `    ${line}`),
    '    return fold_model',
    '',
  ];
}

/** The stacking lines of the ensemble cell (after its header): the members' refit functions, the out-of-fold predictions, the meta-learner. */
export function stackingLines(p: Record<string, unknown>, ctx: ExportContext): string[] | Untranslated {
  const names = p.models as string[];
  const train = String(p.train ?? '');
  if (ctx.defined.get(train) !== 'table') return new Untranslated(`its training table "${train}" is not a table in the exported notebook`);
  const refits: string[] = [];
  for (const name of names) {
    const fn = refitFunction(name, ctx);
    if (fn instanceof Untranslated) return fn;
    refits.push(...fn);
  }
  const out = pyName(String(p.output));
  const members = names.map(pyName);
  return [
    `# Stacking: each member is re-fitted on ${Number(p.folds)} folds of ${train} (the workbench's folds: stratified for classes, seed ${Number(p.seed)}),`,
    '# predicts the rows it did not see, and a logistic (classes) or ridge (numbers) meta-learner learns from those',
    '# out-of-fold predictions. The ensemble then combines the members trained on all of it.',
    ...refits,
    `oof = stacking_oof([${members.join(', ')}], [${members.map((m) => `refit_${m}`).join(', ')}], ${pyName(train)}, folds=${Number(p.folds)}, seed=${Number(p.seed)})`,
    `${out} = make_ensemble([${members.join(', ')}], method='stacking', holdout=${pyName(train)}, oof=oof, C=${Number(p.C)}, alpha=${Number(p.alpha)},`,
    `                       names=${pyLiteral(names)})`,
    `print('Meta-learner weights:')`,
    `print(pd.DataFrame(np.atleast_2d(${out}['meta'].coef_).T, index=${out}['meta_features']).round(4))`,
  ];
}
