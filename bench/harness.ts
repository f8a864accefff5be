// Benchmark harness: each benchmark measures a value and a reference in the
// same process and reports the ratio, one JSON object per line:
// {"bench": "<area>/<name>", "value", "unit", "reference", "ref_value", "ratio"}.

export interface BenchResult {
  bench: string;
  value: number;
  unit: string;
  reference: string;
  ref_value: number;
  ratio: number;
  /** Extra context (sizes, backend); printed after the contract fields. */
  [extra: string]: unknown;
}

export interface Benchmark {
  /** "<area>/<name>", area one of app, data, models, course. */
  name: string;
  run(): Promise<BenchResult[]>;
}

export function result(bench: string, value: number, unit: string, reference: string, refValue: number, extra: Record<string, unknown> = {}): BenchResult {
  return { bench, value: round(value), unit, reference, ref_value: round(refValue), ratio: round(value / refValue, 4), ...extra };
}

function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = (s.length - 1) / 2;
  return (s[Math.floor(m)] + s[Math.ceil(m)]) / 2;
}

/** Median wall time (ms) of `repeat` runs after `warmup` runs. */
export async function timeIt(fn: () => unknown, repeat = 5, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}
