// Indicator windows made of whole Beijing calendar days (domain.md §6.1, §10), independent of the machine's time zone.
// Day indices are Beijing dates counted as days since 1970-01-01: floor((t + 8 h) / DAY_MS). No Date object per event.
import { BEIJING_OFFSET_MS, DAY_MS } from './time/beijing';

const DEFAULT_WINDOW_DAYS = 28;

/** Beijing date of an instant as a day index (the UTC date of t + 8 h, §6.1). NaN for a non-finite instant. */
export function beijingDayIndex(instant: number): number {
  return Math.floor((instant + BEIJING_OFFSET_MS) / DAY_MS);
}

/** `YYYY-MM-DD` of a day index. */
export function dayIndexToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The window length W; throws on anything but a whole number of days in 1 … 366 (the settings offer 28 or 30). */
export function resolveWindowDays(windowDays: number | undefined): number {
  const w = windowDays ?? DEFAULT_WINDOW_DAYS;
  if (!Number.isInteger(w) || w < 1 || w > 366) throw new RangeError(`windowDays must be a whole number of days (28 or 30), got ${w}`);
  return w;
}

/** W(t): the W Beijing dates D(t)−W+1 … D(t), oldest first (§6.1). */
export function windowDates(asOf: number, windowDays?: number): string[] {
  const w = resolveWindowDays(windowDays);
  const end = beijingDayIndex(asOf);
  const dates: string[] = [];
  for (let d = end - w + 1; d <= end; d++) dates.push(dayIndexToDate(d));
  return dates;
}

/** The paid-order count entered for a date; a missing (or non-finite, negative) entry counts as 0 (§6.2). */
export function paidOrdersOn(paidOrdersByDay: Readonly<Record<string, number>>, date: string): number {
  const v = Object.prototype.hasOwnProperty.call(paidOrdersByDay, date) ? paidOrdersByDay[date] : undefined;
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0;
}

/** Whether a date has a usable paid-order entry (the coverage line reports the others, §6.2). */
function hasPaidOrders(paidOrdersByDay: Readonly<Record<string, number>>, date: string): boolean {
  const v = Object.prototype.hasOwnProperty.call(paidOrdersByDay, date) ? paidOrdersByDay[date] : undefined;
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

/** Coverage: the dates of W(asOf) without a paid-order entry, oldest first (§6.2 "reported as missing"). */
export function missingPaidOrderDates(paidOrdersByDay: Readonly<Record<string, number>>, asOf: number, windowDays?: number): string[] {
  return windowDates(asOf, windowDays).filter((date) => !hasPaidOrders(paidOrdersByDay, date));
}
