// Writes every bundled notebook from its source: `npm run notebooks`.
// tests/notebook/bundled.test.ts checks the committed files match.
import { writeFileSync } from 'node:fs';
import { serializeNotebook } from '../../src/notebook/ipynb.ts';
import { renderSource } from '../../src/cells/registry.ts';
import { bundledNotebooks } from './index.ts';

for (const [file, doc] of Object.entries(bundledNotebooks())) {
  writeFileSync(new URL(`../${file}`, import.meta.url), serializeNotebook(doc, renderSource));
  console.log(`wrote notebooks/${file}`);
}
