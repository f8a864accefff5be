// The transform cell's time-ordered steps, date parts, ordinal and target encoding as
// Python lines (inside the exported transform function): each calls a helper
// of helpers-timesteps.ts that computes what src/data/transforms computes.
import { pyLiteral } from './context.ts';
import { pyString } from './jsexpr.ts';

type Step = Record<string, unknown> & { op: string };

const opt = (v: unknown) => (v ? pyString(String(v)) : 'None');

/** The Python lines of a lag, lead, shiftTarget, diff, rolling, dateparts, ordinal or target step (`key` indexes the fitted state). */
export function timeStepLines(step: Step, key: number, state: string): string[] {
  const column = String(step.column ?? '');
  const where = `by=${opt(step.by)}, order_by=${opt(step.orderBy)}`;
  switch (step.op) {
    case 'lag':
    case 'lead':
      return ((step.periods as number[] | undefined) ?? [1]).map((p) =>
        `df[${pyString(`${column}_${step.op}${p}`)}] = shifted(df, ${pyString(column)}, ${step.op === 'lag' ? p : -p}, ${where})  # pandas shift(${step.op === 'lag' ? p : -p}) within the group, in time order`);
    case 'shiftTarget': {
      const lead = Number(step.lead ?? 1);
      const name = String(step.name ?? '').trim() || `target_lead${lead}`;
      return [`df[${pyString(name)}] = shifted(df, ${pyString(column)}, ${-lead}, ${where})  # the value ${lead} rows later: the target`];
    }
    case 'diff': {
      const periods = Number(step.periods ?? 1);
      return [`df[${pyString(`${column}_diff${periods}`)}] = differenced(df, ${pyString(column)}, ${periods}, ${where})`];
    }
    case 'rolling': {
      const window = Number(step.window);
      const stat = String(step.stat ?? 'mean');
      const minPeriods = step.minPeriods === undefined ? 'None' : String(step.minPeriods);
      return [`df[${pyString(`${column}_rolling_${stat}${window}`)}] = rolling_stat(df, ${pyString(column)}, ${window}, ${pyString(stat)}, min_periods=${minPeriods}, ${where})`];
    }
    case 'dateparts':
      return ((step.parts as string[] | undefined) ?? []).map((part) => `df[${pyString(`${column}_${part}`)}] = date_part(df[${pyString(column)}], ${pyString(part)})`);
    case 'ordinal': {
      const cols = pyLiteral((step.columns as string[] | undefined) ?? []);
      return ['if fit:', `    ${state}[${key}] = ordinal_categories(df, ${cols})`, `df = ordinal_encode(df, ${state}[${key}])`];
    }
    case 'target': {
      const cols = pyLiteral((step.columns as string[] | undefined) ?? []);
      return [
        'if fit:',
        `    ${state}[${key}] = target_means(df, ${cols}, ${pyString(String(step.target))}, smoothing=${Number(step.smoothing ?? 0)})`,
        `df = target_encode(df, ${state}[${key}])`,
      ];
    }
    default:
      throw new Error(`not a time step: ${step.op}`);
  }
}
