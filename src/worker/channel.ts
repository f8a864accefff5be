/// <reference lib="webworker" />
// The kernel worker's side of the connection to the app. The app's first
// message (on the worker's global scope) hands over a MessagePort; every
// request, response, event and host call then goes over that port, so in the
// sandboxed frame the frame is a thin pass-through that never sees them.
// Without a port (an old client, tests) messages use the global scope.
import type { ConnectMessage, FromWorker, HostCall, HostOp, HostOpMap, HostReply } from './protocol.ts';
import type { HostCaller } from '../store/remote.ts';
import { CellError } from '../core/errors.ts';
import { ENGINE_MESSAGES, type MessageCode, type MessageParams } from '../core/messages.ts';

/** A host reply's catalogue code and parameters, kept only when the code is known and every parameter a string or number. */
export function catalogued(code: unknown, params: unknown): { code?: MessageCode; params?: MessageParams } {
  if (typeof code !== 'string' || !Object.hasOwn(ENGINE_MESSAGES, code)) return {};
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return {};
  const entries = Object.entries(params);
  if (!entries.every(([, v]) => typeof v === 'string' || typeof v === 'number')) return {};
  return { code: code as MessageCode, params: Object.fromEntries(entries) as MessageParams };
}

type Listener = (data: unknown) => void;

export class WorkerChannel {
  private port: MessagePort | undefined;
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  /** Sandboxed: nothing may be posted before the port arrives (the frame relays nothing), so it waits here. */
  private queue: { message: unknown; transfer: Transferable[] }[] = [];

  constructor(
    private readonly scope: DedicatedWorkerGlobalScope,
    private readonly sandboxed: boolean,
    private readonly onRequest: Listener,
  ) {
    scope.addEventListener('message', (e: MessageEvent) => {
      const data = e.data as Partial<ConnectMessage> | null;
      if (data?.kind === 'connect' && e.ports[0] && !this.port) {
        this.connect(e.ports[0]);
        return;
      }
      // In the frame, only the app's port speaks for the app.
      if (!sandboxed) this.onRequest(e.data);
    });
  }

  private connect(port: MessagePort): void {
    this.port = port;
    port.addEventListener('message', (e: MessageEvent) => {
      const data = e.data as { kind?: unknown } | null;
      if (data?.kind === 'host-reply') this.reply(data as HostReply);
      else this.onRequest(e.data);
    });
    port.start();
    for (const { message, transfer } of this.queue.splice(0)) port.postMessage(message, transfer);
  }

  post(message: FromWorker | HostCall, transfer: Transferable[] = []): void {
    if (this.port) this.port.postMessage(message, transfer);
    else if (this.sandboxed) this.queue.push({ message, transfer });
    else this.scope.postMessage(message, transfer);
  }

  private reply(r: HostReply): void {
    const p = this.pending.get(r.id);
    if (!p) return;
    this.pending.delete(r.id);
    if (r.ok) p.resolve(r.result);
    else if (r.name === 'CellError') p.reject(new CellError(r.error, { hint: r.hint, ...catalogued(r.code, r.params) }));
    else {
      const error = new Error(r.error);
      if (r.name) error.name = r.name;
      p.reject(error);
    }
  }

  /** A host operation performed by the app (sandboxed mode); rejects with the app's reason. */
  readonly call: HostCaller = <K extends HostOp>(op: K, ...args: HostOpMap[K]['args']) => {
    const id = this.nextId++;
    return new Promise<HostOpMap[K]['result']>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.post({ kind: 'host', id, op, args });
    });
  };
}

/**
 * A cell that calls close() (or self.close()) ends the worker without an
 * error event, and the app would wait for its answers forever: say so first
 * (a message posted before close() is still delivered), so the app starts a
 * fresh kernel. A deliberate bypass only loses the notice; Stop still
 * restarts the kernel after its grace period.
 */
export function reportClose(scope: DedicatedWorkerGlobalScope, channel: WorkerChannel): void {
  const close = scope.close.bind(scope);
  Object.defineProperty(scope, 'close', {
    configurable: true,
    writable: true,
    value: () => {
      channel.post({ kind: 'fatal', error: 'The kernel worker was closed (a cell called close()).', dead: true });
      close();
    },
  });
}
