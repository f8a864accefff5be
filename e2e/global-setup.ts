// Build the app once, serve the production build with `vite preview` on a
// free port, and stop it afterwards. E2E_SKIP_BUILD=1 reuses dist/.
import { buildApp, startPreview, type Preview } from './preview.ts';

let preview: Preview | undefined;

export async function setup({ provide }: { provide: (key: string, value: unknown) => void }): Promise<void> {
  buildApp(process.env.E2E_SKIP_BUILD === '1');
  preview = await startPreview();
  process.env.E2E_BASE_URL = preview.url;
  provide('baseUrl', preview.url);
}

export async function teardown(): Promise<void> {
  await preview?.stop();
}
