// The loader reads only what can matter, from a fake IndexedDB, and hands it to buildDashboard.
import { afterEach, describe, expect, it } from 'vitest';
import { loadDashboard } from '@/lib/db/load-dashboard';
import { buildDashboard } from '@/lib/dashboard/dashboard';
import { putSetting, setPaidOrders } from '@/lib/db/queries';
import type { RefundRadarDb, StoredRefund } from '@/lib/db/schema';
import type { RefundFacts } from '@/lib/indicators';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { DAY_MS } from '@/lib/time/beijing';
import { newDb } from './helpers';
import { NOW, PAID_ORDERS, REFUNDS } from '../indicators/worked-example';
import { SETTINGS_KEY } from '@/lib/storage/keys';

let db: RefundRadarDb;
afterEach(() => db?.close());

function stored(f: RefundFacts): StoredRefund {
  const open = f.completedAt === undefined;
  const r: StoredRefund = {
    refundId: f.refundId,
    status: open ? 'wait_seller_agree' : 'success',
    statusText: open ? '等待卖家同意' : '退款成功',
    actor: open ? (f.sellerTimeout ? 'seller' : 'buyer') : 'none',
    type: f.type,
    phase: f.phase,
    appliedAt: f.appliedAt,
    statusSince: f.appliedAt,
    statusSincePrecision: 'applied',
    statusFirstSeenAt: f.appliedAt,
    firstSeenAt: f.appliedAt,
    lastSeenAt: NOW,
  };
  if (f.completedAt !== undefined) r.completedAt = f.completedAt;
  if (f.intervenedAt !== undefined) r.intervenedAt = f.intervenedAt;
  if (open && f.deadlineAt !== undefined) r.deadlineAt = f.deadlineAt;
  return r;
}

describe('loadDashboard', () => {
  it('gives the worked example dashboard, ignoring refunds that aged out long ago', async () => {
    db = newDb();
    const old: RefundFacts[] = Array.from({ length: 50 }, (_, i) => ({
      refundId: String(900000000000000000 + i),
      type: 'refund_only',
      phase: 'aftersale',
      appliedAt: NOW - (60 + i) * DAY_MS,
      completedAt: NOW - (59 + i) * DAY_MS,
    }));
    await db.refunds.bulkPut([...REFUNDS, ...old].map(stored));
    await db.refunds.put({ ...stored(old[0]!), refundId: '800000000000000001', type: undefined, completedAt: undefined, status: 'wait_seller_agree', actor: 'seller' });
    await setPaidOrders(db, PAID_ORDERS);
    await putSetting(db, SETTINGS_KEY, DEFAULT_SETTINGS);

    const loaded = await loadDashboard(db, NOW);
    expect(loaded.facts.some((f) => f.refundId.startsWith('9000'))).toBe(false);
    expect(loaded.facts).toHaveLength(REFUNDS.length);
    const expected = buildDashboard([...REFUNDS].sort((a, b) => (a.refundId < b.refundId ? -1 : 1)), PAID_ORDERS, DEFAULT_SETTINGS, NOW);
    expect(loaded.dashboard.indicators).toEqual(expected.indicators);
    expect(loaded.dashboard.composite.rankShare).toBeCloseTo(expected.composite.rankShare!, 10);
    expect(loaded.dashboard.urgent.map((u) => u.refundId)).toEqual(expected.urgent.map((u) => u.refundId));
    expect(loaded.dashboard.coverage.recordsNotUnderstood).toBe(1); // the record without a type
  });

  it('fresh database: empty dashboard with default settings', async () => {
    db = newDb();
    const loaded = await loadDashboard(db, NOW);
    expect(loaded.dashboard.empty).toBe(true);
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
  });
});
