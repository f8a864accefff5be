// Entry point: the shell only. Monaco, Plotly, markdown and the kernel's
// tfjs load on demand (the kernel in its own worker).
import { createRoot } from 'react-dom/client';
import { Controller } from './controller.ts';
import { App } from './App.tsx';
import { installApi } from './api.ts';
import { IdbStore } from '../store/idb.ts';
import type { WorkbenchStore } from '../store/types.ts';
import { getLang, loadLang, t } from './i18n.ts';
import { clearRunning } from './session/crashMark.ts';
import { loadOutputs } from './outputs/lazyOutputs.tsx';
import './styles.css';

document.documentElement.lang = getLang();

/** IndexedDB when it opens (within 5 s), else an in-memory store (the UI says so; loaded only then). */
async function openStore(): Promise<{ store: WorkbenchStore; persistent: boolean }> {
  const inMemory = async () => ({ store: new (await import('../store/memory.ts')).MemoryStore(), persistent: false });
  if (typeof indexedDB === 'undefined' || !indexedDB) return inMemory();
  const store = new IdbStore();
  const ok = await Promise.race([store.listNotebooks().then(() => true, () => false), new Promise<boolean>((r) => setTimeout(() => r(false), 5000))]);
  return ok ? { store, persistent: true } : inMemory();
}

async function boot() {
  // The outputs' renderers are a chunk of their own: fetched now, beside the store, but not awaited,
  // so a notebook's saved outputs are normally in on its first paint (lazyOutputs.tsx).
  loadOutputs().catch(() => undefined);
  // A Korean UI's messages load beside the store, so the first render is already in Korean.
  const [{ store, persistent }] = await Promise.all([openStore(), loadLang(getLang())]);
  const controller = new Controller(store, { persistent });
  installApi(controller);
  controller.ready.catch((error: Error) => controller.notify(t('kernelStartFailed', { message: error.message })));
  createRoot(document.getElementById('root')!).render(<App controller={controller} />);
  // Nothing is lost: save on leaving the page (the autosave timer may be pending).
  window.addEventListener('pagehide', () => {
    controller.saveOnExit();
    // Leaving normally (reload, close) is no crash: the next start must not blame the running cell.
    clearRunning();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') controller.saveOnExit();
  });
  if (import.meta.env.PROD) {
    const { registerSW } = await import('virtual:pwa-register');
    registerSW({ immediate: true });
  }
}

void boot();
