// Emitter for the select cell: variance, ANOVA F and chi² scores from
// scikit-learn, the features kept by the workbench's rule (helpers-steps.ts),
// so the kept columns are the same. The other methods depend on the
// workbench's own models or random tie-breaking and stay TODO cells.
import { Untranslated, header, pyLiteral, pyName, type Emitter } from './context.ts';
import { pyString } from './jsexpr.ts';

const SCORED_BY: Record<string, string> = {
  variance: 'population variance (as scikit-learn\'s VarianceThreshold)',
  anova: 'ANOVA F against the target (scikit-learn\'s f_classif)',
  chi2: 'chi² against the target (scikit-learn\'s chi2; features must be non-negative)',
};

const WHY_NOT: Record<string, string> = {
  correlation: 'the correlation filter has no Python translation yet',
  mutual_info: 'mutual information breaks ties with the workbench\'s own seeded noise, so scikit-learn would keep other features',
  model: 'it ranks features by the workbench\'s own boosted trees',
  rfe: 'recursive elimination refits the workbench\'s own models',
};

export const emitSelect: Emitter = (cell, p, ctx) => {
  const method = String(p.method);
  if (!SCORED_BY[method]) return new Untranslated(WHY_NOT[method] ?? `method ${method}`);
  const df = pyName(String(p.input));
  const target = String(p.target);
  const features = (p.features as string[] | undefined) ?? [];
  const k = p.k as number | null;
  const threshold = p.threshold as number | null;
  const args = [df, pyString(target), pyString(method)];
  if (k !== null) args.push(`k=${k}`);
  if (threshold !== null) args.push(`threshold=${threshold}`);
  if (features.length) args.push(`features=${pyLiteral(features)}`);
  const rule = method === 'variance'
    ? (k !== null ? `the ${k} highest` : `above ${threshold ?? 0}`)
    : (threshold !== null ? `scoring above ${threshold}` : `the ${k ?? 10} best (ties to the earlier column)`);
  const out = pyName(String(p.output));
  const scores = pyName(String(p.scores));
  const lines = [
    header(cell),
    `# Score ${features.length ? 'the listed features' : 'every numeric or boolean column'} by ${SCORED_BY[method]}, on the rows with no missing value,`,
    `# and keep ${rule}; the kept columns and "${target}" go on as ${out}.`,
    `kept, ${scores} = select_features(${args.join(', ')})`,
    `${out} = ${df}[kept + [${pyString(target)}]]`,
    `report(${pyString(cell.id)}, 'kept', kept)`,
    `report(${pyString(cell.id)}, 'scores', dict(zip(${scores}['feature'], ${scores}['score'])))`,
    `print(f'Kept {len(kept)} of {len(${scores})} features: {", ".join(kept)}')`,
    `${scores}.head(20)`,
  ];
  ctx.defined.set(String(p.output), 'table');
  ctx.defined.set(String(p.scores), 'table');
  return [{ type: 'code', source: lines.join('\n'), from: cell.id }];
};
