// JSON export of the whole local history (issue: "JSON export and import: full fidelity, with a format version").
// The import side (merge into the database) is lib/db/import.ts; this file owns the format and its validation.
//
// Format (version 1), one record per line so a file can be read and diffed:
//   {"format":"refund-radar-log","version":1,"exportedAt":<epoch ms>,
//    "refunds":[ <StoredRefund>, … ],
//    "events":[ <RefundEvent without its auto-increment id>, … ],
//    "paidOrders":[ {"date":"YYYY-MM-DD","count":n}, … ],
//    "settings": <the value stored under SETTINGS_KEY, or null> }
//   The settings carry their own version (lib/settings/versions.ts; an export by 0.1.0 carries none), so a change
//   of the settings' shape needs no new format version: the import migrates them.
// Times are epoch ms (UTC) exactly as stored, amounts fen: nothing is converted, so export → import is lossless.
//
// Size: the export reads every table in ONE read transaction (a consistent snapshot: no event without its refund
// even while the background is writing) and serialises it in chunks of 2000 records with an event-loop turn between
// them. The result is an array of string parts for a Blob (exportJsonParts); at 100,000 refunds that is ≈ 60 MB of
// text.
import * as z from 'zod/mini';
import { ACTORS, GOODS_STATES, PHASES, REFUND_STATUSES, REFUND_TYPES, SEEN_PRECISIONS, STATUS_SINCE_PRECISIONS } from '../model/vocabulary';
import { PageDeadlineSchema } from '../model/page-deadline';
import type { Lang } from '../format/time-left';
import type { PaidOrdersDay, RefundEvent, RefundRadarDb, StoredRefund } from '../db/schema';
import { beijingDate, beijingToInstant } from '../time/beijing';
import { yieldToEventLoop } from './csv-stream';
import { SETTINGS_KEY } from '../storage/keys';

const JSON_FORMAT = 'refund-radar-log';
const JSON_VERSION = 1;
export const JSON_MIME = 'application/json';

const refundId = z.string().check(z.regex(/^\d{6,30}$/, '退款编号必须是 6–30 位数字 / refund id must be 6–30 digits'));
const orderId = z.string().check(z.regex(/^\d{6,30}$/, '订单编号必须是 6–30 位数字 / order id must be 6–30 digits'));
/** 2000-01-01 … 2100-01-01, whole ms: anything else is not a time Refund Radar wrote. */
const instant = z.number().check(
  z.int('时间必须是整数毫秒 / a time must be whole epoch ms'),
  z.gte(946_684_800_000, '时间早于 2000 年 / time before 2000'),
  z.lte(4_102_444_800_000, '时间晚于 2100 年 / time after 2100'),
);
const text = z.string().check(z.maxLength(1000));
const seenPrecision = z.enum(SEEN_PRECISIONS);

export const StoredRefundSchema = z.object({
  refundId,
  orderId: z.optional(orderId),
  status: z.enum(REFUND_STATUSES),
  statusText: text,
  actor: z.enum(ACTORS),
  type: z.optional(z.enum(REFUND_TYPES)),
  phase: z.optional(z.enum(PHASES)),
  goodsState: z.optional(z.enum(GOODS_STATES)),
  amountFen: z.optional(z.number().check(z.int(), z.gte(0), z.lte(1e13))),
  appliedAt: z.optional(instant),
  completedAt: z.optional(instant),
  completedAtPrecision: z.optional(seenPrecision),
  intervenedAt: z.optional(instant),
  sellerAtFault: z.optional(z.boolean()),
  sellerTimeout: z.optional(z.boolean()),
  statusSince: instant,
  statusSincePrecision: z.enum(STATUS_SINCE_PRECISIONS),
  statusFirstSeenAt: instant,
  prevStatusSeenUntil: z.optional(instant),
  pageDeadline: z.optional(z.object({ deadline: PageDeadlineSchema, status: z.enum(REFUND_STATUSES), readAt: instant })),
  returnSignedAt: z.optional(instant),
  deadlineAt: z.optional(instant),
  buyerNick: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  firstSeenAt: instant,
  lastSeenAt: instant,
});

export const RefundEventSchema = z.object({
  refundId,
  status: z.enum(REFUND_STATUSES),
  at: instant,
  precision: seenPrecision,
  statusText: text,
});

export const PaidOrdersDaySchema = z.object({
  date: z.string().check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式 YYYY-MM-DD / date must be YYYY-MM-DD'),
    z.refine((d) => beijingToInstant(Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))) !== null, '不是有效日期 / not a real date'),
  ),
  count: z.number().check(z.int('笔数必须是整数 / count must be a whole number'), z.gte(0, '笔数不能为负 / count must not be negative')),
});

/** The envelope; records stay `unknown` here and are validated one by one, so one bad record does not sink the file. */
const ExportEnvelopeSchema = z.object({
  format: z.literal(JSON_FORMAT),
  version: z.literal(JSON_VERSION),
  exportedAt: instant,
  refunds: z.array(z.unknown()),
  events: z.array(z.unknown()),
  paidOrders: z.array(z.unknown()),
  settings: z.unknown(),
});
type ExportEnvelope = z.infer<typeof ExportEnvelopeSchema>;

interface ExportFile {
  format: typeof JSON_FORMAT;
  version: typeof JSON_VERSION;
  exportedAt: number;
  refunds: StoredRefund[];
  events: Omit<RefundEvent, 'id'>[];
  paidOrders: PaidOrdersDay[];
  settings: unknown;
}

// Compile-time checks: the schemas produce exactly the stored types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _refundTypeMatches: Same<z.infer<typeof StoredRefundSchema>, StoredRefund> = true;
const _eventTypeMatches: Same<z.infer<typeof RefundEventSchema>, Omit<RefundEvent, 'id'>> = true;
void _refundTypeMatches;
void _eventTypeMatches;

export const NOT_AN_EXPORT = '不是退款雷达导出的文件 / not a Refund Radar export';

/** A short "path: message" of the first zod issues, for the report. */
export function describeIssues(error: z.core.$ZodError, max = 3): string {
  return error.issues
    .slice(0, max)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}

/** Parses and checks the envelope. Never throws; `error` is a message for the user (Chinese / English). */
export function parseEnvelope(textOrValue: string | unknown): { ok: true; file: ExportEnvelope } | { ok: false; error: string } {
  let value: unknown = textOrValue;
  if (typeof textOrValue === 'string') {
    try {
      value = JSON.parse(textOrValue.replace(/^\uFEFF/, ''));
    } catch {
      return { ok: false, error: `文件不是有效的 JSON（可能已损坏）/ the file is not valid JSON (corrupt?); ${NOT_AN_EXPORT}` };
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value) || (value as { format?: unknown }).format !== JSON_FORMAT) {
    return { ok: false, error: NOT_AN_EXPORT };
  }
  const version = (value as { version?: unknown }).version;
  if (version !== JSON_VERSION) {
    if (typeof version === 'number' && Number.isInteger(version) && version > JSON_VERSION) {
      return {
        ok: false,
        error: `文件来自更新版本的退款雷达（格式版本 ${version}），请先更新扩展 / the file comes from a newer Refund Radar (format version ${version}): update the extension first`,
      };
    }
    return { ok: false, error: `不支持的格式版本 ${JSON.stringify(version)} / unsupported format version ${JSON.stringify(version)}` };
  }
  const parsed = ExportEnvelopeSchema.safeParse(value);
  if (!parsed.success) {
    return { ok: false, error: `文件不完整或已损坏 / the file is incomplete or corrupt: ${describeIssues(parsed.error)}` };
  }
  return { ok: true, file: parsed.data };
}

const CHUNK = 2000;

async function jsonArray(name: string, items: readonly unknown[], parts: string[], last = false): Promise<void> {
  parts.push(`${JSON.stringify(name)}:[`);
  for (let i = 0; i < items.length; i += CHUNK) {
    const slice = items.slice(i, i + CHUNK);
    parts.push((i === 0 ? '\n' : ',\n') + slice.map((x) => JSON.stringify(x)).join(',\n'));
    if (i + CHUNK < items.length) await yieldToEventLoop();
  }
  parts.push(items.length ? `\n]${last ? '' : ','}\n` : `]${last ? '' : ','}\n`);
}

/** The export as string parts (for `new Blob(parts, { type: JSON_MIME })`), from one consistent read. */
export async function exportJsonParts(db: RefundRadarDb, now: number = Date.now()): Promise<string[]> {
  const { refunds, events, paidOrders, settings } = await db.transaction('r', db.refunds, db.events, db.paidOrders, db.settings, async () => ({
    refunds: await db.refunds.toArray(),
    events: await db.events.toArray(),
    paidOrders: await db.paidOrders.toArray(),
    settings: (await db.settings.get(SETTINGS_KEY))?.value,
  }));
  const parts: string[] = [`{"format":${JSON.stringify(JSON_FORMAT)},"version":${JSON_VERSION},"exportedAt":${Math.round(now)},\n`];
  await jsonArray('refunds', refunds, parts);
  await jsonArray('events', events.map(({ id: _id, ...e }) => e), parts);
  await jsonArray('paidOrders', paidOrders.map(({ date, count }) => ({ date, count })), parts);
  parts.push(`"settings":${JSON.stringify(settings ?? null)}\n}\n`);
  return parts;
}

/** `退款雷达备份-2026-11-25.json` / `refund-radar-backup-2026-11-25.json` (Beijing date). */
export function jsonFileName(now: number, lang: Lang = 'zh'): string {
  return `${lang === 'zh' ? '退款雷达备份' : 'refund-radar-backup'}-${beijingDate(now)}.json`;
}
