// The UI's handle on the kernel worker: typed request() calls that resolve
// with the worker's response, and a subscription to kernel events. The
// worker is reached through a transport: a MessagePort to a module worker
// on the app's origin, or to a classic worker inside the sandboxed frame
// (sandbox.ts). Every message from the worker is checked (validate.ts)
// before it is used; host calls (sandboxed mode) go to the host handler.
import type { HostCall, HostReply, IsolationMode, Request, RequestMap, RequestType, WorkerEvent } from './protocol.ts';
import { checkFromKernel, checkResult } from './validate.ts';

import { KernelRestarted } from './restarted.ts';
import { KernelRequestError } from './requestError.ts';

export { KernelRestarted };

export type WorkerListener = (event: WorkerEvent) => void;

/** How the app reaches one kernel worker. */
export interface KernelTransport {
  readonly mode: IsolationMode;
  /** The app's end of the channel the worker talks on. */
  readonly port: MessagePort;
  /** The worker raised an error event (failed to start, or an uncaught error): it is treated as dead. */
  onDead(listener: (message: string) => void): void;
  /** Stop the worker (and, sandboxed, remove its frame). */
  terminate(): void;
}

/** Answers a sandboxed kernel's host calls: the result and what to transfer, or a throw (the refusal). */
export type HostHandler = (call: HostCall) => Promise<{ result: unknown; transfer: Transferable[] }>;

/** Today's kernel: a module worker on the app's origin (the fallback when the sandbox cannot start). */
export function sameOriginTransport(): KernelTransport {
  const worker = new Worker(new URL('./kernel.worker.ts', import.meta.url), { type: 'module', name: 'kernel' });
  const channel = new MessageChannel();
  worker.postMessage({ kind: 'connect' }, [channel.port2]);
  const listeners: ((message: string) => void)[] = [];
  worker.addEventListener('error', (e) => {
    for (const l of listeners) l(e.message || 'The kernel worker failed to start.');
  });
  return {
    mode: 'same-origin',
    port: channel.port1,
    onDead: (l) => void listeners.push(l),
    terminate() {
      worker.terminate();
      channel.port1.close();
    },
  };
}

export class KernelClient {
  private readonly transport: KernelTransport;
  private nextId = 1;
  private pending = new Map<number, { type: RequestType; resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private listeners = new Set<WorkerListener>();
  private dropped = 0;
  private terminated = false;

  constructor(transport?: KernelTransport, private readonly host?: HostHandler) {
    this.transport = transport ?? sameOriginTransport();
    this.transport.port.addEventListener('message', (e: MessageEvent) => this.receive(e.data));
    this.transport.port.start();
    this.transport.onDead((message) => {
      if (this.terminated) return;
      for (const l of this.listeners) l({ kind: 'fatal', error: message, dead: true });
      for (const p of this.pending.values()) p.reject(new Error(message));
      this.pending.clear();
    });
  }

  /** Where this kernel runs. */
  get mode(): IsolationMode {
    return this.transport.mode;
  }

  /** Messages dropped because they were not of the protocol's shapes (tests, diagnostics). */
  get droppedMessages(): number {
    return this.dropped;
  }

  private receive(data: unknown): void {
    // A stopped kernel's last messages (a run's end after a crash notice) are not news any more.
    if (this.terminated) return;
    const message = checkFromKernel(data);
    if (!message) {
      this.dropped++;
      return;
    }
    if (message.kind === 'host') {
      void this.answerHost(message);
      return;
    }
    if (message.kind === 'response') {
      const p = this.pending.get(message.id);
      if (!p) return;
      this.pending.delete(message.id);
      if (!message.ok) p.reject(new KernelRequestError(message));
      else if (!checkResult(p.type, message.result)) p.reject(new Error(`The kernel's answer to "${p.type}" is not of the expected shape.`));
      else p.resolve(message.result);
      return;
    }
    for (const l of this.listeners) l(message);
  }

  private async answerHost(call: HostCall): Promise<void> {
    let reply: HostReply;
    let transfer: Transferable[] = [];
    try {
      if (!this.host) throw new Error('This kernel has no host services from the app.');
      const answer = await this.host(call);
      reply = { kind: 'host-reply', id: call.id, ok: true, result: answer.result };
      transfer = answer.transfer;
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      const { hint, code, params } = e as { hint?: unknown; code?: unknown; params?: unknown };
      reply = {
        kind: 'host-reply', id: call.id, ok: false, error: e.message, name: e.name, hint: typeof hint === 'string' ? hint : undefined,
        ...(typeof code === 'string' ? { code, params: params as Record<string, string | number> } : {}),
      };
    }
    try {
      this.transport.port.postMessage(reply, transfer);
    } catch {
      // The kernel is gone (terminated meanwhile): nobody waits for the answer.
    }
  }

  request<K extends RequestType>(type: K, params: RequestMap[K]['params']): Promise<RequestMap[K]['result']> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.terminated) return reject(new KernelRestarted('The kernel was restarted.'));
      this.pending.set(id, { type, resolve: resolve as (v: unknown) => void, reject });
      this.transport.port.postMessage({ kind: 'request', id, type, params } as Request);
    });
  }

  on(listener: WorkerListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stop the worker; pending requests reject with KernelRestarted. */
  terminate(reason = new Error('The kernel was stopped.')): void {
    this.terminated = true;
    this.transport.terminate();
    for (const p of this.pending.values()) p.reject(new KernelRestarted(reason.message));
    this.pending.clear();
  }
}
