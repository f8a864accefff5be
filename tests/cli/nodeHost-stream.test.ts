// The Node host (headless runner) reads a local file for a load cell in
// pieces: the table is the one the one-shot read gives, progress moves
// through the file, a cancel stops it, and a missing file says which path.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeHost } from '../../src/cli/nodeHost.ts';
import { loadCell, loadSchema } from '../../src/cells/load.ts';
import { CancelledError, CellError } from '../../src/core/errors.ts';
import { testContext } from '../helpers/context.ts';
import { rejection } from '../helpers/rejection.ts';

let dir: string;
const ROWS = 220_000;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlwb-stream-'));
  // Larger than the CSV stream's 4 MB batches, so progress has steps between 0 and 1.
  const rows = Array.from({ length: ROWS }, (_, i) => `${i},${(i / 8).toFixed(3)},2024-03-${String(1 + (i % 28)).padStart(2, '0')},"g, ${i % 5}"`);
  writeFileSync(join(dir, 'big.csv'), 'id,x,day,g\n' + rows.join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const params = () => loadSchema.parse({ source: { type: 'file', fileId: 'big.csv', fileName: 'big.csv' } });

describe('node host: streamed local files', () => {
  it('reads in pieces with the size; the load cell gets the one-shot table, with progress', async () => {
    const host = nodeHost({ notebookDir: dir, backend: () => 'cpu' });
    const stream = await host.readUserFileStream!('big.csv');
    const pieces: Uint8Array[] = [];
    for await (const piece of stream.chunks) pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.reduce((n, p) => n + p.length, 0)).toBe(stream.size);

    const streamed = testContext({}, host);
    await loadCell.run(params(), streamed);
    const oneShot = testContext({}, { ...host, readUserFileStream: undefined });
    await loadCell.run(params(), oneShot);
    expect(streamed.table('data').numRows()).toBe(ROWS);
    expect(streamed.table('data').objects()).toEqual(oneShot.table('data').objects());
    const fractions = streamed.progressEvents.filter((e) => e.phase === 'parse').map((e) => e.fraction ?? -1);
    expect(fractions.some((f) => f > 0 && f < 1)).toBe(true);
  });

  it('a cancel inside the file stops the load; an aborted signal reads nothing', async () => {
    const host = nodeHost({ notebookDir: dir, backend: () => 'cpu' });
    const ctx = testContext({}, host);
    ctx.progress = (p) => {
      ctx.progressEvents.push(p);
      if (p.phase === 'parse' && (p.fraction ?? 0) > 0 && (p.fraction ?? 1) < 1) ctx.controller.abort();
    };
    expect(await rejection(loadCell.run(params(), ctx))).toBeInstanceOf(CancelledError);
    expect(ctx.get('data')).toBeUndefined();
    expect(await rejection((async () => {
      for await (const _ of (await host.readUserFileStream!('big.csv', AbortSignal.abort())).chunks) void _;
    })())).toBeInstanceOf(CancelledError);
  });

  it('a missing file names its path on both paths', async () => {
    const host = nodeHost({ notebookDir: dir, backend: () => 'cpu' });
    for (const read of [() => host.readUserFile('nope.csv'), () => host.readUserFileStream!('nope.csv')]) {
      const e = await rejection(read());
      expect(e).toBeInstanceOf(CellError);
      expect((e as CellError).message).toBe(`Cannot read file "nope.csv": no such file (${join(dir, 'nope.csv')}).`);
    }
  });
});
