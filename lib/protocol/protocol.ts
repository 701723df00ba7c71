// The messages between the extension's parts, one entry each: the request schema (validated by the background's
// router) and the reply schema (validated by `send` on the asking side). Adding a message is adding an entry here
// and its handler in the background (the router's handler map is typed by this map, so a missing one does not
// compile). Every message may also be answered with the one error reply (error-reply.ts).
// Imported at run time by the background only: each asking side passes `send` the reply schemas it uses, so the
// content script's bundle carries the page-report reply schema and nothing else of this map.
import type * as z from 'zod/mini';
import { DashboardReplySchema, DashboardRequestSchema } from './dashboard';
import { HistoryChangedReplySchema, HistoryChangedSchema } from './history-changed';
import { PageReportSchema } from './page-report';
import { PageReportReplySchema } from './page-report-reply';
import { TabReportReplySchema, TabReportRequestSchema } from './tab-report';

export const PROTOCOL = {
  'page-report': { request: PageReportSchema, reply: PageReportReplySchema },
  'tab-report': { request: TabReportRequestSchema, reply: TabReportReplySchema },
  dashboard: { request: DashboardRequestSchema, reply: DashboardReplySchema },
  'history-changed': { request: HistoryChangedSchema, reply: HistoryChangedReplySchema },
} as const;

type Protocol = typeof PROTOCOL;
export type MessageType = keyof Protocol;
/** The message as it travels: the request with its `type`. */
export type MessageOf<K extends MessageType> = z.infer<Protocol[K]['request']>;
/** What the asking side passes to `send` along with the type. */
export type RequestOf<K extends MessageType> = Omit<MessageOf<K>, 'type'>;
export type ReplyOf<K extends MessageType> = z.infer<Protocol[K]['reply']>;
export type ReplySchemaOf<K extends MessageType> = Protocol[K]['reply'];
