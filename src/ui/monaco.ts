// Monaco, bundled locally (no CDN) and loaded on first use: the editor core,
// JavaScript highlighting and the editor worker (an ES module worker).
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

export type Monaco = typeof import('monaco-editor/editor/editor.api');

let loader: Promise<Monaco> | undefined;

export function loadMonaco(): Promise<Monaco> {
  loader ??= (async () => {
    (self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
      getWorker: () => new EditorWorker(),
    };
    const monaco = await import('monaco-editor/editor/editor.api');
    await import('monaco-editor/languages/definitions/javascript/register');
    return monaco;
  })();
  return loader;
}
