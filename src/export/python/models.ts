// Emitters for the model cells: train (PyTorch for the linear, logistic
// and MLP networks; XGBoost for boosted trees), evaluate (scikit-learn's
// metrics) and predict. Each trained model becomes a plain dict:
// {kind, model or net, head, features, classes, target}.
import { Untranslated, header, pyLiteral, pyName, type Emitter, type PyCell } from './context.ts';
import { pyString } from './jsexpr.ts';
import { emitSequenceTrain } from './sequencetrain.ts';

const code = (from: string, lines: string[]): PyCell => ({ type: 'code', source: lines.join('\n'), from });

/** Train-cell settings the Python code does not reproduce: each becomes a visible TODO line. */
function unsupportedControls(p: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of ['classWeight', 'lrSchedule', 'clipNorm', 'weightDecay'] as const) {
    if (p[key] !== undefined && !(key === 'lrSchedule' && (p[key] as { type: string }).type === 'none') && p[key] !== 'none') out.push(`${key}=${JSON.stringify(p[key])}`);
  }
  if (p.monitor !== undefined && p.monitor !== 'val_loss') out.push(`monitor=${JSON.stringify(p.monitor)}`);
  if (p.restoreBest === false) out.push('restoreBest=false');
  return out;
}

/** The boosted trees' settings as XGBoost parameters (`params = dict(...)`): the train cell's and the tune cell's base. */
export function xgbParamLines(p: Record<string, unknown>, seed: number, hasVal: boolean): string[] {
  const g = (p.gbdt as Record<string, number | string> | undefined) ?? {};
  const num = (k: string, d: number) => Number(g[k] ?? d);
  const lines: string[] = [];
  if (num('minSamplesLeaf', 1) !== 1) lines.push(`# TODO: minSamplesLeaf=${num('minSamplesLeaf', 1)} has no XGBoost parameter; not reproduced.`);
  const maxDepth = num('maxDepth', 6);
  const maxLeaves = num('maxLeaves', 0);
  const metric = g.stoppingMetric === 'auc' ? "'auc'" : "'logloss' if classes is not None else 'rmse'";
  const stopping = num('earlyStoppingRounds', 0);
  lines.push(
    'import xgboost as xgb',
    '# The workbench\'s boosted trees follow XGBoost (histograms, second-order gradients, L2 leaves): the same parameters by name.',
    'params = dict(',
    `    n_estimators=${num('rounds', 100)}, learning_rate=${num('eta', 0.1)}, max_depth=${maxDepth}, max_leaves=${maxLeaves},`,
    `    grow_policy=${maxLeaves > 0 ? "'lossguide'" : "'depthwise'"}, min_child_weight=${num('minChildWeight', 1)}, subsample=${num('subsample', 1)},`,
    `    colsample_bytree=${num('colsample', 1)}, reg_lambda=${num('lambda', 1)}, reg_alpha=${num('alpha', 0)}, gamma=${num('gamma', 0)},`,
    `    scale_pos_weight=${num('scalePosWeight', 1)}, tree_method='hist', max_bin=${num('maxBins', 255)}, random_state=${seed}, eval_metric=${metric},`,
    ...(stopping > 0 && hasVal ? [`    early_stopping_rounds=${stopping},`] : []),
    ')',
  );
  return lines;
}

export const emitTrain: Emitter = (cell, p, ctx) => {
  const model = String(p.model);
  // Sequence networks: a padded one reads its tuned settings itself (paddedtrain.ts).
  if ((model === 'lstm' || model === 'gru' || model === 'cnn1d') && (!p.paramsFrom || ctx.padded.has(String(p.input)))) return emitSequenceTrain(cell, p, ctx);
  if (p.paramsFrom && (model !== 'gbdt' || ctx.defined.get(String(p.paramsFrom)) !== 'object')) return new Untranslated(`its settings come from a tune cell's best params ("${p.paramsFrom}")`);
  const df = pyName(String(p.input));
  const target = pyString(String(p.target));
  const features = (p.features as string[] | undefined) ?? [];
  const task = model === 'logistic' ? "'classification'" : model === 'linear' ? "'regression'" : p.task === 'auto' || p.task === undefined ? `detect_task(${df}[${target}].tolist())` : pyString(String(p.task));
  const validation = String(p.validation ?? '');
  const hasVal = validation !== '' && ctx.defined.get(validation) === 'table';
  if (validation !== '' && !hasVal) return new Untranslated(`its validation table "${validation}" is not in the exported notebook`);
  const val = pyName(validation);
  const out = pyName(String(p.output));
  const lines = [header(cell)];
  const skipped = unsupportedControls(p);
  if (skipped.length) lines.push(`# TODO: not reproduced here: ${skipped.join(', ')} (the metrics will differ more than usual).`);
  lines.push(
    `features = ${features.length ? pyLiteral(features) : `numeric_features(${df}, ${target})`}`,
    `task = ${task}`,
    `classes = workbench_classes(${df}[${target}]) if task == 'classification' else None`,
    `X, y = ${df}[features].to_numpy(dtype=float), encode_target(${df}[${target}], classes)`,
  );
  if (hasVal) lines.push(`X_val, y_val = ${val}[features].to_numpy(dtype=float), encode_target(${val}[${target}], classes)`, 'known = y_val != -1 if classes is not None else np.ones(len(y_val), dtype=bool)', 'X_val, y_val = X_val[known], y_val[known]');
  const seed = Number(p.seed ?? 42);
  if (model === 'gbdt') {
    lines.push(...xgbParamLines(p, seed, hasVal));
    if (p.paramsFrom) lines.push(`params.update(xgb_overrides(${pyName(String(p.paramsFrom))}))  # the tune cell's best settings`);
    lines.push(
      'booster = xgb.XGBClassifier(**params) if classes is not None else xgb.XGBRegressor(**params)',
      `booster.fit(X, y${hasVal ? ', eval_set=[(X_val, y_val)]' : ''}, verbose=False)`,
      `${out} = {'kind': 'xgboost', 'model': booster, 'features': features, 'classes': classes, 'target': ${target}}`,
    );
  } else {
    const hidden = model === 'mlp' ? ((p.hidden as number[] | undefined) ?? [32, 16]) : [];
    const dropout = model === 'mlp' ? Number(p.dropout ?? 0) : 0;
    lines.push(
      "head = 'regression' if classes is None else ('binary' if len(classes) == 2 else 'softmax')",
      "# PyTorch network like the workbench's tfjs one: Glorot-uniform weights, zero biases, the same layers, loss and optimizer.",
      `net = torch_network(len(features), len(classes) if head == 'softmax' else 1, hidden=${pyLiteral(hidden)}, activation=${pyString(String(p.activation ?? 'relu'))}, dropout=${dropout}, seed=${seed})`,
      `history = fit_torch(net, X, y, head, optimizer=${pyString(String(p.optimizer ?? 'adam'))}, lr=${Number(p.learningRate ?? 0.01)}, epochs=${Number(p.epochs ?? 50)},`,
      `                    batch_size=${Number(p.batchSize ?? 32)}, seed=${seed}, l2=${Number(p.l2 ?? 0)}${hasVal ? `, X_val=X_val, y_val=y_val, patience=${Number(p.patience ?? 0)}` : ''})`,
      `${out} = {'kind': 'torch', 'net': net, 'head': head, 'features': features, 'classes': classes, 'target': ${target}, 'history': history}`,
      "print(pd.DataFrame(history).tail())",
    );
  }
  ctx.defined.set(String(p.output), 'model');
  return [code(cell.id, lines)];
};

export const emitEvaluate: Emitter = (cell, p, ctx) => {
  const model = pyName(String(p.model));
  const df = pyName(String(p.input));
  // A sequences value (windows, or padded steps): the model's truth_of and model_predict align predictions with their truth.
  const windows = ctx.defined.get(String(p.input)) === 'object';
  const padded = ctx.padded.has(String(p.input));
  if (ctx.defined.get(String(p.input)) !== 'table' && !windows) return new Untranslated(`its input "${p.input}" is not a table in the exported notebook`);
  const out = pyName(String(p.output));
  const threshold = p.threshold as { rule: string; value?: number } | undefined;
  const lines = [header(cell)];
  const extras = ['groupBy'].filter((k) => p[k] !== undefined && p[k] !== 0);
  if (extras.length) lines.push(`# TODO: the workbench cell also used ${extras.join(', ')}; not exported.`);
  lines.push(`y_true = truth_of(${model}, ${df})${padded ? '  # the next state of every real step' : windows ? '  # the windows\' targets' : ''}`, `pred, proba = model_predict(${model}, ${df})`);
  const chosen = threshold !== undefined && threshold.rule !== 'default';
  if (threshold?.rule === 'fixed') {
    lines.push(`# Decision threshold ${threshold.value} on the positive (second) class's probability.`, `classes = ${model}['classes']`, `threshold = ${Number(threshold.value)}`);
  } else if (chosen) {
    // The workbench chooses the threshold on the rows it scores; choose_threshold is its rule, line for line.
    lines.push(`# Decision threshold on the positive (second) class's probability: the one that maximises ${threshold.rule} on these rows.`, `classes = ${model}['classes']`, `threshold = choose_threshold(y_true, proba[:, 1], classes[1], ${pyString(threshold.rule)})`);
  }
  if (chosen) lines.push(`pred = [classes[1] if q >= threshold else classes[0] for q in proba[:, 1]]`);
  lines.push(
    `if ${model}['classes'] is not None:`,
    `    ${out} = classification_metrics(y_true, pred, proba, ${model}['classes'])`,
    ...(Number(p.topK ?? 0) > 0 ? [`    ${out}['top_${Number(p.topK)}_accuracy'] = top_k_accuracy(y_true, proba, ${model}['classes'], ${Number(p.topK)})`] : []),
    `    print(pd.crosstab(pd.Series(y_true, name='true'), pd.Series(pred, name='predicted')))`,
    'else:',
    `    ${out} = regression_metrics(y_true, pred)`,
    ...(chosen ? [`${out}['threshold'] = threshold`] : []),
    `report(${pyString(cell.id)}, 'metrics', ${out})`,
  );
  ctx.defined.set(String(p.output), 'metrics');
  if (p.predictions) {
    const predictions = pyName(String(p.predictions));
    lines.push(
      windows ? `${predictions} = pd.DataFrame({'truth': y_true})  # one row per ${padded ? 'real step' : 'window'}` : `${predictions} = ${df}.copy()`,
      `${predictions}['prediction'] = pred`,
      `if proba is not None:`,
      `    for i, c in enumerate(${model}['classes']):`,
      `        ${predictions}['p_' + str(c)] = proba[:, i]`,
    );
    ctx.defined.set(String(p.predictions), 'table');
  }
  lines.push(`pd.Series(${out})`);
  return [code(cell.id, lines)];
};

export const emitPredict: Emitter = (cell, p, ctx) => {
  if (p.modelFile) return new Untranslated('it loads a model from an uploaded file (in Python: the zip\'s model.json with xgboost.Booster().load_model for trees, tensorflowjs_converter to Keras for a TensorFlow.js network; preprocessing.json says how to prepare the rows)');
  const model = pyName(String(p.model));
  const out = pyName(String(p.output));
  const lines = [header(cell)];
  if (p.input) {
    if (ctx.defined.get(String(p.input)) !== 'table') return new Untranslated(`its input "${p.input}" is not a table in the exported notebook`);
    lines.push(`df = ${pyName(String(p.input))}`);
  } else {
    const row = (p.row as Record<string, unknown> | undefined) ?? {};
    lines.push(`df = pd.DataFrame([${pyLiteral(row)}])`);
  }
  if (p.transform) lines.push(`df = ${pyName(String(p.transform))}(df)  # the fitted transform, as in training`);
  lines.push(
    `pred, proba = model_predict(${model}, df)`,
    `${out} = df.copy()`,
    `${out}['prediction'] = pred`,
    'if proba is not None:',
    `    for i, c in enumerate(${model}['classes']):`,
    `        ${out}['p_' + str(c)] = proba[:, i]`,
    `${out}.head()`,
  );
  ctx.defined.set(String(p.output), 'table');
  return [code(cell.id, lines)];
};
