// What one page report changes, computed in memory from the stored snapshots (pure, no database): the refunds to put,
// the events to add and the stored events to re-date. upsert.ts then writes only that, in one transaction.
import type { RefundRow, RefundStatus } from '../model';
import { mergeObservation, sameSnapshot, type MergeOptions } from './merge';
import type { RefundEvent, StoredRefund } from './schema';

/** An event's unique key, [refundId+status+at] (schema.ts). */
export type EventKey = [string, RefundStatus, number];

export interface PlannedEvent {
  event: RefundEvent;
  /** A new transition (counted in UpsertResult.events), not an existing one re-dated. */
  isNew: boolean;
}

export interface UpsertCounts {
  /** Refunds not stored before. */
  added: number;
  /** Stored refunds whose snapshot changed (lastSeenAt alone does not count). */
  updated: number;
  /** Stored refunds with nothing new but lastSeenAt. */
  unchanged: number;
}

export interface UpsertPlan {
  counts: UpsertCounts;
  /** New or changed snapshots; a refund whose merge changes nothing at all (not even lastSeenAt) is absent. */
  puts: StoredRefund[];
  /** Every refund of the report as it will be stored, written or not. */
  snapshots: StoredRefund[];
  /** Stored events replaced by an earlier or page-printed start of the same status (deleted before `events` are added). */
  redated: EventKey[];
  events: PlannedEvent[];
}

const keyText = (k: EventKey) => `${k[0]}|${k[1]}|${k[2]}`;

/**
 * Merges the rows (§6.5: by refundId, latest status and earliest intervention win) into `stored` (the snapshots of
 * the rows' refunds; absent = not stored). `observedAt` caps each row's readAt: a reading stamped in the future must
 * not freeze its refund's status until then.
 */
export function planUpsert(
  stored: ReadonlyMap<string, StoredRefund>,
  rows: readonly RefundRow[],
  observedAt: number,
  options: MergeOptions = {},
): UpsertPlan {
  const current = new Map<string, StoredRefund>();
  const pending = new Map<string, PlannedEvent>();
  const redated: EventKey[] = [];

  // Oldest first, so one report with the same refund twice behaves like two reports in time order.
  const ordered = [...rows].sort((a, b) => a.readAt - b.readAt);
  for (const row of ordered) {
    const id = row.refundId;
    const { next, event, redatedFrom } = mergeObservation(current.get(id) ?? stored.get(id), row, Math.min(row.readAt, observedAt), options);
    current.set(id, next);
    if (!event) continue;
    let isNew = true;
    if (redatedFrom !== undefined) {
      const from: EventKey = [event.refundId, event.status, redatedFrom];
      const earlier = pending.get(keyText(from));
      if (earlier) pending.delete(keyText(from)); // planned in this report: never stored, nothing to delete
      else redated.push(from);
      isNew = earlier?.isNew ?? false;
    }
    pending.set(keyText([event.refundId, event.status, event.at]), { event, isNew });
  }

  const counts: UpsertCounts = { added: 0, updated: 0, unchanged: 0 };
  const puts: StoredRefund[] = [];
  for (const [id, next] of current) {
    const prev = stored.get(id);
    if (!prev) {
      counts.added++;
      puts.push(next);
    } else if (sameSnapshot(prev, next)) {
      counts.unchanged++;
      if (prev.lastSeenAt !== next.lastSeenAt) puts.push(next);
    } else {
      counts.updated++;
      puts.push(next);
    }
  }
  return { counts, puts, snapshots: [...current.values()], redated, events: [...pending.values()] };
}
