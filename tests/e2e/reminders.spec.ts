// Issue 4 reminders: a demo refund just inside the seller's urgent window gets a desktop notification once the list
// has been seen, and the toolbar icon counts the urgent seller-side refunds.
import { expect, settle, test } from './harness';

test('a refund inside the urgent window raises a notification and the toolbar count', async ({ page, ext, demo }) => {
  const urgentSeller = demo.refunds.filter((r) => r.expected.actor === 'seller' && r.expected.state === 'urgent');
  expect(urgentSeller.length).toBeGreaterThan(0);

  await page.goto('https://myseller.taobao.com/home.htm/trade-platform/refund-list?pageSize=60');
  await settle(page);

  const extPage = await ext.context.newPage();
  await extPage.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await expect
    .poll(() => extPage.evaluate(async () => Object.keys(await (globalThis as any).chrome.notifications.getAll())), { timeout: 15_000 })
    .not.toEqual([]);
  const badgeText = await extPage.evaluate(() => (globalThis as any).chrome.action.getBadgeText({}));
  // Urgent + recently overdue seller-side refunds need action; at least the urgent ones are counted.
  expect(Number(badgeText)).toBeGreaterThanOrEqual(urgentSeller.length);
});
