// The page report of the tab the popup describes (what the content script understood there), as the popup holds it
// while it asks (sources.ts loads it).
import type { StoredTabReport } from '@/lib/protocol/tab-report';

export type TabReportLoad = { kind: 'loading' } | { kind: 'none' } | { kind: 'report'; report: StoredTabReport };

/** Rows of the active tab the readers could not understand (0 without a report). */
export function pageProblemCount(load: TabReportLoad): number {
  return load.kind === 'report' ? load.report.problemCount : 0;
}
