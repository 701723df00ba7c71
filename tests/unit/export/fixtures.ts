// Generated refunds for the export tests, and whole exports in memory built from the product's streamed parts (the
// log page streams them to a download; the tests compare whole files).
import type { RefundRadarDb, StoredRefund } from '@/lib/db/schema';
import { BOM, CSV_MIME, csvHeaderLine, refundToCsvLine } from '@/lib/export/csv';
import { csvChunks, refundPages, type CsvProgress, type RefundPagesOptions } from '@/lib/export/csv-stream';
import { exportJsonParts } from '@/lib/export/json';
import type { Lang } from '@/lib/format/time-left';
import { REFUND_STATUSES } from '@/lib/model/vocabulary';
import { actorFor, isCompleted } from '@/lib/status/classify';

export const T0 = Date.UTC(2026, 10, 20, 6, 0, 0); // 2026-11-20 14:00:00 Beijing
export const HOUR = 3_600_000;

export function refundId(i: number): string {
  return String(200000000000000000n + BigInt(i));
}

/** A plausible stored refund; every 7th has no optional facts, every 5th was intervened. */
export function makeRefund(i: number, over: Partial<StoredRefund> = {}): StoredRefund {
  const status = REFUND_STATUSES[i % REFUND_STATUSES.length]!;
  const done = isCompleted(status);
  const bare = i % 7 === 0;
  const base: StoredRefund = {
    refundId: refundId(i),
    ...(!bare && { orderId: String(400000000000000000n + BigInt(i)) }),
    status,
    statusText: `状态${i}, "原文"`,
    actor: actorFor(status),
    ...(!bare && { type: i % 2 ? ('refund_only' as const) : ('return_refund' as const), phase: 'onsale' as const, goodsState: 'shipped' as const }),
    ...(!bare && { amountFen: 1000 + i }),
    ...(!bare && { appliedAt: T0 - (i % 100) * HOUR }),
    ...(done && { completedAt: T0 + HOUR, completedAtPrecision: 'first_seen' as const }),
    ...(i % 5 === 0 && { intervenedAt: T0 - HOUR }),
    statusSince: T0,
    statusSincePrecision: 'first_seen',
    statusFirstSeenAt: T0,
    ...(!done && { deadlineAt: T0 + 48 * HOUR }),
    firstSeenAt: T0,
    lastSeenAt: T0 + HOUR,
  };
  return { ...base, ...over };
}

/** A whole CSV file of `refunds` in memory: BOM, header, one line each (the reference for the streamed export). */
export function refundsToCsv(refunds: Iterable<StoredRefund>, lang: Lang = 'zh'): string {
  let out = BOM + csvHeaderLine(lang);
  for (const r of refunds) out += refundToCsvLine(r, lang);
  return out;
}

/** The CSV export of `db` as a Blob, from the streamed chunks as the log page writes them. */
export async function csvBlob(
  db: RefundRadarDb,
  lang: Lang = 'zh',
  options: RefundPagesOptions & { onProgress?: (progress: CsvProgress) => void } = {},
): Promise<Blob> {
  const { onProgress, ...pages } = options;
  const parts: string[] = [];
  for await (const chunk of csvChunks(refundPages(db, pages), lang, onProgress)) parts.push(chunk);
  return new Blob(parts, { type: CSV_MIME });
}

/** The JSON export of `db` as one string. */
export async function exportJson(db: RefundRadarDb, now: number = Date.now()): Promise<string> {
  return (await exportJsonParts(db, now)).join('');
}
