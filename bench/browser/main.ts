/// <reference types="vite/client" />
// The browser half of data/browser-load-profile-1m: one page load runs one
// engine (?engine=workbench|duckdb&rows=N) on the same generated CSV bytes
// and leaves its timings in window.__bench. The workbench side is the load
// cell's path (loadBytesAsync: chunked CSV + type inference) then
// profileTable; DuckDB-wasm reads the same bytes with read_csv into a table,
// then runs SUMMARIZE. Both bundles and their wasm come from this origin.
import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { loadBytes, loadBytesAsync, loadStream } from '../../src/data/load.ts';
import { profileTable } from '../../src/data/profile.ts';
import { parseCsvBytes } from '../../src/data/csv-stream.ts';
import { syntheticCsv } from '../synthetic.ts';
import type { BenchOutcome } from './outcome.ts';


declare global {
  interface Window {
    __bench?: BenchOutcome;
  }
}

function heapMb(): number | undefined {
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? Math.round(memory.usedJSHeapSize / 1e6) : undefined;
}

/** A Blob's stream as an async iterable of byte pieces (what a browser host's readUserFileStream gives). */
async function* blobChunks(blob: Blob): AsyncGenerator<Uint8Array> {
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/** oneShot: the synchronous one-string parser, for comparison with the chunked one; stream: loadStream over a Blob. */
async function workbench(bytes: Uint8Array, mode: 'chunked' | 'oneshot' | 'stream' = 'chunked'): Promise<Omit<BenchOutcome, 'engine' | 'rows' | 'bytes'>> {
  const blob = mode === 'stream' ? new Blob([bytes as Uint8Array<ArrayBuffer>]) : undefined;
  const t0 = performance.now();
  const { table } = mode === 'oneshot' ? loadBytes(bytes, { fileName: 'bench.csv' })
    : blob ? await loadStream(blobChunks(blob), { fileName: 'bench.csv', totalBytes: blob.size })
    : await loadBytesAsync(bytes, { fileName: 'bench.csv' });
  const t1 = performance.now();
  const profile = profileTable(table);
  const t2 = performance.now();
  if (profile.columns.length !== 10) throw new Error('profile is incomplete');
  return { load_ms: t1 - t0, profile_ms: t2 - t1, total_ms: t2 - t0, js_heap_mb: heapMb() };
}

async function duck(bytes: Uint8Array): Promise<Omit<BenchOutcome, 'engine' | 'rows' | 'bytes'>> {
  const bundle = await duckdb.selectBundle({ mvp: { mainModule: mvpWasm, mainWorker: mvpWorker }, eh: { mainModule: ehWasm, mainWorker: ehWorker } });
  const worker = new Worker(bundle.mainWorker as string);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  const conn = await db.connect();
  // Start the clock once DuckDB is ready: both sides are timed from "bytes in memory".
  const t0 = performance.now();
  await db.registerFileBuffer('bench.csv', bytes);
  await conn.query("CREATE TABLE t AS SELECT * FROM read_csv('bench.csv')");
  const t1 = performance.now();
  const summary = await conn.query('SUMMARIZE t');
  const t2 = performance.now();
  if (summary.numRows !== 10) throw new Error(`SUMMARIZE gave ${summary.numRows} rows`);
  await conn.close();
  return { load_ms: t1 - t0, profile_ms: t2 - t1, total_ms: t2 - t0, js_heap_mb: heapMb() };
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const engine = params.get('engine') ?? 'workbench';
  const rows = Number(params.get('rows') ?? 1_000_000);
  const bytes = new TextEncoder().encode(syntheticCsv(rows));
  const size = bytes.length;
  try {
    if (engine === 'workbench-parse') {
      // Diagnostic: the chunked CSV scan alone (no type inference, no profile).
      const t0 = performance.now();
      await parseCsvBytes(bytes);
      const t1 = performance.now();
      window.__bench = { engine, rows, bytes: size, load_ms: t1 - t0, profile_ms: 0, total_ms: t1 - t0, js_heap_mb: heapMb() };
      document.getElementById('log')!.textContent = JSON.stringify(window.__bench);
      return;
    }
    const r = engine === 'duckdb' ? await duck(bytes) : await workbench(bytes, engine === 'workbench-oneshot' ? 'oneshot' : engine === 'workbench-stream' ? 'stream' : 'chunked');
    window.__bench = { engine, rows, bytes: size, ...r };
  } catch (error) {
    window.__bench = { engine, rows, bytes: size, load_ms: NaN, profile_ms: NaN, total_ms: NaN, error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) };
  }
  document.getElementById('log')!.textContent = JSON.stringify(window.__bench);
}

void main();
