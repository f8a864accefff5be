// The sanitizer policy for everything a notebook brings as markup:
// markdown cells, markdown outputs of workbench cells, and the text/html,
// text/markdown and SVG outputs of plain Jupyter cells. One DOMPurify
// instance of its own (its hooks touch nothing else), HTML profile only.
// docs/security.md#sanitizer-policy explains each rule.
//
// Besides "no script" (DOMPurify's own job), notebook markup may not change
// how the app looks or behaves outside its own box:
// - no <style>, no style= attribute, no <link>/<meta>/<base> (restyling the app,
//   redirecting its URLs), no forms or inputs (fake prompts), no frames,
//   objects, embeds, dialogs or popovers (the top layer sits above every box);
// - class names are prefixed with `nb-` so that no app class (a banner, a
//   button, a modal) applies to notebook content; ids and names are
//   prefixed by DOMPurify (`user-content-`) so they cannot clobber globals;
// - nothing loads from another origin: remote images become a note, and
//   only data: images and `attachment:` images of the cell are shown.
// The container that holds the result is contained in CSS as well
// (`.nb-content` in styles.css: contain: layout paint), so even a rule this
// policy missed cannot lay anything over the app.
import DOMPurify, { type Config } from 'dompurify';

export const FORBIDDEN_TAGS = [
  'style', 'link', 'meta', 'base', 'title', 'head',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe',
  'form', 'input', 'button', 'textarea', 'select', 'option', 'optgroup', 'datalist', 'output', 'label', 'fieldset', 'legend',
  'dialog', 'template', 'slot', 'noscript', 'marquee', 'video', 'audio', 'source', 'track', 'picture',
];

export const FORBIDDEN_ATTRIBUTES = [
  'style', 'srcset', 'background', 'poster', 'ping', 'action', 'formaction', 'form',
  'popover', 'popovertarget', 'popovertargetaction', 'autofocus', 'tabindex', 'accesskey', 'contenteditable', 'inert', 'is',
];

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: FORBIDDEN_TAGS,
  FORBID_ATTR: FORBIDDEN_ATTRIBUTES,
  SANITIZE_NAMED_PROPS: true,
};

/** Images of the markdown cell being sanitized (cell.attachments), by file name. */
let currentAttachments: Record<string, unknown> | undefined;

function attachmentUrl(name: string): string | undefined {
  const bundle = currentAttachments?.[decodeURIComponent(name)];
  if (typeof bundle !== 'object' || bundle === null) return undefined;
  for (const [mime, value] of Object.entries(bundle as Record<string, unknown>)) {
    const text = Array.isArray(value) ? value.join('') : value;
    if (typeof text !== 'string' || !/^image\/(png|jpeg|gif|webp|svg\+xml)$/.test(mime)) continue;
    const clean = text.replace(/\s+/g, '');
    if (/^[A-Za-z0-9+/]+=*$/.test(clean)) return `data:${mime};base64,${clean}`;
  }
  return undefined;
}

let purifier: ReturnType<typeof DOMPurify> | undefined;

function instance(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  const p = DOMPurify(window);
  p.addHook('uponSanitizeAttribute', (node, data) => {
    if (data.attrName === 'src' && node.tagName === 'IMG' && data.attrValue.startsWith('attachment:')) {
      const url = attachmentUrl(data.attrValue.slice('attachment:'.length));
      if (url) data.attrValue = url;
      else {
        node.setAttribute('title', `Attachment not found: ${data.attrValue.slice('attachment:'.length)}`);
        data.keepAttr = false;
      }
    }
  });
  p.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (!el.getAttribute) return;
    // No app class can apply to notebook content.
    const cls = el.getAttribute('class');
    if (cls) el.setAttribute('class', cls.split(/\s+/).filter(Boolean).map((c) => `nb-${c}`).join(' '));
    // Links open outside the app, without giving it a handle on the new page.
    if (el.tagName === 'A') {
      if (/^(https?:|mailto:)/i.test(el.getAttribute('href') ?? '')) {
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener noreferrer');
      } else el.removeAttribute('target');
    }
    // Nothing loads from another origin (offline, privacy): remote images become their alt text.
    const src = el.getAttribute('src');
    if (src && !src.startsWith('data:') && new URL(src, location.href).origin !== location.origin) {
      el.removeAttribute('src');
      el.setAttribute('title', `Remote image not loaded: ${src}`);
    }
  });
  purifier = p;
  return p;
}

/** Notebook HTML → HTML that obeys the policy; `attachments` are the cell's (for `attachment:` images). */
export function sanitizeNotebookHtml(html: string, attachments?: unknown): string {
  currentAttachments = typeof attachments === 'object' && attachments !== null ? (attachments as Record<string, unknown>) : undefined;
  try {
    return instance().sanitize(html, CONFIG) as string;
  } finally {
    currentAttachments = undefined;
  }
}
