// Heavy cell content (Jupyter outputs, highlighted code, typeset markdown)
// renders only once its cell comes within a screen or two of the viewport,
// so a 1,000-cell notebook opens as fast as its first screen (bench
// app/open-4mb-notebook). Once rendered it stays rendered (scrolling back is
// free; counts of what is on the page only grow). Printing renders every
// cell first (beforeprint), as does a browser without IntersectionObserver.
import { useEffect, useState, type RefObject } from 'react';
import { idleTurns } from './idleQueue.ts';

/** How far outside the viewport a cell starts rendering: content is ready before it scrolls in. */
const MARGIN_PX = 1500;
const MARGIN = `${MARGIN_PX}px 0px`;

/**
 * Whether the element is near the viewport right now. The observer alone
 * missed a cell that mounted while its notebook was opened from behind the
 * course gallery (e2e/markup.e2e.ts; the exact cause in the observer was not
 * pinned down). A cell without a box counts as near: it renders at once, as
 * every cell did before near-viewport rendering.
 */
function nearNow(target: Element): boolean {
  const r = target.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return true;
  const h = typeof window !== 'undefined' ? window.innerHeight : 0;
  return r.bottom >= -MARGIN_PX && r.top <= h + MARGIN_PX;
}

type Wake = () => void;
const waiting = new Map<Element, Set<Wake>>();
/**
 * Cells that have come near once: whatever mounts in them later renders at
 * once. A far cell mounts as a shell (cellShell.ts) and its content (outputs,
 * typeset markdown) mounts when it comes near; had that content waited for
 * the observer anew, a cell scrolled past quickly would have kept a
 * placeholder.
 */
const woken = new WeakSet<Element>();
let observer: IntersectionObserver | null = null;
let everything = typeof IntersectionObserver === 'undefined';

function wake(target: Element): void {
  woken.add(target);
  const wakes = waiting.get(target);
  waiting.delete(target);
  observer?.unobserve(target);
  wakes?.forEach((w) => w());
}

function watch(target: Element, onNear: Wake): () => void {
  observer ??= new IntersectionObserver((entries) => {
    for (const e of entries) if (e.isIntersecting) wake(e.target);
  }, { rootMargin: MARGIN });
  let wakes = waiting.get(target);
  if (!wakes) {
    wakes = new Set();
    waiting.set(target, wakes);
    observer.observe(target);
  }
  wakes.add(onNear);
  return () => {
    wakes.delete(onNear);
    if (wakes.size === 0 && waiting.get(target) === wakes) {
      waiting.delete(target);
      observer?.unobserve(target);
    }
  };
}

/** Render every waiting cell now (printing, where the whole notebook is the page). */
export function renderAllCells(): void {
  everything = true;
  for (const target of [...waiting.keys()]) wake(target);
}

if (typeof window !== 'undefined') window.addEventListener('beforeprint', renderAllCells);

/**
 * Whether the element's cell (its article.cell, whose box is laid out even
 * under content-visibility: auto) has come near the viewport; latches true.
 */
export function useNearViewport(ref: RefObject<Element | null>, options: { measure?: boolean } = {}): boolean {
  const [near, setNear] = useState(everything);
  // `measure: false` leaves it to the observer (no forced layout on mount): for content that has
  // another way to appear when the observer is late, like a figure's or an editor's turn in the idle queue (idleQueue.ts).
  const measure = options.measure ?? true;
  useEffect(() => {
    const el = ref.current;
    if (near || !el) return;
    if (everything) {
      setNear(true);
      return;
    }
    const target = el.closest('article.cell') ?? el;
    if (woken.has(target) || (measure && nearNow(target))) {
      woken.add(target);
      setNear(true);
      return;
    }
    return watch(target, () => setNear(true));
  }, [near, ref, measure]);
  return near;
}

/**
 * A heavy widget's cue to be made (a figure, an editor): near the screen (the
 * observer only, no layout read on mount), or its turn in the idle queue
 * (idleQueue.ts), which also covers an observer that is late. Latches true.
 */
export function useNearOrIdle(ref: RefObject<Element | null>): boolean {
  const near = useNearViewport(ref, { measure: false });
  const [turn, setTurn] = useState(false);
  useEffect(() => {
    if (near || turn) return;
    return idleTurns.add(() => setTurn(true));
  }, [near, turn]);
  return near || turn;
}
