// Quiet hours on the Beijing wall clock (UTC+8, no daylight saving), whatever the computer's time zone.
import { BEIJING_OFFSET_MS, DAY_MS } from '../time/beijing';
import type { QuietHours } from '../settings/reminder-settings';

const MINUTE_MS = 60_000;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/**
 * When `t` falls inside the quiet period, the instant that period ends (exclusive end, so the end is not quiet);
 * otherwise null. start > end crosses midnight (22:00–08:00); start === end or `enabled: false` is never quiet.
 */
export function quietEndAt(t: number, quiet: QuietHours): number | null {
  if (!quiet.enabled) return null;
  const start = minutesOf(quiet.start) * MINUTE_MS;
  const end = minutesOf(quiet.end) * MINUTE_MS;
  if (start === end) return null;
  const msOfDay = (((t + BEIJING_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  const dayStart = t - msOfDay; // Beijing midnight of t's Beijing date
  if (start < end) return msOfDay >= start && msOfDay < end ? dayStart + end : null;
  if (msOfDay >= start) return dayStart + DAY_MS + end; // evening part: ends tomorrow morning
  if (msOfDay < end) return dayStart + end; // morning part
  return null;
}
