// What one page report changes, computed in memory from the stored snapshots (pure, no database): the refunds to put,
// the events to add and the stored events to re-date. upsert.ts then writes only that, in one transaction.
import type { RefundStatus } from '../model/vocabulary';
import type { RefundRow } from '../model/refund-row';
import { mergeObservation, sameSnapshot, type MergeOptions } from './merge';
import type { RefundEvent, StoredRefund } from './schema';

/** An event's unique key, [refundId+status+at] (schema.ts). */
export type EventKey = [string, RefundStatus, number];

export interface PlannedEvent {
  event: RefundEvent;
  /** A new transition (counted in UpsertResult.events), not an existing one re-dated. */
  isNew: boolean;
  /** The stored event this one re-dates (an earlier or page-printed start of the same status): written over it. */
  replaces?: EventKey;
}

export interface UpsertCounts {
  /** Refunds not stored before. */
  added: number;
  /** Stored refunds whose snapshot changed (lastSeenAt alone does not count). */
  updated: number;
  /** Stored refunds with nothing new but lastSeenAt. */
  unchanged: number;
}

interface UpsertPlan {
  counts: UpsertCounts;
  /** New or changed snapshots; a refund whose merge changes nothing at all (not even lastSeenAt) is absent. */
  puts: StoredRefund[];
  /** Every refund of the report as it will be stored, written or not. */
  snapshots: StoredRefund[];
  /** The stored events that `events` re-date (their `replaces`), to be looked up. */
  redated: EventKey[];
  events: PlannedEvent[];
}

/** An event key as one string (map keys). */
export const keyText = (k: EventKey) => `${k[0]}|${k[1]}|${k[2]}`;

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

  // Oldest first, so one report with the same refund twice behaves like two reports in time order.
  const ordered = [...rows].sort((a, b) => a.readAt - b.readAt);
  for (const row of ordered) {
    const id = row.refundId;
    const { next, event, redatedFrom } = mergeObservation(current.get(id) ?? stored.get(id), row, Math.min(row.readAt, observedAt), options);
    current.set(id, next);
    if (!event) continue;
    const planned: PlannedEvent = { event, isNew: true };
    if (redatedFrom !== undefined) {
      const from: EventKey = [event.refundId, event.status, redatedFrom];
      const earlier = pending.get(keyText(from));
      if (earlier) {
        // Planned in this report, so never stored: this one takes its place (and whatever it replaced).
        pending.delete(keyText(from));
        planned.isNew = earlier.isNew;
        if (earlier.replaces) planned.replaces = earlier.replaces;
      } else {
        planned.isNew = false;
        planned.replaces = from;
      }
    }
    pending.set(keyText([event.refundId, event.status, event.at]), planned);
  }
  const events = [...pending.values()];
  const redated = events.flatMap((p) => (p.replaces ? [p.replaces] : []));

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
  return { counts, puts, snapshots: [...current.values()], redated, events };
}
