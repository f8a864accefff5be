// A transform pipeline: ordered steps, fitted once on a training table and
// then applied unchanged to any table (validation, test, new data). Each
// step is fitted on the training table as transformed by the steps before it.
import type { ColumnTable } from 'arquero';
import type { FittedTransform } from '../../core/values.ts';
import { checkAborted } from '../../core/errors.ts';
import type { FittedStep } from './common.ts';
import type { Step } from './schema.ts';
import { fitSelect } from './select.ts';
import { fitDrop } from './drop.ts';
import { fitRename } from './rename.ts';
import { fitDerive } from './derive.ts';
import { fitFilter } from './filter.ts';
import { fitImpute } from './impute.ts';
import { fitScale } from './scale.ts';
import { fitOnehot } from './onehot.ts';
import { fitShift } from './lag.ts';
import { fitDiff } from './diff.ts';
import { fitRolling } from './rolling.ts';
import { fitDateparts } from './dateparts.ts';
import { fitDeltas, fitGaps } from './events.ts';
import { fitBin } from './bin.ts';
import { fitOrdinal, fitTargetEncode } from './encode.ts';
import { fitHoliday } from './holiday.ts';

export function fitStep(step: Step, table: ColumnTable, index: number): FittedStep {
  switch (step.op) {
    case 'select': return fitSelect(step, table, index);
    case 'drop': return fitDrop(step, table, index);
    case 'rename': return fitRename(step, table, index);
    case 'derive': return fitDerive(step, table, index);
    case 'filter': return fitFilter(step, table, index);
    case 'impute': return fitImpute(step, table, index);
    case 'scale': return fitScale(step, table, index);
    case 'onehot': return fitOnehot(step, table, index);
    case 'lag':
    case 'lead':
    case 'shiftTarget': return fitShift(step, table, index);
    case 'diff': return fitDiff(step, table, index);
    case 'rolling': return fitRolling(step, table, index);
    case 'dateparts': return fitDateparts(step, table, index);
    case 'gaps': return fitGaps(step, table, index);
    case 'deltas': return fitDeltas(step, table, index);
    case 'bin': return fitBin(step, table, index);
    case 'ordinal': return fitOrdinal(step, table, index);
    case 'target': return fitTargetEncode(step, table, index);
    case 'holiday': return fitHoliday(step, table, index);
  }
}

export interface FittedPipeline extends FittedTransform {
  readonly steps: readonly FittedStep[];
  /** The training table after all steps (computed while fitting). */
  readonly fitted: ColumnTable;
}

/** Fit the steps on `table` (the training data) and return the fitted pipeline. */
export function fitPipeline(steps: readonly Step[], table: ColumnTable, signal?: AbortSignal): FittedPipeline {
  const fittedSteps: FittedStep[] = [];
  // Work on materialized rows: steps read whole columns by position.
  let current = table.reify();
  steps.forEach((step, i) => {
    checkAborted(signal);
    const fitted = fitStep(step, current, i);
    current = fitted.apply(current);
    fittedSteps.push(fitted);
  });
  return {
    steps: fittedSteps,
    fitted: current,
    apply(t: ColumnTable): ColumnTable {
      let out = t.reify();
      for (const s of fittedSteps) out = s.apply(out);
      return out;
    },
    toJSON() {
      return { steps: fittedSteps.map((s) => (s.state === undefined ? { ...s.step } : { ...s.step, state: s.state })) };
    },
  };
}
