// Download → upload → predict: a network trained in-process is exported as
// the saved-models list downloads it (portable.ts files in model-zip.ts's
// zip), written beside a notebook, and read back by the predict cell through
// the Node host's file reading (modelFile.fileId: a path relative to the
// notebook, as headless); its predictions equal the trained model's. Bad
// files (not a zip, no meta, a newer version, no features, an unknown kind)
// stop with a message on the file field.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnTable } from 'arquero';
import { nodeHost } from '../../src/cli/nodeHost.ts';
import { predictCell, predictSchema } from '../../src/cells/predict.ts';
import { CellError } from '../../src/core/errors.ts';
import type { TrainedModel } from '../../src/core/values.ts';
import { modelZip } from '../../src/export/model-zip.ts';
import { exportPython } from '../../src/export/python/index.ts';
import { NotebookBuilder } from '../../notebooks/source/builder.ts';
import { portableModelFiles } from '../../src/export/portable.ts';
import { zipStored, type ZipEntry } from '../../src/export/zip.ts';
import { initBackend } from '../../src/ml/backend.ts';
import { fitModel } from '../../src/ml/fit.ts';
import { testContext } from '../helpers/context.ts';
import { blobs, line } from '../ml/synthetic.ts';

let dir: string;
beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
  dir = mkdtempSync(join(tmpdir(), 'mlwb-portable-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const host = () => nodeHost({ notebookDir: dir, backend: () => 'cpu' });

/** The model downloaded as the app does, saved beside the notebook; returns the file name. */
async function download(model: TrainedModel, name: string): Promise<string> {
  const { fileName, bytes } = modelZip(name, (await portableModelFiles(model))!);
  writeFileSync(join(dir, fileName), bytes);
  return fileName;
}

/** The predictions table of a predict cell on `table`, with the model from the file. */
async function predictFromFile(fileName: string, table: ColumnTable) {
  const ctx = testContext({ new: { type: 'table', table } }, host());
  await predictCell.run(predictSchema.parse({ model: 'absent', modelFile: { fileId: fileName, fileName }, input: 'new' }), ctx);
  return ctx.table('predictions');
}

async function failure(fileName: string): Promise<CellError> {
  const ctx = testContext({}, host());
  const error = await predictCell.run(predictSchema.parse({ modelFile: { fileId: fileName, fileName }, row: { x: 1 } }), ctx).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(CellError);
  expect((error as CellError).where).toBe('params.modelFile.fileId');
  return error as CellError;
}

describe('portable model round trip through the predict cell', () => {
  it('an MLP classifier: downloaded, uploaded, identical predictions and probabilities', async () => {
    const table = blobs(150);
    const { model } = await fitModel(table, { target: 'k', model: 'mlp', hidden: [8, 4], activation: 'tanh', optimizer: 'adam', learningRate: 0.05, epochs: 8, batchSize: 16, seed: 5 });
    const fileName = await download(model, 'blob mlp');
    expect(fileName).toBe('blob_mlp-model.zip');
    const want = await model.predict(table);
    const got = await predictFromFile(fileName, table);
    expect(got.array('prediction')).toEqual(want.predictions);
    want.classes!.forEach((c, k) => {
      const p = got.array(`p_${String(c)}`) as number[];
      p.forEach((v, i) => expect(Math.abs(v - want.probabilities![i][k])).toBeLessThan(1e-6));
    });
    // Not a constant model: the classes are all predicted.
    expect(new Set(want.predictions).size).toBe(want.classes!.length);
    model.dispose();
  });

  it('a linear regression keeps its output scaling; a re-zipped (deflated) folder loads too', async () => {
    const table = line(60);
    const { model } = await fitModel(table, { target: 'y', model: 'linear', optimizer: 'adam', learningRate: 0.1, epochs: 5, batchSize: 16, seed: 1 });
    const fileName = await download(model, 'line');
    const want = (await model.predict(table)).predictions as number[];
    const got = (await predictFromFile(fileName, table)).array('prediction') as number[];
    got.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThan(1e-6 * Math.max(1, Math.abs(want[i]))));
    // A student unzips the download and zips the folder again with an archiver (deflate).
    execFileSync('/usr/bin/python3', ['-c', [
      'import sys, zipfile',
      'src, out = sys.argv[1:3]',
      'with zipfile.ZipFile(src) as a, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as b:',
      '    [b.writestr("again/" + i.filename.split("/")[-1], a.read(i.filename)) for i in a.infolist()]',
    ].join('\n'), join(dir, fileName), join(dir, 'again.zip')]);
    const again = (await predictFromFile('again.zip', table)).array('prediction') as number[];
    expect(again).toEqual(got);
    model.dispose();
  });

  it('the model from a file replaces the model name in reads and in the rendered source', () => {
    const p = predictSchema.parse({ modelFile: { fileId: 'f1', fileName: 'm-model.zip' }, input: 'new' });
    expect(predictCell.reads(p)).toEqual(['new']);
    expect(predictCell.render(p)).toContain('m-model.zip (file)');
    expect(predictCell.reads(predictSchema.parse({ input: 'new' }))).toEqual(['model', 'new']);
  });

  it('exported to Python, a predict cell with a model file is a TODO that says why', () => {
    const doc = new NotebookBuilder('From a file')
      .cell('load', { source: { type: 'dataset', name: 'penguins' }, output: 'penguins' })
      .cell('predict', { modelFile: { fileId: 'mlp-model.zip', fileName: 'mlp-model.zip' }, input: 'penguins' })
      .build();
    expect(exportPython(doc).todos.map((t) => [t.kind, t.reason])).toEqual([['predict', expect.stringMatching(/uploaded file .*xgboost\.Booster\(\)\.load_model for trees/)]]);
  });

  it('bad files stop on the file field with what is wrong', async () => {
    writeFileSync(join(dir, 'table.csv'), 'x,y\n1,2\n');
    expect((await failure('table.csv')).message).toMatch(/"table.csv" is not a model file/);

    const table = blobs(60);
    const { model } = await fitModel(table, { target: 'k', model: 'logistic', optimizer: 'adam', learningRate: 0.1, epochs: 2, batchSize: 16, seed: 1 });
    const files = (await portableModelFiles(model))!;
    model.dispose();
    const meta = JSON.parse(files[2].data as string) as Record<string, unknown>;
    const variant = (name: string, entries: ZipEntry[]) => writeFileSync(join(dir, name), zipStored(entries));
    variant('nometa.zip', files.slice(0, 2));
    expect((await failure('nometa.zip')).message).toMatch(/has no model\.meta\.json/);
    variant('newer.zip', [files[0], files[1], { name: 'model.meta.json', data: JSON.stringify({ ...meta, version: 99 }) }]);
    expect((await failure('newer.zip')).message).toMatch(/newer workbench \(model format version 99; this one reads up to 1\)/);
    variant('nofeatures.zip', [files[0], files[1], { name: 'model.meta.json', data: JSON.stringify({ ...meta, features: [] }) }]);
    expect((await failure('nofeatures.zip')).message).toMatch(/damaged: no features/);
    variant('noweights.zip', [files[0], files[2]]);
    expect((await failure('noweights.zip')).message).toMatch(/lacks weights\.bin, which the model needs/);
    const cut = zipStored(files);
    writeFileSync(join(dir, 'cut.zip'), cut.slice(0, cut.length - 40));
    expect((await failure('cut.zip')).message).toMatch(/"cut.zip" cannot be read/);

    variant('kind.zip', [files[0], files[1], { name: 'model.meta.json', data: JSON.stringify({ ...meta, kind: 'keras' }) }]);
    expect((await failure('kind.zip')).code).toBe('modelFile.unknownKind');
    expect((await failure('missing.zip')).message).toMatch(/no such file/);
  });
});
