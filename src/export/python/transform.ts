// The transform cell as one Python function: its steps in order, each
// learning its numbers (means, scales, categories) from the training table
// when called with fit=True, then applying the same numbers to every table,
// as the workbench's fitted pipeline does (src/data/transforms).
import { Untranslated, header, pyLiteral, pyName, type Emitter } from './context.ts';
import { UnsupportedExpression, pyString, translateExpression } from './jsexpr.ts';
import { timeStepLines } from './transform-timesteps.ts';

type Step = Record<string, unknown> & { op: string };

/** The Python lines (inside the function, 4-space indent) of one step, or why it cannot be translated. */
function stepLines(step: Step, index: number, state: string): string[] | string {
  const cols = (step.columns as string[] | undefined) ?? [];
  const colList = pyLiteral(cols);
  const key = index + 1;
  switch (step.op) {
    case 'rename':
      return [`df = df.rename(columns={${pyString(String(step.from))}: ${pyString(String(step.to))}})`];
    case 'select':
      return [`df = df[${colList}]`];
    case 'drop':
      return [`df = df.drop(columns=${colList})`];
    case 'derive':
      return [`df[${pyString(String(step.name))}] = ${translateExpression(String(step.expr), 'df')}`];
    case 'filter':
      return [`df = df[${translateExpression(String(step.expr), 'df')}].reset_index(drop=True)`];
    case 'impute': {
      const strategy = String(step.strategy ?? 'mean');
      if (strategy === 'ffill') return [`df[${colList}] = df[${colList}].ffill()`];
      const learn =
        strategy === 'mean' ? `df[${colList}].mean()`
        : strategy === 'median' ? `df[${colList}].median()`
        : strategy === 'most_frequent' ? `pd.Series({c: most_frequent(df[c]) for c in ${colList}})`
        : strategy === 'constant' ? `pd.Series({c: ${step.value !== undefined ? pyLiteral(step.value) : `(0 if pd.api.types.is_numeric_dtype(df[c]) else 'missing_value')`} for c in ${colList}})`
        : undefined;
      if (!learn) return `impute strategy ${strategy}`;
      return ['if fit:', `    ${state}[${key}] = ${learn}`, `df[${colList}] = df[${colList}].fillna(${state}[${key}])`];
    }
    case 'scale':
      return [
        'if fit:',
        `    ${state}[${key}] = scale_stats(df, ${colList}, ${pyString(String(step.method ?? 'standard'))})`,
        `shift, factor = ${state}[${key}]`,
        `df[${colList}] = (df[${colList}].astype(float) - shift) * factor`,
      ];
    case 'onehot':
      return [
        'if fit:',
        `    ${state}[${key}] = {c: sorted_categories(df[c]) for c in ${colList}}`,
        `df = onehot(df, ${state}[${key}], drop_first=${step.dropFirst ? 'True' : 'False'})`,
      ];
    case 'gaps':
      return [`df[${pyString(String(step.name))}] = event_gaps(df, ${pyString(String(step.time))}, ${step.by ? pyString(String(step.by)) : 'None'})  # seconds since the previous event`];
    case 'deltas':
      return cols.map((c) => `df[${pyString(`${String(step.prefix)}${c}`)}] = event_deltas(df, ${pyString(c)}, ${step.by ? pyString(String(step.by)) : 'None'}, ${step.orderBy ? pyString(String(step.orderBy)) : 'None'}, clip=${step.clip ? 'True' : 'False'})`);
    case 'lag':
    case 'lead':
    case 'shiftTarget':
    case 'diff':
    case 'rolling':
    case 'dateparts':
    case 'ordinal':
    case 'target':
      return timeStepLines(step, key, state);
    default:
      return `the ${step.op} step has no Python translation yet`;
  }
}

export const emitTransform: Emitter = (cell, p, ctx) => {
  const fn = pyName(String(p.transform || 'transform'));
  const state = `${fn}_state`;
  const steps = (p.steps as Step[] | undefined) ?? [];
  const body: string[] = [];
  for (const [i, step] of steps.entries()) {
    let lines: string[] | string;
    try {
      lines = stepLines(step, i, state);
    } catch (error) {
      if (error instanceof UnsupportedExpression) return new Untranslated(`step ${i + 1} (${step.op}): the expression ${JSON.stringify(step.expr)} is not understood (${error.message})`);
      throw error;
    }
    if (typeof lines === 'string') return new Untranslated(`step ${i + 1}: ${lines}`);
    body.push(`    # step ${i + 1}: ${step.op}`, ...lines.map((l) => `    ${l}`));
  }
  const applyTo = (p.applyTo as { input: string; output: string }[] | undefined) ?? [];
  const missing = applyTo.map((a) => a.input).filter((n) => ctx.defined.get(n) !== 'table');
  if (missing.length) return new Untranslated(`it also transforms ${missing.join(', ')}, which the exported notebook does not have`);
  const input = pyName(String(p.input));
  const outputs = [{ input: String(p.input), output: String(p.output), fit: true }, ...applyTo.map((a) => ({ ...a, fit: false }))];
  const lines = [
    header(cell),
    `# Learned from ${p.input} only (fit=True); the same numbers are applied to every table.`,
    `${state} = {}`,
    '',
    `def ${fn}(df, fit=False):`,
    '    df = df.copy()',
    ...body,
    '    return df',
    '',
    ...outputs.map((o) => `${pyName(o.output)} = ${fn}(${o.fit ? input : pyName(o.input)}${o.fit ? ', fit=True' : ''})`),
    ...outputs.map((o) => `report(${pyString(cell.id)}, ${pyString(`head:${o.output}`)}, records(${pyName(o.output)}))`),
    `${pyName(String(p.output))}.head()`,
  ];
  for (const o of outputs) ctx.defined.set(o.output, 'table');
  ctx.defined.set(String(p.transform || 'transform'), 'transform');
  return [{ type: 'code', source: lines.join('\n'), from: cell.id }];
};
