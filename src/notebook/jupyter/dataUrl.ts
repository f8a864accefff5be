// data: URLs for images, which render offline and under a CSP that allows
// only `img-src data:` (the HTML report's).

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? B64[n & 63] : '=');
  }
  return out;
}

/** An SVG document as a data: URL (base64 of its UTF-8), for an <img>: an SVG image runs no script and loads nothing. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${base64(new TextEncoder().encode(svg))}`;
}

/** A base64 image from a notebook as a data: URL, or undefined when the text is not base64. */
export function base64DataUrl(mime: string, text: string): string | undefined {
  const clean = text.replace(/\s+/g, '');
  if (clean === '' || !/^[A-Za-z0-9+/]+=*$/.test(clean)) return undefined;
  return `data:${mime};base64,${clean}`;
}
