// Every key Refund Radar stores something under, outside the refund and paid-order tables, in one place: a new key is
// added here first, so two features can never write the same key and a reader knows where each value lives.

/** Dexie `settings` table (extension origin): the user's settings, versioned (lib/settings/). */
export const SETTINGS_KEY = 'settings';
/** Dexie `settings` table: which reminders were shown, per refund and stage (lib/reminders/load.ts). */
export const REMINDER_STATE_KEY = 'reminders-state';
/** `storage.local`: the last dashboard the background computed, for the first popup after a browser start. */
export const DASHBOARD_SNAPSHOT_KEY = 'dashboard-snapshot';
/** `storage.session`: the latest page report of one tab (it survives the service worker being stopped). */
export const tabReportKey = (tabId: number): string => `tab:${tabId}`;
