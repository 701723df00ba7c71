// The latest page report per tab (what the popup asks for with 'tab-report'), kept in storage.session: it survives
// the service worker being stopped, and goes with the browser session. Forgotten when its tab is closed.
import type { PageReport } from '@/lib/protocol/page-report';
import { StoredTabReportSchema, type StoredTabReport } from '@/lib/protocol/tab-report';
import { tabReportKey } from '@/lib/storage/keys';

export interface TabReports {
  save(tabId: number, report: PageReport, storageError: string | undefined): Promise<void>;
  /** null when the tab sent none, or what is kept does not have this version's shape. */
  get(tabId: number): Promise<StoredTabReport | null>;
}

function toStored(report: PageReport, storageError: string | undefined): StoredTabReport {
  return {
    url: report.url,
    pageKind: report.pageKind,
    rowCount: report.rows.length,
    problemCount: report.problemCount,
    problems: report.problems,
    states: report.states,
    at: Date.now(),
    ...(report.givenUp ? { givenUp: report.givenUp } : {}),
    ...(storageError ? { storageError } : {}),
  };
}

/** Call synchronously at start-up: it listens to tabs.onRemoved. */
export function setUpTabReports(): TabReports {
  browser.tabs.onRemoved.addListener((tabId) => {
    void browser.storage.session.remove(tabReportKey(tabId));
  });
  return {
    async save(tabId, report, storageError) {
      await browser.storage.session.set({ [tabReportKey(tabId)]: toStored(report, storageError) });
    },
    async get(tabId) {
      const got = await browser.storage.session.get(tabReportKey(tabId));
      const parsed = StoredTabReportSchema.safeParse(got[tabReportKey(tabId)]);
      return parsed.success ? parsed.data : null;
    },
  };
}
