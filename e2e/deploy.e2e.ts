// The endpoint in the browser (issue 18): the bank-marketing course runs to
// the end — deploy, 1,000 requests split 70/30 between two variants,
// monitoring, undeploy and redeploy — the endpoint card and the monitor's
// output are on the page, and the endpoint (its config history and request
// log, in IndexedDB) is still there after a reload.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './session.ts';
import { cells, summary } from './helpers.ts';

type StoredEndpoint = { name: string; configs: { config: number; status: string; variants: { variant: string; weight: number }[] }[]; log: { config: number; variant: string; label?: unknown }[] };

/** The endpoints as the app keeps them (the workbench database's endpoints store). */
function storedEndpoints(page: Page): Promise<StoredEndpoint[]> {
  return page.evaluate(() => new Promise<StoredEndpoint[]>((resolve, reject) => {
    const open = indexedDB.open('ml-workbench');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('endpoints').objectStore('endpoints').getAll();
      get.onsuccess = () => {
        resolve(get.result as StoredEndpoint[]);
        open.result.close();
      };
      get.onerror = () => reject(get.error);
    };
  }));
}

describe('an endpoint inside the app', () => {
  const s = useApp({ course: 'bank-marketing.ipynb' });

  it('deploys, splits traffic, monitors, redeploys, and survives a reload', async () => {
    const page = s.page;
    await page.locator('[data-action="run-all"]').click();
    await page.waitForFunction(() => {
      const list = (window as unknown as { workbench: { cells(): { kind: string; status: string }[] } }).workbench.cells();
      return list.filter((c) => c.kind !== 'markdown' && c.kind !== 'foreign').every((c) => c.status === 'done' || c.status === 'error' || c.status === 'cancelled');
    }, null, { timeout: 0, polling: 500 });
    const list = (await cells(page)).filter((c) => c.kind !== 'markdown' && c.kind !== 'foreign');
    expect(list.every((c) => c.status === 'done'), summary(list)).toBe(true);

    // The endpoint card of each deploy, and the monitor's verdict and tables.
    const deploys = page.locator('article.cell[data-kind="deploy"]');
    await deploys.nth(0).getByText('Endpoint "bank-marketing-endpoint" · config 1 · InService').waitFor();
    await deploys.nth(1).getByText('Endpoint "bank-marketing-endpoint" · config 2 · InService').waitFor();
    await deploys.nth(2).getByText('config 3 · Deleted').waitFor();
    await deploys.nth(3).getByText('config 4 · InService').waitFor();
    const invoke = page.locator('article.cell[data-kind="invoke"]').nth(1);
    await invoke.getByText('within the 99 % binomial interval of its weight').waitFor();
    const monitor = page.locator('article.cell[data-kind="monitor"]');
    await monitor.getByText('Live metrics of bank-marketing-endpoint by variant').waitFor();
    await monitor.getByText('Input drift of the requests against the training data').waitFor();
    await monitor.getByText(/No alert|alert/).first().waitFor();

    const check = (endpoints: StoredEndpoint[]) => {
      const e = endpoints.find((x) => x.name === 'bank-marketing-endpoint')!;
      expect(e.configs.map((c) => [c.config, c.status])).toEqual([[1, 'in-service'], [2, 'in-service'], [3, 'deleted'], [4, 'in-service']]);
      expect(e.configs[1].variants.map((v) => [v.variant, v.weight])).toEqual([['current', 70], ['tuned', 30]]);
      const ab = e.log.filter((x) => x.config === 2);
      expect(ab).toHaveLength(1000);
      // scipy.stats.binom.interval(0.99, 1000, 0.7) = (662, 737).
      const current = ab.filter((x) => x.variant === 'current').length;
      expect(current).toBeGreaterThanOrEqual(662);
      expect(current).toBeLessThanOrEqual(737);
      // The monitor joined the labels onto the log.
      expect(ab.every((x) => x.label === 'yes' || x.label === 'no')).toBe(true);
      return e;
    };
    const before = check(await storedEndpoints(page));

    await page.locator('[data-testid="save-state"].save-saved').waitFor();
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { workbench?: unknown }).workbench !== undefined);
    await page.evaluate(() => (window as unknown as { workbench: { ready: Promise<void> } }).workbench.ready);
    const after = check(await storedEndpoints(page));
    expect(after).toEqual(before);
  });
});
