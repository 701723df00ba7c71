// The vocabulary of the domain (../shared/domain.md §1, §2, §8), shared by readers, rules, badges and storage.
// Schemas use zod/mini so the content script stays small (issue 5 budget: zod's full build stays out of it).
import * as z from 'zod/mini';

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

export const DEADLINE_SOURCES = ['page', 'rule'] as const;
export type DeadlineSource = (typeof DEADLINE_SOURCES)[number];

const digits = z.string().check(z.regex(/^\d{6,30}$/));
const instant = z.number().check(z.int(), z.gte(946_684_800_000), z.lte(4_102_444_800_000)); // 2000-01-01 … 2100-01-01

/** A deadline read from the page's own text (§4). `overdue` without `at` is a bare "已超时". */
export const PageDeadlineSchema = z.union([
  z.object({ kind: z.literal('at'), at: instant }),
  z.object({ kind: z.literal('overdue') }),
]);
export type PageDeadline = z.infer<typeof PageDeadlineSchema>;

/** One refund as read from one page render. Optional fields were not shown (or not readable) on that page. */
export const RefundRowSchema = z.object({
  refundId: digits,
  orderId: z.optional(digits),
  /** The status cell's text, normalised (§4.1). */
  statusText: z.string(),
  status: z.enum(REFUND_STATUSES),
  type: z.optional(z.enum(REFUND_TYPES)),
  phase: z.optional(z.enum(PHASES)),
  goodsState: z.optional(z.enum(GOODS_STATES)),
  /** Refund amount in fen (分), an integer. */
  amountFen: z.optional(z.number().check(z.int(), z.gte(0))),
  /** 申请时间 as a UTC instant (the page prints Beijing time). */
  appliedAt: z.optional(instant),
  /** The page's own countdown / 超时时间, when shown. */
  pageDeadline: z.optional(PageDeadlineSchema),
  /** When the current status was entered, when the page prints it (detail page history). */
  statusSince: z.optional(instant),
  /** Tmall return parcel signed for or refused (R5a). */
  returnSigned: z.optional(z.boolean()),
  /** When the row was read (epoch ms): countdowns are relative to it. */
  readAt: instant,
});
export type RefundRow = z.infer<typeof RefundRowSchema>;

/** Why a row was skipped: the field that failed, for the "rows not understood" sample. */
export interface RowProblem {
  refundId?: string;
  field: string;
  text?: string;
}
