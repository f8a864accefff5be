// Markdown for notebook content: this loader is on the first screen, the
// renderer (markdownRender.ts: marked, the sanitizer policy, math splitting)
// is a lazy chunk fetched with the first markdown shown, and KaTeX another,
// fetched only when some text has math (loadMath).
import type { MathOutput } from './katex.ts';

export interface MarkdownOptions {
  /** The markdown cell's attachments (nbformat cell.attachments), for `attachment:` images. */
  attachments?: unknown;
  /** KaTeX's output: HTML+MathML in the app; MathML alone in the HTML report, which carries no fonts. */
  mathOutput?: MathOutput;
}

/** Markdown → sanitized HTML; hasMath says whether a text needs KaTeX (loadMath) to be typeset. */
export type RenderMarkdown = ((md: string, options?: MarkdownOptions) => string) & { hasMath(md: string): boolean };

let loader: Promise<RenderMarkdown> | undefined;
let math: Promise<void> | undefined;
let mathIn = false;

export function loadMarkdown(): Promise<RenderMarkdown> {
  loader ??= import('./markdownRender.ts').then((m) => m.createRenderer());
  return loader;
}

/** Load KaTeX (once); after this, rendered markdown has its math typeset. */
export function loadMath(): Promise<void> {
  math ??= import('./markdownRender.ts').then((m) => m.loadMath()).then(() => {
    mathIn = true;
  });
  return math;
}

export function mathLoaded(): boolean {
  return mathIn;
}
