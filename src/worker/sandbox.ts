// The kernel in a sandboxed frame (docs/security.md, "Isolation"): a hidden
// <iframe sandbox="allow-scripts"> (no allow-same-origin: an opaque origin,
// so no IndexedDB, cookies, storage or DOM of the app) whose own small script
// (frame/kernelFrame.ts) starts the kernel as a classic worker from the
// script text the app hands it, and gives that worker the app's MessagePort.
// The frame relays nothing but its own "ready" and the worker's error events.
import type { KernelTransport } from './client.ts';
import type { StartMessage } from './protocol.ts';
import { checkFromFrame } from './validate.ts';

export interface SandboxUrls {
  /** The frame document (its own CSP allows eval and blob: workers only). */
  frame: string;
  /** The kernel as one classic script (kernel.sandbox.ts, built as an IIFE). */
  script: string;
}

export class SandboxUnavailableError extends Error {}

/** The frame's script says it is ready before its load event; this long after the event, it never will. */
const LOADED_GRACE_MS = 1500;

/**
 * Load the frame and start the kernel in it. Rejects (and removes the frame)
 * when the browser is offline (the frame's navigation is not served by the
 * service worker), the frame does not say it is ready within `timeoutMs`, or
 * the script cannot be read.
 */
export async function sandboxedTransport(urls: SandboxUrls, options: { timeoutMs: number; parent?: HTMLElement }): Promise<KernelTransport> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) throw new SandboxUnavailableError('the browser is offline, and the sandboxed frame is not cached');
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.setAttribute('aria-hidden', 'true');
  frame.setAttribute('tabindex', '-1');
  frame.title = 'kernel sandbox';
  frame.hidden = true;
  frame.dataset.kernelSandbox = '';
  frame.src = urls.frame;

  const deadListeners: ((message: string) => void)[] = [];
  let dead: string | undefined;
  let ready!: () => void;
  let answered = false;
  const readyPromise = new Promise<void>((r) => (ready = r));
  const onWindowMessage = (e: MessageEvent) => {
    // Only the frame's own window, on its opaque origin, speaks for the frame.
    if (e.source !== frame.contentWindow || e.origin !== 'null') return;
    const message = checkFromFrame(e.data);
    if (message?.kind === 'frame-ready') {
      // The frame answered: from here only the overall timeout counts (the kernel's script may still be on its way).
      answered = true;
      clearTimeout(loaded);
      ready();
    }
    else if (message?.kind === 'worker-error' && dead === undefined) {
      dead = message.message || 'The kernel worker failed.';
      for (const l of deadListeners) l(dead);
    }
  };
  window.addEventListener('message', onWindowMessage);
  const remove = () => {
    window.removeEventListener('message', onWindowMessage);
    frame.remove();
  };

  const script = fetch(urls.script).then((r) => {
    if (!r.ok) throw new SandboxUnavailableError(`the kernel script could not be read (${r.status})`);
    return r.blob();
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let loaded: ReturnType<typeof setTimeout> | undefined;
  let settled = false;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SandboxUnavailableError(`the sandboxed frame did not answer within ${Math.round(options.timeoutMs / 1000)} s`)), options.timeoutMs);
      // A frame that loaded without saying it is ready got an error page (the server is gone): no need to wait the whole timeout.
      frame.addEventListener('load', () => {
        if (!settled && !answered) loaded = setTimeout(() => reject(new SandboxUnavailableError('the sandboxed frame could not be loaded')), LOADED_GRACE_MS);
      }, { once: true });
    });
    // Once the start has settled, a late rejection means nothing.
    timeout.catch(() => undefined);
    (options.parent ?? document.body).append(frame);
    await Promise.race([readyPromise, timeout]);
    const blob = await Promise.race([script, timeout]);
    const channel = new MessageChannel();
    const start: StartMessage = { kind: 'start', script: blob };
    // An opaque origin cannot be named as the target: '*' it is (the frame is ours and cannot navigate).
    frame.contentWindow!.postMessage(start, '*', [channel.port2]);
    return {
      mode: 'sandboxed',
      port: channel.port1,
      onDead(listener) {
        if (dead !== undefined) listener(dead);
        else deadListeners.push(listener);
      },
      terminate() {
        // Removing the frame ends its document and with it the worker, even one in a busy loop.
        remove();
        channel.port1.close();
      },
    };
  } catch (error) {
    remove();
    script.catch(() => undefined);
    throw error;
  } finally {
    settled = true;
    clearTimeout(timer);
    clearTimeout(loaded);
  }
}
