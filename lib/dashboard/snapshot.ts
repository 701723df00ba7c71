// The last dashboard the background computed, kept in extension storage so the first popup after a browser start
// paints at once (the background then needs seconds to read the whole history) and is replaced when the fresh one
// arrives. Written by entrypoints/background/dashboard-cache.ts, read by components/popup/sources.ts.
// Tagged with the extension version: a snapshot written by another version may have another shape.
import type { Dashboard } from './dashboard';
import { isShownDashboard, type ShownDashboard } from './shown-dashboard';

interface DashboardSnapshot {
  version: string;
  dashboard: ShownDashboard;
}

/** What is stored: the dashboard without its per-day event arrays (only the popup's local fallback needs those). */
export function toSnapshot(dashboard: Dashboard, version: string): DashboardSnapshot {
  const { windowEvents: _events, ...rest } = dashboard;
  return { version, dashboard: rest };
}

/**
 * The stored dashboard, or null when missing, from another version, not the shape this version writes, or empty: a
 * first-run snapshot would show the first-run help over a history written since (an import), the skeleton is better.
 */
export function fromSnapshot(raw: unknown, version: string): ShownDashboard | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const s = raw as Partial<DashboardSnapshot>;
  if (s.version !== version) return null;
  return isShownDashboard(s.dashboard) && !s.dashboard.empty ? s.dashboard : null;
}
