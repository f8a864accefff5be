// rolling: a statistic over the trailing window of `window` rows (the
// current one included) within each group, in time order — pandas
// groupby(by)[column].rolling(window, min_periods).<stat>(). Missing values
// are skipped; the result is null when fewer than minPeriods values (default
// the window, as in pandas) are present. std is the sample std (ddof 1), so
// a single value gives null. Computed directly per window (pandas uses
// running sums: results agree to rounding, ~1e-12).
import type { ColumnTable } from 'arquero';
import type { FittedStep } from './common.ts';
import { orderedGroups } from './order.ts';
import { requireNumeric } from './diff.ts';
import type { StepOf } from './schema.ts';

function windowStat(xs: number[], stat: StepOf<'rolling'>['stat']): number | null {
  const n = xs.length;
  switch (stat) {
    case 'sum': return xs.reduce((a, b) => a + b, 0);
    case 'mean': return xs.reduce((a, b) => a + b, 0) / n;
    case 'min': return Math.min(...xs);
    case 'max': return Math.max(...xs);
    case 'std': {
      if (n < 2) return null;
      const m = xs.reduce((a, b) => a + b, 0) / n;
      const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1);
      return Math.sqrt(v);
    }
  }
}

export function fitRolling(step: StepOf<'rolling'>, _table: ColumnTable, index: number): FittedStep {
  const name = `${step.column}_rolling_${step.stat}${step.window}`;
  const minPeriods = step.minPeriods ?? step.window;
  return {
    step,
    apply(t) {
      const values = requireNumeric(t, step.column, index, step);
      const out = new Array<number | null>(values.length).fill(null);
      for (const g of orderedGroups(t, step.by, step.orderBy, index, step)) {
        for (let i = 0; i < g.length; i++) {
          const xs: number[] = [];
          for (let j = Math.max(0, i - step.window + 1); j <= i; j++) {
            const v = values[g[j]];
            if (v !== null) xs.push(v);
          }
          if (xs.length > 0 && xs.length >= minPeriods) out[g[i]] = windowStat(xs, step.stat);
        }
      }
      return t.assign({ [name]: out });
    },
  };
}
