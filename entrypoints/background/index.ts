// Background service worker: the only writer of the local history, and what answers the content scripts and the
// extension pages. Only composes its parts; each registers its listeners synchronously, here, at start-up (MV3 wakes
// the worker only for listeners added then).
import { FactsCache } from '@/lib/db/facts-cache';
import { RefundRadarDb } from '@/lib/db/schema';
import { setUpDashboardCache } from './dashboard-cache';
import { setUpMessageRouter } from './message-router';
import { answerPageReports } from './page-reports';
import { startReminders } from './reminders';
import { setUpTabReports } from './tab-reports';

export default defineBackground(() => {
  const db = new RefundRadarDb();
  const reminders = startReminders(db);
  const facts = new FactsCache(db);
  const dashboards = setUpDashboardCache(db, facts);
  const tabReports = setUpTabReports();
  setUpMessageRouter({
    'page-report': answerPageReports({ db, facts, dashboards, reminders, tabReports }),
    'tab-report': async ({ tabId }) => ({ ok: true, report: await tabReports.get(tabId) }),
    dashboard: async ({ scenario }) => ({ ok: true, dashboard: await dashboards.get(scenario) }),
    'history-changed': () => {
      // An import wrote under the facts kept in memory.
      facts.invalidate();
      dashboards.clear();
      void reminders.reschedule();
      return { ok: true };
    },
  });
});
