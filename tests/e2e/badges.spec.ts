// The badge contract (domain.md §8) on every demo layout, in the production build, on the real host names.
import { SHOTS, expect, expectMatchesTruth, popupFor, readBadges, settle, shownRefundIds, test } from './harness';

const QN_LIST = 'https://myseller.taobao.com/home.htm/trade-platform/refund-list';
const LAYOUTS = [
  { name: 'qianniu table', url: QN_LIST },
  { name: 'qianniu ARIA grid', url: 'https://qn.taobao.com/home.htm/trade-platform/refund-list?layout=grid' },
  { name: 'qianniu cards', url: `${QN_LIST}?layout=cards` },
  { name: 'qianniu tp shell', url: 'https://qn.taobao.com/home.htm/trade-platform/tp/refund-list' },
  { name: 'legacy refund2 taobao', url: 'https://refund2.taobao.com/dispute/sellerDisputeList.htm?type=1&showFrame=false' },
  { name: 'legacy refund2 tmall', url: 'https://refund2.tmall.com/dispute/sellerDisputeList.htm?type=1' },
];

for (const layout of LAYOUTS) {
  test(`${layout.name}: one correct badge per readable row, none on unreadable rows`, async ({ page, demo }) => {
    await page.goto(layout.url);
    await expect(page.locator('[data-demo-refund-id]').first()).toBeVisible();
    const shown = await shownRefundIds(page);
    expect(shown.length).toBeGreaterThan(10);
    const badges = await settle(page);
    expect(badges.map((b) => b.refundId).sort()).toEqual([...shown].sort());
    expectMatchesTruth(badges, demo);
    // Each host sits inside the row it describes.
    const misplaced = await page.locator('refund-radar-badge').evaluateAll((hosts) =>
      hosts.filter((h) => h.closest('[data-demo-refund-id]')?.getAttribute('data-demo-refund-id') !== h.getAttribute('data-refund-id')).length,
    );
    expect(misplaced).toBe(0);
    await page.screenshot({ path: `${SHOTS}/${layout.name.replace(/\W+/g, '-')}.png` });
  });
}

/** The stored deadlineAt (ISO, null without one) per refund, straight from the extension's IndexedDB (raw API). */
async function storedDeadlines(extPage: import('@playwright/test').Page, ids: string[]): Promise<Record<string, string | null>> {
  return extPage.evaluate(
    (wanted) =>
      new Promise<Record<string, string | null>>((resolve, reject) => {
        const open = indexedDB.open('refund-radar');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('refunds').objectStore('refunds');
          const out: Record<string, string | null> = {};
          for (const id of wanted) {
            const req = store.get(id);
            req.onsuccess = () => {
              const at = (req.result as { deadlineAt?: number } | undefined)?.deadlineAt;
              if (req.result) out[id] = at === undefined ? null : new Date(at).toISOString();
            };
          }
          store.transaction.oncomplete = () => {
            open.result.close();
            resolve(out);
          };
        };
      }),
    ids,
  );
}

test('every badge shows the deadline stored for its refund (one deadline policy)', async ({ page, ext }) => {
  await page.goto(QN_LIST);
  await expect(page.locator('[data-demo-refund-id]').first()).toBeVisible();
  const shown = (await settle(page)).map((b) => b.refundId!);
  const extPage = await ext.context.newPage();
  await extPage.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  // Until the page's report is stored and the badges have the background's answer (a first-seen time, R5a).
  await expect(async () => {
    const stored = await storedDeadlines(extPage, shown);
    const badges = await readBadges(page);
    expect(Object.keys(stored).sort()).toEqual([...shown].sort());
    expect(Object.fromEntries(badges.map((b) => [b.refundId, b.deadline]))).toEqual(stored);
  }).toPass({ timeout: 15_000 });
  await extPage.close();
});

test('pagination, sorting and tabs re-render rows without duplicate or stale badges', async ({ page, demo }) => {
  await page.goto(QN_LIST);
  await expect(page.locator('[data-demo-refund-id]').first()).toBeVisible();
  const check = async () => {
    const badges = await settle(page);
    const shown = await shownRefundIds(page);
    expect(badges.map((b) => b.refundId).sort()).toEqual([...shown].sort());
    expectMatchesTruth(badges, demo);
    return shown;
  };
  /** Clicks a control and waits for the list's client-side re-render (the URL does not change). */
  const rerender = async (text: string) => {
    const before = Number(await page.locator('html').getAttribute('data-demo-renders'));
    const url = page.url();
    await page.getByText(text, { exact: false }).first().click();
    await expect(page.locator('html')).toHaveAttribute('data-demo-renders', String(before + 1));
    expect(page.url()).toBe(url);
  };
  const page1 = await check();
  await rerender('下一页');
  const page2 = await check();
  expect(page2).not.toEqual(page1);
  await rerender('下一页');
  await check();
  await rerender('临近超时排序');
  await check();
  await rerender('待商家处理');
  const sellerTab = await check();
  const badges = await readBadges(page);
  expect(badges.filter((b) => b.actor === 'seller').length).toBeGreaterThan(0);
  expect(sellerTab.length).toBe(badges.length);
  await page.screenshot({ path: `${SHOTS}/qianniu-sorted-seller-tab.png` });
});

test('rows patched in place (same elements, new refunds) get their badges updated, not duplicated', async ({ page, demo }) => {
  await page.goto(`${QN_LIST}?dom=reuse`);
  await expect(page.locator('[data-demo-refund-id]').first()).toBeVisible();
  for (let i = 0; i < 3; i++) {
    if (i > 0) {
      await page.getByText('下一页').click();
      await expect(page.locator('html')).toHaveAttribute('data-demo-renders', String(i + 1));
    }
    const shown = await shownRefundIds(page);
    const badges = await settle(page);
    expect(badges.map((b) => b.refundId).sort()).toEqual([...shown].sort());
    expectMatchesTruth(badges, demo);
  }
});

test('detail pages get one badge for their refund', async ({ page, demo }) => {
  const withCountdown = demo.refunds.find((r) => r.expected.deadlineSource === 'page' && r.expected.state !== 'done')!;
  for (const url of [
    `https://qn.taobao.com/home.htm/trade-platform/refund-list/detail?disputeId=${withCountdown.refundId}&type=1`,
    `https://refund2.taobao.com/dispute/detail.htm?disputeId=${withCountdown.refundId}`,
  ]) {
    await page.goto(url);
    await expect(page.locator('refund-radar-badge')).toHaveCount(1);
    const [badge] = await readBadges(page);
    expect(badge!.refundId).toBe(withCountdown.refundId);
    expect(badge!.status).toBe(withCountdown.expected.status);
    expect(badge!.actor).toBe(withCountdown.expected.actor);
  }
  await page.screenshot({ path: `${SHOTS}/legacy-detail.png` });
});

test('the popup counts the rows it could not understand', async ({ page, ext }) => {
  await page.goto(QN_LIST);
  const shown = await shownRefundIds(page);
  await settle(page);
  // Once the background has stored the page, open refunds' badges say what they do to the indicators (§6.8).
  const seller = page.locator('refund-radar-badge[data-actor="seller"]').first();
  await expect.poll(() => seller.evaluate((h) => h.shadowRoot?.querySelector('[title]')?.getAttribute('title') ?? '')).toContain('若介入：纠纷率');
  const done = page.locator('refund-radar-badge[data-state="done"]').first();
  expect(await done.evaluate((h) => h.shadowRoot?.querySelector('[title]')?.getAttribute('title') ?? '')).not.toContain('若介入');
  // The popup describes the active tab; opened as a page it is told which tab — the list's.
  const { popup, until } = await popupFor(ext.context, ext.extensionId, page);
  await until((p) => expect(p.getByTestId('rows-read')).toContainText(String(shown.length), { timeout: 1000 }));
  await expect(popup.getByTestId('rows-not-understood')).toContainText('未识别');
  await popup.screenshot({ path: `${SHOTS}/popup.png` });
  await popup.close();
});

test('a client-side navigation (history.pushState, no page load) is followed by the tab report\'s page kind', async ({ page, ext, demo }) => {
  await page.goto(QN_LIST);
  await settle(page);
  const { popup, tabId } = await popupFor(ext.context, ext.extensionId, page);
  const pageKind = () =>
    popup.evaluate(async (id) => (await (globalThis as any).chrome.runtime.sendMessage({ type: 'tab-report', tabId: id }))?.report?.pageKind, tabId);
  await expect.poll(pageKind).toBe('qianniu-list');
  /** Moves to `path` as the workbench does, then lets the list re-render (a page change for the content script). */
  const navigate = async (path: string) => {
    const before = Number(await page.locator('html').getAttribute('data-demo-renders'));
    await page.evaluate((p) => history.pushState(null, '', p), path);
    await page.getByText('下一页').click();
    await expect(page.locator('html')).toHaveAttribute('data-demo-renders', String(before + 1));
  };
  await navigate(`/home.htm/trade-platform/refund-list/detail?disputeId=${demo.refunds[0]!.refundId}&type=1`);
  await expect.poll(pageKind).toBe('qianniu-detail');
  await navigate('/home.htm/trade-platform/refund-list');
  await expect.poll(pageKind).toBe('qianniu-list');
  await popup.close();
});

test('a page that takes every badge host out stays responsive: hosts go back a bounded number of times, then stop', async ({ page, ext }) => {
  await page.goto(`${QN_LIST}?strip=badges`);
  await expect(page.locator('[data-demo-refund-id]').first()).toBeVisible();
  const shown = await shownRefundIds(page);
  const strips = () =>
    page.locator('html').evaluate((h) => ({ count: Number(h.dataset.demoHostsStripped), quietFor: Date.now() - Number(h.dataset.demoLastStrip ?? Date.now()) }));
  await expect.poll(async () => (await strips()).count).toBeGreaterThan(shown.length);
  // The content script gives the rows up: no host goes in any more (the page's own clock says for how long).
  await expect.poll(async () => (await strips()).quietFor, { timeout: 30_000 }).toBeGreaterThan(5_000);
  // The page answers (it is not locked in a loop with the content script), and the hosts went in a few times each.
  const { count } = await strips();
  expect(count).toBeLessThanOrEqual(shown.length * 10);
  await expect(page.locator('refund-radar-badge')).toHaveCount(0);
  // The popup's page panel says so, with the number of rows given up.
  const { popup, until } = await popupFor(ext.context, ext.extensionId, page);
  await until((p) => expect(p.getByTestId('badges-given-up')).toContainText(String(shown.length), { timeout: 1000 }));
  await popup.close();
  // Once the page is calm, its next render gets its badges again.
  await page.evaluate(() => (window as any).demoStopStripping());
  await page.getByText('下一页').click();
  await expect(page.locator('html')).toHaveAttribute('data-demo-renders', '2');
  const badges = await settle(page);
  expect(badges.length).toBeGreaterThan(10);
});
