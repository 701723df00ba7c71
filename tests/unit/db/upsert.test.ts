import { afterEach, describe, expect, it } from 'vitest';
import { upsertObservedRows } from '@/lib/db/upsert';
import type { RefundRadarDb } from '@/lib/db/schema';
import type { RefundRow } from '@/lib/model/refund-row';
import { HOUR, T0, logRequests, newDb, row } from './helpers';

const ID = '200000000000000001';
const ID2 = '200000000000000002';
let db: RefundRadarDb;

afterEach(() => db?.close());

async function snapshot(d: RefundRadarDb) {
  const refunds = await d.refunds.toArray();
  const events = (await d.events.toArray()).map(({ id: _id, ...e }) => e).sort((a, b) => a.at - b.at || a.status.localeCompare(b.status));
  return { refunds, events };
}

function listPage(readAt: number): RefundRow[] {
  return Array.from({ length: 20 }, (_, i) =>
    row({
      refundId: String(300000000000000000n + BigInt(i)),
      orderId: String(400000000000000000n + BigInt(i)),
      type: i % 2 ? 'refund_only' : 'return_refund',
      amountFen: 1000 + i,
      appliedAt: T0 - (i + 1) * HOUR,
      status: i % 3 === 0 ? 'intervening' : 'wait_seller_agree',
      statusText: i % 3 === 0 ? '客服介入中' : '待商家处理',
      pageDeadline: { kind: 'at', at: T0 + (i + 1) * HOUR },
      readAt,
    }),
  );
}

describe('upsertObservedRows', () => {
  it('is idempotent: the same page 100 times gives one refund per row and no duplicate event', async () => {
    db = newDb();
    const page = listPage(T0);
    const first = await upsertObservedRows(db, page, T0);
    expect(first).toEqual({ added: 20, updated: 0, unchanged: 0, events: 20 });
    const once = await snapshot(db);
    for (let i = 0; i < 99; i++) {
      expect(await upsertObservedRows(db, page, T0 + i)).toEqual({ added: 0, updated: 0, unchanged: 20, events: 0 });
    }
    expect(await snapshot(db)).toEqual(once);
    // Re-reading the same page later only moves lastSeenAt.
    const later = await upsertObservedRows(db, listPage(T0 + HOUR), T0 + HOUR);
    expect(later).toEqual({ added: 0, updated: 0, unchanged: 20, events: 0 });
    expect((await db.refunds.get(page[0]!.refundId))?.lastSeenAt).toBe(T0 + HOUR);
    expect(await db.events.count()).toBe(20);
  });

  it('writes nothing when the same page is sent again, and one transaction per report', async () => {
    db = newDb();
    const log = logRequests(db);
    await upsertObservedRows(db, listPage(T0), T0);
    expect(log.rwTransactions).toBe(1);
    expect(log.writes).toEqual([{ table: 'refunds', type: 'put', count: 20 }, { table: 'events', type: 'add', count: 20 }]);
    log.writes.length = 0;
    log.reads.length = 0;
    expect(await upsertObservedRows(db, listPage(T0), T0)).toEqual({ added: 0, updated: 0, unchanged: 20, events: 0 });
    expect(log.rwTransactions).toBe(2);
    expect(log.writes).toEqual([]);
    expect(log.reads).toEqual([{ table: 'refunds', type: 'query' }]); // one range read answers a page of neighbours
  });

  it('writes only the snapshots (one bulk put, no event) when an unchanged page is read again later', async () => {
    db = newDb();
    const log = logRequests(db);
    await upsertObservedRows(db, listPage(T0), T0);
    log.writes.length = 0;
    await upsertObservedRows(db, listPage(T0 + HOUR), T0 + HOUR);
    expect(log.writes).toEqual([{ table: 'refunds', type: 'put', count: 20 }]);
  });

  it('ends in the same state when 3 tabs send the same rows concurrently', async () => {
    db = newDb();
    const results = await Promise.all([0, 1, 2].map(() => upsertObservedRows(db, listPage(T0), T0)));
    expect(results.map((r) => r.added).sort()).toEqual([0, 0, 20]);
    const ref = newDb();
    await upsertObservedRows(ref, listPage(T0), T0);
    expect(await snapshot(db)).toEqual(await snapshot(ref));
    ref.close();
  });

  it('ends in the same state whatever the order of 3 concurrent reports read at different times', async () => {
    const reports = [T0, T0 + 1000, T0 + 2000].map(listPage);
    const ref = newDb();
    for (const r of reports) await upsertObservedRows(ref, r, T0 + 5000);
    const expected = await snapshot(ref);
    ref.close();
    for (const order of [[0, 1, 2], [2, 1, 0], [1, 2, 0], [2, 0, 1]]) {
      db = newDb();
      await Promise.all(order.map((i) => upsertObservedRows(db, reports[i]!, T0 + 5000)));
      expect(await snapshot(db)).toEqual(expected);
      db.close();
    }
  });

  it('never moves a refund back to an older status on an out-of-order observation', async () => {
    db = newDb();
    await upsertObservedRows(db, [row({ refundId: ID, status: 'wait_buyer_return', statusText: '待买家发货', readAt: T0 + 2 * HOUR })], T0 + 2 * HOUR);
    const r = await upsertObservedRows(db, [row({ refundId: ID, readAt: T0 + HOUR, amountFen: 500 })], T0 + 3 * HOUR);
    const stored = await db.refunds.get(ID);
    expect(stored?.status).toBe('wait_buyer_return');
    expect(stored?.lastSeenAt).toBe(T0 + 2 * HOUR);
    expect(stored?.firstSeenAt).toBe(T0 + HOUR);
    expect(stored?.amountFen).toBe(500); // an older page may still fill a gap
    expect(r.events).toBe(0);
    expect(await db.events.count()).toBe(1);
  });

  it('moves the first-seen start of the current status back on an older reading in the same status', async () => {
    db = newDb();
    await upsertObservedRows(db, [row({ refundId: ID, status: 'seller_refused', statusText: '已拒绝退款', readAt: T0 + 2 * HOUR })], T0 + 2 * HOUR);
    await upsertObservedRows(db, [row({ refundId: ID, status: 'seller_refused', statusText: '已拒绝退款', readAt: T0 + HOUR })], T0 + 3 * HOUR);
    const stored = await db.refunds.get(ID);
    expect(stored).toMatchObject({ statusSince: T0 + HOUR, statusSincePrecision: 'first_seen', statusFirstSeenAt: T0 + HOUR });
    expect((await db.events.toArray()).map((e) => [e.status, e.at])).toEqual([['seller_refused', T0 + HOUR]]);
  });

  it('does not move the start back past a reading of another status', async () => {
    db = newDb();
    const refused = (readAt: number) => row({ refundId: ID, status: 'seller_refused', statusText: '已拒绝退款', readAt });
    await upsertObservedRows(db, [row({ refundId: ID, readAt: T0 })], T0);
    await upsertObservedRows(db, [refused(T0 + 3 * HOUR)], T0 + 3 * HOUR);
    await upsertObservedRows(db, [row({ refundId: ID, readAt: T0 + 2 * HOUR })], T0 + 3 * HOUR); // stale, ignored
    await upsertObservedRows(db, [refused(T0 + HOUR)], T0 + 3 * HOUR); // before the 2 h reading of the old status
    expect((await db.refunds.get(ID))?.statusSince).toBe(T0 + 3 * HOUR);
    await upsertObservedRows(db, [refused(T0 + 2.5 * HOUR)], T0 + 3 * HOUR);
    expect((await db.refunds.get(ID))?.statusSince).toBe(T0 + 2.5 * HOUR);
    expect((await db.events.toArray()).map((e) => e.at)).toEqual([T0, T0 + 2.5 * HOUR]);
  });

  it('keeps the earliest intervention, never clears it, and counts none from a stale tab after completion', async () => {
    db = newDb();
    const iv = (readAt: number) => row({ refundId: ID, status: 'intervening', statusText: '小二介入', readAt });
    await upsertObservedRows(db, [iv(T0 + 2 * HOUR)], T0 + 2 * HOUR);
    await upsertObservedRows(db, [iv(T0 + HOUR)], T0 + 2 * HOUR); // earlier reading arrives late
    expect((await db.refunds.get(ID))?.intervenedAt).toBe(T0 + HOUR);
    await upsertObservedRows(db, [row({ refundId: ID, status: 'success', statusText: '退款成功', readAt: T0 + 3 * HOUR })], T0 + 3 * HOUR);
    await upsertObservedRows(db, [iv(T0 + 4 * HOUR)], T0 + 4 * HOUR); // stale tab
    const stored = await db.refunds.get(ID);
    expect(stored).toMatchObject({ status: 'success', intervenedAt: T0 + HOUR, completedAt: T0 + 3 * HOUR });
  });

  it('records an event on a status change and discards the page deadline read in the old status (§3)', async () => {
    db = newDb();
    await upsertObservedRows(db, [row({ refundId: ID, appliedAt: T0 - HOUR, pageDeadline: { kind: 'at', at: T0 + 40 * HOUR } })], T0);
    let stored = await db.refunds.get(ID);
    expect(stored?.pageDeadline).toEqual({ deadline: { kind: 'at', at: T0 + 40 * HOUR }, status: 'wait_seller_agree', readAt: T0 });
    expect(stored?.deadlineAt).toBe(T0 + 40 * HOUR); // the page wins over the rule
    // A list without countdown later: the reading outlives the page.
    await upsertObservedRows(db, [row({ refundId: ID, readAt: T0 + HOUR })], T0 + HOUR);
    expect((await db.refunds.get(ID))?.pageDeadline?.readAt).toBe(T0);
    const r = await upsertObservedRows(db, [row({ refundId: ID, status: 'wait_buyer_return', statusText: '待买家发货', type: 'return_refund', readAt: T0 + 2 * HOUR })], T0 + 2 * HOUR);
    expect(r).toEqual({ added: 0, updated: 1, unchanged: 0, events: 1 });
    stored = await db.refunds.get(ID);
    expect(stored?.pageDeadline).toBeUndefined();
    expect(stored).toMatchObject({ status: 'wait_buyer_return', actor: 'buyer', statusSince: T0 + 2 * HOUR, statusSincePrecision: 'first_seen' });
    expect(stored?.deadlineAt).toBe(T0 + 2 * HOUR + 7 * 24 * HOUR); // R4 counted from first seen
    const events = await db.events.where('refundId').equals(ID).sortBy('at');
    expect(events.map(({ id: _id, ...e }) => e)).toEqual([
      { refundId: ID, status: 'wait_seller_agree', at: T0 - HOUR, precision: 'page', statusText: '等待卖家同意' },
      { refundId: ID, status: 'wait_buyer_return', at: T0 + 2 * HOUR, precision: 'first_seen', statusText: '待买家发货' },
    ]);
  });

  it('stores a bare 已超时 as the badge shows it (§4.2): the rule deadline once past at the reading, else none', async () => {
    db = newDb();
    // R1 (unshipped, 48 h from 申请时间): the rule deadline is T0 + 47 h.
    const overdue = (readAt: number) => row({ refundId: ID, type: 'refund_only', goodsState: 'unshipped', appliedAt: T0 - HOUR, pageDeadline: { kind: 'overdue' }, readAt });
    await upsertObservedRows(db, [overdue(T0)], T0);
    let stored = await db.refunds.get(ID);
    expect(stored?.pageDeadline?.deadline).toEqual({ kind: 'overdue' });
    expect(stored?.deadlineAt).toBeUndefined();
    // The same page read again once the rule deadline has passed.
    await upsertObservedRows(db, [overdue(T0 + 48 * HOUR)], T0 + 48 * HOUR);
    stored = await db.refunds.get(ID);
    expect(stored?.deadlineAt).toBe(T0 + 47 * HOUR);
    // An older reading arriving late does not take it back: the snapshot is as of its latest reading.
    await upsertObservedRows(db, [overdue(T0 + HOUR)], T0 + 48 * HOUR);
    expect((await db.refunds.get(ID))?.deadlineAt).toBe(T0 + 47 * HOUR);
  });

  it('uses first-seen for a first observation in a later status, and the printed time when the page gives one', async () => {
    db = newDb();
    await upsertObservedRows(db, [row({ refundId: ID, status: 'wait_seller_confirm', statusText: '待商家收货', appliedAt: T0 - 9 * HOUR })], T0);
    await upsertObservedRows(db, [row({ refundId: ID2, status: 'wait_seller_confirm', statusText: '待商家收货', statusSince: T0 - 5 * HOUR })], T0);
    expect(await db.refunds.get(ID)).toMatchObject({ statusSince: T0, statusSincePrecision: 'first_seen' });
    expect(await db.refunds.get(ID2)).toMatchObject({ statusSince: T0 - 5 * HOUR, statusSincePrecision: 'page' });
    // The detail page prints the start later: the event is re-dated, not duplicated.
    const r = await upsertObservedRows(db, [row({ refundId: ID, status: 'wait_seller_confirm', statusText: '待商家收货', statusSince: T0 - 2 * HOUR, readAt: T0 + HOUR })], T0 + HOUR);
    expect(r.events).toBe(0);
    expect((await db.events.where('refundId').equals(ID).toArray()).map((e) => [e.at, e.precision])).toEqual([[T0 - 2 * HOUR, 'page']]);
  });

  it('re-dates an event in place (one put, no delete), and drops it when the new start is already stored', async () => {
    db = newDb();
    const log = logRequests(db);
    const confirm = (over: Partial<RefundRow>) => row({ refundId: ID, status: 'wait_seller_confirm', statusText: '待商家收货', ...over });
    await upsertObservedRows(db, [confirm({})], T0);
    const [before] = await db.events.toArray();
    log.writes.length = 0;
    await upsertObservedRows(db, [confirm({ statusSince: T0 - 2 * HOUR, readAt: T0 + HOUR })], T0 + HOUR);
    expect(log.writes).toEqual([{ table: 'refunds', type: 'put', count: 1 }, { table: 'events', type: 'put', count: 1 }]);
    expect(await db.events.toArray()).toEqual([{ ...before, at: T0 - 2 * HOUR, precision: 'page' }]);

    // The same transition already stored at the printed start (e.g. from an import): the re-dated one is removed.
    db.close();
    db = newDb();
    await upsertObservedRows(db, [confirm({})], T0);
    await db.events.add({ refundId: ID, status: 'wait_seller_confirm', at: T0 - 2 * HOUR, precision: 'page', statusText: '待商家收货' });
    const r = await upsertObservedRows(db, [confirm({ statusSince: T0 - 2 * HOUR, readAt: T0 + HOUR })], T0 + HOUR);
    expect(r.events).toBe(0);
    expect((await db.events.toArray()).map((e) => [e.status, e.at, e.precision])).toEqual([['wait_seller_confirm', T0 - 2 * HOUR, 'page']]);
  });

  it('keeps fields a later page does not show', async () => {
    db = newDb();
    const full = row({ refundId: ID, orderId: '500000000000000001', type: 'refund_only', phase: 'aftersale', goodsState: 'shipped', amountFen: 12345, appliedAt: T0 - HOUR });
    await upsertObservedRows(db, [full], T0);
    await upsertObservedRows(db, [row({ refundId: ID, readAt: T0 + HOUR })], T0 + HOUR);
    expect(await db.refunds.get(ID)).toMatchObject({ orderId: '500000000000000001', type: 'refund_only', phase: 'aftersale', goodsState: 'shipped', amountFen: 12345, appliedAt: T0 - HOUR });
    await upsertObservedRows(db, [row({ refundId: ID, amountFen: 999, readAt: T0 + 2 * HOUR })], T0 + 2 * HOUR);
    expect((await db.refunds.get(ID))?.amountFen).toBe(999); // a newer page's value wins
  });

  it('sets completedAt to the first time seen completed, and an earlier completed reading moves it back', async () => {
    db = newDb();
    await upsertObservedRows(db, [row({ refundId: ID, appliedAt: T0 - HOUR })], T0);
    await upsertObservedRows(db, [row({ refundId: ID, status: 'success', statusText: '退款成功', readAt: T0 + 5 * HOUR })], T0 + 5 * HOUR);
    await upsertObservedRows(db, [row({ refundId: ID, status: 'success', statusText: '退款成功', readAt: T0 + 9 * HOUR })], T0 + 9 * HOUR);
    expect(await db.refunds.get(ID)).toMatchObject({ completedAt: T0 + 5 * HOUR, completedAtPrecision: 'first_seen' });
    await upsertObservedRows(db, [row({ refundId: ID, status: 'success', statusText: '退款成功', readAt: T0 + 3 * HOUR })], T0 + 9 * HOUR);
    expect(await db.refunds.get(ID)).toMatchObject({ completedAt: T0 + 3 * HOUR, statusSince: T0 + 3 * HOUR });
    expect((await db.events.where('refundId').equals(ID).toArray()).map((e) => e.at)).toEqual([T0 - HOUR, T0 + 3 * HOUR]);
  });

  it('treats completion as terminal: an open reading from a stale tab does not reopen the refund', async () => {
    db = newDb();
    await upsertObservedRows(db, [row({ refundId: ID, status: 'closed', statusText: '退款关闭', readAt: T0 + HOUR })], T0 + HOUR);
    await upsertObservedRows(db, [row({ refundId: ID, readAt: T0 + 2 * HOUR, pageDeadline: { kind: 'overdue' } })], T0 + 2 * HOUR);
    const stored = await db.refunds.get(ID);
    expect(stored).toMatchObject({ status: 'closed', actor: 'none', lastSeenAt: T0 + 2 * HOUR });
    expect(stored?.pageDeadline).toBeUndefined();
    expect(stored?.deadlineAt).toBeUndefined();
  });

  it('caps a future readAt at observedAt', async () => {
    db = newDb();
    await upsertObservedRows(db, [row({ refundId: ID, readAt: T0 + 100 * HOUR })], T0);
    expect(await db.refunds.get(ID)).toMatchObject({ firstSeenAt: T0, lastSeenAt: T0 });
  });

  it('handles one refund twice in a report like two reports in time order', async () => {
    db = newDb();
    const r = await upsertObservedRows(
      db,
      [row({ refundId: ID, status: 'success', statusText: '退款成功', readAt: T0 + HOUR }), row({ refundId: ID, readAt: T0 })],
      T0 + HOUR,
    );
    expect(r).toEqual({ added: 1, updated: 0, unchanged: 0, events: 2 });
    expect(await db.refunds.get(ID)).toMatchObject({ status: 'success', completedAt: T0 + HOUR, firstSeenAt: T0 });
  });

  it('skips an event already stored instead of failing the report', async () => {
    db = newDb();
    await db.events.add({ refundId: ID, status: 'wait_seller_agree', at: T0, precision: 'first_seen', statusText: '等待卖家同意' });
    const r = await upsertObservedRows(db, [row({ refundId: ID })], T0);
    expect(r).toEqual({ added: 1, updated: 0, unchanged: 0, events: 0 });
    expect(await db.events.count()).toBe(1);
    expect(await db.refunds.count()).toBe(1);
  });

  it('stores when the return was first seen signed (R5a)', async () => {
    db = newDb();
    const confirm = (readAt: number, returnSigned?: boolean) =>
      row({ refundId: ID, status: 'wait_seller_confirm', statusText: '买家退货 已签收', returnSigned, readAt });
    await upsertObservedRows(db, [confirm(T0, false)], T0);
    await upsertObservedRows(db, [confirm(T0 + HOUR, true)], T0 + HOUR);
    await upsertObservedRows(db, [confirm(T0 + 2 * HOUR, true)], T0 + 2 * HOUR);
    expect((await db.refunds.get(ID))?.returnSignedAt).toBe(T0 + HOUR);
  });
});
