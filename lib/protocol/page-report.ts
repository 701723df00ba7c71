// Content script → background: what one page shows right now (sent after each change, throttled). Validated by the
// background (a page can be hostile, and a message can come from an older content script after an update). The reply
// is in page-report-reply.ts: the content script imports that one, not this.
import * as z from 'zod/mini';
import { BADGE_STATES, type RowProblem } from '../model/vocabulary';
import { RefundRowSchema } from '../model/refund-row';
import { PAGE_KINDS } from '../seller-center/page-kind';

/** RowProblem (lib/model/vocabulary.ts) as it travels: the annotation keeps the two from drifting apart. */
export const RowProblemSchema: z.ZodMiniType<RowProblem> = z.object({
  refundId: z.optional(z.string().check(z.maxLength(40))),
  field: z.string().check(z.maxLength(40)),
  text: z.optional(z.string().check(z.maxLength(200))),
});

export const StateCountsSchema = z.partialRecord(z.enum(BADGE_STATES), z.number().check(z.int(), z.gte(0)));

export const PageReportSchema = z.object({
  type: z.literal('page-report'),
  url: z.string().check(z.maxLength(2048)),
  pageKind: z.enum(PAGE_KINDS),
  rows: z.array(RefundRowSchema).check(z.maxLength(5000)),
  problems: z.array(RowProblemSchema).check(z.maxLength(200)),
  problemCount: z.number().check(z.int(), z.gte(0)),
  states: StateCountsSchema,
  /** Rows whose badge the page kept taking out, so the tab stopped putting it back (components/badge/host-backoff.ts). */
  givenUp: z.optional(z.number().check(z.int(), z.gte(0))),
});
export type PageReport = z.infer<typeof PageReportSchema>;
