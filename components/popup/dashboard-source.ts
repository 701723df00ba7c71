// Where the popup's dashboard comes from: the background (it keeps the facts in memory), the snapshot the background
// left in extension storage (shown while a cold background reads the history), or, when the background cannot
// answer, the popup's own reading of the database.
import type { Dashboard } from '@/lib/dashboard/dashboard';
import { fromSnapshot } from '@/lib/dashboard/snapshot';
import type { LoadedDashboard } from '@/lib/db/load-dashboard';
import type { ProjectionScenario } from '@/lib/projection';
import { DEFAULT_SCENARIO } from '@/lib/dashboard/scenarios';
import { askBackground } from './ask-background';
import { loadActiveTabReport, type TabReportLoad } from './tab-report';
import { DASHBOARD_SNAPSHOT_KEY } from '@/lib/storage/keys';

/** A dashboard as the popup shows it (the per-day event arrays stay where they were computed). */
export type ShownDashboard = Omit<Dashboard, 'windowEvents'>;

/** The dashboard from the background; null when it cannot answer. */
export async function dashboardFromBackground(scenario: ProjectionScenario): Promise<ShownDashboard | null> {
  try {
    const answer = (await askBackground({ type: 'dashboard', scenario })) as { ok?: boolean; dashboard?: ShownDashboard } | undefined;
    return answer?.ok && answer.dashboard ? answer.dashboard : null;
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
