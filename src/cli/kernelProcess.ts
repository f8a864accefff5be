// The headless runner's kernel runs in a child process under Node's
// permission model (issue 14): a code cell runs with the rights of that
// process, not the runner's, so `await import('node:fs')`, `require`,
// `process` or `Function('return process')()` reach only what the process
// may do. It may read the app's own files (the package and its
// dependencies), the notebook's folder and the --allow-read folders; it may
// not write any file, start processes or workers, or load native addons,
// and its environment is empty. A worker_thread cannot be restricted on its
// own (the permission model is per process), hence a process.
//
// The child runs plain JavaScript: tsx transpiles through esbuild's service
// process, which the child may not start, so in a clone the runner bundles
// src/cli/thread.ts once per run (esbuild, dependencies left as imports)
// into dist-cli/kernel/; the npm package has dist-cli/cli/thread.js.
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PROJECT_ROOT } from './nodeHost.ts';
import type { ThreadMessage, ThreadRequest } from './threadProtocol.ts';

/** How a kernel process ended badly, for the supervisor to name. */
export class KernelProcessError extends Error {
  constructor(message: string, readonly code: 'OUT_OF_MEMORY' | 'START_FAILED' | 'KILLED') {
    super(message);
  }
}

let entryPromise: Promise<string> | undefined;

/** The JavaScript file the child runs (built once per runner process in a clone). */
export function kernelEntry(): Promise<string> {
  entryPromise ??= findOrBuildEntry().catch((error: unknown) => {
    entryPromise = undefined;
    throw error;
  });
  return entryPromise;
}

async function findOrBuildEntry(): Promise<string> {
  const source = join(PROJECT_ROOT, 'src', 'cli', 'thread.ts');
  const built = join(PROJECT_ROOT, 'dist-cli', 'cli', 'thread.js');
  if (process.env.ML_WORKBENCH_BUILT === '1' || !existsSync(source)) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build:cli\`.`);
    return built;
  }
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new Error('The kernel needs esbuild (a dev dependency) to run from the sources: install the dev dependencies, or use the npm package.');
  }
  // Same depth as src/cli/ (dist-cli/kernel/), so paths derived from import.meta.url (PROJECT_ROOT) hold.
  const out = join(PROJECT_ROOT, 'dist-cli', 'kernel', 'thread.mjs');
  const result = await esbuild.build({
    entryPoints: [source], bundle: true, packages: 'external', format: 'esm', platform: 'node', target: 'node20',
    write: false, outfile: out, logLevel: 'silent',
  });
  const text = result.outputFiles[0].contents;
  // Named by content: runners started side by side never overwrite a file another one is loading.
  const file = join(dirname(out), `thread-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, text);
    renameSync(temp, file);
  }
  return file;
}

function withReal(path: string): string[] {
  try {
    const real = realpathSync(path);
    return real === path ? [path] : [path, real];
  } catch {
    return [path];
  }
}

/**
 * What the kernel process may read: the package (its datasets, WASM files,
 * the kernel's own code) and its dependencies — node_modules inside it (a
 * clone, possibly a link) or the node_modules it is installed in — plus the
 * notebook's folder and the --allow-read folders.
 */
export function readablePaths(request: Pick<ThreadRequest, 'notebookDir' | 'allowRead'>): string[] {
  const paths = [...withReal(PROJECT_ROOT)];
  const own = join(PROJECT_ROOT, 'node_modules');
  if (existsSync(own)) paths.push(...withReal(own));
  const parent = dirname(PROJECT_ROOT);
  if (basename(parent) === 'node_modules' || basename(dirname(parent)) === 'node_modules') {
    // An installed package (node_modules/ml-workbench or node_modules/@scope/name) finds its dependencies hoisted beside it.
    const modules = basename(parent) === 'node_modules' ? parent : dirname(parent);
    paths.push(...withReal(modules));
  }
  for (const dir of [request.notebookDir, ...request.allowRead]) paths.push(...withReal(dir));
  return [...new Set(paths)].sort();
}

/** The node flags of the kernel process: the permission model (Node 22+: --permission) with reads only. */
export function permissionFlags(readable: string[]): string[] {
  const flag = process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission';
  return [flag, ...readable.map((p) => `--allow-fs-read=${p}`)];
}

/** Environment variables the kernel may see: only those that change how dates and text are formatted. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const key of ['TZ', 'LANG', 'LC_ALL']) if (process.env[key] !== undefined) env[key] = process.env[key];
  return env;
}

const OOM = /heap out of memory|Allocation failed|Fatal JavaScript out of memory|FATAL ERROR: .*Reached heap limit/i;

/**
 * One kernel process, spoken to like a worker_thread: `message`, `error`
 * (a KernelProcessError: out of memory, failed start, killed) and `exit`
 * (its exit code, when it ended by itself).
 */
export class KernelProcess extends EventEmitter {
  readonly readable: string;
  private readonly child: ChildProcess;
  private stderrTail = '';
  private readonly closed: Promise<void>;

  constructor(entry: string, readable: string[], heapMb: number) {
    super();
    this.readable = readable.join('\n');
    const execArgv = [...permissionFlags(readable), `--max-old-space-size=${heapMb}`, '--no-warnings'];
    this.child = fork(entry, [], {
      execArgv, env: childEnv(), cwd: PROJECT_ROOT, serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child.stderr?.setEncoding('utf8');
    this.child.stderr?.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-4096);
    });
    this.child.on('message', (message: ThreadMessage) => this.emit('message', message));
    let started = true;
    this.child.on('error', (error) => {
      // fork failed, or a message could not be sent to a process that is gone.
      started = this.child.pid !== undefined;
      if (!started) this.emit('error', new KernelProcessError(`The kernel process could not start: ${error.message}`, 'START_FAILED'));
    });
    this.closed = new Promise((resolve) => {
      this.child.on('close', (code, signal) => {
        resolve();
        if (!started) return;
        if (OOM.test(this.stderrTail)) this.emit('error', new KernelProcessError('out of memory', 'OUT_OF_MEMORY'));
        else if (signal !== null) this.emit('error', new KernelProcessError(`killed by ${signal}`, 'KILLED'));
        else this.emit('exit', code ?? 1);
      });
    });
  }

  postMessage(request: ThreadRequest): void {
    if (!this.child.connected) {
      // Ended between two notebooks: say so as its end would (send() would only emit an error nobody awaits).
      queueMicrotask(() => this.emit('error', new KernelProcessError('the kernel process had ended', 'KILLED')));
      return;
    }
    this.child.send(request);
  }

  /** Stops the process wherever it is (a synchronous loop included). */
  async terminate(): Promise<void> {
    this.removeAllListeners();
    this.on('error', () => undefined);
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.closed;
  }
}

