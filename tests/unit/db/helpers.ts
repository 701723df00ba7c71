// A fresh, isolated fake IndexedDB per test (no shared global state between tests or files).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach } from 'vitest';
import type { RefundRow } from '@/lib/model/refund-row';
import { RefundRadarDb, type DbOptions } from '@/lib/db/schema';

export function newDb(options: Omit<DbOptions, 'indexedDB' | 'IDBKeyRange'> = {}, factory = new IDBFactory()): RefundRadarDb {
  return new RefundRadarDb({ ...options, indexedDB: factory, IDBKeyRange });
}

/** For a test file: `open()` gives a fresh database, closed after each test. */
export function databasesPerTest(): () => RefundRadarDb {
  const open: RefundRadarDb[] = [];
  afterEach(() => {
    for (const d of open.splice(0)) d.close();
  });
  return () => {
    const d = newDb();
    open.push(d);
    return d;
  };
}

export const T0 = Date.UTC(2026, 10, 20, 6, 0, 0); // 2026-11-20 14:00 Beijing
export const HOUR = 3_600_000;

export function row(over: Partial<RefundRow> & Pick<RefundRow, 'refundId'>): RefundRow {
  return { statusText: '等待卖家同意', status: 'wait_seller_agree', readAt: T0, ...over };
}

export interface RequestLog {
  /** Readwrite transactions opened. */
  rwTransactions: number;
  /** Write requests (DBCore mutate: add, put, delete) per table, one per call (a bulk call counts once). */
  writes: Array<{ table: string; type: string; count: number }>;
  /** Read requests per table: get, getMany (bulkGet), query (getAll / getAllKeys), openCursor. */
  reads: Array<{ table: string; type: string }>;
}

/** Logs the database requests Dexie makes (a DBCore middleware); call before the first use of `db`. */
export function logRequests(db: RefundRadarDb): RequestLog {
  const log: RequestLog = { rwTransactions: 0, writes: [], reads: [] };
  db.use({
    stack: 'dbcore',
    name: 'test-request-log',
    create: (down) => ({
      ...down,
      transaction: (stores, mode, options) => {
        if (mode === 'readwrite') log.rwTransactions++;
        return down.transaction(stores, mode, options);
      },
      table: (name) => {
        const t = down.table(name);
        return {
          ...t,
          mutate: (req) => {
            const count = 'values' in req ? req.values.length : 'keys' in req ? req.keys.length : 1;
            log.writes.push({ table: name, type: req.type, count });
            return t.mutate(req);
          },
          get: (req) => (log.reads.push({ table: name, type: 'get' }), t.get(req)),
          getMany: (req) => (log.reads.push({ table: name, type: 'getMany' }), t.getMany(req)),
          query: (req) => (log.reads.push({ table: name, type: 'query' }), t.query(req)),
          openCursor: (req) => (log.reads.push({ table: name, type: 'openCursor' }), t.openCursor(req)),
        };
      },
    }),
  });
  return log;
}
