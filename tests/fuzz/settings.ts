// Fuzzing settings: CI runs a fixed seed and a bounded number of cases;
// `npm run fuzz` (FUZZ_RUNS=5000 and a fresh seed that fast-check prints on
// failure) runs longer. FUZZ_SEED replays a failure.
const envRuns = process.env.FUZZ_RUNS !== undefined ? Number(process.env.FUZZ_RUNS) : undefined;
const envSeed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : undefined;
export const CI_SEED = 20261121;

export function fuzzOptions(defaultRuns = 200): { numRuns: number; seed?: number } {
  const numRuns = envRuns ?? defaultRuns;
  const seed = envSeed ?? (envRuns === undefined ? CI_SEED : undefined);
  return seed === undefined ? { numRuns } : { numRuns, seed };
}
