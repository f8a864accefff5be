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

export interface Timing {
  /** Median wall time, ms. */
  wall: number;
  /** Median CPU time of this process (user + system), ms: less sensitive to other processes on a shared machine. */
  cpu: number;
}

/**
 * Time several functions against each other: after `warmup` rounds, each
 * of `repeat` rounds runs every function once, in an order that alternates
 * (forwards, then backwards), so a load change on a shared machine hits all
 * of them alike; the median of the rounds is reported.
 */
export async function timeInterleaved<K extends string>(fns: Record<K, () => unknown>, repeat = 5, warmup = 1): Promise<Record<K, Timing>> {
  const names = Object.keys(fns) as K[];
  for (let i = 0; i < warmup; i++) for (const k of names) await fns[k]();
  const wall = new Map<K, number[]>(names.map((k) => [k, []]));
  const cpu = new Map<K, number[]>(names.map((k) => [k, []]));
  for (let round = 0; round < repeat; round++) {
    for (const k of round % 2 === 0 ? names : [...names].reverse()) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await fns[k]();
      wall.get(k)!.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.get(k)!.push((c.user + c.system) / 1000);
    }
  }
  return Object.fromEntries(names.map((k) => [k, { wall: median(wall.get(k)!), cpu: median(cpu.get(k)!) }])) as Record<K, Timing>;
}
