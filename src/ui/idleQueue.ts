// Heavy widgets far below the screen (Plotly figures, Monaco editors) are
// made when the page has nothing else to do, one per idle moment, instead of
// all at once while cells are still running: a first Run all of session-drop
// drew ~45 Plotly figures and made its code cells' editors on the page's
// main thread (~3 s of its ~7 s), each forcing a layout of the whole page
// (docs/performance.md "session-drop"). A widget near the screen is made at
// once (nearViewport.ts); the rest follow here, so every one is there
// shortly after the page settles, without a scroll.

type Turn = () => void;

type IdleScheduler = (callback: () => void) => void;

/**
 * Longest wait for an idle moment. A busy or loaded machine may have none for
 * long (a page whose frames overrun their budget never goes idle): past this
 * the turn is taken anyway, still one per task, so the queue always drains.
 */
export const IDLE_TIMEOUT_MS = 300;

/** requestIdleCallback where the browser has it; elsewhere a short timer (tests, old Safari). */
function defaultScheduler(): IdleScheduler {
  const w = typeof window !== 'undefined' ? (window as Window & { requestIdleCallback?: (cb: () => void, options?: { timeout: number }) => number }) : undefined;
  if (w?.requestIdleCallback) return (cb) => void w.requestIdleCallback!(cb, { timeout: IDLE_TIMEOUT_MS });
  return (cb) => void setTimeout(cb, 50);
}

/** A queue of waiting widgets, each given its turn in its own idle callback. */
export class IdleQueue {
  private readonly waiting: Turn[] = [];
  private scheduled = false;
  private held = false;

  constructor(private readonly schedule: IdleScheduler = defaultScheduler()) {}

  /** Queue a widget's turn; the returned function takes it off the queue (unmounted, or near the screen first). */
  add(turn: Turn): () => void {
    this.waiting.push(turn);
    this.next();
    return () => {
      const at = this.waiting.indexOf(turn);
      if (at >= 0) this.waiting.splice(at, 1);
    };
  }

  /**
   * While cells run, turns wait: the page's main thread relays the kernel's
   * events and host calls then, and a turn (~70–100 ms) would delay them.
   * Idle moments between a run's messages are many but short.
   */
  hold(held: boolean): void {
    this.held = held;
    this.next();
  }

  get size(): number {
    return this.waiting.length;
  }

  private next(): void {
    if (this.scheduled || this.held || this.waiting.length === 0) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      if (this.held) return;
      // One per idle moment: a figure or an editor takes longer than an idle period (~70 ms against
      // ≤ 50 ms), so the next waits until the page is idle again.
      this.waiting.shift()?.();
      this.next();
    });
  }
}

/** The page's queue of figures and editors waiting to be made. */
export const idleTurns = new IdleQueue();
