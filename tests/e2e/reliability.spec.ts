// Issue 6: several tabs writing the same refunds at once lose nothing and duplicate nothing; a service worker stopped
// in the middle of the work comes back with the history intact; no request leaves for anywhere but the demo pages.
import type { Page } from '@playwright/test';
import { expect, settle, test } from './harness';

const LIST = 'https://myseller.taobao.com/home.htm/trade-platform/refund-list?pageSize=60';
// @ts-expect-error plain ESM fixtures without types
import { DEMO_HOSTS } from '../fixtures/server.mjs';

/** Reads the history straight from the extension's IndexedDB (raw API, from one of its pages). */
async function history(page: import('@playwright/test').Page) {
  return page.evaluate(
    () =>
      new Promise<{ refunds: number; events: Record<string, number> }>((resolve, reject) => {
        const open = indexedDB.open('refund-radar');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['refunds', 'events'], 'readonly');
          const count = tx.objectStore('refunds').count();
          const events = tx.objectStore('events').getAll();
          tx.oncomplete = () => {
            const perRefund: Record<string, number> = {};
            for (const e of events.result as Array<{ refundId: string }>) perRefund[e.refundId] = (perRefund[e.refundId] ?? 0) + 1;
            open.result.close();
            resolve({ refunds: count.result, events: perRefund });
          };
        };
      }),
  );
}

test('three tabs on the same list at once: every refund once, every transition once', async ({ ext }) => {
  const tabs = await Promise.all([0, 1, 2].map(() => ext.context.newPage()));
  await Promise.all(tabs.map((t) => t.goto(LIST)));
  const shown = await Promise.all(tabs.map((t) => settle(t)));
  const ids = new Set(shown.flat().map((b) => b.refundId));
  // Each tab reports again while the others write (a re-render in every tab).
  await Promise.all(tabs.map((t) => t.getByText('临近超时排序').click()));
  await Promise.all(tabs.map((t) => settle(t)));
  const ext0 = await ext.context.newPage();
  await ext0.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await expect.poll(async () => (await history(ext0)).refunds, { timeout: 10_000 }).toBeGreaterThanOrEqual(ids.size);
  const h = await history(ext0);
  for (const id of ids) expect(h.events[id!], `events of ${id}`).toBe(1);
  for (const t of tabs) await t.close();
  await ext0.close();
});

test('a service worker stopped mid-work restarts with the history intact and keeps storing', async ({ ext, page }) => {
  await page.goto(LIST);
  await settle(page);
  const cdp = await ext.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers'); // likely while the page report is being written
  // The next page of another list makes the content script report again: the worker wakes up for it.
  await page.goto('https://refund2.taobao.com/dispute/sellerDisputeList.htm?type=1');
  await settle(page);
  const ext0 = await ext.context.newPage();
  await ext0.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await expect.poll(async () => (await history(ext0)).refunds, { timeout: 15_000 }).toBeGreaterThanOrEqual(60);
  const h = await history(ext0);
  expect(Math.max(...Object.values(h.events))).toBe(1);
  await ext0.close();
});

test('no request from the session goes anywhere but the demo seller center', async ({ ext }) => {
  const seen: string[] = [];
  ext.context.on('request', (r) => seen.push(r.url()));
  const page = await ext.context.newPage();
  await page.goto(LIST);
  await settle(page);
  await page.getByText('临近超时排序').click();
  await settle(page);
  // Each extension page until it shows what it loads (every request it makes on opening is made by then).
  const loaded: Record<string, (e: Page) => Promise<void>> = {
    'popup.html': async (e) => {
      await expect(e.getByTestId('as-of')).toBeVisible();
      await expect(e.getByTestId('chart-pending')).toHaveCount(0);
    },
    'options.html': (e) => expect(e.getByRole('button', { name: '导入并保存' })).toBeVisible(),
    'log.html': (e) => expect(e.getByTestId('summary')).toContainText('条退款'),
  };
  for (const [p, shown] of Object.entries(loaded)) {
    const e = await ext.context.newPage();
    await e.goto(`chrome-extension://${ext.extensionId}/${p}`);
    await shown(e);
    await e.close();
  }
  await page.close();
  expect(seen.length).toBeGreaterThan(0);
  const outside = seen.filter((u) => {
    const url = new URL(u);
    if (url.protocol === 'chrome-extension:' || url.protocol === 'data:' || url.protocol === 'blob:') return false;
    return !(DEMO_HOSTS as string[]).includes(url.hostname);
  });
  expect(outside).toEqual([]);
});
