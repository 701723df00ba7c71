// The vocabulary of the domain (../shared/domain.md §1, §2, §8), shared by readers, rules, badges and storage.
// No schema here: the content script imports this module, and a zod schema built at module level would go with it
// (issue 5 size budget). The row and the page deadline, with their schemas, are in refund-row.ts and page-deadline.ts.

export const REFUND_STATUSES = [
  'wait_seller_agree',
  'wait_buyer_return',
  'wait_seller_confirm',
  'seller_refused',
  'intervening',
  'success',
  'closed',
  'unknown',
] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

export const ACTORS = ['seller', 'buyer', 'platform', 'none'] as const;
export type Actor = (typeof ACTORS)[number];

export const REFUND_TYPES = ['refund_only', 'return_refund', 'exchange'] as const;
export type RefundType = (typeof REFUND_TYPES)[number];

export const PHASES = ['onsale', 'aftersale'] as const;
export type Phase = (typeof PHASES)[number];

export const GOODS_STATES = ['unshipped', 'shipped', 'received', 'returned'] as const;
export type GoodsState = (typeof GOODS_STATES)[number];

/** `data-state` of the badge contract (§8). */
export const BADGE_STATES = ['overdue', 'urgent', 'soon', 'ok', 'done', 'unknown'] as const;
export type BadgeState = (typeof BADGE_STATES)[number];

/** What the platform does when the deadline passes (§3 "On timeout"). */
export const TIMEOUT_OUTCOMES = ['auto_refund', 'auto_agree', 'close', 'none'] as const;
export type TimeoutOutcome = (typeof TIMEOUT_OUTCOMES)[number];

/** Taobao nicknames are short; a longer "value" is other text run together with the label. */
export const BUYER_NICK_MAX = 40;

/** How an instant was learned: printed on the page, or the first time Refund Radar saw it. */
export const SEEN_PRECISIONS = ['page', 'first_seen'] as const;
export type SeenPrecision = (typeof SEEN_PRECISIONS)[number];

/** Where the start of a status comes from (§3 "Start of a rule deadline"): printed, 申请时间, or first seen. */
export const STATUS_SINCE_PRECISIONS = ['page', 'applied', 'first_seen'] as const;
export type StatusSincePrecision = (typeof STATUS_SINCE_PRECISIONS)[number];

const DEADLINE_SOURCES = ['page', 'rule'] as const;
export type DeadlineSource = (typeof DEADLINE_SOURCES)[number];


/** Why a row was skipped: the field that failed, for the "rows not understood" sample. */
export interface RowProblem {
  refundId?: string;
  field: string;
  text?: string;
}
