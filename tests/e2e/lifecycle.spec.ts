// When the extension is updated, reloaded or disabled while a refund page is open, its badges leave with it
// (ctx.onInvalidated): no orphan host stays on the seller's page.
import { expect, settle, test } from './harness';

test('reloading the extension removes every badge from open pages, without page errors', async ({ page, ext }) => {
  await page.goto('https://myseller.taobao.com/home.htm/trade-platform/refund-list');
  await expect(page.locator('[data-demo-refund-id]').first()).toBeVisible();
  const before = await settle(page);
  expect(before.length).toBeGreaterThan(0);

  const extPage = await ext.context.newPage();
  await extPage.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await extPage.evaluate(() => (globalThis as any).chrome.runtime.reload()).catch(() => undefined);
  await expect(page.locator('refund-radar-badge')).toHaveCount(0, { timeout: 10_000 });
  // The page itself keeps working: its own re-render still runs.
  await page.getByText('下一页').click();
  await expect(page.locator('[data-demo-refund-id]').first()).toBeVisible();
  await expect(page.locator('refund-radar-badge')).toHaveCount(0);
});
