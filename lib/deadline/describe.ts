// Everything the badge of one row shows (domain.md §3, §4.2, §8): the single entry point of the content script.
// Which deadline is decide.ts's (the same policy as the stored deadlineAt); this file gathers what the badge knows.
import type { Actor, BadgeState, DeadlineSource, RefundStatus, StatusSincePrecision, TimeoutOutcome } from '../model/vocabulary';
import type { PageDeadline } from '../model/page-deadline';
import type { RefundRow } from '../model/refund-row';
import { actorFor } from '../status/classify';
import { decideDeadline, type DeadlineFacts } from './decide';
import { DEFAULT_RULES, type DeadlineRule, type Platform, type ReturnShipping } from './rules';
import { badgeState, DEFAULT_THRESHOLDS, type BadgeThresholds } from './state';

export interface DescribeContext {
  rules?: readonly DeadlineRule[];
  thresholds?: BadgeThresholds;
  /** When Refund Radar first saw this refund in its current status (§3 start, step 3). */
  firstSeenInStatus?: number;
  /** The start of the current status as the history worked it out (§3: printed on a detail page, 申请时间, first seen). */
  storedStart?: { at: number; precision: StatusSincePrecision };
  /** A page reading stored earlier, with the status it was read in (§3 "A page reading outlives the page"). */
  storedPageDeadline?: { deadline: PageDeadline; status: RefundStatus };
  platform?: Platform;
  virtualGoods?: boolean;
  returnShipping?: ReturnShipping;
  /** When the return was signed for or refused (R5a). */
  returnSignedAt?: number;
}

export interface RefundBadgeInfo {
  refundId: string;
  orderId?: string;
  status: RefundStatus;
  actor: Actor;
  deadline?: number;
  deadlineSource?: DeadlineSource;
  state: BadgeState;
  /** From the matching rule, also when the deadline came from the page; 'none' without a rule. */
  onTimeout: TimeoutOutcome;
  /** The matching rule (R5a when the Tmall signing cap decided), also when the page gave the deadline. */
  ruleId?: string;
  /** A rule deadline counted from the first time the status was seen (may be late, §3). */
  countedFromFirstSeen: boolean;
  /** The page said 已超时 and no deadline is known, so the overdue amount is unknown (§4.2). */
  overdueUnknownAmount: boolean;
}

/** The row's own reading, else a stored one read in the same status (discarded once the status changed, §3). */
function pageReading(row: RefundRow, ctx: DescribeContext): PageDeadline | undefined {
  if (row.pageDeadline) return row.pageDeadline;
  const stored = ctx.storedPageDeadline;
  return stored && stored.status === row.status ? stored.deadline : undefined;
}

/**
 * §3 start of the current status: printed on this row; else the history's, which already weighed a time a detail page
 * printed, 申请时间 (first status only) and first seen; else what the row and the tab know. The stored deadlineAt is
 * decided from the history's start too (lib/db/merge.ts), so both count from the same instant.
 */
function startOf(row: RefundRow, ctx: DescribeContext): Pick<DeadlineFacts, 'statusSince' | 'appliedAt' | 'firstSeenInStatus'> {
  if (row.statusSince !== undefined) return { statusSince: row.statusSince };
  const stored = ctx.storedStart;
  if (stored && stored.precision !== 'first_seen') return { statusSince: stored.at };
  if (stored) return { firstSeenInStatus: ctx.firstSeenInStatus ?? stored.at };
  return { appliedAt: row.appliedAt, firstSeenInStatus: ctx.firstSeenInStatus };
}

export function describeRefund(row: RefundRow, now: number, ctx: DescribeContext = {}): RefundBadgeInfo {
  const status = row.status;
  const actor = actorFor(status, row.statusText);
  const decision = decideDeadline(
    {
      status,
      type: row.type,
      goodsState: row.goodsState,
      ...startOf(row, ctx),
      page: pageReading(row, ctx),
      // Until the history answers, this reading is the first one known to show the return signed (as merge.ts counts).
      returnSignedAt: ctx.returnSignedAt ?? (row.returnSigned ? row.readAt : undefined),
    },
    now,
    ctx.rules ?? DEFAULT_RULES,
    { virtualGoods: ctx.virtualGoods, returnShipping: ctx.returnShipping, platform: ctx.platform },
  );
  const { deadline, estimate, pageOverdue } = decision;
  const state = badgeState({ status, actor, deadline, pageOverdue }, now, ctx.thresholds ?? DEFAULT_THRESHOLDS);
  const info: RefundBadgeInfo = {
    refundId: row.refundId,
    status,
    actor,
    state,
    onTimeout: estimate?.onTimeout ?? 'none',
    countedFromFirstSeen: decision.countedFromFirstSeen,
    overdueUnknownAmount: pageOverdue && deadline === undefined,
  };
  if (row.orderId !== undefined) info.orderId = row.orderId;
  if (deadline !== undefined) {
    info.deadline = deadline;
    info.deadlineSource = decision.source;
  }
  if (estimate) info.ruleId = estimate.ruleId;
  return info;
}
