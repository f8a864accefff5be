import { describe, expect, it } from 'vitest';
import { IdleQueue } from '../../src/ui/idleQueue.ts';

/** A scheduler the test drives: each idle() call runs the one pending idle callback. */
function manual() {
  const pending: (() => void)[] = [];
  return { schedule: (cb: () => void) => void pending.push(cb), idle: () => pending.shift()?.(), pending };
}

describe('IdleQueue', () => {
  it('gives one waiting draw its turn per idle moment, in the order they came', () => {
    const s = manual();
    const q = new IdleQueue(s.schedule);
    const drawn: string[] = [];
    q.add(() => drawn.push('a'));
    q.add(() => drawn.push('b'));
    q.add(() => drawn.push('c'));
    expect(s.pending.length).toBe(1);
    s.idle();
    expect(drawn).toEqual(['a']);
    s.idle();
    s.idle();
    expect(drawn).toEqual(['a', 'b', 'c']);
    expect(s.pending.length).toBe(0);
  });

  it('skips a draw taken off the queue (the figure came near the screen or was removed)', () => {
    const s = manual();
    const q = new IdleQueue(s.schedule);
    const drawn: string[] = [];
    q.add(() => drawn.push('a'));
    const cancel = q.add(() => drawn.push('b'));
    q.add(() => drawn.push('c'));
    cancel();
    s.idle();
    s.idle();
    expect(drawn).toEqual(['a', 'c']);
    expect(q.size).toBe(0);
    s.idle();
    expect(drawn).toEqual(['a', 'c']);
  });

  it('starts again when a draw is queued after the queue ran dry', () => {
    const s = manual();
    const q = new IdleQueue(s.schedule);
    const drawn: string[] = [];
    q.add(() => drawn.push('a'));
    s.idle();
    expect(s.pending.length).toBe(0);
    q.add(() => drawn.push('b'));
    s.idle();
    expect(drawn).toEqual(['a', 'b']);
  });

  it('gives no turns while held (cells running), and goes on when released', () => {
    const s = manual();
    const q = new IdleQueue(s.schedule);
    const drawn: string[] = [];
    q.add(() => drawn.push('a'));
    q.hold(true);
    q.add(() => drawn.push('b'));
    s.idle();
    expect(drawn).toEqual([]);
    expect(s.pending.length).toBe(0);
    q.hold(false);
    s.idle();
    s.idle();
    expect(drawn).toEqual(['a', 'b']);
  });
});
