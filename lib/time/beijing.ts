// Beijing time (UTC+8, no daylight saving) ↔ UTC instants, independent of the machine's time zone (domain.md "Time").
// Page text never goes to `new Date(string)`: that would read it in the computer's local zone.

export const BEIJING_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

/** Epoch ms of a Beijing wall-clock time, or null when the parts are not a real date/time. */
export function beijingToInstant(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  if (hour < 0 || minute < 0 || second < 0) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(utc);
  // Date.UTC rolls 02-30 over to 03-02: reject instead of guessing.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return utc - BEIJING_OFFSET_MS;
}

const DATE_TIME = /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?/;

/**
 * Reads the first "YYYY-MM-DD[ HH:MM[:SS]]" (also "/" or "年月日" separators) in normalised text as Beijing time.
 * Returns null when there is none or it is not a real date.
 */
export function parseBeijingDateTime(text: string): number | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  return beijingToInstant(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The Beijing calendar date of an instant, `YYYY-MM-DD` (D(t) of domain.md §6.1). */
export function beijingDate(instant: number): string {
  const d = new Date(instant + BEIJING_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `YYYY-MM-DD HH:mm[:ss]` in Beijing time. */
export function formatBeijing(instant: number, withSeconds = false): string {
  const d = new Date(instant + BEIJING_OFFSET_MS);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${withSeconds ? `:${pad(d.getUTCSeconds())}` : ''}`;
  return `${beijingDate(instant)} ${time}`;
}

/** Shifts a `YYYY-MM-DD` date by whole days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = Date.UTC(y, m - 1, d) + days * DAY_MS;
  return new Date(t).toISOString().slice(0, 10);
}
