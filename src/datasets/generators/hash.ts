// A stable 256-bit (64 hex characters) digest of a string, for ids that
// must look like the course's sha256 event ids and be reproducible. It is
// eight 32-bit FNV-1a passes with different offsets, each finished with the
// murmur3 avalanche step: not cryptographic, only well spread and stable,
// and it needs no crypto API (the generators run in Node and browsers alike).
export function hex256(text: string): string {
  let out = '';
  for (let lane = 0; lane < 8; lane++) {
    let h = (0x811c9dc5 ^ Math.imul(lane + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out;
}
