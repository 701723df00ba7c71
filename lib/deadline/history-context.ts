// What the local history adds to a badge's own reading (domain.md §3): the history's start of the refund's status
// (a time a detail page printed, 申请时间, or first seen), its first-seen time, a page deadline read earlier and when the
// return was signed. Each counts only for the status the history knows: the page may already show a newer one. Pure,
// so the content script's board and the tests that hold badges against storage combine them the same way.
import type { RefundRow } from '../model/refund-row';
import type { RefundStatus, StatusSincePrecision } from '../model/vocabulary';
import type { DescribeContext } from './describe';

/** What the background tells the tab about one refund (the page report's reply, lib/protocol/page-report-reply.ts). */
export interface HistoryKnowledge {
  /** The stored status: the start and first-seen times below are that status's. */
  status?: RefundStatus;
  firstSeenInStatus?: number;
  statusSince?: number;
  statusSincePrecision?: StatusSincePrecision;
  storedPageDeadline?: DescribeContext['storedPageDeadline'];
  returnSignedAt?: number;
}

/**
 * The describe context from the history and the tab's own first sighting of the row's status. The earlier of the two
 * first-seen times wins, as the stored snapshot's does (lib/db/merge.ts).
 */
export function historyContext(known: HistoryKnowledge | undefined, row: Pick<RefundRow, 'status'>, tabFirstSeen: number | undefined): Partial<DescribeContext> {
  const sameStatus = known?.status === row.status;
  const stored = sameStatus ? known?.firstSeenInStatus : undefined;
  const firstSeenInStatus = stored !== undefined && (tabFirstSeen === undefined || stored < tabFirstSeen) ? stored : tabFirstSeen;
  const out: Partial<DescribeContext> = {};
  if (firstSeenInStatus !== undefined) out.firstSeenInStatus = firstSeenInStatus;
  if (sameStatus && known?.statusSince !== undefined && known.statusSincePrecision !== undefined) {
    out.storedStart = { at: known.statusSince, precision: known.statusSincePrecision };
  }
  if (known?.storedPageDeadline) out.storedPageDeadline = known.storedPageDeadline;
  if (known?.returnSignedAt !== undefined) out.returnSignedAt = known.returnSignedAt;
  return out;
}
