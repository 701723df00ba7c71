// Typed messages between the content script, the background and extension pages. Validated with zod on both
// sides (a page can be hostile and a message can come from an older content script after an update).
import * as z from 'zod/mini';
import { BADGE_STATES } from '../model/vocabulary';
import { PAGE_KINDS } from '../seller-center/page-kind';
import { RefundRowSchema } from '../model/refund-row';
import { SCENARIOS } from '../projection-scenarios';

export { KnownRefundSchema, PageReportReplySchema, type KnownRefundMessage, type PageReportReply } from './page-report-reply';


const RowProblemSchema = z.object({
  refundId: z.optional(z.string().check(z.maxLength(40))),
  field: z.string().check(z.maxLength(40)),
  text: z.optional(z.string().check(z.maxLength(200))),
});

const StateCountsSchema = z.partialRecord(z.enum(BADGE_STATES), z.number().check(z.int(), z.gte(0)));

/** Content script → background: what one page shows right now (sent after each change, throttled). */
export const PageReportSchema = z.object({
  type: z.literal('page-report'),
  url: z.string().check(z.maxLength(2048)),
  pageKind: z.enum(PAGE_KINDS),
  rows: z.array(RefundRowSchema).check(z.maxLength(5000)),
  problems: z.array(RowProblemSchema).check(z.maxLength(200)),
  problemCount: z.number().check(z.int(), z.gte(0)),
  states: StateCountsSchema,
});
export type PageReport = z.infer<typeof PageReportSchema>;

/** Popup → background: the report of one tab. */
export const TabReportRequestSchema = z.object({ type: z.literal('tab-report'), tabId: z.number().check(z.int()) });

/** Popup → background: the dashboard, computed where the facts are kept in memory. */
export const DashboardRequestSchema = z.object({ type: z.literal('dashboard'), scenario: z.enum(SCENARIOS) });

/** Log page → background: the history was changed elsewhere (an import): drop what is kept in memory. */
export const HistoryChangedSchema = z.object({ type: z.literal('history-changed') });

export const ExtensionMessageSchema = z.discriminatedUnion('type', [
  PageReportSchema,
  TabReportRequestSchema,
  DashboardRequestSchema,
  HistoryChangedSchema,
]);
export type ExtensionMessage = z.infer<typeof ExtensionMessageSchema>;

/** What the background keeps per tab (in storage.session: it survives the service worker being stopped). */
export const StoredTabReportSchema = z.object({
  url: z.string(),
  pageKind: z.enum(PAGE_KINDS),
  rowCount: z.number(),
  problemCount: z.number(),
  problems: z.array(RowProblemSchema),
  states: StateCountsSchema,
  at: z.number(),
  storageError: z.optional(z.string()),
});
export type StoredTabReport = z.infer<typeof StoredTabReportSchema>;
