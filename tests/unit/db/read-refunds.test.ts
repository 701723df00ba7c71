import { afterEach, describe, expect, it } from 'vitest';
import { readRefunds } from '@/lib/db/read-refunds';
import type { RefundRadarDb } from '@/lib/db/schema';
import { upsertObservedRows } from '@/lib/db/upsert';
import { T0, logRequests, newDb, row } from './helpers';

let db: RefundRadarDb;
afterEach(() => db?.close());

const id = (n: number) => String(300000000000000000n + BigInt(n));

/** A database holding refunds id(0) … id(count − 1), and its request log from then on. */
async function stored(count: number) {
  db = newDb();
  const log = logRequests(db);
  await upsertObservedRows(db, Array.from({ length: count }, (_, i) => row({ refundId: id(i) })), T0);
  log.reads.length = 0;
  return log;
}

describe('readRefunds', () => {
  it('reads a page of neighbouring refunds in one range request; unknown ids are absent', async () => {
    const log = await stored(100);
    const got = await readRefunds(db, [id(99), id(97), id(98), id(97), id(100)]);
    expect(log.reads).toEqual([{ table: 'refunds', type: 'query' }]);
    expect([...got.keys()].sort()).toEqual([id(97), id(98), id(99)]);
    expect(got.get(id(98))).toEqual(await db.refunds.get(id(98)));
  });

  it('reads ids past the capped range one by one (a filtered list, refunds far apart)', async () => {
    const log = await stored(100);
    const ids = [id(0), id(50), id(99), id(1000)];
    const got = await readRefunds(db, ids);
    expect([...got.keys()].sort()).toEqual([id(0), id(50), id(99)]);
    expect(log.reads).toEqual([{ table: 'refunds', type: 'query' }, { table: 'refunds', type: 'getMany' }]);
  });

  it('reads nothing for no ids', async () => {
    const log = await stored(3);
    expect((await readRefunds(db, [])).size).toBe(0);
    expect(log.reads).toEqual([]);
  });
});
