// Merge tuned values into train params. Names may be dotted paths into
// nested params ("gbdt.maxDepth", "hidden.1"); an integer "hidden" means one
// hidden layer of that size. Shared by the tune cell (each trial) and the
// train cell (paramsFrom: the best trial's values).
export function mergeTrialParams(base: Record<string, unknown>, values: Record<string, unknown>): Record<string, unknown> {
  const merged = structuredClone(base);
  for (const [name, value] of Object.entries(values)) {
    const path = name.split('.');
    let at: Record<string, unknown> = merged;
    for (const key of path.slice(0, -1)) {
      const next = at[key];
      at[key] = Array.isArray(next) ? [...(next as unknown[])] : typeof next === 'object' && next !== null ? { ...(next as object) } : {};
      at = at[key] as Record<string, unknown>;
    }
    const last = path[path.length - 1];
    at[last] = name === 'hidden' && typeof value === 'number' ? [value] : value;
  }
  return merged;
}
