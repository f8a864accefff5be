// The TypeScript language service of monaco-editor 0.57 ships without types for this path.
declare module 'monaco-editor/language/typescript/monaco.contribution' {
  export interface JavaScriptDefaults {
    addExtraLib(content: string, filePath?: string): { dispose(): void };
    setCompilerOptions(options: Record<string, unknown>): void;
    setDiagnosticsOptions(options: Record<string, unknown>): void;
  }
  export const javascriptDefaults: JavaScriptDefaults;
  export const ScriptTarget: { ESNext: number };
}
declare module 'monaco-editor/editor/contrib/suggest/browser/suggestController';
// Side-effect import: registers every editor contribution and its services before the first editor (monaco.ts).
declare module 'monaco-editor/internal/common/workers';
