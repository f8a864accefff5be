// Every bundled notebook: canonical (matches its source in notebooks/source),
// valid for Jupyter's own validator, and its workbench metadata valid against
// docs/workbench-cell.schema.json. The schema file must match the cell kinds.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { decodeNotebook, serializeNotebook } from '../../src/notebook/ipynb.ts';
import { cellRegistry, renderSource } from '../../src/cells/registry.ts';
import { workbenchCellSchema } from '../../src/notebook/cellSchema.ts';
import { bundledNotebooks } from '../../notebooks/source/index.ts';

const notebooksDir = fileURLToPath(new URL('../../notebooks/', import.meta.url));
const schemaPath = fileURLToPath(new URL('../../docs/workbench-cell.schema.json', import.meta.url));
const files = readdirSync(notebooksDir).filter((f) => f.endsWith('.ipynb')).sort();

// Debian's python3 with python3-nbformat (and its jsonschema); not the pyenv
// python3 that may come first on PATH.
const PYTHON = '/usr/bin/python3';
const VALIDATE = `
import json, sys, nbformat, jsonschema
schema = json.load(open(sys.argv[1]))
for path in sys.argv[2:]:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for i, cell in enumerate(nb.cells):
        wb = cell.get('metadata', {}).get('workbench')
        if wb is not None:
            try:
                jsonschema.validate(wb, schema)
            except jsonschema.ValidationError as e:
                sys.exit(f'{path}: cell {i + 1} ({cell.get("id")}): {e.message}')
print('valid', len(sys.argv) - 2)
`;

describe('bundled notebooks', () => {
  it('are all listed in notebooks/source and match it byte for byte (run `npm run notebooks`)', () => {
    const built = bundledNotebooks();
    expect(files).toEqual(Object.keys(built).sort());
    for (const file of files) expect(readFileSync(notebooksDir + file, 'utf8'), file).toBe(serializeNotebook(built[file], renderSource));
  });

  it('read and write back unchanged', () => {
    for (const file of files) {
      const text = readFileSync(notebooksDir + file, 'utf8');
      const { doc, warnings } = decodeNotebook(text);
      expect(warnings).toEqual([]);
      expect(serializeNotebook(doc, renderSource)).toBe(text);
    }
  });

  it('pass nbformat.validate and the workbench cell JSON Schema', () => {
    const r = spawnSync(PYTHON, ['-c', VALIDATE, schemaPath, ...files.map((f) => notebooksDir + f)], { encoding: 'utf8' });
    if (r.error || /No module named/.test(r.stderr)) {
      throw new Error(`Cannot run Jupyter's validator: install Debian's python3-nbformat (apt-get install python3-nbformat). ${r.error?.message ?? r.stderr}`);
    }
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(`valid ${files.length}`);
    expect(r.status).toBe(0);
  });

  it('the validator rejects a broken notebook (the check can fail)', () => {
    const bad = JSON.stringify({ cells: [{ cell_type: 'code', id: 'x', metadata: { workbench: { kind: 'split', params: { train: 'most' } } }, source: '', outputs: [], execution_count: null }], metadata: {}, nbformat: 4, nbformat_minor: 5 });
    const tmp = `${notebooksDir}../node_modules/.bad-notebook.ipynb`;
    writeFileSync(tmp, bad);
    const r = spawnSync(PYTHON, ['-c', VALIDATE, schemaPath, tmp], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
  });
});

describe('docs/workbench-cell.schema.json', () => {
  it('is up to date with the cell kinds (run `npm run schema`)', () => {
    expect(JSON.parse(readFileSync(schemaPath, 'utf8'))).toEqual(workbenchCellSchema(cellRegistry.values()));
  });
});
