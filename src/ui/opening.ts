// Helpers of opening a notebook (Controller.openDoc, docs/app.md "Opening a
// notebook"): the page shows the notebook first, then the kernel and the
// store get it; each step leaves a User Timing mark.

/** A User Timing mark of a step in opening a notebook (read by bench/jupyter.bench.ts; shown in DevTools' performance panel). */
export function mark(step: string): void {
  performance.mark(`mlwb:open:${step}`);
}

/**
 * Resolves after the browser has painted the current state (the next frame,
 * then a task), so the work that follows does not delay it. A hidden tab
 * paints no frames: there it resolves after a task.
 */
export function afterPaint(): Promise<void> {
  return new Promise((done) => {
    const next = () => {
      document.removeEventListener('visibilitychange', next);
      setTimeout(done, 0);
    };
    if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') return next();
    requestAnimationFrame(next);
    document.addEventListener('visibilitychange', next);
  });
}
