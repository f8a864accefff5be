// The app opens fast (shell only), opens the bundled notebook, runs it
// through window.workbench and shows metrics and charts; nothing is
// requested from another origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useApp } from './session.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { FLAGS, baseUrl, chromiumPath, launch, openApp, type Session } from './browser.ts';
import { allDone, cells, runAll, summary, waitForBackend } from './helpers.ts';

describe('app', () => {
  let s: Session;
  const requests: string[] = [];
  /** What the page itself asked for (not the service worker's precaching). */
  const pageRequests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    s = await launch();
    s.page.on('request', (r) => {
      requests.push(r.url());
      if (!r.serviceWorker()) pageRequests.push(r.url());
    });
    s.page.on('pageerror', (e) => errors.push(e.message));
    s.context.on('request', (r) => requests.push(r.url()));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('opens with the shell only (Monaco, Plotly load on demand)', async () => {
    await openApp(s.page, '/?backend=wasm');
    await s.page.getByRole('toolbar').waitFor();
    const scripts = pageRequests.filter((u) => /\.js(\?|$)/.test(u));
    expect(scripts.some((u) => /editor\.api|monaco/.test(u))).toBe(false);
    // Plotly's bundle (plotly-cartesian…), not the outputs chunk's little plotlyState chunk (whether Plotly is in yet).
    expect(scripts.some((u) => /plotly[-.]/.test(u))).toBe(false);
    // tfjs lives in the kernel worker's chunk, never in the page's own bundle.
    const mainScript = await s.page.evaluate(() => [...document.querySelectorAll('script[type=module]')].map((e) => (e as HTMLScriptElement).src));
    expect(mainScript.length).toBe(1);
  });

  it('opens the bundled notebook from the gallery', async () => {
    await s.page.locator('[data-course="penguins.ipynb"]').click();
    await s.page.waitForFunction(() => document.querySelectorAll('article.cell').length > 5);
    const list = await cells(s.page);
    expect(list.map((c) => c.kind)).toContain('train');
    expect(await s.page.locator('.notebook-title').inputValue()).toMatch(/Penguins/);
  });

  it('runs all through window.workbench and shows metrics and a chart', async () => {
    expect(await waitForBackend(s.page)).toBe('wasm');
    await runAll(s.page);
    const list = await cells(s.page);
    expect(allDone(list), summary(list)).toBe(true);
    const metrics = list.flatMap((c) => c.outputs).filter((o) => o.type === 'metrics');
    expect(metrics.length).toBeGreaterThan(0);
    const accuracy = (metrics[0].metrics as Record<string, number>).accuracy;
    expect(accuracy).toBeGreaterThan(0.8);
    // The evaluation view is a lazy chunk: plain metric cards (.pending) show first, then the
    // cards, the confusion matrix and the charts together, so wait for the real ones.
    await s.page.locator('.metric-card:not(.pending)').first().waitFor({ timeout: 30_000 });
    await s.page.locator('.confusion').first().waitFor({ timeout: 30_000 });
    await s.page.locator('.js-plotly-plot').first().waitFor({ timeout: 30_000 });
    expect(await s.page.locator('.grid [role=row]').count()).toBeLessThan(400);
  });

  it('requested nothing outside its own origin and threw no page errors', () => {
    const origin = new URL(baseUrl()).origin;
    const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('editing', () => {
  const s = useApp();

  it('adds a code cell, edits it in Monaco and runs it', async () => {
    // The add-cell menu: every step, grouped, with a search box.
    await s.page.locator('.notebook > .add-cell [data-action="add-step"]').click();
    await s.page.locator('.notebook > .add-cell .add-menu [data-add-kind="code"]').click();
    const cell = s.page.locator('article.cell.selected[data-kind="code"]');
    await cell.locator('.monaco-editor').waitFor({ timeout: 30_000 });
    await cell.locator('.monaco-editor .view-lines').click();
    await s.page.keyboard.type('return 6 * 7');
    await s.page.keyboard.press('Control+Enter');
    await s.page.waitForFunction(() => document.querySelector('article.cell.selected[data-kind="code"]')?.getAttribute('data-status') === 'done');
    expect(await cell.locator('.text-output').textContent()).toBe('42');
  });

  it('switches the interface to Korean, and the gallery lists each course notebook once in that language', async () => {
    const gallery = () => s.page.locator('[data-course]').evaluateAll((els) => els.map((e) => e.getAttribute('data-course')));
    // English: no Korean copies listed; each one offered beside its English original.
    expect(await gallery()).toContain('bank-marketing.ipynb');
    expect((await gallery()).filter((f) => f?.endsWith('.ko.ipynb'))).toEqual([]);
    await s.page.locator('[data-course="bank-marketing.ipynb"]').locator('text=Bank marketing').waitFor();
    expect(await s.page.locator('[data-course-other="bank-marketing.ko.ipynb"]').textContent()).toBe('한국어');
    await s.page.locator('[data-testid="language"]').selectOption('ko');
    // The Korean table is a chunk of its own, loaded on the switch: wait for it rather than race it.
    await s.page.locator('[data-action="run-all"]', { hasText: '모두 실행' }).waitFor({ timeout: 10_000 });
    // Korean: the Korean copies with their Korean titles (penguins too).
    const ko = await gallery();
    expect(ko).toContain('bank-marketing.ko.ipynb');
    expect(ko).not.toContain('bank-marketing.ipynb');
    expect(ko).toContain('penguins.ko.ipynb');
    expect(ko).not.toContain('penguins.ipynb');
    expect(await s.page.locator('[data-course="bank-marketing.ko.ipynb"]').textContent()).toContain('은행 마케팅');
    expect(await s.page.locator('[data-course-other="bank-marketing.ipynb"]').textContent()).toBe('English');
    await s.page.locator('[data-testid="language"]').selectOption('en');
    expect(await s.page.locator('[data-action="run-all"]').textContent()).toContain('Run all');
  });
});

describe('coming back', () => {
  it('shows the last notebook before the kernel is up, and a Run click made then runs once it is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlwb-e2e-'));
    // No service worker, so that the kernel's script can be held back (a slow machine, a cold cache).
    const context = await chromium.launchPersistentContext(dir, { executablePath: chromiumPath(), args: FLAGS, viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await context.addInitScript(() => localStorage.setItem('mlwb.gallerySeen', '1'));
      // A first visit stores the notebook; the second load is a student coming back, with a kernel that takes 4 s to arrive.
      await page.goto(baseUrl() + '/?backend=wasm');
      await page.waitForFunction(() => (window as unknown as { workbench?: { ready: Promise<void> } }).workbench !== undefined);
      await page.evaluate(() => (window as unknown as { workbench: { ready: Promise<void> } }).workbench.ready);
      let held = 0;
      await context.route(/\/assets\/kernel-sandbox-[^/]*\.js$|\/assets\/kernel\.worker-[^/]*\.js$/, async (route) => {
        held++;
        await new Promise((done) => setTimeout(done, 4000));
        await route.continue();
      });
      await page.reload({ waitUntil: 'commit' });
      const load = page.locator('article.cell[data-kind="load"]');
      await load.locator('.run-cell').waitFor();
      // The notebook is on screen while the kernel is still on its way (Run all waits for it; a cell's Run button does not).
      expect(await page.locator('[data-action="run-all"]').isDisabled()).toBe(true);
      await load.locator('.run-cell').click();
      await page.waitForFunction(() => ['done', 'error'].includes(document.querySelector('article.cell[data-kind="load"]')?.getAttribute('data-status') ?? ''), null, { timeout: 0 }); // the hang guard only
      expect(await load.getAttribute('data-status')).toBe('done');
      expect(held).toBeGreaterThan(0);
      // A kernel script that comes late is no reason to leave the sandbox (it was: 1.5 s after the frame loaded).
      expect(await page.evaluate(() => (window as unknown as { workbench: { isolation(): string } }).workbench.isolation())).toBe('sandboxed');
    } finally {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
