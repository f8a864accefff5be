// Shared by the export tests: is Debian's python3 there with the modules the
// exported notebooks import, and a way to run a Python snippet with the
// exported helpers in scope.
import { spawnSync } from 'node:child_process';
import { PYTHON_HELPERS } from '../../src/export/python/helpers.ts';

export const PYTHON = '/usr/bin/python3';

/** Why the Python checks cannot run here (a missing module), or undefined when they can. */
export function pythonMissing(modules: string[]): string | undefined {
  const r = spawnSync(PYTHON, ['-c', modules.map((m) => `import ${m}`).join('; ')], { encoding: 'utf8' });
  if (r.error) return `${PYTHON} is not installed`;
  if (r.status !== 0) return `${PYTHON} lacks a module (${r.stderr.trim().split('\n').pop()}); install python3-sklearn python3-pandas python3-statsmodels python3-xgboost python3-torch python3-nbconvert python3-ipykernel`;
  return undefined;
}

/** Run a snippet after the exported helpers; its last stdout line parsed as JSON. */
export function runWithHelpers(snippet: string): unknown {
  const r = spawnSync(PYTHON, ['-c', `${PYTHON_HELPERS}\n${snippet}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`python failed: ${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}
