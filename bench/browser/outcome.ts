// What the data bench page (bench/browser/main.ts) leaves in window.__bench
// for bench/browser.bench.ts to read: one engine's load + profile of a CSV.
export interface BenchOutcome {
  engine: string;
  rows: number;
  bytes: number;
  load_ms: number;
  profile_ms: number;
  total_ms: number;
  js_heap_mb?: number;
  error?: string;
}
