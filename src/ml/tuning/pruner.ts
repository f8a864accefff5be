// The median pruner (Optuna's MedianPruner): once n_startup_trials trials
// have completed and a trial is past its warm-up steps, stop it when its
// intermediate value (lower is better) is worse than the median of the
// completed trials' values at the same step. Bad trials end early and the
// saved time goes to new ones.
export interface PrunerOptions {
  /** Completed trials needed before anything is pruned. */
  nStartupTrials?: number;
  /** Steps (epochs) a trial always gets before it can be pruned. */
  nWarmupSteps?: number;
}

export class MedianPruner {
  private readonly nStartup: number;
  private readonly nWarmup: number;
  /** Intermediate values of completed trials: per trial, value by step. */
  private readonly completed: Map<number, number>[] = [];

  constructor(options: PrunerOptions = {}) {
    this.nStartup = options.nStartupTrials ?? 5;
    this.nWarmup = options.nWarmupSteps ?? 0;
  }

  /** Record a completed trial's intermediate values (pruned trials are not recorded). */
  addCompleted(intermediate: ReadonlyMap<number, number>): void {
    this.completed.push(new Map(intermediate));
  }

  shouldPrune(step: number, value: number): boolean {
    if (this.completed.length < this.nStartup || step <= this.nWarmup) return false;
    if (Number.isNaN(value)) return true;
    const others = this.completed.map((m) => m.get(step)).filter((v): v is number => typeof v === 'number' && !Number.isNaN(v));
    if (others.length === 0) return false;
    return value > median(others);
  }
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
