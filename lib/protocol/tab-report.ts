// Popup → background: the last page report of one tab, as the background keeps it (in storage.session: it survives
// the service worker being stopped), so the popup can show "N rows not understood". `report` is null when the tab
// sent none (or what is kept is from another version).
import * as z from 'zod/mini';
import { PAGE_KINDS } from '../seller-center/page-kind';
import { RowProblemSchema, StateCountsSchema } from './page-report';

export const TabReportRequestSchema = z.object({ type: z.literal('tab-report'), tabId: z.number().check(z.int()) });

export const StoredTabReportSchema = z.object({
  url: z.string(),
  pageKind: z.enum(PAGE_KINDS),
  rowCount: z.number(),
  problemCount: z.number(),
  problems: z.array(RowProblemSchema),
  states: StateCountsSchema,
  at: z.number(),
  givenUp: z.optional(z.number()),
  storageError: z.optional(z.string()),
});
export type StoredTabReport = z.infer<typeof StoredTabReportSchema>;

export const TabReportReplySchema = z.object({ ok: z.literal(true), report: z.nullable(StoredTabReportSchema) });
