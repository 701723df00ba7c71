// The background's dashboard cache follows the writes that matter: Dexie's storagemutated parts, as produced by
// real writes (fake-indexeddb), classified by changesDashboardInputs.
import Dexie, { type ObservabilitySet } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changesDashboardInputs } from '@/lib/db/dashboard-inputs';
import { putSetting } from '@/lib/db/queries';
import { DB_NAME, RefundRadarDb } from '@/lib/db/schema';
import { REMINDER_STATE_KEY, SETTINGS_KEY } from '@/lib/storage/keys';

let db: RefundRadarDb;
let seen: ObservabilitySet[];
const listener = (parts: ObservabilitySet) => void seen.push(parts);

beforeEach(async () => {
  db = new RefundRadarDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  seen = [];
  Dexie.on('storagemutated', listener);
});
afterEach(() => {
  Dexie.on('storagemutated').unsubscribe(listener);
  db.close();
});

/** The parts Dexie reported for the writes of `write`, merged. */
async function partsOf(write: () => Promise<unknown>): Promise<ObservabilitySet> {
  seen = [];
  await write();
  await new Promise((r) => setTimeout(r, 0));
  expect(seen.length).toBeGreaterThan(0);
  return Object.assign({}, ...seen);
}

describe('changesDashboardInputs', () => {
  it('the reminders bookkeeping alone leaves the dashboard as it is', async () => {
    const parts = await partsOf(() => putSetting(db, REMINDER_STATE_KEY, { notified: { '1': { urgent: 1 } } }));
    expect(changesDashboardInputs(parts, DB_NAME)).toBe(false);
  });

  it('the settings, a refund, an event or a paid-order day make it stale', async () => {
    expect(changesDashboardInputs(await partsOf(() => putSetting(db, SETTINGS_KEY, { any: 1 })), DB_NAME)).toBe(true);
    const both = () => db.transaction('rw', db.settings, async () => {
      await putSetting(db, REMINDER_STATE_KEY, { notified: {} });
      await putSetting(db, SETTINGS_KEY, { any: 2 });
    });
    expect(changesDashboardInputs(await partsOf(both), DB_NAME)).toBe(true);
    expect(changesDashboardInputs(await partsOf(() => db.paidOrders.put({ date: '2026-11-01', count: 5 } as never)), DB_NAME)).toBe(true);
    expect(changesDashboardInputs(await partsOf(() => db.settings.clear()), DB_NAME)).toBe(true);
  });

  it('writes to another database are not ours', () => {
    expect(changesDashboardInputs({ 'idb://other/refunds/': { from: 'a', to: 'b', d: 1 } }, DB_NAME)).toBe(false);
  });
});
