// Schema versions. A shipped version's layout must never change (users' databases were built from it), so each
// version's physical layout is frozen here. Adding version N: append its layout to LAYOUTS and one UPGRADE_CASES
// entry (seed data at N-1, check after opening at N); the meta-test below fails until both exist.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_NAME, LATEST_VERSION, RefundRadarDb, SCHEMA_VERSIONS } from '@/lib/db/schema';
import { T0 } from './helpers';

interface IndexLayout {
  keyPath: string | string[];
  unique: boolean;
  multiEntry: boolean;
}
interface StoreLayout {
  keyPath: string | null;
  autoIncrement: boolean;
  indexes: Record<string, IndexLayout>;
}
type Layout = Record<string, StoreLayout>;

const idx = (keyPath: string | string[], unique = false): IndexLayout => ({ keyPath, unique, multiEntry: false });

const LAYOUTS: Record<number, Layout> = {
  1: {
    refunds: {
      keyPath: 'refundId',
      autoIncrement: false,
      indexes: {
        status: idx('status'),
        appliedAt: idx('appliedAt'),
        completedAt: idx('completedAt'),
        intervenedAt: idx('intervenedAt'),
        lastSeenAt: idx('lastSeenAt'),
        orderId: idx('orderId'),
        '[actor+deadlineAt]': idx(['actor', 'deadlineAt']),
      },
    },
    events: {
      keyPath: 'id',
      autoIncrement: true,
      indexes: { '[refundId+status+at]': idx(['refundId', 'status', 'at'], true), refundId: idx('refundId'), at: idx('at') },
    },
    paidOrders: { keyPath: 'date', autoIncrement: false, indexes: {} },
    settings: { keyPath: 'key', autoIncrement: false, indexes: {} },
  },
};

interface UpgradeCase {
  to: number;
  /** Fills a database declared up to version to-1 (absent for v1: nothing before it). */
  seed?: (db: RefundRadarDb) => Promise<void>;
  check: (db: RefundRadarDb) => Promise<void>;
}

const UPGRADE_CASES: UpgradeCase[] = [
  {
    to: 1,
    check: async (db) => {
      expect(await db.refunds.count()).toBe(0);
      expect(await db.events.count()).toBe(0);
    },
  },
];

function readLayout(idb: IDBDatabase): Layout {
  const names = [...idb.objectStoreNames];
  const tx = idb.transaction(names, 'readonly');
  const layout: Layout = {};
  for (const name of names) {
    const store = tx.objectStore(name);
    const indexes: Record<string, IndexLayout> = {};
    for (const i of [...store.indexNames]) {
      const index = store.index(i);
      indexes[i] = { keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
    }
    layout[name] = { keyPath: store.keyPath as string | null, autoIncrement: store.autoIncrement, indexes };
  }
  return layout;
}

/** Builds the version-v layout with plain IndexedDB (Dexie stores version v as IDB version v × 10). */
function createRaw(factory: IDBFactory, version: number, fill: (tx: IDBTransaction) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB_NAME, version * 10);
    req.onupgradeneeded = () => {
      const idb = req.result;
      for (const [name, s] of Object.entries(LAYOUTS[version]!)) {
        const store = idb.createObjectStore(name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
        for (const [i, l] of Object.entries(s.indexes)) store.createIndex(i, l.keyPath, { unique: l.unique, multiEntry: l.multiEntry });
      }
      fill(req.transaction!);
    };
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
    req.onerror = () => reject(req.error);
  });
}

let opened: RefundRadarDb[] = [];
afterEach(() => {
  for (const d of opened) d.close();
  opened = [];
});
function open(factory: IDBFactory, upToVersion?: number): RefundRadarDb {
  const d = new RefundRadarDb({ indexedDB: factory, IDBKeyRange, upToVersion });
  opened.push(d);
  return d;
}

describe('schema versions', () => {
  it('has a frozen layout and an upgrade case for every version', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual(versions.map((_, i) => i + 1));
    expect(Object.keys(LAYOUTS).map(Number)).toEqual(versions);
    expect(UPGRADE_CASES.map((c) => c.to)).toEqual(versions);
    expect(LATEST_VERSION).toBe(versions[versions.length - 1]);
  });

  it.each(SCHEMA_VERSIONS.map((v) => v.version))('version %i builds exactly its frozen layout', async (version) => {
    const db = open(new IDBFactory(), version);
    await db.open();
    expect(db.verno).toBe(version);
    expect(readLayout(db.backendDB())).toEqual(LAYOUTS[version]);
  });

  it.each(UPGRADE_CASES)('upgrades to version $to keeping the data', async ({ to, seed, check }) => {
    const factory = new IDBFactory();
    if (seed) {
      const before = open(factory, to - 1);
      await seed(before);
      before.close();
    }
    const db = open(factory, to);
    await db.open();
    expect(db.verno).toBe(to);
    await check(db);
  });

  it('opens a v1 database built by a raw IndexedDB script and reads its data', async () => {
    const factory = new IDBFactory();
    const refund = {
      refundId: '200000000000000001', status: 'wait_seller_agree', statusText: '待商家处理', actor: 'seller',
      statusSince: T0, statusSincePrecision: 'first_seen', statusFirstSeenAt: T0, firstSeenAt: T0, lastSeenAt: T0, deadlineAt: T0 + 1,
    };
    await createRaw(factory, 1, (tx) => {
      tx.objectStore('refunds').put(refund);
      tx.objectStore('paidOrders').put({ date: '2026-11-20', count: 7 });
    });
    const db = open(factory);
    expect(await db.refunds.get(refund.refundId)).toEqual(refund);
    expect(await db.refunds.where('[actor+deadlineAt]').equals(['seller', T0 + 1]).count()).toBe(1);
    expect(await db.paidOrders.get('2026-11-20')).toEqual({ date: '2026-11-20', count: 7 });
    expect(db.verno).toBe(LATEST_VERSION);
  });
});
