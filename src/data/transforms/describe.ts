// One readable line for the feature steps (the transform cell's source view).
import type { StepOf } from './schema.ts';

type FeatureStep = StepOf<'lag' | 'lead' | 'diff' | 'rolling' | 'dateparts' | 'gaps' | 'deltas' | 'bin' | 'shiftTarget' | 'ordinal' | 'target' | 'holiday'>;

export function describeFeatureStep(step: FeatureStep): string {
  const by = 'by' in step && step.by ? ` per ${step.by}` : '';
  const order = 'orderBy' in step && step.orderBy ? ` ordered by ${step.orderBy}` : '';
  switch (step.op) {
    case 'lag':
    case 'lead': return `${step.op} ${step.column} by ${step.periods.join(', ')}${by}${order}`;
    case 'diff': return `diff ${step.column} (${step.periods})${by}${order}`;
    case 'rolling': return `rolling ${step.stat} of ${step.column} over ${step.window} rows${by}${order}`;
    case 'dateparts': return `date parts of ${step.column}: ${step.parts.join(', ')}`;
    case 'gaps': return `${step.name} = seconds since previous ${step.time}${by}`;
    case 'deltas': return `${step.prefix}* = change of ${step.columns.join(', ')}${by}${order}${step.clip ? ' (≥ 0)' : ''}`;
    case 'bin': return `bin ${step.column} into ${Array.isArray(step.bins) ? `edges ${step.bins.join(', ')}` : `${step.bins} bins`}`;
    case 'shiftTarget': return `${step.name ?? `target_lead${step.lead}`} = ${step.column} ${step.lead} rows ahead${by}${order}`;
    case 'ordinal': return `ordinal ${step.columns.join(', ')}`;
    case 'holiday': return `${step.name} = ${step.column} is a holiday (${[step.dates.length ? `${step.dates.length} date${step.dates.length === 1 ? '' : 's'}` : '', step.from ? `${step.from.table}.${step.from.column}` : ''].filter(Boolean).join(' + ')})`;
    case 'target': return `target-encode ${step.columns.join(', ')} by mean ${step.target} (smoothing ${step.smoothing})`;
  }
}
