// Split documents into passages of a fixed number of words, as the course
// does before indexing (128 words a chunk, one chunk a line).
import { CellError } from '../../core/errors.ts';

export interface Chunk {
  /** "<doc id>#<index>", unique in a collection. */
  id: string;
  doc: string;
  /** 0-based position of the chunk in its document. */
  index: number;
  /** Word offset of the chunk's first word in its document. */
  start: number;
  text: string;
}

export interface ChunkOptions {
  /** Words per chunk. */
  size: number;
  /** Words shared with the previous chunk (0 = none, as in the course). */
  overlap: number;
}

/** Whitespace-separated words of a text (punctuation stays on its word). */
export function splitWords(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

export function chunkDocument(doc: string, text: string, options: ChunkOptions): Chunk[] {
  if (!(options.size >= 1)) throw CellError.coded('chunk.size', { size: options.size }, { where: 'params.chunkWords' });
  if (options.overlap < 0 || options.overlap >= options.size) {
    throw CellError.coded('chunk.overlap', { overlap: options.overlap, size: options.size }, { where: 'params.overlap' });
  }
  const ws = splitWords(text);
  const step = options.size - options.overlap;
  const chunks: Chunk[] = [];
  for (let start = 0, index = 0; start < ws.length; start += step, index++) {
    chunks.push({ id: `${doc}#${index}`, doc, index, start, text: ws.slice(start, start + options.size).join(' ') });
    if (start + options.size >= ws.length) break;
  }
  return chunks;
}

/** The chunk of a document that holds the word at `wordOffset` (the first such chunk when they overlap). */
export function chunkAt(chunks: readonly Chunk[], doc: string, wordOffset: number, size: number): Chunk | undefined {
  return chunks.find((c) => c.doc === doc && wordOffset >= c.start && wordOffset < c.start + size);
}

/** Word offset where `phrase` begins in `text` (word by word), or -1. */
export function findPhrase(text: string, phrase: string): number {
  const ws = splitWords(text);
  const ps = splitWords(phrase);
  if (!ps.length) return -1;
  outer: for (let i = 0; i + ps.length <= ws.length; i++) {
    for (let j = 0; j < ps.length; j++) if (ws[i + j] !== ps[j]) continue outer;
    return i;
  }
  return -1;
}
