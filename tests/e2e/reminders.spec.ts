// Issue 4 reminders: a demo refund just inside the urgent window gets a desktop notification once the list has been
// seen, and the toolbar icon counts the urgent seller-side refunds. A fresh profile: reminders fire once per refund.
import { expect, settle, test } from './harness';
// @ts-expect-error plain ESM fixtures without types
import { launchWithExtension } from '../fixtures/browser.mjs';

test('a refund inside the urgent window raises a notification and the toolbar count', async ({ demo, browserTz }) => {
  const urgentSeller = demo.refunds.filter((r) => r.expected.actor === 'seller' && r.expected.state === 'urgent');
  expect(urgentSeller.length).toBeGreaterThan(0);
  const fresh = await launchWithExtension({ port: demo.port, headless: true, timezoneId: browserTz });
  try {
    const page = await fresh.context.newPage();
    await page.goto('https://myseller.taobao.com/home.htm/trade-platform/refund-list?pageSize=60');
    await settle(page);

    const extPage = await fresh.context.newPage();
    await extPage.goto(`chrome-extension://${fresh.extensionId}/popup.html`);
    await expect
      .poll(() => extPage.evaluate(async () => Object.keys(await (globalThis as any).chrome.notifications.getAll())), { timeout: 15_000 })
      .not.toEqual([]);
    const badgeText = await extPage.evaluate(() => (globalThis as any).chrome.action.getBadgeText({}));
    // Urgent and recently overdue seller-side refunds both need action; at least the urgent ones are counted.
    expect(Number(badgeText)).toBeGreaterThanOrEqual(urgentSeller.length);
  } finally {
    await fresh.close();
  }
});
