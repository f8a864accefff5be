// Emitter for the drift cell: PSI, KS and chi-square per column
// (helpers-drift.ts), and the prediction drift of a model when one is named.
import { Untranslated, header, pyLiteral, pyName, type Emitter } from './context.ts';
import { pyString } from './jsexpr.ts';

export const emitDrift: Emitter = (cell, p, ctx) => {
  const reference = pyName(String(p.reference));
  const current = pyName(String(p.current));
  const columns = (p.columns as string[] | undefined) ?? [];
  const model = String(p.model ?? '');
  if (model && ctx.defined.get(model) !== 'model') return new Untranslated(`its model "${model}" is not in the exported notebook`);
  const options = `psi_threshold=${Number(p.psiThreshold)}, alpha=${Number(p.ksAlpha)}, bins=${Number(p.bins)}`;
  const table = 'drift_table';
  const lines = [
    header(cell),
    `# Has ${p.current} moved away from ${p.reference}? Per column: PSI over the reference's ${p.bins} quantile bins (or its categories),`,
    `# and scipy's two-sample KS test (numbers, dates) or chi-square test (categories). Drift: PSI ≥ ${p.psiThreshold} or p < ${p.ksAlpha}.`,
    `${table} = drift_report(${reference}, ${current}, ${columns.length ? pyLiteral(columns) : 'None'}, ${options})`,
  ];
  if (model) {
    const m = pyName(model);
    lines.push(
      '# Prediction drift: the model\'s predictions on both tables, compared the same way.',
      `kind = 'numeric' if ${m}['classes'] is None else 'categorical'`,
      `row = feature_drift('(prediction)', kind, pd.Series(model_predict(${m}, ${reference})[0]), pd.Series(model_predict(${m}, ${current})[0]), ${options})`,
      `${table} = pd.concat([${table}, pd.DataFrame([row])], ignore_index=True) if row is not None else ${table}`,
    );
  }
  lines.push(
    `report(${pyString(cell.id)}, 'drift', ${table}[['column', 'PSI', 'statistic', 'p-value', 'drifted']].to_dict('records'))`,
    `print('Drifted:', ', '.join(${table}.loc[${table}['drifted'], 'column']) or 'none')`,
    table,
  );
  // The drift report value itself (a workbench object) is not made; its table is drift_table.
  return [{ type: 'code', source: lines.join('\n'), from: cell.id }];
};
