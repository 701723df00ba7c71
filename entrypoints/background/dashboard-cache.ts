// The background's dashboards (what the popup asks for with 'dashboard'): computed from the facts it keeps in memory
// (lib/db/facts-cache.ts) by lib/db/load-dashboard.ts, kept per scenario so the popup paints at once, one
// computation per scenario at a time (the popup repeats a question the worker has not answered yet). Any write to
// the history or the settings (a page report, an import, the options page) or a new minute makes them stale. The
// default scenario's dashboard is also stored as the snapshot (lib/dashboard/snapshot.ts) the first popup after the
// next browser start shows while this worker reads the history again.
import Dexie from 'dexie';
import type { Dashboard } from '@/lib/dashboard/dashboard';
import { toSnapshot } from '@/lib/dashboard/snapshot';
import { changesDashboardInputs } from '@/lib/db/dashboard-inputs';
import type { FactsCache } from '@/lib/db/facts-cache';
import { loadDashboard } from '@/lib/db/load-dashboard';
import { DB_NAME, type RefundRadarDb } from '@/lib/db/schema';
import { DEFAULT_SCENARIO, type ProjectionScenario } from '@/lib/projection-scenarios';
import { DASHBOARD_SNAPSHOT_KEY } from '@/lib/storage/keys';

const DASHBOARD_FRESH_MS = 60_000;
/** After a burst of page reports, the default dashboard is computed this long after the last one. */
const WARM_AFTER_MS = 2000;

export interface DashboardCache {
  get(scenario: ProjectionScenario): Promise<Dashboard>;
  /** Computes the default dashboard soon, ahead of the popup asking for it (after page reports). */
  warmSoon(): void;
  clear(): void;
}

/** Call synchronously at start-up: it listens to Dexie's storagemutated. */
export function setUpDashboardCache(db: RefundRadarDb, facts: FactsCache): DashboardCache {
  const dashboards = new Map<ProjectionScenario, { at: number; value: Dashboard }>();
  const computing = new Map<ProjectionScenario, Promise<Dashboard>>();

  const compute = async (scenario: ProjectionScenario): Promise<Dashboard> => {
    const { dashboard } = await loadDashboard(db, Date.now(), scenario, () => facts.get(Date.now()));
    dashboards.set(scenario, { at: Date.now(), value: dashboard });
    if (scenario === DEFAULT_SCENARIO && !dashboard.empty) {
      void browser.storage.local.set({ [DASHBOARD_SNAPSHOT_KEY]: toSnapshot(dashboard, browser.runtime.getManifest().version) }).catch(() => undefined);
    }
    return dashboard;
  };

  const get = (scenario: ProjectionScenario): Promise<Dashboard> => {
    const hit = dashboards.get(scenario);
    if (hit && Date.now() - hit.at < DASHBOARD_FRESH_MS) return Promise.resolve(hit.value);
    let pending = computing.get(scenario);
    if (!pending) {
      pending = compute(scenario).finally(() => computing.delete(scenario));
      computing.set(scenario, pending);
    }
    return pending;
  };

  // Dexie tells every context of the extension about writes made in any of them (options page, log import).
  Dexie.on('storagemutated', (parts) => {
    if (changesDashboardInputs(parts, DB_NAME)) dashboards.clear();
  });

  let warmTimer: ReturnType<typeof setTimeout> | undefined;
  return {
    get,
    warmSoon() {
      clearTimeout(warmTimer);
      warmTimer = setTimeout(() => void get(DEFAULT_SCENARIO).catch(() => undefined), WARM_AFTER_MS);
    },
    clear: () => dashboards.clear(),
  };
}
