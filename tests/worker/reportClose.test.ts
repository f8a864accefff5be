// A cell that calls close() must be heard by the app: the worker says so on its port before it
// closes, so the app restarts the kernel instead of waiting for an answer that never comes.
import { describe, expect, it } from 'vitest';
import { reportClose, WorkerChannel } from '../../src/worker/channel.ts';

/** A stand-in for a dedicated worker's global scope: records what it posted and whether it closed. */
function fakeScope() {
  const target = new EventTarget();
  const posted: unknown[] = [];
  let closed = false;
  const scope = Object.assign(target, {
    postMessage: (m: unknown) => void posted.push(m),
    close: () => void (closed = true),
  });
  return { scope: scope as unknown as DedicatedWorkerGlobalScope, posted, closed: () => closed };
}

/** Connects the channel to a MessageChannel and returns what arrives on the app's end. */
async function connect(scope: DedicatedWorkerGlobalScope): Promise<{ received: unknown[]; port: MessagePort }> {
  const { port1, port2 } = new MessageChannel();
  const received: unknown[] = [];
  port1.onmessage = (e) => void received.push((e as MessageEvent).data);
  scope.dispatchEvent(new MessageEvent('message', { data: { kind: 'connect' }, ports: [port2] }));
  return { received, port: port1 };
}

const settle = () => new Promise((r) => setTimeout(r, 20));
const FATAL = { kind: 'fatal', error: 'The kernel worker was closed (a cell called close()).', dead: true };

describe('reportClose', () => {
  for (const sandboxed of [false, true]) {
    it(`${sandboxed ? 'in the sandboxed frame' : 'on the app origin'}: says so on the port, then closes`, async () => {
      const { scope, posted, closed } = fakeScope();
      const channel = new WorkerChannel(scope, sandboxed, () => undefined);
      const { received, port } = await connect(scope);
      reportClose(scope, channel);
      (scope as unknown as { close: () => void }).close();
      await settle();
      // The port keeps the order of the cell's own status events before it (the global scope would not).
      expect(received).toEqual([FATAL]);
      expect(posted).toEqual([]);
      expect(closed()).toBe(true);
      port.close();
    });
  }
});
