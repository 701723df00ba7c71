// Popup → background: the dashboard for one projection scenario, computed where the facts are kept in memory
// (entrypoints/background/dashboard-cache.ts). The reply's dashboard is checked by its top-level shape only
// (isShownDashboard): the popup's first paint must not wait for a deep parse of a large history's dashboard.
import * as z from 'zod/mini';
import { isShownDashboard, type ShownDashboard } from '../dashboard/shown-dashboard';
import { SCENARIOS } from '../projection-scenarios';

export const DashboardRequestSchema = z.object({ type: z.literal('dashboard'), scenario: z.enum(SCENARIOS) });

export const DashboardReplySchema = z.object({
  ok: z.literal(true),
  dashboard: z.custom<ShownDashboard>(isShownDashboard, 'not a dashboard'),
});
