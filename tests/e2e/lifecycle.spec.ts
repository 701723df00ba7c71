// When the extension is updated, reloaded or disabled while a refund page is open, its badges leave with it
// (ctx.onInvalidated): no orphan host stays on the seller's page. A browser of its own: the reload is final for it.
import { expect, settle, test } from './harness';
// @ts-expect-error plain ESM fixtures without types
import { launchWithExtension } from '../fixtures/browser.mjs';

test('reloading the extension removes every badge from open pages, without page errors', async ({ demo, browserTz }) => {
  const own = await launchWithExtension({ port: demo.port, headless: true, timezoneId: browserTz });
  try {
    const page = await own.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e: Error) => errors.push(String(e)));
    await page.goto('https://myseller.taobao.com/home.htm/trade-platform/refund-list');
    await expect(page.locator('[data-demo-refund-id]').first()).toBeVisible();
    const before = await settle(page);
    expect(before.length).toBeGreaterThan(0);

    const extPage = await own.context.newPage();
    await extPage.goto(`chrome-extension://${own.extensionId}/popup.html`);
    await extPage.evaluate(() => (globalThis as any).chrome.runtime.reload()).catch(() => undefined);
    await expect(page.locator('refund-radar-badge')).toHaveCount(0, { timeout: 10_000 });
    // The page itself keeps working: its own re-render still runs.
    await page.getByText('下一页').click();
    await expect(page.locator('[data-demo-refund-id]').first()).toBeVisible();
    await expect(page.locator('refund-radar-badge')).toHaveCount(0);
    expect(errors).toEqual([]);
  } finally {
    await own.close();
  }
});
