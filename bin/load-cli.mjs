// Which runner code to load: in a clone (src/ is there and tsx is installed)
// the TypeScript sources through tsx, so an edit needs no build; in the npm
// package (src/ is not shipped, tsx is a dev dependency) the JavaScript that
// `npm run build:cli` wrote to dist-cli/. ML_WORKBENCH_BUILT=1 makes a clone
// use dist-cli too (to try the build before packing it). The kernel thread
// (bin/kernel-thread.mjs) decides the same way, so both halves match.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);

async function tsxAvailable() {
  try {
    return await import('tsx/esm/api');
  } catch {
    return undefined;
  }
}

/** Import src/cli/<name>.ts (clone) or dist-cli/cli/<name>.js (package). */
export async function loadCli(name) {
  const source = new URL(`src/cli/${name}.ts`, root);
  const built = new URL(`dist-cli/cli/${name}.js`, root);
  const tsx = process.env.ML_WORKBENCH_BUILT === '1' || !existsSync(fileURLToPath(source)) ? undefined : await tsxAvailable();
  if (tsx) {
    tsx.register();
    return import(source.href);
  }
  if (!existsSync(fileURLToPath(built))) {
    throw new Error(`ml-workbench: ${fileURLToPath(built)} is missing: run \`npm run build:cli\` (or install the dev dependencies, which include tsx).`);
  }
  return import(built.href);
}
