// Opening a notebook paints first (src/ui/opening.ts): the kernel and the
// store get the notebook only after the browser has drawn a frame of it, and
// a hidden tab (no frames) is not left waiting.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterPaint, mark } from '../../src/ui/opening.ts';

type FakeDocument = { visibilityState: string; listeners: Set<() => void>; addEventListener(t: string, f: () => void): void; removeEventListener(t: string, f: () => void): void };

function fakePage(visibility: 'visible' | 'hidden') {
  const frames: (() => void)[] = [];
  const doc: FakeDocument = {
    visibilityState: visibility,
    listeners: new Set(),
    addEventListener: (_t, f) => doc.listeners.add(f),
    removeEventListener: (_t, f) => doc.listeners.delete(f),
  };
  vi.stubGlobal('document', doc);
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
  return { frames, doc };
}

async function settled(p: Promise<void>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((r) => setTimeout(r, 5));
  return done;
}

afterEach(() => vi.unstubAllGlobals());

describe('afterPaint', () => {
  it('waits for the next frame, then resolves', async () => {
    const { frames } = fakePage('visible');
    const painted = afterPaint();
    expect(await settled(painted)).toBe(false);
    expect(frames).toHaveLength(1);
    frames[0]();
    expect(await settled(painted)).toBe(true);
  });

  it('does not wait for a frame in a hidden tab', async () => {
    const { frames } = fakePage('hidden');
    expect(await settled(afterPaint())).toBe(true);
    expect(frames).toHaveLength(0);
  });

  it('stops waiting when the tab is hidden before the frame', async () => {
    const { doc } = fakePage('visible');
    const painted = afterPaint();
    expect(await settled(painted)).toBe(false);
    doc.visibilityState = 'hidden';
    for (const f of [...doc.listeners]) f();
    expect(await settled(painted)).toBe(true);
    expect(doc.listeners.size).toBe(0);
  });
});

describe('mark', () => {
  it('leaves a User Timing mark named after the step', () => {
    performance.clearMarks();
    mark('painted');
    expect(performance.getEntriesByType('mark').map((m) => m.name)).toEqual(['mlwb:open:painted']);
  });
});
