// One browser on the app per describe block: the launch / open / wait and
// close that every e2e file needs, in one place.
import { afterAll, beforeAll } from 'vitest';
import { launch, openApp, type Session } from './browser.ts';
import { waitForBackend } from './helpers.ts';

export interface AppOptions {
  /** Path and query to open (default: the WASM backend, which every machine has). */
  path?: string;
  /** A bundled course notebook to open from the gallery first (e.g. "penguins.ipynb"). */
  course?: string;
  /** Wait until the kernel's backend is up (default true). */
  backend?: boolean;
  /** Arrive as a first visitor, on the course gallery (default: a returning one, on the notebook). */
  gallery?: boolean;
}

/**
 * Launches Debian's Chromium on the app in beforeAll and closes it in
 * afterAll. The returned handle reads through to the live session, so a
 * describe block can write `const s = useApp()` and use `s.page` in its tests.
 */
export function useApp(options: AppOptions = {}): Session {
  let session: Session | undefined;
  const live = (): Session => {
    if (!session) throw new Error('The browser is not started yet: use the session inside a test or hook.');
    return session;
  };
  beforeAll(async () => {
    session = await launch();
    await openApp(session.page, options.path ?? '/?backend=wasm', { gallery: options.gallery });
    if (options.course) {
      await session.page.locator(`[data-course="${options.course}"]`).click();
      await session.page.locator(`[data-course="${options.course}"][aria-current="page"]`).waitFor();
    }
    if (options.backend ?? true) await waitForBackend(session.page);
  });
  afterAll(async () => {
    await session?.close();
  });
  return {
    get page() {
      return live().page;
    },
    get context() {
      return live().context;
    },
    get profile() {
      return live().profile;
    },
    close: (keepProfile?: boolean) => live().close(keepProfile),
  };
}
