// Storing what the content scripts read: one rw transaction per report, one bulkGet and one bulkPut, no per-row
// queries (budget: 200 rows ≤ 30 ms into 100,000 refunds). IndexedDB runs overlapping rw transactions one after
// another, so the same report sent by three tabs at once ends in the same state as one report.
import Dexie from 'dexie';
import type { RefundRow, RefundStatus } from '../model';
import { mergeObservation, sameSnapshot, type MergeOptions } from './merge';
import type { RefundEvent, RefundRadarDb, StoredRefund } from './schema';

export interface UpsertResult {
  /** Refunds not stored before. */
  added: number;
  /** Stored refunds whose snapshot changed (lastSeenAt alone does not count). */
  updated: number;
  /** Stored refunds with nothing new but lastSeenAt. */
  unchanged: number;
  /** New status transitions stored (an existing event re-dated earlier is not counted). */
  events: number;
}

type EventKey = [string, RefundStatus, number];
const keyText = (k: EventKey) => k.join('|');

interface PendingEvent {
  event: RefundEvent;
  isNew: boolean;
}

/**
 * Merges the rows of one page report (§6.5: by refundId, latest status and earliest intervention win). `observedAt`
 * caps each row's readAt: a reading stamped in the future must not freeze its refund's status until then.
 */
export async function upsertObservedRows(
  db: RefundRadarDb,
  rows: readonly RefundRow[],
  observedAt: number,
  options: MergeOptions = {},
): Promise<UpsertResult> {
  const result: UpsertResult = { added: 0, updated: 0, unchanged: 0, events: 0 };
  if (rows.length === 0) return result;
  return db.transaction('rw', db.refunds, db.events, async () => {
    const ids = [...new Set(rows.map((r) => r.refundId))];
    const stored = await db.refunds.bulkGet(ids);
    const before = new Map<string, StoredRefund | undefined>(ids.map((id, i) => [id, stored[i]]));
    const current = new Map(before);
    const pending = new Map<string, PendingEvent>();
    const deletes: EventKey[] = [];

    // Oldest first, so one report with the same refund twice behaves like two reports in time order.
    const ordered = [...rows].sort((a, b) => a.readAt - b.readAt);
    for (const row of ordered) {
      const { next, event, redatedFrom } = mergeObservation(current.get(row.refundId), row, Math.min(row.readAt, observedAt), options);
      current.set(row.refundId, next);
      if (!event) continue;
      let isNew = true;
      if (redatedFrom !== undefined) {
        const from: EventKey = [event.refundId, event.status, redatedFrom];
        const earlier = pending.get(keyText(from));
        if (earlier) pending.delete(keyText(from));
        else deletes.push(from);
        isNew = earlier?.isNew ?? false;
      }
      pending.set(keyText([event.refundId, event.status, event.at]), { event, isNew });
    }

    const puts: StoredRefund[] = [];
    for (const [id, next] of current) {
      const prev = before.get(id);
      if (!next) continue;
      if (!prev) {
        result.added++;
        puts.push(next);
      } else if (sameSnapshot(prev, next)) {
        result.unchanged++;
        if (prev.lastSeenAt !== next.lastSeenAt) puts.push(next);
      } else {
        result.updated++;
        puts.push(next);
      }
    }
    if (deletes.length > 0) await db.events.where('[refundId+status+at]').anyOf(deletes).delete();
    if (puts.length > 0) await db.refunds.bulkPut(puts);
    result.events = await addEvents(db, [...pending.values()]);
    return result;
  });
}

/** Adds events; one already stored (unique [refundId+status+at]) is skipped, not an error. Returns the new ones. */
async function addEvents(db: RefundRadarDb, items: PendingEvent[]): Promise<number> {
  if (items.length === 0) return 0;
  let failed: Record<number, unknown> = {};
  await db.events
    .bulkAdd(items.map((p) => p.event))
    .catch(Dexie.BulkError, (e) => {
      // Caught inside the transaction, so only the duplicates are dropped and the rest commits.
      failed = e.failuresByPos;
    });
  return items.filter((p, i) => p.isNew && !(i in failed)).length;
}
