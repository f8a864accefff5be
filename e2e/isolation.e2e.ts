// Isolation (docs/security.md): the kernel runs in a worker inside a
// sandboxed, opaque-origin frame. A trusted code cell there reaches nothing
// of the app (IndexedDB, the page, cookies, app URLs), the app answers only
// allow-listed host calls scoped to the open notebook, bundled notebooks
// still run, and the fault paths (a worker that closes itself, an
// allocation failure) end with a clear message and a fresh kernel, in the
// sandbox and in the same-origin fallback.
import { describe, expect, it } from 'vitest';
import { useApp } from './session.ts';
import type { Page } from 'playwright-core';
import { baseUrl } from './browser.ts';
import { allDone, cells, openNotebook, penguins, runAll, runCellFromButton, summary } from './helpers.ts';

type W = { workbench: { isolation(): string; exportNotebook(): string } };

const code = (id: string, source: string) => ({ cell_type: 'code', id, metadata: { workbench: { kind: 'code', params: {} } }, source, outputs: [], execution_count: null });
const notebook = (title: string, cells: unknown[]) => ({ nbformat: 4, nbformat_minor: 5, metadata: { title }, cells });

const isolation = (page: Page) => page.evaluate(() => (window as unknown as W).workbench.isolation());

async function runCell(page: Page, id: string, until: string[] = ['done', 'error', 'cancelled']): Promise<string> {
  // Retries a click that did not start the cell, and says in which state it stayed if it never ends.
  return runCellFromButton(page, id, { until, timeout: 60_000 });
}

/** The JSON a code cell returned (its json output). */
async function jsonOutput(page: Page, id: string): Promise<Record<string, unknown>> {
  const cell = (await cells(page)).find((c) => c.id === id)!;
  const out = cell.outputs.find((o) => o.type === 'json');
  expect(out, summary([cell])).toBeDefined();
  return out!.value as Record<string, unknown>;
}

/** Every notice shown from now on (info notices disappear after 4 s). */
async function recordNotices(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { seenNotices: string[] };
    w.seenNotices = [];
    const seen = () => {
      for (const n of document.querySelectorAll('.notices .notice')) if (!w.seenNotices.includes(n.textContent ?? '')) w.seenNotices.push(n.textContent ?? '');
    };
    new MutationObserver(seen).observe(document.querySelector('.notices')!, { childList: true, subtree: true, characterData: true });
    seen();
  });
}

const notices = (page: Page) => page.evaluate(() => (window as unknown as { seenNotices: string[] }).seenNotices);

// What a code cell tries against the app; every attempt is recorded as its value or its error.
const PROBE = (origin: string) => `
const attempt = async (f) => { try { return { ok: true, value: String(await f()) }; } catch (e) { return { ok: false, error: e.name + ': ' + e.message }; } };
return {
  origin: self.origin,
  indexedDB: await attempt(() => new Promise((ok, fail) => {
    const q = indexedDB.open('ml-workbench');
    q.onsuccess = () => { const g = q.result.transaction('notebooks').objectStore('notebooks').getAll(); g.onsuccess = () => ok(JSON.stringify(g.result)); g.onerror = () => fail(g.error); };
    q.onerror = () => fail(q.error);
  })),
  parentDocument: await attempt(() => parent.document.title),
  cookie: await attempt(() => document.cookie),
  topLocation: await attempt(() => top.location.href),
  fetchRoot: await attempt(async () => (await fetch('/')).text()),
  fetchApp: await attempt(async () => (await fetch(${JSON.stringify(origin)} + '/index.html')).text()),
  localStorage: await attempt(() => localStorage.getItem('ml-workbench:pending-save')),
};`;

// Captures the kernel's own port (the next message it posts) and sends host calls on it directly, as hostile code could.
const HOST_CALLS = `
const send = MessagePort.prototype.postMessage;
let port;
MessagePort.prototype.postMessage = function (...args) { port = this; return send.apply(this, args); };
display('capturing the port');
MessagePort.prototype.postMessage = send;
const replies = {};
port.addEventListener('message', (e) => { if (e.data && e.data.kind === 'host-reply' && e.data.id >= 900000) replies[e.data.id] = e.data; });
const call = (id, op, args) => send.call(port, { kind: 'host', id, op, args });
call(900001, 'listNotebooks', []);
call(900002, 'getModel', ['user:someone-else::model']);
call(900003, 'fetchSameOrigin', ['/index.html']);
call(900004, 'getFile', ['file:not-in-this-notebook']);
call(900005, 'putModel', [{ id: 'user:someone-else::m', notebookId: 'user:someone-else', name: 'm', kind: 'mlp', cellId: '', size: 1, createdAt: 1, artifacts: {} }]);
call(900006, 'readDataset', ['penguins']);
await new Promise((r) => setTimeout(r, 1500));
const show = (r) => r ? (r.ok ? { ok: true, result: r.result === undefined ? 'undefined' : r.result instanceof Uint8Array ? 'bytes:' + r.result.length : typeof r.result } : { ok: false, error: r.error }) : 'no reply';
return { listNotebooks: show(replies[900001]), getModel: show(replies[900002]), fetchSameOrigin: show(replies[900003]), getFile: show(replies[900004]), putModel: show(replies[900005]), readDataset: show(replies[900006]) };`;

describe('isolation: the kernel in a sandboxed frame', () => {
  const s = useApp();

  it('runs the kernel in a hidden sandboxed frame (allow-scripts only)', async () => {
    expect(await isolation(s.page)).toBe('sandboxed');
    const frame = await s.page.evaluate(() => {
      const f = document.querySelector('iframe[data-kernel-sandbox]') as HTMLIFrameElement | null;
      return f && { sandbox: f.getAttribute('sandbox'), hidden: f.hidden, count: document.querySelectorAll('iframe[data-kernel-sandbox]').length };
    });
    expect(frame).toEqual({ sandbox: 'allow-scripts', hidden: true, count: 1 });
  });

  it('a trusted code cell reaches no other notebook, page, cookie or app URL', async () => {
    // Another notebook with a secret, saved in the app's IndexedDB.
    await openNotebook(s.page, notebook('Secret notebook', [{ cell_type: 'markdown', id: 'm1', metadata: {}, source: 'SECRET-7f3a' }]), { trusted: true });
    await s.page.locator('[data-testid="save-state"].save-saved').waitFor();
    await openNotebook(s.page, notebook('Probe', [code('probe', PROBE(baseUrl()))]), { trusted: true });
    expect(await runCell(s.page, 'probe')).toBe('done');
    const got = await jsonOutput(s.page, 'probe');
    expect(JSON.stringify(got)).not.toContain('SECRET-7f3a');
    expect(got.origin).toBe('null');
    expect(got.indexedDB).toEqual({ ok: false, error: expect.stringMatching(/^SecurityError: .*denied/) });
    // A worker has no parent, document or top; the frame's own would be another (opaque) origin.
    expect(got.parentDocument).toEqual({ ok: false, error: 'ReferenceError: parent is not defined' });
    expect(got.cookie).toEqual({ ok: false, error: 'ReferenceError: document is not defined' });
    expect(got.topLocation).toEqual({ ok: false, error: 'ReferenceError: top is not defined' });
    expect(got.localStorage).toEqual({ ok: false, error: 'ReferenceError: localStorage is not defined' });
    // '/' has no base on a blob:null worker; the full URL is refused (the frame's CSP: connect-src blob: only).
    expect(got.fetchRoot).toEqual({ ok: false, error: expect.stringMatching(/^TypeError: .*(parse URL|Invalid URL)/) });
    expect(got.fetchApp).toEqual({ ok: false, error: expect.stringMatching(/^TypeError: Failed to fetch/) });
  });

  it('answers only allow-listed host calls, scoped to the open notebook', async () => {
    await openNotebook(s.page, notebook('Host calls', [code('calls', HOST_CALLS)]), { trusted: true });
    expect(await runCell(s.page, 'calls')).toBe('done');
    const got = await jsonOutput(s.page, 'calls');
    expect(got.listNotebooks).toBe('no reply');
    expect(got.getModel).toEqual({ ok: false, error: expect.stringMatching(/may not read the saved model/) });
    expect(got.fetchSameOrigin).toEqual({ ok: false, error: expect.stringMatching(/only for a trusted cell of the open notebook/) });
    expect(got.getFile).toEqual({ ok: true, result: 'undefined' });
    expect(got.putModel).toEqual({ ok: false, error: expect.stringMatching(/may not save the model/) });
    // What the kernel needs still works: a bundled dataset's bytes.
    expect(got.readDataset).toEqual({ ok: true, result: expect.stringMatching(/^bytes:\d{4,}/) });
  });

  it('runs a bundled notebook to the end in the sandbox', async () => {
    await openNotebook(s.page, penguins());
    await runAll(s.page);
    const list = await cells(s.page);
    expect(allDone(list), summary(list)).toBe(true);
    expect(await isolation(s.page)).toBe('sandboxed');
  });

  it('a cell that closes the worker: a clear message, a fresh kernel, the notebook intact', async () => {
    await closeWorker(s.page, 'sandboxed');
  });

  it('an allocation failure: the out-of-memory notice, a fresh kernel, saved outputs intact', async () => {
    await openNotebook(s.page, notebook('Too big', [code('a', 'return 6 * 7'), code('big', 'const b = new ArrayBuffer(2 ** 40);\nreturn b.byteLength;'), code('after', "return 'fresh'")]), { trusted: true });
    await recordNotices(s.page);
    expect(await runCell(s.page, 'a')).toBe('done');
    await s.page.locator('[data-testid="save-state"].save-saved').waitFor();
    await runCell(s.page, 'big', ['error', 'cancelled']);
    await s.page.waitForFunction(() => (window as unknown as { seenNotices: string[] }).seenNotices.some((n) => /The kernel was restarted\./.test(n)), null, { timeout: 60_000 });
    const seen = await notices(s.page);
    expect(seen.some((n) => /Out of memory in a cell: the data is too large for this browser tab \(.*array buffer/i.test(n)), seen.join(' | ')).toBe(true);
    const big = (await cells(s.page)).find((c) => c.id === 'big')!;
    expect(big.outputs.some((o) => o.type === 'error' && /invalid array buffer length/i.test(String(o.message))), summary([big])).toBe(true);
    expect(await isolation(s.page)).toBe('sandboxed');
    // The old frame is gone with its worker; one fresh frame holds the new kernel.
    expect(await s.page.evaluate(() => document.querySelectorAll('iframe[data-kernel-sandbox]').length)).toBe(1);
    // The fresh kernel runs cells; the earlier output is still in the notebook.
    expect(await runCell(s.page, 'after')).toBe('done');
    expect(await s.page.locator('article.cell[data-cell-id="after"] .text-output').textContent()).toBe('fresh');
    const saved = JSON.parse(await s.page.evaluate(() => (window as unknown as W).workbench.exportNotebook())) as { cells: { id: string; outputs: unknown[] }[] };
    expect(saved.cells.map((c) => c.id)).toEqual(['a', 'big', 'after']);
    expect(JSON.stringify(saved.cells[0].outputs)).toContain('42');
  });
});

describe('isolation: the same-origin fallback', () => {
  const s = useApp({ path: '/?backend=wasm&isolation=off' });

  it('runs the kernel on the app origin when asked, and a closed worker is replaced there too', async () => {
    expect(await isolation(s.page)).toBe('same-origin');
    expect(await s.page.locator('iframe[data-kernel-sandbox]').count()).toBe(0);
    await closeWorker(s.page, 'same-origin');
  });
});

// A V8 heap exhaustion in the kernel worker (a loop that grows an array
// without end) ends the whole renderer in Chromium, sandboxed frame or not
// (measured; docs/security.md). Growing the heap to its limit here would cost
// gigabytes of the CI machine's memory, so the renderer is crashed through
// CDP while a cell runs: what the next start does is the same.
describe('isolation: the tab dies while a cell runs', () => {
  const s = useApp();

  it('the next start names the cell that was running; the notebook and earlier outputs are kept; the kernel runs again', async () => {
    await openNotebook(s.page, notebook('Dies', [code('a', 'return 6 * 7'), code('grow', 'while (true) {}'), code('after', "return 'fresh'")]), { trusted: true });
    expect(await runCell(s.page, 'a')).toBe('done');
    await s.page.locator('[data-testid="save-state"].save-saved').waitFor();
    await s.page.locator('article.cell[data-cell-id="grow"] .run-cell').click();
    await s.page.waitForFunction(() => document.querySelector('article.cell[data-cell-id="grow"]')?.getAttribute('data-status') === 'running');
    const crashed = new Promise((r) => s.page.once('crash', r));
    const cdp = await s.context.newCDPSession(s.page);
    // The answer never comes from a crashed renderer: wait for the crash event instead.
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;
    const page = await s.context.newPage();
    await page.goto(baseUrl() + '/?backend=wasm');
    await page.waitForFunction(() => (window as unknown as { workbench?: unknown }).workbench !== undefined, null, { timeout: 60_000 });
    await page.evaluate(() => (window as unknown as { workbench: { ready: Promise<void> } }).workbench.ready);
    await page.locator('.notices .notice', { hasText: 'The browser tab stopped while cell 2 was running' }).waitFor();
    const list = await cells(page);
    expect(list.map((c) => c.id)).toEqual(['a', 'grow', 'after']);
    expect(JSON.stringify(list[0].outputs)).toContain('42');
    const grow = list[1];
    expect(grow.status).toBe('error');
    expect(grow.outputs).toEqual([expect.objectContaining({ type: 'error', message: expect.stringMatching(/^The browser tab stopped while this cell was running/) })]);
    // The reopened notebook paints before its kernel has the cells: a click that early can be lost, so it is repeated until the cell starts.
    const statusOf = (id: string) => page.evaluate((cellId) => document.querySelector(`article.cell[data-cell-id="${cellId}"]`)?.getAttribute('data-status') ?? '', id);
    for (let attempt = 0; attempt < 3 && (await statusOf('after')) === 'idle'; attempt++) {
      await page.locator('article.cell[data-cell-id="after"] .run-cell').click();
      await page.waitForFunction(() => document.querySelector('article.cell[data-cell-id="after"]')?.getAttribute('data-status') !== 'idle', null, { timeout: 5_000 }).catch(() => undefined);
    }
    await page.waitForFunction(() => ['done', 'error'].includes(document.querySelector('article.cell[data-cell-id="after"]')?.getAttribute('data-status') ?? ''), null, { timeout: 60_000 });
    expect(await statusOf('after')).toBe('done');
    // A normal reload is no crash: the next start blames no cell.
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { workbench?: unknown }).workbench !== undefined, null, { timeout: 60_000 });
    await page.evaluate(() => (window as unknown as { workbench: { ready: Promise<void> } }).workbench.ready);
    expect(await page.locator('.notices .notice', { hasText: 'The browser tab stopped' }).count()).toBe(0);
    expect((await cells(page)).find((c) => c.id === 'after')?.outputs).toEqual([expect.objectContaining({ text: 'fresh' })]);
  });
});

/** A cell calls close(): the notice says so, the running cell is stopped, a fresh kernel runs the next cell, and the notebook keeps its cells and outputs. */
async function closeWorker(page: Page, mode: string): Promise<void> {
  await openNotebook(page, notebook('Closing worker', [code('a', 'return 1 + 1'), code('bye', 'close();\nawait new Promise((r) => setTimeout(r, 60000));'), code('after', 'return 3')]), { trusted: true });
  await recordNotices(page);
  expect(await runCell(page, 'a')).toBe('done');
  expect(await runCell(page, 'bye', ['cancelled'])).toBe('cancelled');
  await page.waitForFunction(() => (window as unknown as { seenNotices: string[] }).seenNotices.some((n) => /The kernel was restarted\./.test(n)), null, { timeout: 60_000 });
  const seen = await notices(page);
  // The worker's own words, shown as the notebook's (under its title), not in the app's voice.
  expect(seen.some((n) => n.includes('From the code of notebook “Closing worker” (not from this app):') && n.includes('The kernel worker was closed (a cell called close()).')), seen.join(' | ')).toBe(true);
  const bye = (await cells(page)).find((c) => c.id === 'bye')!;
  expect(bye.outputs.some((o) => o.type === 'error' && /the kernel ran out of memory or crashed, so it was restarted/.test(String(o.message)))).toBe(true);
  expect(await isolation(page)).toBe(mode);
  expect(await runCell(page, 'after')).toBe('done');
  expect(await page.locator('article.cell[data-cell-id="after"] .text-output').textContent()).toBe('3');
  const list = await cells(page);
  expect(list.map((c) => c.id)).toEqual(['a', 'bye', 'after']);
  expect(JSON.stringify(list[0].outputs)).toContain('2');
}
