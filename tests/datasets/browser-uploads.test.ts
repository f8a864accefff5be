// The browser host's uploads (src/datasets/browser.ts) over a MemoryStore
// holding Blobs, as the worker has them from IndexedDB: readUserFileStream
// gives the Blob's stream() pieces, the load cell parses them as they come
// and gets the table the one-shot readUserFile path gets.
import { describe, expect, it } from 'vitest';
import { browserHost } from '../../src/datasets/browser.ts';
import { MemoryStore } from '../../src/store/memory.ts';
import { loadCell, loadSchema } from '../../src/cells/load.ts';
import { CancelledError, CellError } from '../../src/core/errors.ts';
import type { HostServices } from '../../src/core/host.ts';
import { testContext } from '../helpers/context.ts';
import { rejection } from '../helpers/rejection.ts';

const MISSING = 'There is no uploaded file with id "gone" in this browser.';

async function hostWith(files: Record<string, Blob>): Promise<HostServices> {
  const store = new MemoryStore();
  for (const [id, blob] of Object.entries(files)) await store.putFile({ id, name: `${id}.csv`, type: 'text/csv', size: blob.size, blob, createdAt: 0 });
  return browserHost({ store: async () => store, backend: () => 'cpu' });
}

/**
 * Chromium's Blob.stream() gives ~64 KB pieces whatever the Blob was made
 * of; Node's gives one piece per part it was built from, so the test builds
 * it from 64 KB parts to read like the browser does.
 */
function browserLikeBlob(bytes: Uint8Array): Blob {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let at = 0; at < bytes.length; at += 65_536) parts.push(new Uint8Array(bytes.subarray(at, at + 65_536)));
  return new Blob(parts);
}

/** Larger than the CSV stream's 4 MB batches, so progress has steps between 0 and 1. */
function bigCsv(): Uint8Array {
  const rows = Array.from({ length: 220_000 }, (_, i) => `${i},${(i / 8).toFixed(3)},2024-03-${String(1 + (i % 28)).padStart(2, '0')},${i % 3 === 0},"g, ${i % 5}"`);
  return new TextEncoder().encode('id,x,day,flag,g\n' + rows.join('\n') + '\n');
}

/** A Blob whose stream gives one piece and then never another, and records being cancelled. */
class StalledBlob extends Blob {
  cancelled = false;
  override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    let sent = false;
    return new ReadableStream<Uint8Array<ArrayBuffer>>({
      pull: (controller) => {
        if (!sent) {
          sent = true;
          controller.enqueue(new Uint8Array(new TextEncoder().encode('a,b\n1,2\n')));
          return;
        }
        return new Promise<void>(() => undefined);
      },
      cancel: () => {
        this.cancelled = true;
      },
    });
  }
}

describe('browser host: streamed uploads', () => {
  it('streams a stored Blob in pieces with its size; the load cell gets the one-shot table, with progress', async () => {
    const file = bigCsv();
    const host = await hostWith({ big: browserLikeBlob(file) });
    expect(host.readUserFileStream).toBeDefined();
    const stream = await host.readUserFileStream!('big');
    expect(stream.size).toBe(file.length);
    const pieces: Uint8Array[] = [];
    for await (const piece of stream.chunks) pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(1);
    expect(Buffer.concat(pieces).equals(Buffer.from(file))).toBe(true);

    const params = loadSchema.parse({ source: { type: 'file', fileId: 'big', fileName: 'big.csv' } });
    const streamed = testContext({}, host);
    await loadCell.run(params, streamed);
    const oneShot = testContext({}, { ...host, readUserFileStream: undefined });
    await loadCell.run(params, oneShot);
    expect(streamed.table('data').numRows()).toBe(220_000);
    expect(streamed.table('data').columnNames()).toEqual(oneShot.table('data').columnNames());
    expect(streamed.table('data').objects()).toEqual(oneShot.table('data').objects());
    const fractions = streamed.progressEvents.filter((e) => e.phase === 'parse').map((e) => e.fraction ?? -1);
    expect(fractions.some((f) => f > 0 && f < 1)).toBe(true);
    expect(fractions.at(-1)).toBe(1);
  });

  it('cancel stops a streamed load: a stalled read ends at once and the reader is cancelled', async () => {
    const stalled = new StalledBlob(['unused']);
    const host = await hostWith({ big: browserLikeBlob(bigCsv()), stalled });
    const controller = new AbortController();
    const stream = await host.readUserFileStream!('stalled', controller.signal);
    const it = stream.chunks[Symbol.asyncIterator]();
    expect(new TextDecoder().decode((await it.next()).value as Uint8Array)).toBe('a,b\n1,2\n');
    const pending = it.next(); // the stream has nothing more: this read waits until cancelled
    controller.abort();
    expect(await rejection(pending)).toBeInstanceOf(CancelledError);
    expect(stalled.cancelled).toBe(true);

    // Through the load cell: cancel at the first progress step inside the file.
    const params = loadSchema.parse({ source: { type: 'file', fileId: 'big', fileName: 'big.csv' } });
    const ctx = testContext({}, host);
    ctx.progress = (p) => {
      ctx.progressEvents.push(p);
      if (p.phase === 'parse' && (p.fraction ?? 0) > 0 && (p.fraction ?? 1) < 1) ctx.controller.abort();
    };
    expect(await rejection(loadCell.run(params, ctx))).toBeInstanceOf(CancelledError);
    expect(ctx.get('data')).toBeUndefined();
    // A signal already aborted reads nothing.
    expect(await rejection((async () => {
      for await (const _ of (await host.readUserFileStream!('big', AbortSignal.abort())).chunks) void _;
    })())).toBeInstanceOf(CancelledError);
  });

  it('a missing upload gets the same message on both paths, located by the load cell', async () => {
    const host = await hostWith({});
    for (const read of [() => host.readUserFile('gone'), () => host.readUserFileStream!('gone')]) {
      const e = await rejection(read());
      expect(e).toBeInstanceOf(CellError);
      expect((e as CellError).message).toBe(MISSING);
      expect((e as CellError).hint).toMatch(/Upload the file again/);
    }
    const e = await rejection(loadCell.run(loadSchema.parse({ source: { type: 'file', fileId: 'gone', fileName: 'x.csv' } }), testContext({}, host)));
    expect((e as CellError).message).toBe(MISSING);
  });
});
