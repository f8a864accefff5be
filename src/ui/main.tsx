// Entry point: the shell only. Monaco, Plotly, markdown and the kernel's
// tfjs load on demand (the kernel in its own worker).
import { createRoot } from 'react-dom/client';
import { Controller } from './controller.ts';
import { App } from './App.tsx';
import { installApi } from './api.ts';
import { IdbStore } from '../store/idb.ts';
import { MemoryStore } from '../store/memory.ts';
import { getLang, loadLang, t } from './i18n.ts';
import { clearRunning } from './session/crashMark.ts';
import './styles.css';

document.documentElement.lang = getLang();

/** IndexedDB when it opens (within 5 s), else an in-memory store (the UI says so). */
async function openStore(): Promise<IdbStore | MemoryStore> {
  if (typeof indexedDB === 'undefined' || !indexedDB) return new MemoryStore();
  const store = new IdbStore();
  const ok = await Promise.race([store.listNotebooks().then(() => true, () => false), new Promise<boolean>((r) => setTimeout(() => r(false), 5000))]);
  return ok ? store : new MemoryStore();
}

async function boot() {
  // A Korean UI's messages load beside the store, so the first render is already in Korean.
  const [store] = await Promise.all([openStore(), loadLang(getLang())]);
  const controller = new Controller(store, { persistent: !(store instanceof MemoryStore) });
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
