// A study: propose parameters, run the objective, record the result, until
// the trial budget or the time limit is spent. Values are minimised. Each
// trial gets its own AbortController, aborted when the pruner stops it or
// when the whole run is cancelled, so a training loop stops between batches.
import { CancelledError, checkAborted, isCancelled } from '../../core/errors.ts';
import { seededRandom } from '../../core/random.ts';
import type { MedianPruner } from './pruner.ts';
import type { Observation, Sampler } from './samplers.ts';
import type { ParamDef, ParamValues } from './space.ts';
import { checkSpace } from './space.ts';

export type TrialState = 'complete' | 'pruned';

export interface TrialRecord {
  /** 1-based. */
  number: number;
  params: ParamValues;
  /** The objective (complete) or the last intermediate value (pruned). */
  value: number;
  state: TrialState;
  /** Steps reported, e.g. epochs trained. */
  steps: number;
  seconds: number;
}

/** What an objective gets besides the parameters. */
export interface Trial {
  readonly number: number;
  /** Aborted when this trial is pruned or the study is cancelled. */
  readonly signal: AbortSignal;
  /** Report an intermediate value (lower is better) at a step; returns true if the trial should stop. */
  report(step: number, value: number): boolean;
  readonly pruned: boolean;
}

export type Objective = (params: ParamValues, trial: Trial) => Promise<number>;

export interface StudyOptions {
  space: readonly ParamDef[];
  sampler: Sampler;
  objective: Objective;
  nTrials: number;
  /** Stop starting trials after this many seconds (0 = no limit). */
  timeLimitSeconds?: number;
  seed: number;
  pruner?: MedianPruner;
  signal?: AbortSignal;
  onTrial?: (trial: TrialRecord, best: TrialRecord | undefined) => void;
}

export interface StudyResult {
  trials: TrialRecord[];
  best?: TrialRecord;
  /** True when the time limit ended the study before the trial budget. */
  timedOut: boolean;
}

export async function runStudy(options: StudyOptions): Promise<StudyResult> {
  checkSpace(options.space);
  const random = seededRandom(options.seed);
  const started = performance.now();
  const trials: TrialRecord[] = [];
  const observations: Observation[] = [];
  let best: TrialRecord | undefined;
  let timedOut = false;
  for (let number = 1; number <= options.nTrials; number++) {
    checkAborted(options.signal);
    const limit = options.timeLimitSeconds ?? 0;
    if (limit > 0 && (performance.now() - started) / 1000 >= limit) {
      timedOut = true;
      break;
    }
    const params = options.sampler.sample(options.space, observations, random);
    const record = await runTrial(number, params, options);
    trials.push(record);
    // Pruned trials count as the worst observations for the sampler.
    observations.push({ params, value: record.state === 'complete' && !Number.isNaN(record.value) ? record.value : Infinity });
    if (record.state === 'complete' && !Number.isNaN(record.value) && (!best || record.value < best.value)) best = record;
    options.onTrial?.(record, best);
  }
  return { trials, best, timedOut };
}

async function runTrial(number: number, params: ParamValues, options: StudyOptions): Promise<TrialRecord> {
  const controller = new AbortController();
  const outer = options.signal;
  const forward = () => controller.abort();
  outer?.addEventListener('abort', forward, { once: true });
  const intermediate = new Map<number, number>();
  let pruned = false;
  const trial: Trial = {
    number,
    signal: controller.signal,
    get pruned() {
      return pruned;
    },
    report(step, value) {
      intermediate.set(step, value);
      if (!pruned && options.pruner?.shouldPrune(step, value)) {
        pruned = true;
        controller.abort();
      }
      return pruned;
    },
  };
  const t0 = performance.now();
  const seconds = () => (performance.now() - t0) / 1000;
  const lastIntermediate = () => {
    const steps = [...intermediate.keys()];
    return steps.length ? (intermediate.get(Math.max(...steps)) as number) : NaN;
  };
  try {
    const value = await options.objective(params, trial);
    if (pruned) return { number, params, value: lastIntermediate(), state: 'pruned', steps: intermediate.size, seconds: seconds() };
    options.pruner?.addCompleted(intermediate);
    return { number, params, value, state: 'complete', steps: intermediate.size, seconds: seconds() };
  } catch (error) {
    if (outer?.aborted) throw new CancelledError();
    if (pruned && isCancelled(error)) return { number, params, value: lastIntermediate(), state: 'pruned', steps: intermediate.size, seconds: seconds() };
    throw error;
  } finally {
    outer?.removeEventListener('abort', forward);
  }
}
