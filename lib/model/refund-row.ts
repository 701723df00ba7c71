// One refund as read from one page render, and its zod/mini schema (for the background and the exports). Kept apart
// from vocabulary.ts so the content script, which only needs the vocabulary and this type, does not carry the schema
// (issue 5 size budget; a type-only import is erased).
import * as z from 'zod/mini';
import { BUYER_NICK_MAX, GOODS_STATES, PHASES, REFUND_STATUSES, REFUND_TYPES } from './vocabulary';
import { instant, PageDeadlineSchema } from './page-deadline';

const digits = z.string().check(z.regex(/^\d{6,30}$/));

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
  /** The labelled 买家/买家昵称 value; the background drops it unless the agent allows storing nicknames. */
  buyerNick: z.optional(z.string().check(z.minLength(1), z.maxLength(BUYER_NICK_MAX))),
  /** When the row was read (epoch ms): countdowns are relative to it. */
  readAt: instant,
});

export type RefundRow = z.infer<typeof RefundRowSchema>;
