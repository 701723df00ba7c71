import { describe, expect, it } from 'vitest';
import { sameSnapshot } from '@/lib/db/merge';
import type { StoredRefund } from '@/lib/db/schema';
import { planUpsert } from '@/lib/db/upsert-plan';
import { HOUR, T0, row } from './helpers';

const ID = '200000000000000001';
const ID2 = '200000000000000002';
const byId = (records: StoredRefund[]) => new Map(records.map((r) => [r.refundId, r]));

describe('planUpsert', () => {
  const page = [
    row({ refundId: ID, appliedAt: T0 - HOUR, type: 'refund_only', pageDeadline: { kind: 'at', at: T0 + 40 * HOUR } }),
    row({ refundId: ID2, status: 'success', statusText: '退款成功', appliedAt: T0 - 9 * HOUR }),
  ];

  it('plans every refund and its first event for a page not stored yet', () => {
    const plan = planUpsert(new Map(), page, T0);
    expect(plan.counts).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(plan.puts.map((r) => r.refundId)).toEqual([ID, ID2]);
    expect(plan.events.map((e) => [e.event.refundId, e.event.status, e.isNew])).toEqual([[ID, 'wait_seller_agree', true], [ID2, 'success', true]]);
    expect(plan.redated).toEqual([]);
  });

  it('writes nothing for rows that change nothing, not even lastSeenAt (the same page sent again)', () => {
    const stored = byId(planUpsert(new Map(), page, T0).puts);
    const again = planUpsert(stored, page, T0);
    expect(again).toEqual({ counts: { added: 0, updated: 0, unchanged: 2 }, puts: [], snapshots: [...stored.values()], redated: [], events: [] });
  });

  it('puts only the new lastSeenAt of unchanged rows read later, without any event', () => {
    const stored = byId(planUpsert(new Map(), page, T0).puts);
    const later = planUpsert(stored, page.map((r) => ({ ...r, readAt: T0 + HOUR })), T0 + HOUR);
    expect(later.counts).toEqual({ added: 0, updated: 0, unchanged: 2 });
    expect(later.puts).toEqual([...stored.values()].map((r) => ({ ...r, lastSeenAt: T0 + HOUR })));
    expect(later.events).toEqual([]);
    expect(later.redated).toEqual([]);
  });

  it('re-dates the stored event when a page prints an earlier start of the same status', () => {
    const stored = byId(planUpsert(new Map(), [row({ refundId: ID, status: 'wait_seller_confirm', statusText: '待商家收货' })], T0).puts);
    const plan = planUpsert(stored, [row({ refundId: ID, status: 'wait_seller_confirm', statusText: '待商家收货', statusSince: T0 - 2 * HOUR })], T0);
    expect(plan.redated).toEqual([[ID, 'wait_seller_confirm', T0]]);
    expect(plan.events.map((e) => [e.event.at, e.event.precision, e.isNew, e.replaces])).toEqual([[T0 - 2 * HOUR, 'page', false, [ID, 'wait_seller_confirm', T0]]]);
    expect(plan.counts.updated).toBe(1);
  });

  it('re-dating twice in one report replaces the stored event once', () => {
    const confirm = (readAt: number, statusSince?: number) => row({ refundId: ID, status: 'wait_seller_confirm', statusText: '待商家收货', readAt, statusSince });
    const stored = byId(planUpsert(new Map(), [confirm(T0)], T0).puts);
    const plan = planUpsert(stored, [confirm(T0 + 2 * HOUR, T0 - HOUR), confirm(T0 + 3 * HOUR, T0 - 2 * HOUR)], T0 + 3 * HOUR);
    expect(plan.events.map((e) => [e.event.at, e.isNew, e.replaces])).toEqual([[T0 - 2 * HOUR, false, [ID, 'wait_seller_confirm', T0]]]);
    expect(plan.redated).toEqual([[ID, 'wait_seller_confirm', T0]]);
  });
});

describe('sameSnapshot', () => {
  const base = planUpsert(new Map(), [row({ refundId: ID, appliedAt: T0 - HOUR, pageDeadline: { kind: 'at', at: T0 + HOUR } })], T0).puts[0]!;

  it('ignores lastSeenAt, key order and keys set to undefined', () => {
    const reordered = Object.fromEntries(Object.entries(base).reverse()) as unknown as StoredRefund;
    expect(sameSnapshot(base, { ...reordered, lastSeenAt: T0 + HOUR, orderId: undefined })).toBe(true);
  });

  it('sees a change of any other field, also inside the stored page deadline', () => {
    expect(sameSnapshot(base, { ...base, amountFen: 1 })).toBe(false);
    expect(sameSnapshot({ ...base, amountFen: 1 }, base)).toBe(false);
    expect(sameSnapshot(base, { ...base, pageDeadline: { ...base.pageDeadline!, deadline: { kind: 'at', at: T0 + 2 * HOUR } } })).toBe(false);
    expect(sameSnapshot(base, { ...base, pageDeadline: { ...base.pageDeadline!, readAt: T0 - 1 } })).toBe(false);
    const { pageDeadline: _omit, ...without } = base;
    expect(sameSnapshot(base, without as StoredRefund)).toBe(false);
  });
});
