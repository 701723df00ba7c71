// The handler of 'page-report': the content script's report is stored (lib/db/handle-page-report.ts, the only
// writer of the history) and answered with what the history knows; then the default dashboard is warmed, the
// reminders re-planned and the tab's report kept for the popup.
import { handlePageReport } from '@/lib/db/handle-page-report';
import type { FactsCache } from '@/lib/db/facts-cache';
import type { RefundRadarDb } from '@/lib/db/schema';
import { loadSettings } from '@/lib/options/store';
import type { PageReport } from '@/lib/protocol/page-report';
import type { PageReportReply } from '@/lib/protocol/page-report-reply';
import type { DashboardCache } from './dashboard-cache';
import type { ReminderService } from './reminders';
import type { TabReports } from './tab-reports';

interface PageReportDeps {
  db: RefundRadarDb;
  facts: FactsCache;
  dashboards: DashboardCache;
  reminders: ReminderService;
  tabReports: TabReports;
}

export function answerPageReports({ db, facts, dashboards, reminders, tabReports }: PageReportDeps) {
  return async (report: PageReport, sender: Browser.runtime.MessageSender): Promise<PageReportReply> => {
    // Its writes, if any, cleared the dashboards (storagemutated, dashboard-cache.ts); a report that changed
    // nothing keeps them.
    const reply = await handlePageReport(db, report, await loadSettings(db), Date.now(), facts);
    dashboards.warmSoon();
    void reminders.reschedule(); // deadlines may have changed: re-plan notifications and the toolbar count
    // Only the top frame, or a frame that found rows, speaks for the tab in the popup.
    const tabId = sender.tab?.id;
    if (tabId !== undefined && (sender.frameId === 0 || report.rows.length > 0 || report.problemCount > 0)) {
      await tabReports.save(tabId, report, reply.storageError);
    }
    return reply;
  };
}
