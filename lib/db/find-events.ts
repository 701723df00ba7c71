// Finding the stored events a report re-dates (by their unique [refundId+status+at]) without one request each: the
// events of a page's refunds sit together in that index, as the refunds do in theirs (read-refunds.ts).
import Dexie, { cmp } from 'dexie';
import type { RefundRadarDb } from './schema';
import type { EventKey } from './upsert-plan';

/** How many events one range read may return per key sought before the rest is looked up key by key. */
const RANGE_SLACK = 4;

/**
 * Primary keys of the stored events with these [refundId+status+at] keys; keys not stored are skipped. One read of
 * the index range from the smallest to the largest refundId, capped at RANGE_SLACK × keys events; keys past the cap
 * are then looked up one by one, in parallel.
 */
export async function findEventIds(db: RefundRadarDb, keys: readonly EventKey[]): Promise<number[]> {
  if (keys.length === 0) return [];
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
  const ids: number[] = [];
  for (const e of range) if (wanted.has(keyText([e.refundId, e.status, e.at]))) ids.push(e.id!);
  if (range.length < cap) return ids; // the whole range was read
  const last = range[range.length - 1]!;
  const lastKey: EventKey = [last.refundId, last.status, last.at];
  const rest = keys.filter((k) => cmp(k, lastKey) > 0);
  const found = await Promise.all(rest.map((k) => db.events.where('[refundId+status+at]').equals(k).primaryKeys()));
  return [...ids, ...(found.flat() as number[])];
}

const keyText = (k: EventKey) => `${k[0]}|${k[1]}|${k[2]}`;
