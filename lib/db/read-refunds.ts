// Reading the stored snapshots of one report's refunds in as few IndexedDB requests as possible: each request is a
// round trip to the browser's storage process, and 200 single gets cost more than the rest of an upsert.
import type { RefundRadarDb, StoredRefund } from './schema';

/** How many records one range read may return per requested id before the rest is read id by id. */
const RANGE_SLACK = 2;

/**
 * The stored refunds among `ids` (unknown ids are absent). A list page shows refunds by 申请时间 and refund ids grow
 * with it, so a page's ids usually sit next to each other in key order: one getAll over [smallest, largest], capped
 * at RANGE_SLACK × ids records, answers them. Ids past the cap (a filtered list, refunds not stored yet) are then
 * read one by one, so a scattered page costs at most one capped range read more than single gets.
 */
export async function readRefunds(db: RefundRadarDb, ids: readonly string[]): Promise<Map<string, StoredRefund>> {
  const out = new Map<string, StoredRefund>();
  if (ids.length === 0) return out;
  const sorted = [...new Set(ids)].sort();
  const lo = sorted[0]!;
  const hi = sorted[sorted.length - 1]!;
  const cap = sorted.length * RANGE_SLACK;
  const range = await db.refunds.where(':id').between(lo, hi, true, true).limit(cap).toArray();
  const wanted = new Set(sorted);
  for (const r of range) if (wanted.has(r.refundId)) out.set(r.refundId, r);
  // Fewer records than the cap: the range was read to its end and every id is answered.
  if (range.length < cap) return out;
  const last = range[range.length - 1]!.refundId;
  const rest = sorted.filter((id) => id > last);
  const got = await db.refunds.bulkGet(rest);
  for (const r of got) if (r) out.set(r.refundId, r);
  return out;
}
