// Where everything the popup shows comes from, in one place:
// - the dashboard: the background, asked with send('dashboard') → entrypoints/background/dashboard-cache.ts (it keeps
//   the facts in memory) → lib/db/load-dashboard.ts (reads the database) → lib/dashboard/dashboard.ts (computes);
// - meanwhile, if the background is slow, the snapshot dashboard-cache.ts stored (lib/dashboard/snapshot.ts);
// - when the background cannot answer, the popup's own reading: the same lib/db/load-dashboard.ts, here;
// - the active tab's page report: the background, send('tab-report') → entrypoints/background/tab-reports.ts.
// Questions are asked again while unanswered (lib/protocol/ask-again.ts) and the replies validated (send.ts).
import { toBackground } from '@/components/to-background';
import type { ShownDashboard } from '@/lib/dashboard/shown-dashboard';
import { fromSnapshot } from '@/lib/dashboard/snapshot';
import type { LoadedDashboard } from '@/lib/db/load-dashboard';
import { DEFAULT_SCENARIO, type ProjectionScenario } from '@/lib/projection-scenarios';
import { askAgain } from '@/lib/protocol/ask-again';
import { DashboardReplySchema } from '@/lib/protocol/dashboard';
import { sender } from '@/lib/protocol/send';
import { TabReportReplySchema } from '@/lib/protocol/tab-report';
import { DASHBOARD_SNAPSHOT_KEY } from '@/lib/storage/keys';
import type { TabReportLoad } from './tab-report';

const askBackground = sender(askAgain(toBackground), { dashboard: DashboardReplySchema, 'tab-report': TabReportReplySchema });

/** The dashboard from the background; null when it cannot answer. */
export async function dashboardFromBackground(scenario: ProjectionScenario): Promise<ShownDashboard | null> {
  try {
    return (await askBackground('dashboard', { scenario })).dashboard;
  } catch {
    return null;
  }
}

/** The last dashboard the background computed (any age), or null. */
async function readSnapshot(): Promise<ShownDashboard | null> {
  try {
    const got = await browser.storage.local.get(DASHBOARD_SNAPSHOT_KEY);
    return fromSnapshot(got[DASHBOARD_SNAPSHOT_KEY], browser.runtime.getManifest().version);
  } catch {
    return null;
  }
}

// The fallback reads the database in the popup itself. Loaded on demand: Dexie and the indicator engine would
// otherwise weigh on every popup's first paint, while the background answers almost always.
export async function loadLocally(): Promise<LoadedDashboard> {
  const [{ RefundRadarDb }, { loadDashboard }] = await Promise.all([import('@/lib/db/schema'), import('@/lib/db/load-dashboard')]);
  const db = new RefundRadarDb();
  try {
    return await loadDashboard(db);
  } finally {
    db.close();
  }
}

/** The tab to describe: the active one, or `?tabId=` when the popup is opened as a page (tests, "open in tab"). */
async function targetTabId(): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** What the content script understood in the tab the popup describes; rejects when the background cannot say. */
async function loadActiveTabReport(): Promise<TabReportLoad> {
  const tabId = await targetTabId();
  if (tabId === undefined) return { kind: 'none' };
  const { report } = await askBackground('tab-report', { tabId });
  return report ? { kind: 'report', report } : { kind: 'none' };
}

/** What the popup asks for as soon as its script runs, before the first render (main.tsx). */
export interface EarlyRequests {
  dashboard: Promise<ShownDashboard | null>;
  /** Read only if the background is slow: a warm popup never pays for reading the snapshot. */
  snapshot: () => Promise<ShownDashboard | null>;
  tab: Promise<TabReportLoad>;
}

export function startRequests(): EarlyRequests {
  performance.mark('rr:dashboard-asked'); // marks for the benchmark's breakdown of the popup's first paint
  return { dashboard: dashboardFromBackground(DEFAULT_SCENARIO), snapshot: readSnapshot, tab: loadActiveTabReport() };
}
