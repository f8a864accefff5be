// Lint: typescript-eslint's recommended rules, plus the layering rule that
// keeps the engine (core, notebook, kernel, cells, data, ml) free of the DOM,
// React and the host-specific layers, so it runs in Node, workers and tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const ENGINE = ['src/core/**', 'src/datasets/generators/**', 'src/datasets/catalog.ts', 'src/notebook/**', 'src/kernel/**', 'src/cells/**', 'src/data/**', 'src/ml/**', 'src/lifecycle/**', 'src/export/**'];

const engineImportBans = {
  patterns: [
    { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'The engine must not import React: it runs in Node and workers.' },
    { group: ['monaco-editor', 'monaco-editor/*', 'plotly.js*', 'idb'], message: 'The engine must not import browser-only libraries.' },
    { group: ['**/ui/**', '**/ui', '**/worker/**', '**/cli/**', '**/store/**', '**/bench/**'], message: 'The engine must not import ui, worker, cli or store: imports point down only.' },
    { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'The engine must not import Node built-ins: hosts inject I/O through HostServices.' },
  ],
};

const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'fetch', 'XMLHttpRequest', 'HTMLElement', 'self'].map((name) => ({
  name,
  message: `The engine must not use the DOM or host global "${name}"; take it through HostServices.`,
}));

export default tseslint.config(
  { ignores: ['**/*.d.ts', 'dist/**', 'dist-cli/**', 'node_modules/**', 'coverage/**', 'public/**', '.e2e-profile*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ENGINE,
    rules: {
      'no-restricted-imports': ['error', engineImportBans],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
);
