import { afterEach, describe, expect, it } from 'vitest';
import { findEventIds } from '@/lib/db/find-events';
import type { RefundRadarDb } from '@/lib/db/schema';
import { keyText, type EventKey } from '@/lib/db/upsert-plan';
import { T0, logRequests, newDb } from './helpers';

let db: RefundRadarDb;
afterEach(() => db?.close());

const id = (n: number) => String(300000000000000000n + BigInt(n));

/** Refunds id(0) … id(count − 1) with two events each (wait_seller_agree at T0 + n, success at T0 + n + 1). */
async function withEvents(count: number) {
  db = newDb();
  const log = logRequests(db);
  const events = Array.from({ length: count }, (_, n) => [
    { refundId: id(n), status: 'wait_seller_agree' as const, at: T0 + n, precision: 'page' as const, statusText: '待商家处理' },
    { refundId: id(n), status: 'success' as const, at: T0 + n + 1, precision: 'first_seen' as const, statusText: '退款成功' },
  ]).flat();
  const ids = (await db.events.bulkAdd(events, { allKeys: true })) as number[];
  log.reads.length = 0;
  return { log, ids };
}

describe('findEventIds', () => {
  it('finds the ids of the events of neighbouring refunds in one range read; keys not stored are skipped', async () => {
    const { log, ids } = await withEvents(50);
    const keys: EventKey[] = [[id(11), 'success', T0 + 12], [id(10), 'wait_seller_agree', T0 + 10], [id(12), 'success', T0]];
    expect(await findEventIds(db, keys)).toEqual(new Map([[keyText(keys[0]!), ids[23]], [keyText(keys[1]!), ids[20]]]));
    expect(log.reads).toEqual([{ table: 'events', type: 'query' }]);
  });

  it('looks up keys past the capped range one by one', async () => {
    const { log, ids } = await withEvents(50);
    const keys: EventKey[] = [[id(0), 'wait_seller_agree', T0], [id(49), 'success', T0 + 50]];
    expect(await findEventIds(db, keys)).toEqual(new Map([[keyText(keys[0]!), ids[0]], [keyText(keys[1]!), ids[99]]]));
    expect(log.reads.map((r) => r.type)).toEqual(['query', 'query']);
  });

  it('reads nothing for no keys', async () => {
    const { log } = await withEvents(1);
    expect((await findEventIds(db, [])).size).toBe(0);
    expect(log.reads).toEqual([]);
  });
});
