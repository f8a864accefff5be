// Markdown to sanitized HTML (marked + DOMPurify), loaded on first use.
let loader: Promise<(md: string) => string> | undefined;

export function loadMarkdown(): Promise<(md: string) => string> {
  loader ??= Promise.all([import('marked'), import('dompurify')]).then(([{ marked }, { default: DOMPurify }]) => {
    marked.setOptions({ gfm: true, breaks: false });
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      // Links open outside the app, without giving it a handle on the new page.
      if (node.tagName === 'A' && node.getAttribute('href')?.match(/^https?:/)) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
      // Nothing loads from another origin (offline, privacy): remote images become their alt text.
      const src = node.getAttribute('src');
      if (src && /^(https?:)?\/\//.test(src) && new URL(src, location.href).origin !== location.origin) {
        node.removeAttribute('src');
        node.setAttribute('title', `Remote image not loaded: ${src}`);
      }
    });
    return (md: string) => DOMPurify.sanitize(marked.parse(md, { async: false }) as string, { USE_PROFILES: { html: true } });
  });
  return loader;
}
