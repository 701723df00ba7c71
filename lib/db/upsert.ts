// Storing what the content scripts read (budget: 200 rows ≤ 30 ms into 100,000 refunds). One rw transaction per
// report: the stored snapshots are read in one or two requests (read-refunds.ts), merged in memory (upsert-plan.ts),
// and only what changed is written, all requests of a step issued at once; re-dated events are found the same way
// (find-events.ts) and rewritten in place. IndexedDB runs overlapping rw
// transactions one after another, so the same report sent by three tabs at once ends in the same state as one report.
import Dexie from 'dexie';
import type { RefundRow } from '../model/refund-row';
import { findEventIds } from './find-events';
import type { MergeOptions } from './merge';
import { readRefunds } from './read-refunds';
import type { RefundEvent, RefundRadarDb, StoredRefund } from './schema';
import { keyText, planUpsert, type PlannedEvent, type UpsertCounts } from './upsert-plan';

interface UpsertResult extends UpsertCounts {
  /** New status transitions stored (an existing event re-dated earlier is not counted). */
  events: number;
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
  return (await upsertReturningSnapshots(db, rows, observedAt, options)).result;
}

/**
 * upsertObservedRows, also returning every refund of the report as committed (so the caller need not read them
 * again). Resolves right after the commit, in commit order across concurrent upserts.
 */
export async function upsertReturningSnapshots(
  db: RefundRadarDb,
  rows: readonly RefundRow[],
  observedAt: number,
  options: MergeOptions = {},
): Promise<{ result: UpsertResult; snapshots: StoredRefund[] }> {
  if (rows.length === 0) return { result: { added: 0, updated: 0, unchanged: 0, events: 0 }, snapshots: [] };
  return db.transaction('rw', db.refunds, db.events, async () => {
    const stored = await readRefunds(db, rows.map((r) => r.refundId));
    const plan = planUpsert(stored, rows, observedAt, options);
    // The snapshots and the look-up of re-dated events go out together; events are written once those are known.
    const [, storedIds] = await Promise.all([
      plan.puts.length > 0 ? db.refunds.bulkPut(plan.puts) : undefined,
      findEventIds(db, plan.redated),
    ]);
    const moved: RefundEvent[] = [];
    const added: PlannedEvent[] = [];
    for (const p of plan.events) {
      const id = p.replaces && storedIds.get(keyText(p.replaces));
      if (id === undefined) added.push(p);
      else moved.push({ ...p.event, id });
    }
    // Moves first: an added event may take a key a moved one leaves.
    const [unmoved, events] = await Promise.all([moveEvents(db, moved), addEvents(db, added)]);
    if (unmoved.length > 0) await db.events.bulkDelete(unmoved);
    return { result: { ...plan.counts, events }, snapshots: plan.snapshots };
  });
}

/**
 * Re-dates stored events in place (put under their own id). One whose new key is already stored (unique
 * [refundId+status+at]) is not moved: its id is returned, for the caller to delete (the transition is stored once).
 */
async function moveEvents(db: RefundRadarDb, events: readonly RefundEvent[]): Promise<number[]> {
  if (events.length === 0) return [];
  let failed: Record<number, unknown> = {};
  await db.events.bulkPut(events).catch(Dexie.BulkError, (e) => {
    failed = e.failuresByPos;
  });
  return Object.keys(failed).map((i) => events[Number(i)]!.id!);
}

/** Adds events; one already stored (unique [refundId+status+at]) is skipped, not an error. Returns the new ones. */
async function addEvents(db: RefundRadarDb, items: readonly PlannedEvent[]): Promise<number> {
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
