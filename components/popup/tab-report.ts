// The page report of the tab the popup describes (what the content script understood there), from the background.
import { askBackground } from './ask-background';
import { StoredTabReportSchema, type StoredTabReport } from '@/lib/protocol/messages';

export type TabReportLoad = { kind: 'loading' } | { kind: 'none' } | { kind: 'report'; report: StoredTabReport };

/** The tab to describe: the active one, or `?tabId=` when the popup is opened as a page (tests, "open in tab"). */
async function targetTabId(): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export async function loadActiveTabReport(): Promise<TabReportLoad> {
  const tabId = await targetTabId();
  if (tabId === undefined) return { kind: 'none' };
  const answer: unknown = await askBackground({ type: 'tab-report', tabId });
  const report = (answer as { report?: unknown } | undefined)?.report;
  const parsed = StoredTabReportSchema.safeParse(report);
  return parsed.success ? { kind: 'report', report: parsed.data } : { kind: 'none' };
}

/** Rows of the active tab the readers could not understand (0 without a report). */
export function pageProblemCount(load: TabReportLoad): number {
  return load.kind === 'report' ? load.report.problemCount : 0;
}
