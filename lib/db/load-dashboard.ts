// Reads what the popup needs from the local history (the background, which keeps the facts in memory, or the popup
// itself as a fallback) and assembles it with lib/dashboard/dashboard.ts. Only the refunds that can matter are read: open ones
// and those completed or intervened since D(now) − W (refundFactsWithSkipped's sinceDate), the paid orders of the
// window, the settings and the few most urgent seller refunds — all in parallel, then one buildDashboard.
import Dexie from 'dexie';
import { buildDashboard, loaderSinceDate, URGENT_LIMIT, type Dashboard, type UrgentRefund } from '@/lib/dashboard/dashboard';
import { getPaidOrders, getSetting, openSellerRefundsByDeadline, refundFactsWithSkipped, type RefundFactsResult } from '@/lib/db/queries';
import type { RefundRadarDb } from '@/lib/db/schema';
import type { RefundFacts } from '@/lib/indicators';
import { DEFAULT_SCENARIO, type ProjectionScenario } from '@/lib/projection-scenarios';
import type { Settings } from '@/lib/settings/settings';
import { readSettings } from '@/lib/settings/stored';
import { beijingDate } from '@/lib/time/beijing';
import { SETTINGS_KEY } from '../storage/keys';

/** The settings allow 28 or 30 days: read for the longer one so nothing waits for the settings first. */
const MAX_WINDOW_DAYS = 30;

export interface LoadedDashboard {
  dashboard: Dashboard;
  /** Kept for a scenario switch (buildProjection) without reading the database again. */
  facts: RefundFacts[];
  paidOrdersByDay: Record<string, number>;
  settings: Settings;
  asOf: number;
  /** Milliseconds spent reading and computing (shown nowhere; for measurements). */
  timing: { readMs: number; buildMs: number };
}

function countSellerRefundsWithDeadline(db: RefundRadarDb): Promise<number> {
  return db.refunds.where('[actor+deadlineAt]').between(['seller', Dexie.minKey], ['seller', Dexie.maxKey], true, true).count();
}

export async function loadDashboard(
  db: RefundRadarDb,
  asOf: number = Date.now(),
  scenario: ProjectionScenario = DEFAULT_SCENARIO,
  /** The facts, when the caller keeps them in memory (the background's FactsCache). */
  readFacts: (since: string) => Promise<RefundFactsResult> = (since) => refundFactsWithSkipped(db, since),
): Promise<LoadedDashboard> {
  const t0 = performance.now();
  const since = loaderSinceDate(asOf, MAX_WINDOW_DAYS);
  const [storedSettings, factsResult, paidOrdersByDay, urgentRows, sellerOpenCount] = await Promise.all([
    getSetting(db, SETTINGS_KEY),
    readFacts(since),
    getPaidOrders(db, since, beijingDate(asOf)),
    openSellerRefundsByDeadline(db, URGENT_LIMIT),
    countSellerRefundsWithDeadline(db),
  ]);
  const t1 = performance.now();
  const settings = readSettings(storedSettings);
  const urgent: UrgentRefund[] = urgentRows
    .filter((r) => r.deadlineAt !== undefined)
    .map((r) => ({ refundId: r.refundId, deadlineAt: r.deadlineAt! }));
  const dashboard = buildDashboard(factsResult.facts, paidOrdersByDay, settings, asOf, scenario, {
    skippedRecords: factsResult.skippedNoType + factsResult.skippedNoAppliedAt,
    urgent,
    sellerOpenCount,
  });
  const t2 = performance.now();
  return { dashboard, facts: factsResult.facts, paidOrdersByDay, settings, asOf, timing: { readMs: t1 - t0, buildMs: t2 - t1 } };
}
