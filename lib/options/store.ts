// Reads and writes of the options page (issue 3 §5): the single settings object (SETTINGS_KEY) and the paid-order
// counts. Writes validate first and throw on failure (invalid value, quota, closed database) so the page can say so.
import { getPaidOrders, getSetting, putSetting, setPaidOrders, type RefundRadarDb } from '../db/index';
import { forgetBuyerNicks } from '../db/buyer-nicks';
import { SettingsSchema, type Settings } from '../settings/settings';
import { readSettings, toStoredSettings } from '../settings/stored';
import { SETTINGS_KEY } from '../storage/keys';

export async function loadSettings(db: RefundRadarDb): Promise<Settings> {
  return readSettings(await getSetting(db, SETTINGS_KEY));
}

/**
 * Re-reads the stored settings, applies `change` (one section's fields), validates the whole object and writes it.
 * Re-reading first means saving one section never reverts another section saved meanwhile (other tab, popup).
 */
export async function updateSettings(db: RefundRadarDb, change: (current: Settings) => Settings): Promise<Settings> {
  return db.transaction('rw', db.settings, db.refunds, async () => {
    const current = await loadSettings(db);
    const next = SettingsSchema.parse(change(current));
    await putSetting(db, SETTINGS_KEY, toStoredSettings(next));
    // Privacy: turning 保存买家昵称 off forgets the nicknames stored so far, in the same transaction.
    if (current.storeBuyerNick && !next.storeBuyerNick) await forgetBuyerNicks(db);
    return next;
  });
}

/** Stored counts for dates fromDate … toDate. */
export function loadPaidOrders(db: RefundRadarDb, fromDate: string, toDate: string): Promise<Record<string, number>> {
  return getPaidOrders(db, fromDate, toDate);
}

/** Sets counts (number) and removes them (null = missing again), in one transaction: all or nothing. */
export async function savePaidOrderChanges(db: RefundRadarDb, changes: Record<string, number | null>): Promise<void> {
  const set: Record<string, number> = {};
  const clear: string[] = [];
  for (const [date, count] of Object.entries(changes)) {
    if (count === null) clear.push(date);
    else set[date] = count;
  }
  await db.transaction('rw', db.paidOrders, async () => {
    if (Object.keys(set).length > 0) await setPaidOrders(db, set);
    if (clear.length > 0) await db.paidOrders.bulkDelete(clear);
  });
}

/** A write failure in words the page can show: quota, or the error's own message. */
export function describeWriteError(err: unknown): { quota: boolean; detail: string } {
  const name = (err as { name?: unknown } | null)?.name;
  const inner = (err as { inner?: { name?: unknown } } | null)?.inner?.name;
  const quota = name === 'QuotaExceededError' || inner === 'QuotaExceededError';
  const detail = err instanceof Error ? err.message : String(err);
  return { quota, detail };
}
