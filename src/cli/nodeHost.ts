// Host services for Node (the headless runner, benchmarks): datasets come
// from the project folder, "same-origin" URLs from public/ (what the app
// serves), and user files from paths next to the notebook. Runs, the
// registry and saved models (run artifacts) live in memory for the run.
import { readFile, realpath, stat } from 'node:fs/promises';
import { createReadStream, existsSync } from 'node:fs';
import { dirname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HostServices, UserFileStream } from '../core/host.ts';
import type { LifecycleServices } from '../lifecycle/host.ts';
import { MemoryRunStore } from '../lifecycle/memoryRunStore.ts';
import { MemoryRegistryStore } from '../lifecycle/registryStore.ts';
import { MemoryEndpointStore } from '../lifecycle/endpointStore.ts';
import { CellError, checkAborted } from '../core/errors.ts';
import type { TrainedModel } from '../core/values.ts';
import { runArtifactRef, type SavedArtifact } from '../lifecycle/artifacts.ts';
import { deserializeModel, isSerializable, serializeModel, type SavedModel } from '../worker/models.ts';
import { DATASETS, findDataset } from '../datasets/catalog.ts';
import { DEFAULT_SEED, generateAllDatasets, type GeneratedFile } from '../datasets/generators/index.ts';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * A project file by its path from the project root. A path in node_modules
 * (vega-datasets' files) is looked up the way Node resolves packages: in the
 * root's node_modules, then its parents', because an installed ml-workbench
 * package finds its dependencies hoisted beside it, not inside it.
 */
export function projectFile(path: string): string {
  const direct = join(PROJECT_ROOT, path);
  if (!path.startsWith('node_modules/') || existsSync(direct)) return direct;
  for (let dir = dirname(PROJECT_ROOT); ; dir = dirname(dir)) {
    const candidate = join(dir, path);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return direct;
  }
}

async function readBytes(path: string, what: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new CellError(`Cannot read ${what}: ${code === 'ENOENT' ? 'no such file' : String(error)} (${path}).`);
  }
}

/**
 * A local file in 1 MB pieces, so the load cell parses a file of hundreds
 * of MB as it reads it (the whole file is never one buffer). A cancel stops
 * the read: the stream is destroyed and the iteration throws the cell's
 * cancel error, never ending as if the file were complete.
 */
async function streamBytes(path: string, what: string, signal?: AbortSignal): Promise<UserFileStream> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new CellError(`Cannot read ${what}: ${code === 'ENOENT' ? 'no such file' : String(error)} (${path}).`);
  }
  checkAborted(signal);
  return {
    size,
    chunks: {
      async *[Symbol.asyncIterator]() {
        const stream = createReadStream(path, { highWaterMark: 1 << 20 });
        const stop = () => stream.destroy();
        signal?.addEventListener('abort', stop, { once: true });
        try {
          for await (const chunk of stream as AsyncIterable<Buffer>) {
            checkAborted(signal);
            yield new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
          }
          checkAborted(signal);
        } catch (error) {
          checkAborted(signal);
          throw new CellError(`Cannot read ${what}: ${error instanceof Error ? error.message : String(error)} (${path}).`);
        } finally {
          signal?.removeEventListener('abort', stop);
          stream.destroy();
        }
      },
    },
  };
}

let generated: GeneratedFile[] | undefined;
function generatedFiles(): GeneratedFile[] {
  generated ??= generateAllDatasets(DEFAULT_SEED);
  return generated;
}

/** A path inside `root`, refusing `..` escapes. */
function inside(root: string, relative: string, what: string): string {
  const full = normalize(join(root, relative));
  if (full !== root && !full.startsWith(root + sep)) throw new CellError(`${what} "${relative}" points outside ${root}.`);
  return full;
}

/**
 * Saved models (run artifacts, registered copies) held in memory for the
 * duration of a headless run, like its runs: serialized as the app saves
 * them (src/worker/models.ts), so what is saved is what the app would keep.
 */
class MemoryArtifacts {
  private readonly saved = new Map<string, SavedModel>();

  get size(): number {
    return this.saved.size;
  }

  async save(ref: string, model: TrainedModel): Promise<SavedArtifact | undefined> {
    const s = isSerializable(model) ? await serializeModel(model) : undefined;
    if (!s) return undefined;
    this.saved.set(ref, s.artifacts);
    return { ref, bytes: s.size };
  }

  async load(ref: string): Promise<TrainedModel> {
    const artifacts = this.saved.get(ref);
    if (!artifacts) throw new CellError(`There is no saved model "${ref}" in this headless run.`);
    return deserializeModel(artifacts);
  }
}

/** `path` is `root` or inside it. */
function within(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * The file a notebook names, if it may read it: relative to the notebook's
 * folder (an absolute path too), and only inside that folder or a folder the
 * user allowed (--allow-read). Symbolic links are followed before the check,
 * so a link in the notebook's folder cannot lead out of it.
 */
export async function userFilePath(id: string, base: string, allowRead: readonly string[]): Promise<string> {
  const path = resolve(base, id);
  let real: string;
  try {
    real = await realpath(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    // The kernel process may not even look outside its folders (Node's permission model): that is the refusal below.
    if (code === 'ERR_ACCESS_DENIED') real = path;
    else throw new CellError(`Cannot read file "${id}": ${code === 'ENOENT' ? 'no such file' : code ?? String(error)} (${path}).`);
  }
  const roots = await Promise.all([base, ...allowRead].map((r) => realpath(r).catch(() => resolve(r))));
  if (!roots.some((root) => within(root, real))) {
    throw new CellError(`Cannot read file "${id}": it is outside the notebook's folder (${base}), and the runner reads only files there.`, {
      hint: 'Put the file next to the notebook, or let the runner read its folder with --allow-read <folder>.',
    });
  }
  return real;
}

export function nodeHost(options: { notebookDir?: string; allowRead?: readonly string[]; notebook?: { id: string; title: string }; backend: () => string }): HostServices & LifecycleServices {
  const publicDir = join(PROJECT_ROOT, 'public');
  // A headless run tracks its runs and registers models for its own duration:
  // the report shows them, and a conditional register cell explains itself.
  const runs = new MemoryRunStore();
  const registry = new MemoryRegistryStore();
  const artifacts = new MemoryArtifacts();
  return {
    runs,
    registry,
    endpoints: new MemoryEndpointStore(),
    saveRunModel: (model, runId) => artifacts.save(runArtifactRef(runId), model),
    saveModel: async (model, name) => (await artifacts.save(`registry::${name}::${artifacts.size + 1}`, model))?.ref,
    loadModel: (ref) => artifacts.load(ref),
    notebook: () => options.notebook ?? { id: 'headless', title: 'headless run' },
    listDatasets: () => DATASETS.map(({ name, file, description }) => ({ name, file, description })),
    async readDataset(name) {
      const entry = findDataset(name);
      if (!entry) throw new CellError(`There is no bundled dataset named "${name}".`, { hint: `Bundled datasets: ${DATASETS.map((d) => d.name).join(', ')}.` });
      const path = projectFile(entry.path);
      if (entry.path.startsWith('public/datasets/') && !existsSync(path)) {
        // Generated course data is a build output (npm run generate); without
        // it, generate in memory: the generators are deterministic for a seed.
        const file = generatedFiles().find((f) => f.file === entry.file);
        if (file) return new TextEncoder().encode(file.text);
      }
      return readBytes(path, `dataset "${name}"`);
    },
    async fetchSameOrigin(url) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
        throw new CellError(`Only URLs on the app's own origin can be loaded (like /datasets/sales.csv), not "${url}".`);
      }
      const path = url.split(/[?#]/)[0].replace(/^\/+/, '');
      const full = inside(publicDir, decodeURIComponent(path), 'URL');
      // The npm package ships no public/: generated course data comes from memory.
      const generatedFile = path.startsWith('datasets/') && !existsSync(full) ? generatedFiles().find((f) => `datasets/${f.file}` === path) : undefined;
      if (generatedFile) return new TextEncoder().encode(generatedFile.text);
      return readBytes(full, `URL "${url}"`);
    },
    async readUserFile(id) {
      const path = await userFilePath(id, options.notebookDir ?? process.cwd(), options.allowRead ?? []);
      return readBytes(path, `file "${id}"`);
    },
    async readUserFileStream(id, signal) {
      const path = await userFilePath(id, options.notebookDir ?? process.cwd(), options.allowRead ?? []);
      return streamBytes(path, `file "${id}"`, signal);
    },
    backend: options.backend,
  };
}
