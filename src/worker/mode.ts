// Which kind of kernel worker this is: the classic bundle that runs in the
// sandboxed frame sets it (kernel.sandbox.ts) before the kernel module runs,
// so the kernel picks its stores and host services as it starts.
let sandboxed = false;

export function markSandboxed(): void {
  sandboxed = true;
}

/** True in the sandboxed frame's worker: no IndexedDB, no app origin; the app does storage and fetching. */
export function isSandboxed(): boolean {
  return sandboxed;
}
