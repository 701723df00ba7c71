// Shared set-up of the end-to-end tests: one demo server and one Chromium with the built extension per test file,
// the browser in a non-Beijing, non-UTC zone (badges must not depend on it).
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
// @ts-expect-error plain ESM fixtures without types
import { startDemoServer } from '../fixtures/server.mjs';
// @ts-expect-error plain ESM fixtures without types
import { launchWithExtension } from '../fixtures/browser.mjs';

/** The browser's zone, per Playwright project (New York by default, Shanghai in the second project). */
export const DEFAULT_BROWSER_TZ = 'America/New_York';
export const SHOTS = 'tests/artifacts/e2e';

export interface Expected {
  status: string;
  actor: string;
  deadline: number | null;
  deadlineSource: 'page' | 'rule' | null;
  state: string;
}
export interface DemoRefund {
  refundId: string;
  orderId: string;
  statusText: string;
  expected: Expected;
}
export interface DemoServer {
  port: number;
  now: number;
  refunds: DemoRefund[];
  close(): Promise<void>;
}
interface Launched {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

export interface BadgeAttrs {
  refundId: string | null;
  orderId: string | null;
  status: string | null;
  actor: string | null;
  deadline: string | null;
  deadlineSource: string | null;
  state: string | null;
  inRowOf: string | null;
}

export const test = base.extend<{ page: Page }, { browserTz: string; demo: DemoServer; ext: Launched }>({
  browserTz: [DEFAULT_BROWSER_TZ, { scope: 'worker', option: true }],
  demo: [
    async ({}, use) => {
      const server = (await startDemoServer({})) as DemoServer;
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  ext: [
    async ({ demo, browserTz }, use) => {
      mkdirSync(SHOTS, { recursive: true });
      const launched = (await launchWithExtension({ port: demo.port, headless: true, timezoneId: browserTz })) as Launched;
      await use(launched);
      await launched.close();
    },
    { scope: 'worker' },
  ],
  page: async ({ ext }, use) => {
    const page = await ext.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await use(page);
    await page.close();
    expect(errors, 'no page errors').toEqual([]);
  },
});
export { expect };

/** Every badge host on the page with its contract attributes, and the refund number shown in its row. */
export async function readBadges(page: Page): Promise<BadgeAttrs[]> {
  return page.locator('refund-radar-badge').evaluateAll((hosts) =>
    hosts.map((h) => {
      const d = (h as HTMLElement).dataset;
      return {
        refundId: d.refundId ?? null,
        orderId: d.orderId ?? null,
        status: d.status ?? null,
        actor: d.actor ?? null,
        deadline: d.deadline ?? null,
        deadlineSource: d.deadlineSource ?? null,
        state: d.state ?? null,
        inRowOf: null,
      };
    }),
  );
}

/**
 * Waits until the list has finished re-rendering and the badges name exactly the refunds the page shows (one each):
 * a stale badge, a missing one or a duplicate keeps this waiting until it fails.
 */
export async function settle(page: Page): Promise<BadgeAttrs[]> {
  await expect(page.locator('html')).not.toHaveAttribute('data-demo-busy', 'true');
  await expect.poll(async () => (await readBadges(page)).map((b) => b.refundId).sort()).toEqual((await shownRefundIds(page)).sort());
  return readBadges(page);
}

/** The refund numbers the page shows for its readable rows (from the demo's own markers, not our reader). */
export async function shownRefundIds(page: Page): Promise<string[]> {
  return page.locator('[data-demo-refund-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-demo-refund-id') ?? ''));
}

/**
 * The refund numbers of the extension's history (its IndexedDB), read from `extPage`, a page of the extension's own
 * origin. A history not created yet reads as empty (the read must not create the database before the extension does).
 */
export async function storedRefundIds(extPage: Page): Promise<string[]> {
  return extPage.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('refund-radar');
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => (open.error?.name === 'AbortError' ? resolve([]) : reject(open.error));
        open.onsuccess = () => {
          const req = open.result.transaction('refunds').objectStore('refunds').getAllKeys();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result.map(String));
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

/** Waits until every refund in `ids` is in the extension's history (page reports are throttled to one a second). */
export async function waitUntilStored(extPage: Page, ids: readonly string[]): Promise<void> {
  await expect
    .poll(async () => {
      const stored = new Set(await storedRefundIds(extPage));
      return ids.filter((id) => !stored.has(id));
    }, { message: 'refunds shown but not stored', timeout: 10_000 })
    .toEqual([]);
}

/** Asserts that each badge matches the demo's ground truth for its refund (deadline within 2 minutes). */
export function expectMatchesTruth(badges: BadgeAttrs[], demo: DemoServer): void {
  const byId = new Map(demo.refunds.map((r) => [r.refundId, r]));
  for (const b of badges) {
    const truth = byId.get(b.refundId ?? '');
    expect(truth, `badge ${b.refundId} is a demo refund`).toBeDefined();
    const e = truth!.expected;
    const where = `refund ${b.refundId} (${truth!.statusText})`;
    expect(b.orderId, where).toBe(truth!.orderId);
    expect(b.status, where).toBe(e.status);
    expect(b.actor, where).toBe(e.actor);
    expect(b.state, where).toBe(e.state);
    expect(b.deadlineSource, where).toBe(e.deadlineSource);
    if (e.deadline === null) {
      if (e.deadlineSource === null) expect(b.deadline, where).toBeNull();
    } else {
      expect(b.deadline, where).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(Math.abs(Date.parse(b.deadline!) - e.deadline), where).toBeLessThanOrEqual(120_000);
    }
  }
}

/**
 * The popup opened as a page, told which tab to describe (`?tabId=`): opened so, it is not the toolbar popup of the
 * page's tab. `until` reloads it until `check` passes: a page report goes out after the badges are up, and a render
 * badged in several slices may be reported in two messages a second apart.
 */
export async function popupFor(context: BrowserContext, extensionId: string, page: Page) {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.bringToFront();
  const tabId: number = await popup.evaluate(async () => (await (globalThis as any).chrome.tabs.query({ active: true, currentWindow: true }))[0]?.id);
  const until = (check: (popup: Page) => Promise<void>) =>
    expect(async () => {
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
      await check(popup);
    }).toPass({ timeout: 15_000 });
  return { popup, tabId, until };
}
