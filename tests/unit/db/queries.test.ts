import { afterEach, describe, expect, it } from 'vitest';
import {
  getPaidOrders,
  getSetting,
  knownFor,
  openSellerRefundsByDeadline,
  putSetting,
  refundFacts,
  refundFactsWithSkipped,
  setPaidOrders,
} from '@/lib/db/queries';
import type { RefundRadarDb } from '@/lib/db/schema';
import { upsertObservedRows } from '@/lib/db/upsert';
import { HOUR, T0, newDb, row } from './helpers';

const DAY = 24 * HOUR;
let db: RefundRadarDb;
afterEach(() => db?.close());

const id = (n: number) => String(600000000000000000n + BigInt(n));

describe('refundFacts', () => {
  it('maps stored refunds to RefundFacts (§6.10) and reports what it left out', async () => {
    db = newDb();
    await upsertObservedRows(
      db,
      [
        // open, seller must act, page deadline
        row({ refundId: id(1), type: 'refund_only', phase: 'aftersale', goodsState: 'shipped', appliedAt: T0 - HOUR, pageDeadline: { kind: 'at', at: T0 + 10 * HOUR } }),
        // open, buyer must act, rule deadline (R4, 7 days from first seen)
        row({ refundId: id(2), type: 'return_refund', status: 'wait_buyer_return', statusText: '待买家发货', appliedAt: T0 - DAY }),
        // intervened then completed
        row({ refundId: id(3), type: 'return_refund', status: 'intervening', statusText: '客服介入', appliedAt: T0 - 2 * DAY, readAt: T0 - HOUR }),
        // no type / no appliedAt
        row({ refundId: id(4), appliedAt: T0 - HOUR }),
        row({ refundId: id(5), type: 'refund_only' }),
      ],
      T0,
    );
    await upsertObservedRows(db, [row({ refundId: id(3), status: 'success', statusText: '退款成功', readAt: T0 })], T0);

    const result = await refundFactsWithSkipped(db);
    expect(result).toMatchObject({ skippedNoType: 1, skippedNoAppliedAt: 1, phaseAssumed: 2 });
    expect(result.facts).toEqual([
      { refundId: id(1), type: 'refund_only', phase: 'aftersale', appliedAt: T0 - HOUR, deadlineAt: T0 + 10 * HOUR, sellerTimeout: true },
      { refundId: id(2), type: 'return_refund', phase: 'onsale', appliedAt: T0 - DAY, deadlineAt: T0 + 7 * DAY, sellerTimeout: false },
      { refundId: id(3), type: 'return_refund', phase: 'onsale', appliedAt: T0 - 2 * DAY, completedAt: T0, intervenedAt: T0 - HOUR },
    ]);
    expect(await refundFacts(db)).toEqual(result.facts);
  });

  it('with sinceDate keeps open refunds and those completed or intervened on or after that Beijing date', async () => {
    db = newDb();
    const done = (n: number, readAt: number) => row({ refundId: id(n), type: 'refund_only', appliedAt: readAt - DAY, status: 'closed', statusText: '退款关闭', readAt });
    const since = '2026-11-20'; // starts 2026-11-19T16:00Z
    const start = Date.UTC(2026, 10, 19, 16);
    await upsertObservedRows(db, [done(1, start - 1), done(2, start), row({ refundId: id(3), type: 'refund_only', appliedAt: start - 9 * DAY, readAt: start - 8 * DAY })], T0);
    await upsertObservedRows(db, [row({ refundId: id(4), type: 'refund_only', appliedAt: start - 9 * DAY, status: 'intervening', statusText: '介入', readAt: start + 1 })], T0);
    await upsertObservedRows(db, [done(4, start + 2)], T0);
    expect((await refundFacts(db, since)).map((f) => f.refundId)).toEqual([id(2), id(3), id(4)]);
    await expect(refundFacts(db, '2026-02-30')).rejects.toThrow(RangeError);
  });
});

describe('knownFor', () => {
  it('returns the first-seen time in the status and the stored page reading, for stored ids only', async () => {
    db = newDb();
    await upsertObservedRows(db, [row({ refundId: id(1), status: 'wait_seller_confirm', statusText: '待商家收货', pageDeadline: { kind: 'overdue' }, readAt: T0 - HOUR })], T0);
    await upsertObservedRows(db, [row({ refundId: id(1), status: 'wait_seller_confirm', statusText: '待商家收货', readAt: T0 })], T0);
    const known = await knownFor(db, [id(1), id(1), id(9)]);
    expect(known).toEqual({
      [id(1)]: {
        status: 'wait_seller_confirm',
        firstSeenInStatus: T0 - HOUR,
        statusSince: T0 - HOUR,
        statusSincePrecision: 'first_seen',
        storedPageDeadline: { deadline: { kind: 'overdue' }, status: 'wait_seller_confirm' },
      },
    });
  });
});

describe('openSellerRefundsByDeadline', () => {
  it('lists open seller refunds, earliest deadline first, up to limit', async () => {
    db = newDb();
    await upsertObservedRows(
      db,
      [
        row({ refundId: id(1), pageDeadline: { kind: 'at', at: T0 + 30 * HOUR } }),
        row({ refundId: id(2), pageDeadline: { kind: 'at', at: T0 + 3 * HOUR } }),
        row({ refundId: id(3), status: 'wait_seller_confirm', statusText: '待商家收货', pageDeadline: { kind: 'at', at: T0 + 9 * HOUR } }),
        row({ refundId: id(4), status: 'wait_buyer_return', statusText: '待买家发货', pageDeadline: { kind: 'at', at: T0 + HOUR } }),
        row({ refundId: id(5), status: 'success', statusText: '退款成功' }),
        row({ refundId: id(6), status: 'unknown', statusText: '售后处理中' }),
      ],
      T0,
    );
    expect((await openSellerRefundsByDeadline(db, 2)).map((r) => r.refundId)).toEqual([id(2), id(3)]);
    expect((await openSellerRefundsByDeadline(db, 10)).map((r) => r.refundId)).toEqual([id(2), id(3), id(1)]);
    expect(await db.refunds.count()).toBe(6);
  });
});

describe('paid orders and settings', () => {
  it('round-trips paid orders by Beijing date, replacing a date and leaving missing dates absent', async () => {
    db = newDb();
    await setPaidOrders(db, { '2026-11-01': 100, '2026-11-02': 125, '2026-11-05': 0 });
    await setPaidOrders(db, { '2026-11-02': 120 });
    expect(await getPaidOrders(db, '2026-11-02', '2026-11-05')).toEqual({ '2026-11-02': 120, '2026-11-05': 0 });
    expect(await getPaidOrders(db, '2026-10-01', '2026-12-31')).toEqual({ '2026-11-01': 100, '2026-11-02': 120, '2026-11-05': 0 });
    expect(await getPaidOrders(db, '2026-11-05', '2026-11-01')).toEqual({});
    await expect(setPaidOrders(db, { '2026-11-03': 1.5 })).rejects.toThrow();
    await expect(setPaidOrders(db, { '2026/11/03': 1 })).rejects.toThrow();
    await expect(setPaidOrders(db, { '2026-11-31': 1 })).rejects.toThrow(RangeError);
    expect(await db.paidOrders.count()).toBe(3);
  });

  it('round-trips settings as opaque values', async () => {
    db = newDb();
    expect(await getSetting(db, 'thresholds')).toBeUndefined();
    const value = { seller: { urgentHours: 6, soonHours: 24 }, buyer: { urgentHours: 12, soonHours: 48 } };
    await putSetting(db, 'thresholds', value);
    expect(await getSetting(db, 'thresholds')).toEqual(value);
  });
});
