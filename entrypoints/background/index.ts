// Background service worker: the only writer of the local history. Content scripts send page reports (validated);
// each is stored (Dexie, extension origin) and answered with what the history knows. The latest report per tab is
// kept in storage.session so the popup can show "N rows not understood" even after the worker was stopped.
import Dexie from 'dexie';
import { startReminders } from '@/entrypoints/background/reminders';
import { DEFAULT_SCENARIO, type ProjectionScenario } from '@/lib/projection-scenarios';
import { toSnapshot } from '@/lib/dashboard/snapshot';
import { changesDashboardInputs } from '@/lib/db/dashboard-inputs';
import { FactsCache } from '@/lib/db/facts-cache';
import { handlePageReport } from '@/lib/db/handle-page-report';
import { loadDashboard } from '@/lib/db/load-dashboard';
import { DB_NAME, RefundRadarDb } from '@/lib/db/schema';
import { ExtensionMessageSchema, type ExtensionMessage, type PageReport, type StoredTabReport } from '@/lib/protocol/messages';
import { loadSettings } from '@/lib/options/store';
import { DASHBOARD_SNAPSHOT_KEY, tabReportKey } from '@/lib/storage/keys';

function toStored(report: PageReport, storageError: string | undefined): StoredTabReport {
  return {
    url: report.url,
    pageKind: report.pageKind,
    rowCount: report.rows.length,
    problemCount: report.problemCount,
    problems: report.problems,
    states: report.states,
    at: Date.now(),
    ...(storageError ? { storageError } : {}),
  };
}

export default defineBackground(() => {
  const db = new RefundRadarDb();
  // Registered synchronously: MV3 wakes the worker only for listeners added at start-up.
  const reminders = startReminders(db);
  const facts = new FactsCache(db);
  // The last dashboard per scenario, so the popup paints at once; any write to the history or the settings
  // (a page report, an import, the options page) or a new minute makes it stale.
  const dashboards = new Map<string, { at: number; value: unknown }>();
  const DASHBOARD_FRESH_MS = 60_000;
  // One computation per scenario at a time: the popup repeats a question the worker has not answered yet.
  const computing = new Map<string, Promise<unknown>>();
  const dashboardFor = (scenario: ProjectionScenario): Promise<unknown> => {
    const hit = dashboards.get(scenario);
    if (hit && Date.now() - hit.at < DASHBOARD_FRESH_MS) return Promise.resolve(hit.value);
    let pending = computing.get(scenario);
    if (!pending) {
      pending = computeDashboard(scenario).finally(() => computing.delete(scenario));
      computing.set(scenario, pending);
    }
    return pending;
  };
  const computeDashboard = async (scenario: ProjectionScenario) => {
    const loaded = await loadDashboard(db, Date.now(), scenario, () => facts.get(Date.now()));
    dashboards.set(scenario, { at: Date.now(), value: loaded.dashboard });
    if (scenario === DEFAULT_SCENARIO && !loaded.dashboard.empty) {
      // For the first popup after the next browser start, while this worker reads the history again.
      void browser.storage.local.set({ [DASHBOARD_SNAPSHOT_KEY]: toSnapshot(loaded.dashboard, browser.runtime.getManifest().version) }).catch(() => undefined);
    }
    return loaded.dashboard;
  };
  // Dexie tells every context of the extension about writes made in any of them (options page, log import).
  Dexie.on('storagemutated', (parts) => {
    if (changesDashboardInputs(parts, DB_NAME)) dashboards.clear();
  });
  // After a burst of page reports, compute the default dashboard ahead of the popup asking for it.
  let warmTimer: ReturnType<typeof setTimeout> | undefined;
  const warmDashboard = () => {
    clearTimeout(warmTimer);
    warmTimer = setTimeout(() => void dashboardFor(DEFAULT_SCENARIO).catch(() => undefined), 2000);
  };

  async function onPageReport(report: PageReport, tabId: number | undefined, topFrame: boolean) {
    // Its writes, if any, cleared the dashboards (storagemutated above); a report that changed nothing keeps them.
    const reply = await handlePageReport(db, report, await loadSettings(db), Date.now(), facts);
    warmDashboard();
    void reminders.reschedule(); // deadlines may have changed: re-plan notifications and the toolbar count
    // Only the top frame, or a frame that found rows, speaks for the tab in the popup.
    if (tabId !== undefined && (topFrame || report.rows.length > 0 || report.problemCount > 0)) {
      await browser.storage.session.set({ [tabReportKey(tabId)]: toStored(report, reply.storageError) });
    }
    return reply;
  }

  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    const parsed = ExtensionMessageSchema.safeParse(raw);
    if (!parsed.success) {
      sendResponse({ ok: false, error: 'invalid message' });
      return false;
    }
    answer(parsed.data, sender).then(sendResponse, (e: unknown) => sendResponse({ ok: false, error: e instanceof Error ? e.message : String(e) }));
    return true; // the answer comes asynchronously
  });

  async function answer(message: ExtensionMessage, sender: Browser.runtime.MessageSender): Promise<unknown> {
    switch (message.type) {
      case 'page-report':
        return onPageReport(message, sender.tab?.id, sender.frameId === 0);
      case 'tab-report': {
        const got = await browser.storage.session.get(tabReportKey(message.tabId));
        return { ok: true, report: got[tabReportKey(message.tabId)] ?? null };
      }
      case 'dashboard':
        return { ok: true, dashboard: await dashboardFor(message.scenario) };
      case 'history-changed':
        facts.invalidate();
        dashboards.clear();
        void reminders.reschedule();
        return { ok: true };
    }
  }

  browser.tabs.onRemoved.addListener((tabId) => {
    void browser.storage.session.remove(tabReportKey(tabId));
  });
});
