import { describe, expect, it } from 'vitest';
import { FactsCache } from '@/lib/db/facts-cache';
import { refundFacts } from '@/lib/db/queries';
import { upsertObservedRows, upsertReturningSnapshots } from '@/lib/db/upsert';
import { HOUR, T0, logRequests, newDb, row } from './helpers';

const a = row({ refundId: '200000000000000002', type: 'refund_only', appliedAt: T0 - 10 * HOUR });
const b = row({ refundId: '200000000000000001', type: 'return_refund', appliedAt: T0 - 20 * HOUR });

describe('FactsCache', () => {
  it('gives what the database gives, sorted by refund id, and follows later upserts without a reload', async () => {
    const db = newDb();
    await upsertObservedRows(db, [a, b], T0);
    const cache = new FactsCache(db);
    expect((await cache.get(T0)).facts).toEqual(await refundFacts(db));
    expect((await cache.get(T0)).facts.map((f) => f.refundId)).toEqual([b.refundId, a.refundId]);

    // A refund completes and a new one appears: refresh with just those ids.
    const done = { ...a, status: 'success' as const, statusText: '退款成功', readAt: T0 + HOUR };
    const c = row({ refundId: '200000000000000000', type: 'refund_only', appliedAt: T0 - HOUR, readAt: T0 + HOUR });
    await upsertObservedRows(db, [done, c], T0 + HOUR);
    await cache.refresh([done.refundId, c.refundId]);
    const got = (await cache.get(T0 + HOUR)).facts;
    expect(got).toEqual(await refundFacts(db));
    expect(got.find((f) => f.refundId === a.refundId)!.completedAt).toBe(T0 + HOUR);
  });

  it('takes an upsert\'s own snapshots without reading them again', async () => {
    const db = newDb();
    const log = logRequests(db);
    await upsertObservedRows(db, [a, b], T0);
    const cache = new FactsCache(db);
    await cache.get(T0);
    const done = { ...b, status: 'success' as const, statusText: '退款成功', readAt: T0 + HOUR };
    const { snapshots } = await upsertReturningSnapshots(db, [done], T0 + HOUR);
    log.reads.length = 0;
    cache.take(snapshots);
    const got = (await cache.get(T0 + HOUR)).facts;
    expect(log.reads).toEqual([]);
    expect(got).toEqual(await refundFacts(db));
    expect(got.find((f) => f.refundId === b.refundId)!.completedAt).toBe(T0 + HOUR);
  });

  it('keeps its list sorted when refunds arrive, change and leave (no type any more)', async () => {
    const db = newDb();
    const ids = ['200000000000000010', '200000000000000020', '200000000000000030'];
    await upsertObservedRows(db, ids.map((refundId) => row({ refundId, type: 'refund_only', appliedAt: T0 - HOUR })), T0);
    const cache = new FactsCache(db);
    const list = (await cache.get(T0)).facts;
    const fresh = (refundId: string) => row({ refundId, type: 'refund_only', appliedAt: T0 - HOUR, readAt: T0 + HOUR });
    const { snapshots } = await upsertReturningSnapshots(db, [fresh('200000000000000025'), fresh('200000000000000005'), fresh('200000000000000099')], T0 + HOUR);
    cache.take(snapshots);
    cache.take([{ ...snapshots[0]!, refundId: ids[1]!, type: undefined }]); // a record that cannot be counted any more
    cache.take([{ ...snapshots[0]!, refundId: ids[0]!, amountFen: 1 }]);
    const got = await cache.get(T0 + HOUR);
    expect(got.facts).toBe(list); // patched in place
    expect(got.facts.map((f) => f.refundId)).toEqual(['200000000000000005', ids[0], '200000000000000025', ids[2], '200000000000000099']);
    expect(got.skippedNoType).toBe(1);
  });

  it('reads again after invalidate (an import elsewhere)', async () => {
    const db = newDb();
    const cache = new FactsCache(db);
    expect((await cache.get(T0)).facts).toEqual([]);
    await upsertObservedRows(db, [a], T0);
    cache.invalidate();
    expect((await cache.get(T0)).facts.map((f) => f.refundId)).toEqual([a.refundId]);
  });
});
