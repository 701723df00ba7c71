// Issue 6: a full disk is never silent. When IndexedDB refuses writes with QuotaExceededError, the badges keep
// working, the popup says the page was not saved, and once space is back the next visit stores everything.
// A browser of its own: its service worker's IndexedDB is made to refuse writes, as on a full disk.
import type { Worker } from '@playwright/test';
import { expect, popupFor, settle, test } from './harness';
// @ts-expect-error plain ESM fixtures without types
import { launchWithExtension } from '../fixtures/browser.mjs';

const LIST = 'https://myseller.taobao.com/home.htm/trade-platform/refund-list';

/** Every put/add in the service worker throws QuotaExceededError (what Chromium raises when the disk is full). */
async function fillDisk(sw: Worker) {
  await sw.evaluate(() => {
    const g = globalThis as unknown as { __realWrites?: unknown[] };
    const proto = IDBObjectStore.prototype;
    g.__realWrites ??= [proto.put, proto.add];
    const quotaExceeded = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    proto.put = quotaExceeded;
    proto.add = quotaExceeded;
  });
}

async function freeDisk(sw: Worker) {
  await sw.evaluate(() => {
    const g = globalThis as unknown as { __realWrites: [typeof IDBObjectStore.prototype.put, typeof IDBObjectStore.prototype.add] };
    [IDBObjectStore.prototype.put, IDBObjectStore.prototype.add] = g.__realWrites;
  });
}

const diskFull = (sw: Worker) => sw.evaluate(() => IDBObjectStore.prototype.put.name === 'quotaExceeded');

async function storedRefunds(page: import('@playwright/test').Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('refund-radar');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('refunds').objectStore('refunds').count();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result);
          };
        };
      }),
  );
}

test('storage full: badges still shown, the popup says the page was not saved, nothing lost once space is back', async ({ demo, browserTz }) => {
  const own = await launchWithExtension({ port: demo.port, headless: true, timezoneId: browserTz });
  try {
    const sw = own.context.serviceWorkers()[0] ?? (await own.context.waitForEvent('serviceworker'));
    await fillDisk(sw);
    const page = await own.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e: Error) => errors.push(String(e)));
    await page.goto(LIST);
    const shown = await settle(page);
    expect(shown.length).toBeGreaterThan(0);
    expect(await diskFull(sw), 'the same service worker, still refusing writes').toBe(true);

    const { popup, until } = await popupFor(own.context, own.extensionId, page);
    await until(async (p) => {
      await expect(p.getByTestId('storage-error')).toContainText('存储空间不足', { timeout: 1000 });
      await expect(p.getByTestId('rows-read')).toContainText(String(shown.length), { timeout: 1000 });
    });
    await popup.screenshot({ path: 'tests/artifacts/e2e/popup-storage-full.png' });
    expect(await storedRefunds(popup)).toBe(0);

    // Space is back: the next visit of the list stores every refund and the warning is gone.
    await freeDisk(sw);
    await page.reload();
    await settle(page);
    await expect.poll(() => storedRefunds(popup), { timeout: 15_000 }).toBeGreaterThanOrEqual(shown.length);
    await expect(async () => {
      await popup.reload();
      await expect(popup.getByTestId('rows-read')).toContainText(String(shown.length), { timeout: 1000 });
      await expect(popup.getByTestId('storage-error')).toHaveCount(0, { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    expect(errors).toEqual([]);
  } finally {
    await own.close();
  }
});
