// The load cell: read a bundled dataset, a same-origin URL or an uploaded
// file through the host, parse it (CSV/TSV/JSON/JSON lines) and store the
// typed table under a name.
import { z } from 'zod';
import { CellError, checkAborted, isCancelled } from '../core/errors.ts';
import type { CellOutput } from '../core/outputs.ts';
import { defineCell, type CellContext } from './types.ts';
import { loadBytesAsync, loadStream, type LoadOptions } from '../data/load.ts';
import type { UserFileStream } from '../core/host.ts';
import { DEFAULT_MISSING } from '../data/infer.ts';
import { tablePreview } from '../data/preview.ts';
import { progressText } from '../core/messages/progress.ts';

const columnType = z.enum(['number', 'integer', 'string', 'date', 'boolean']);

const source = z.discriminatedUnion('type', [
  z.object({ type: z.literal('dataset'), name: z.string().describe('Name of a bundled dataset, e.g. penguins.') }),
  z.object({ type: z.literal('url'), url: z.string().describe('A path on this app\'s own site, e.g. /data/train.csv.') }),
  z.object({
    type: z.literal('file'),
    fileId: z.string().describe('Id of the uploaded file.'),
    fileName: z.string().describe('Name of the uploaded file (its extension picks the format).'),
  }),
]);

export const loadSchema = z.object({
  source: source.default({ type: 'dataset', name: 'penguins' }).describe('Where the data comes from: a bundled dataset, a URL on this site, or an uploaded file.'),
  format: z.enum(['auto', 'csv', 'tsv', 'json', 'jsonl', 'parquet', 'arrow']).default('auto').describe('File format; auto uses the file extension, then the file\'s first bytes (Parquet "PAR1", Arrow "ARROW1").'),
  delimiter: z.string().default('auto').describe('Field separator for CSV: auto detects , ; tab or |.'),
  header: z.boolean().default(true).describe('The first row holds the column names.'),
  ragged: z.enum(['error', 'pad']).default('error').describe('Rows with a different number of fields than the header: stop with an error, or pad/cut them.'),
  missing: z.array(z.string()).default(() => [...DEFAULT_MISSING]).describe('Values read as missing (e.g. add "unknown").'),
  types: z.record(z.string(), columnType).default(() => ({})).describe('Force a column\'s type: number, integer, string, date or boolean.'),
  output: z.string().default('data').describe('Name to store the table under.'),
});

export type LoadParams = z.output<typeof loadSchema>;

function sourceLabel(s: LoadParams['source']): string {
  switch (s.type) {
    case 'dataset': return `${s.name} (dataset)`;
    case 'url': return `${s.url} (url)`;
    case 'file': return `${s.fileName} (file)`;
  }
}

/** The source's bytes, whole or (an upload, when the host can stream it) in pieces. */
type StreamSource = { stream: UserFileStream; fileName?: string };
type Source = { bytes: Uint8Array; fileName?: string } | StreamSource;

async function readSource(params: LoadParams, ctx: CellContext): Promise<Source> {
  const s = params.source;
  try {
    switch (s.type) {
      case 'dataset': {
        if (s.name.trim() === '') throw CellError.coded('load.chooseDataset', {}, { where: 'params.source.name' });
        const info = ctx.host.listDatasets().find((d) => d.name === s.name);
        return { bytes: await ctx.host.readDataset(s.name), fileName: info?.file ?? s.name };
      }
      case 'url':
        if (s.url.trim() === '') throw CellError.coded('load.enterUrl', {}, { where: 'params.source.url' });
        return { bytes: await ctx.host.fetchSameOrigin(s.url, ctx.signal), fileName: s.url };
      case 'file':
        if (ctx.host.readUserFileStream) return { stream: await ctx.host.readUserFileStream(s.fileId, ctx.signal), fileName: s.fileName };
        return { bytes: await ctx.host.readUserFile(s.fileId), fileName: s.fileName };
    }
  } catch (error) {
    throw readError(params, error);
  }
}

function readError(params: LoadParams, error: unknown): unknown {
  const s = params.source;
  if (error instanceof CellError || isCancelled(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  const field = s.type === 'dataset' ? 'name' : s.type === 'url' ? 'url' : 'fileId';
  return CellError.coded('load.readFailed', { source: sourceLabel(s), detail: message }, { where: `params.source.${field}`, cause: error });
}

/** A stream's pieces, with a failure while reading reported like a failed read (not like a parse error). */
async function* readingErrors(chunks: AsyncIterable<Uint8Array>, params: LoadParams): AsyncGenerator<Uint8Array> {
  const it = chunks[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<Uint8Array>;
    try {
      next = await it.next();
    } catch (error) {
      throw readError(params, error);
    }
    if (next.done) return;
    yield next.value;
  }
}

export const loadCell = defineCell({
  kind: 'load',
  label: 'Load data',
  description:
    'Load a table from a bundled dataset, a URL on this site or an uploaded file (CSV, TSV, JSON, JSON lines, Parquet, Arrow IPC/Feather). ' +
    'Column types are inferred (number, boolean, date yyyy-mm-dd, text) unless forced; blank lines are skipped. ' +
    'Large CSV files are read in chunks with progress; Parquet/Arrow 64-bit integers become numbers, or text when a value is beyond 2^53.',
  schema: loadSchema,
  runnable: true,
  reads: () => [],
  writes: (p) => [p.output],
  render(p) {
    const lines = [`// load ${sourceLabel(p.source)} → ${p.output}`];
    const opts: string[] = [];
    if (p.format !== 'auto') opts.push(`format ${p.format}`);
    if (p.delimiter !== 'auto') opts.push(`delimiter ${JSON.stringify(p.delimiter)}`);
    if (!p.header) opts.push('no header row');
    if (p.ragged !== 'error') opts.push('pad ragged rows');
    if (p.missing.join('\u0000') !== DEFAULT_MISSING.join('\u0000')) opts.push(`missing: ${p.missing.map((m) => JSON.stringify(m)).join(', ')}`);
    if (opts.length > 0) lines.push(`// ${opts.join('; ')}`);
    for (const [col, type] of Object.entries(p.types)) lines.push(`// ${col}: ${type}`);
    return lines.join('\n');
  },
  async run(params, ctx): Promise<CellOutput[]> {
    if (params.output.trim() === '') throw CellError.coded('name.table', {}, { where: 'params.output' });
    ctx.progress({ phase: 'read', ...progressText('progress.reading', { source: sourceLabel(params.source) }) });
    const source = await readSource(params, ctx);
    checkAborted(ctx.signal);
    ctx.progress({ phase: 'parse', fraction: 0 });
    const options: LoadOptions = {
      format: params.format,
      fileName: source.fileName,
      delimiter: params.delimiter,
      header: params.header,
      ragged: params.ragged,
      missing: params.missing,
      types: params.types,
      signal: ctx.signal,
      onProgress: (fraction) => ctx.progress({ phase: 'parse', fraction }),
      maxCells: ctx.host.memoryBudget?.tableCells,
    };
    const loaded = 'stream' in source
      ? await loadStream(readingErrors(source.stream.chunks, params), { ...options, totalBytes: source.stream.size, reopen: async () => readingErrors((await readSource(params, ctx) as StreamSource).stream.chunks, params) })
      : await loadBytesAsync(source.bytes, options);
    ctx.progress({ phase: 'parse', fraction: 1 });
    for (const note of loaded.notes) ctx.emit({ type: 'text', text: note.text, ko: note.ko });
    ctx.set(params.output, { type: 'table', table: loaded.table });
    return [tablePreview(loaded.table, { name: params.output })];
  },
});
