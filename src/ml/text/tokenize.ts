// Tokenisers for retrieval and text classification, written for Korean as
// well as English. Korean attaches particles and endings to words
// ("반품은", "반품할", "반품하려면"), so whole words rarely match between a
// question and a passage; character n-grams inside each word do ("반품").
// English words are lower-cased and kept whole.

const HANGUL = /[\uac00-\ud7a3]/;
// Letters and digits of any script; everything else separates words.
const WORD = /[\p{L}\p{N}]+/gu;

export interface TokenizeOptions {
  /** Length of the character n-grams made from Korean (Hangul) words; 0 keeps Korean words whole. */
  hangulNgram: number;
}

export const DEFAULT_TOKENIZE: TokenizeOptions = { hangulNgram: 2 };

/** Lower-cased words (letters and digits of any script) in order. */
export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/**
 * Retrieval tokens: English words whole, Hangul words as overlapping
 * character n-grams (a word shorter than n stays whole).
 */
export function tokenize(text: string, options: TokenizeOptions = DEFAULT_TOKENIZE): string[] {
  const out: string[] = [];
  const n = options.hangulNgram;
  for (const w of words(text)) {
    if (n <= 0 || !HANGUL.test(w)) {
      out.push(w);
      continue;
    }
    const chars = Array.from(w);
    if (chars.length <= n) {
      out.push(w);
      continue;
    }
    for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(''));
  }
  return out;
}

/**
 * Character n-grams inside word boundaries, exactly as scikit-learn's
 * `analyzer='char_wb'` makes them: lower-case, each whitespace-separated
 * word padded with one space on each side, every n-gram of each length
 * from min to max; a word shorter than n counts once, whole.
 */
export function charWbNgrams(text: string, min: number, max: number): string[] {
  const out: string[] = [];
  for (const word of text.toLowerCase().split(/\s+/)) {
    if (!word) continue;
    const w = Array.from(` ${word} `);
    for (let n = min; n <= max; n++) {
      let offset = 0;
      out.push(w.slice(0, n).join(''));
      while (offset + n < w.length) {
        offset++;
        out.push(w.slice(offset, offset + n).join(''));
      }
      if (offset === 0) break;
    }
  }
  return out;
}
