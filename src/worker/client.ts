// The UI's handle on the kernel worker: typed request() calls that resolve
// with the worker's response, and a subscription to kernel events.
import type { FromWorker, Request, RequestMap, RequestType, WorkerEvent } from './protocol.ts';

export class KernelRestarted extends Error {}

export type WorkerListener = (event: WorkerEvent) => void;

export class KernelClient {
  private worker: Worker;
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private listeners = new Set<WorkerListener>();

  constructor(worker?: Worker) {
    this.worker = worker ?? new Worker(new URL('./kernel.worker.ts', import.meta.url), { type: 'module', name: 'kernel' });
    this.worker.addEventListener('message', (e: MessageEvent<FromWorker>) => this.receive(e.data));
    this.worker.addEventListener('error', (e) => {
      const message = e.message || 'The kernel worker failed to start.';
      for (const l of this.listeners) l({ kind: 'fatal', error: message, dead: true });
      for (const p of this.pending.values()) p.reject(new Error(message));
      this.pending.clear();
    });
  }

  private receive(message: FromWorker): void {
    if (message.kind === 'response') {
      const p = this.pending.get(message.id);
      if (!p) return;
      this.pending.delete(message.id);
      if (message.ok) p.resolve(message.result);
      else p.reject(new Error(message.error));
      return;
    }
    for (const l of this.listeners) l(message);
  }

  request<K extends RequestType>(type: K, params: RequestMap[K]['params']): Promise<RequestMap[K]['result']> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ kind: 'request', id, type, params } as Request);
    });
  }

  on(listener: WorkerListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stop the worker; pending requests reject with KernelRestarted. */
  terminate(reason = new Error('The kernel was stopped.')): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new KernelRestarted(reason.message));
    this.pending.clear();
  }
}
