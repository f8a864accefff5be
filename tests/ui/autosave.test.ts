import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memory.ts';
import type { NotebookRecord } from '../../src/store/types.ts';
import { Autosave, type AutosaveHost, type SavedMessage } from '../../src/ui/saving/autosave.ts';
import { PENDING_KEY, recoverPending, writePending, type PendingStorage } from '../../src/ui/saving/pending.ts';

/** A store whose writes wait until released, counting how many are in flight at once. */
class SlowStore extends MemoryStore {
  inFlight = 0;
  maxInFlight = 0;
  writes: string[] = [];
  private gates: (() => void)[] = [];
  override async putNotebook(record: NotebookRecord, options?: { expectedRevision?: number }): Promise<number> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise<void>((r) => this.gates.push(r));
    try {
      const rev = await super.putNotebook(record, options);
      this.writes.push(record.ipynb);
      return rev;
    } finally {
      this.inFlight--;
    }
  }
  /** Let every waiting write go, until none waits. */
  async drain(): Promise<void> {
    for (let i = 0; i < 50; i++) {
      await new Promise((r) => setTimeout(r, 0));
      const g = this.gates.shift();
      if (g) g();
    }
  }
}

function tab(store: MemoryStore, id = 'user:nb', tabId = 'tab:a') {
  let content = 'v0';
  let edits = 0;
  const events: string[] = [];
  const broadcasts: SavedMessage[] = [];
  const host: AutosaveHost = {
    store,
    tabId,
    notebookId: () => id,
    snapshot: () => ({ record: { id, title: 't', ipynb: content, updatedAt: Date.now() }, version: edits }),
    version: () => edits,
    broadcast: (m) => broadcasts.push(m),
    onState: (s) => events.push(s),
    onConflict: () => events.push('conflict'),
    onError: (m) => events.push(`error:${m}`),
  };
  const saver = new Autosave(host);
  return {
    saver,
    events,
    broadcasts,
    edit(text: string) {
      content = text;
      edits++;
    },
  };
}

describe('autosave single-flight', () => {
  it('keeps one write in flight and writes the latest state last, with no conflict', async () => {
    const store = new SlowStore();
    const t = tab(store);
    t.saver.reset(undefined);
    const saves: Promise<void>[] = [];
    for (let i = 1; i <= 20; i++) {
      t.edit(`v${i}`);
      saves.push(t.saver.save());
    }
    await store.drain();
    await Promise.all(saves);
    expect(store.maxInFlight).toBe(1);
    // The first write, then one coalesced write of the latest state.
    expect(store.writes).toEqual(['v1', 'v20']);
    expect(t.events).not.toContain('conflict');
    expect(t.events[t.events.length - 1]).toBe('saved');
    expect((await store.getNotebook('user:nb'))?.ipynb).toBe('v20');
    expect((await store.getNotebook('user:nb'))?.writer).toBe('tab:a');
  });

  it('says unsaved when an edit came during the write, then saved after the next one', async () => {
    const store = new SlowStore();
    const t = tab(store);
    t.saver.reset(undefined);
    const first = t.saver.save();
    await new Promise((r) => setTimeout(r, 0));
    t.edit('later');
    await store.drain();
    await first;
    expect(t.events).toEqual(['saving', 'unsaved']);
    const second = t.saver.save();
    await store.drain();
    await second;
    expect(t.events.slice(-1)).toEqual(['saved']);
  });

  it('never takes its own revisions for another tab, even out of order', async () => {
    const store = new MemoryStore();
    const t = tab(store);
    t.saver.reset(undefined);
    for (let i = 0; i < 5; i++) {
      t.edit(`v${i}`);
      await t.saver.save();
    }
    // Its own messages (same tab) and a stale copy of an own revision from a second channel.
    for (const m of t.broadcasts) expect(t.saver.isOtherTabSave(m)).toBe(false);
    expect(t.saver.isOtherTabSave({ ...t.broadcasts[1], tab: 'tab:other-channel' })).toBe(false);
    expect(t.saver.conflict).toBe(false);
  });

  it('sees a newer save by another tab, and then stops writing', async () => {
    const store = new MemoryStore();
    const a = tab(store, 'user:nb', 'tab:a');
    const b = tab(store, 'user:nb', 'tab:b');
    a.saver.reset(undefined);
    await a.saver.save();
    b.saver.reset(a.saver.revision);
    b.edit('from b');
    await b.saver.save();
    expect(a.saver.isOtherTabSave(b.broadcasts[0])).toBe(true);
    a.edit('from a');
    await a.saver.save();
    expect((await store.getNotebook('user:nb'))?.ipynb).toBe('from b');
  });

  it('refuses to overwrite another tab when no message arrived (revision check)', async () => {
    const store = new MemoryStore();
    const a = tab(store, 'user:nb', 'tab:a');
    const b = tab(store, 'user:nb', 'tab:b');
    a.saver.reset(undefined);
    await a.saver.save();
    b.saver.reset(a.saver.revision);
    await b.saver.save();
    a.edit('stale');
    await a.saver.save();
    expect(a.events).toContain('conflict');
    expect(a.saver.conflict).toBe(true);
  });
});

function memoryStorage(): PendingStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

describe('pending save on leaving the page', () => {
  it('a write of its own that committed after the base revision does not turn the pending state into a copy', async () => {
    const store = new MemoryStore();
    const base = await store.putNotebook({ id: 'user:nb', title: 't', ipynb: 'cells 1-9', updatedAt: 1 });
    // The tab left during a run: its in-flight save (cells 1-9, older) committed as base+1 ...
    await store.putNotebook({ id: 'user:nb', title: 't', ipynb: 'cells 1-9', updatedAt: 2, writer: 'tab:a' }, { expectedRevision: base });
    // ... after it had put the newer state (cells 1-22) in localStorage on the base revision.
    const storage = memoryStorage();
    writePending(storage, { id: 'user:nb', title: 't', ipynb: 'cells 1-22', updatedAt: 3, baseRevision: base, tab: 'tab:a' });
    await recoverPending(storage, store, async () => undefined);
    expect((await store.getNotebook('user:nb'))?.ipynb).toBe('cells 1-22');
    expect((await store.listNotebooks()).length).toBe(1);
    expect(storage.map.has(PENDING_KEY)).toBe(false);
  });

  it("another tab's newer revision is kept; the pending edits become a recovered copy", async () => {
    const store = new MemoryStore();
    const base = await store.putNotebook({ id: 'user:nb', title: 't', ipynb: 'base', updatedAt: 1 });
    await store.putNotebook({ id: 'user:nb', title: 't', ipynb: 'other tab', updatedAt: 2, writer: 'tab:b' }, { expectedRevision: base });
    const storage = memoryStorage();
    writePending(storage, { id: 'user:nb', title: 't', ipynb: 'mine', updatedAt: 3, baseRevision: base, tab: 'tab:a' });
    await recoverPending(storage, store, async () => undefined);
    expect((await store.getNotebook('user:nb'))?.ipynb).toBe('other tab');
    const list = await store.listNotebooks();
    expect(list.map((n) => n.title).sort()).toEqual(['t', 't (recovered)']);
  });

  it('an older pending state never replaces a newer stored one', async () => {
    const store = new MemoryStore();
    await store.putNotebook({ id: 'user:nb', title: 't', ipynb: 'newer', updatedAt: 10 });
    const storage = memoryStorage();
    writePending(storage, { id: 'user:nb', title: 't', ipynb: 'older', updatedAt: 5, baseRevision: 1, tab: 'tab:a' });
    await recoverPending(storage, store, async () => undefined);
    expect((await store.getNotebook('user:nb'))?.ipynb).toBe('newer');
  });
});
