// Issue 3 end to end: browsing the demo list fills the local history; paid orders entered in the options page; the
// popup then shows the indicators that the §6 formulas give for that history.
import { computeIndicators, type RefundFacts } from '@/lib/indicators';
import { addDays, beijingDate } from '@/lib/time/beijing';
import { expect, settle, test, waitUntilStored } from './harness';

const QN_LIST = 'https://myseller.taobao.com/home.htm/trade-platform/refund-list';
const PAID_PER_DAY = 100;

test('browse the list, enter paid orders, and read the expected indicators in the popup', async ({ page, ext, demo }) => {
  // 1. Browse every page of the list: each refund is stored (in the background, not in the page's origin). The
  //    options page (step 2) is opened first: the history is read from the extension's origin.
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await page.bringToFront();
  await page.goto(QN_LIST);
  await expect(page.locator('[data-demo-refund-id]').first()).toBeVisible();
  const seenAt = Date.now();
  for (let i = 0; i < 3; i++) {
    if (i > 0) await page.getByText('下一页').click();
    const shown = await settle(page);
    // The next page may only be asked for once this one is stored: a page left within a second is never reported.
    await waitUntilStored(options, shown.map((b) => b.refundId!));
  }

  // 2. Paid orders for the window, pasted into the options page as from a spreadsheet.
  const today = beijingDate(Date.now());
  const lines = Array.from({ length: 28 }, (_, d) => `${addDays(today, -d)}\t${PAID_PER_DAY}`).join('\n');
  await options.bringToFront();
  await options.getByLabel('两列：日期和笔数，每行一天（Tab 或逗号分隔）').fill(lines);
  await options.getByRole('button', { name: '导入并保存' }).click();
  await expect(options.getByTestId('paste-result')).toContainText('已保存 28 天');

  // 3. What the formulas give for the demo refunds as stored: completed ones first seen completed at `seenAt`,
  //    intervening ones first seen intervened then (§6.5), exchanges left out (§6.1), 28 × 100 paid orders.
  const facts: RefundFacts[] = demo.refunds.map((r: any) => ({
    refundId: r.refundId,
    type: r.type,
    phase: r.phase,
    appliedAt: r.appliedAt,
    ...(r.status === 'success' || r.status === 'closed' ? { completedAt: seenAt } : {}),
    ...(r.status === 'intervening' ? { intervenedAt: seenAt } : {}),
  }));
  const paid = Object.fromEntries(Array.from({ length: 28 }, (_, d) => [addDays(today, -d), PAID_PER_DAY]));
  const want = computeIndicators(facts, paid, Date.now());
  expect(want.disputes).toBeGreaterThan(0);
  expect(want.completed).toBeGreaterThan(0);

  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 400, height: 1600 });
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  const value = (key: string) => popup.getByTestId(`sub-${key}`).getByTestId('value');
  await expect(value('disputeRate')).toHaveText(`${(want.disputeRate! * 100).toFixed(4)}%`);
  await expect(value('completionDays')).toContainText(want.completionDays!.toFixed(2));
  await expect(value('selfCompletionRate')).toHaveText(`${(want.selfCompletionRate! * 100).toFixed(2)}%`);
  await expect(popup.getByTestId('rank-share')).toBeVisible();
  await popup.screenshot({ path: 'tests/artifacts/e2e/popup-indicators.png', fullPage: true });
});
