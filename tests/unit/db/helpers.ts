// A fresh, isolated fake IndexedDB per test (no shared global state between tests or files).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { RefundRow } from '@/lib/model';
import { RefundRadarDb, type DbOptions } from '@/lib/db/schema';

export function newDb(options: Omit<DbOptions, 'indexedDB' | 'IDBKeyRange'> = {}, factory = new IDBFactory()): RefundRadarDb {
  return new RefundRadarDb({ ...options, indexedDB: factory, IDBKeyRange });
}

export const T0 = Date.UTC(2026, 10, 20, 6, 0, 0); // 2026-11-20 14:00 Beijing
export const HOUR = 3_600_000;

export function row(over: Partial<RefundRow> & Pick<RefundRow, 'refundId'>): RefundRow {
  return { statusText: '等待卖家同意', status: 'wait_seller_agree', readAt: T0, ...over };
}
