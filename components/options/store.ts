// Shared state of the options page: the database and the last saved settings (one signal, read by every section).
import { signal, type Signal } from '@preact/signals';
import type { RefundRadarDb } from '@/lib/db';
import type { Settings } from '@/lib/settings/settings';

export interface OptionsStore {
  db: RefundRadarDb;
  /** The settings as last read from or written to the database. */
  settings: Signal<Settings>;
  /** Clock for "today" (Beijing) in the paid-orders table; injectable for tests. */
  now: () => number;
}

export function createOptionsStore(db: RefundRadarDb, initial: Settings, now: () => number = Date.now): OptionsStore {
  return { db, settings: signal(initial), now };
}
