// Background service worker: receives the page reports of the content scripts (validated) and keeps the latest one
// per tab in storage.session, so the popup can show "N rows not understood" even after the worker was stopped.
import { ExtensionMessageSchema, type PageReport, type StoredTabReport } from '@/lib/messages';

const tabKey = (tabId: number) => `tab:${tabId}`;

function toStored(report: PageReport): StoredTabReport {
  return {
    url: report.url,
    pageKind: report.pageKind,
    rowCount: report.rows.length,
    problemCount: report.problemCount,
    problems: report.problems,
    states: report.states,
    at: Date.now(),
  };
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    const parsed = ExtensionMessageSchema.safeParse(raw);
    if (!parsed.success) {
      sendResponse({ ok: false, error: 'invalid message' });
      return false;
    }
    const message = parsed.data;
    if (message.type === 'page-report') {
      const tabId = sender.tab?.id;
      // Only the top frame or a frame that actually found rows speaks for the tab.
      if (tabId === undefined || (sender.frameId !== 0 && message.rows.length === 0 && message.problemCount === 0)) {
        sendResponse({ ok: true });
        return false;
      }
      browser.storage.session
        .set({ [tabKey(tabId)]: toStored(message) })
        .then(() => sendResponse({ ok: true }), (e: unknown) => sendResponse({ ok: false, error: String(e) }));
      return true;
    }
    browser.storage.session
      .get(tabKey(message.tabId))
      .then((got) => sendResponse({ ok: true, report: got[tabKey(message.tabId)] ?? null }), (e: unknown) => sendResponse({ ok: false, error: String(e) }));
    return true;
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void browser.storage.session.remove(tabKey(tabId));
  });
});
