// Background → content script, in reply to a page report: the user's deadline settings and what the local history
// knows beyond the page. The content script validates the answer with this schema (a message can come from an older
// background after an update), and imports it alone: the other message schemas stay out of its bundle.
import * as z from 'zod/mini';
import { PLATFORMS, RETURN_SHIPPINGS } from '../deadline/rules';
import { DeadlineRulesSchema } from '../deadline/rules-schema';
import { BadgeThresholdsSchema } from '../deadline/thresholds-schema';
import { ImpactNumbersSchema } from '../format/impact-schema';
import { REFUND_STATUSES, STATUS_SINCE_PRECISIONS } from '../model/vocabulary';
import { PageDeadlineSchema } from '../model/page-deadline';

/** What the local history knows about one refund. */
const KnownRefundSchema = z.object({
  /** The stored status: firstSeenInStatus means that status. */
  status: z.optional(z.enum(REFUND_STATUSES)),
  firstSeenInStatus: z.optional(z.number()),
  /** The stored status's §3 start and where it comes from (a detail page may have printed it). */
  statusSince: z.optional(z.number()),
  statusSincePrecision: z.optional(z.enum(STATUS_SINCE_PRECISIONS)),
  storedPageDeadline: z.optional(z.object({ deadline: PageDeadlineSchema, status: z.enum(REFUND_STATUSES) })),
  returnSignedAt: z.optional(z.number()),
  impact: z.optional(ImpactNumbersSchema),
});
export type KnownRefundMessage = z.infer<typeof KnownRefundSchema>;

export const PageReportReplySchema = z.object({
  ok: z.literal(true),
  /** The user's deadline settings, so the badges use the same rules as the history. */
  context: z.object({
    rules: DeadlineRulesSchema,
    thresholds: BadgeThresholdsSchema,
    platform: z.enum(PLATFORMS),
    virtualGoods: z.boolean(),
    returnShipping: z.enum(RETURN_SHIPPINGS),
  }),
  known: z.record(z.string(), KnownRefundSchema),
  /** Why nothing was stored (e.g. quota), for the popup; the badges still work from the page alone. */
  storageError: z.optional(z.string()),
});
export type PageReportReply = z.infer<typeof PageReportReplySchema>;
