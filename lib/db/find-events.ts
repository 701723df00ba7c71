// Finding the stored events a report re-dates (by their unique [refundId+status+at]) without one request each: the
// events of a page's refunds sit together in that index, as the refunds do in theirs (read-refunds.ts).
import Dexie, { cmp } from 'dexie';
import type { RefundRadarDb } from './schema';
import { keyText, type EventKey } from './upsert-plan';

/** How many events one range read may return per key sought before the rest is looked up key by key. */
const RANGE_SLACK = 4;

/**
 * Primary keys of the stored events with these [refundId+status+at] keys, by keyText; keys not stored are absent.
 * One read of the index range from the smallest to the largest refundId, capped at RANGE_SLACK × keys events; keys
 * past the cap are then looked up one by one, in parallel.
 */
export async function findEventIds(db: RefundRadarDb, keys: readonly EventKey[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (keys.length === 0) return out;
  const wanted = new Set(keys.map(keyText));
  let lo = keys[0]![0];
  let hi = lo;
  for (const [id] of keys) {
    if (id < lo) lo = id;
    if (id > hi) hi = id;
  }
  const cap = keys.length * RANGE_SLACK;
  const range = await db.events
    .where('[refundId+status+at]')
    .between([lo, Dexie.minKey, Dexie.minKey], [hi, Dexie.maxKey, Dexie.maxKey], true, true)
    .limit(cap)
    .toArray();
  for (const e of range) {
    const k = keyText([e.refundId, e.status, e.at]);
    if (wanted.has(k)) out.set(k, e.id!);
  }
  if (range.length < cap) return out; // the whole range was read
  const last = range[range.length - 1]!;
  const lastKey: EventKey = [last.refundId, last.status, last.at];
  const rest = keys.filter((k) => cmp(k, lastKey) > 0);
  const found = await Promise.all(rest.map((k) => db.events.where('[refundId+status+at]').equals(k).primaryKeys()));
  rest.forEach((k, i) => {
    const id = found[i]![0];
    if (id !== undefined) out.set(keyText(k), id as number);
  });
  return out;
}
