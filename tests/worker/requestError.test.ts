// A request the kernel cannot answer keeps its catalogue code on the way to
// the page (issue 13): the worker sends the code, parameters and hint of a
// coded CellError (requestError.ts), the client's check lets them through
// and rejects with them (client.ts, validate.ts), and the session's notice
// says the error in Korean when the UI is (errorText.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { CellError } from '../../src/core/errors.ts';
import { switchBackend } from '../../src/ml/backend.ts';
import { failureOf, KernelRequestError } from '../../src/worker/requestError.ts';
import { KernelClient } from '../../src/worker/client.ts';
import { checkFromKernel } from '../../src/worker/validate.ts';
import { KernelSession, type SessionHooks } from '../../src/ui/session/kernelSession.ts';
import { errorText } from '../../src/ui/errorText.ts';
import { StateBox } from '../../src/ui/state.ts';
import { setLang } from '../../src/ui/i18n.ts';
import type { Request } from '../../src/worker/protocol.ts';

/** A client whose "worker" answers every request by throwing `error` there and sending what the worker would send. */
function clientFailingWith(error: unknown): KernelClient {
  const channel = new MessageChannel();
  const worker = channel.port2 as unknown as MessagePort;
  worker.on('message', (request: Request) => worker.postMessage({ kind: 'response', id: request.id, ok: false, ...failureOf(error) }));
  const transport = { mode: 'same-origin' as const, port: channel.port1 as unknown as globalThis.MessagePort, onDead: () => undefined, terminate: () => channel.port1.close() };
  return new KernelClient(transport);
}

/** The error the worker's switchBackend raises for a backend this machine lacks (WebGPU in Node). */
async function switchFailure(): Promise<unknown> {
  return switchBackend('webgpu').then(() => expect.fail('WebGPU should not start in Node'), (e: unknown) => e);
}

afterEach(() => setLang('en'));

describe('a failed kernel request on its way to the page', () => {
  it('the worker sends a coded error with its code, parameters and hint, and an uncoded one as text', async () => {
    const error = await switchFailure();
    expect(error).toBeInstanceOf(CellError);
    const sent = failureOf(error);
    expect(sent).toMatchObject({ code: 'backend.switchFailed', params: { name: 'webgpu' }, hint: 'Pick another backend (wasm and cpu work everywhere).' });
    // The message is the catalogue's English, without the class name describeThrown would put before it.
    expect(sent.error).toMatch(/^Cannot switch to the webgpu backend: /);
    expect(failureOf(new TypeError('x is undefined'))).toEqual({ error: 'TypeError: x is undefined' });
    expect(failureOf(new CellError('plain'))).toEqual({ error: 'CellError: plain' });
  });

  it('the page accepts a response with a code and texts or numbers as parameters, and nothing else', () => {
    const ok = { kind: 'response', id: 1, ok: false, error: 'e', code: 'backend.none', params: { detail: 'x', n: 2 }, hint: 'h' };
    expect(checkFromKernel(ok)).toEqual(ok);
    expect(checkFromKernel({ ...ok, params: { detail: { nested: 1 } } })).toBeUndefined();
    expect(checkFromKernel({ ...ok, code: 7 })).toBeUndefined();
    expect(checkFromKernel({ ...ok, hint: ['h'] })).toBeUndefined();
  });

  it('the client rejects with the code, and the notice is in Korean when the UI is', async () => {
    const client = clientFailingWith(await switchFailure());
    const rejected = await client.request('switchBackend', { name: 'webgpu' }).then(() => undefined, (e: unknown) => e);
    client.terminate();
    expect(rejected).toBeInstanceOf(KernelRequestError);
    expect(rejected).toMatchObject({ code: 'backend.switchFailed', params: { name: 'webgpu' } });
    expect(await errorText(rejected)).toMatch(/^Cannot switch to the webgpu backend: /);
    setLang('ko');
    expect(await errorText(rejected)).toMatch(/^webgpu 백엔드로 바꿀 수 없어요: .+\.$/);
    // An error without a code stays as the kernel said it.
    expect(await errorText(new KernelRequestError({ error: 'TypeError: boom' }))).toBe('TypeError: boom');
  });

  it('the session says a failed backend switch, and any request failing with a coded error, in Korean', async () => {
    setLang('ko');
    const notices: string[] = [];
    const hooks = { notify: (m: string) => notices.push(m), setBackendSetting: async () => undefined } as unknown as SessionHooks;
    const session = new KernelSession(new StateBox(), hooks);
    session.client = clientFailingWith(await switchFailure());
    await session.switchBackend('webgl');
    session.client.terminate();
    // connect() sends initBackend's failure through the same notice (notifyFailure); restoreModels is reachable here.
    const starting = clientFailingWith(CellError.coded('backend.none', { detail: 'wasm: no binaries; cpu: failed' }));
    await session.restoreModels(starting, 'nb-1');
    starting.terminate();
    await vi.waitFor(() => expect(notices).toHaveLength(2));
    expect(notices).toEqual([
      expect.stringMatching(/^webgpu 백엔드로 바꿀 수 없어요: /) as unknown,
      'tfjs 백엔드를 하나도 시작하지 못했어요 (wasm: no binaries; cpu: failed).',
    ]);
  });
});
